//===- IrFuzzer.cpp - libFuzzer harness for tfx IR and its passes ---------===//
//
// Built with clang's -fsanitize=fuzzer,address,undefined (see CMakeLists.txt)
// from tfx's dialect, pass and registration sources; MLIR and LLVM are
// Debian's shared libraries, uninstrumented. Each input is parsed the way
// every tfx tool parses (tfx/Support/ParseModule.h: tfx::firstParseError
// reports the first parse error from another process, which keeps MLIR 19's
// faulty error cleanup out of this one; it runs in tfx-fuzz-parse-guard,
// ParseGuard.cpp, because forking this ASan process costs ~5 ms), verified,
// and then run through one of the pipelines below, chosen by a hash of the
// input, and the result verified. Diagnostics are expected output, not
// findings: only a crash, a sanitizer report, a hang, a pass that fails
// without an error, or one that leaves invalid IR is.
//
//===----------------------------------------------------------------------===//

#include "tfx/InitTfx.h"
#include "tfx/Support/FdIO.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <iterator>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace {

/// The pipelines tfx-opt users run (the six of test/fuzz/ir_mutate.py, and
/// the other replacement modes).
const char *const kPipelines[] = {
    "builtin.module(canonicalize,cse)",
    "builtin.module(decompose-attention,canonicalize)",
    "builtin.module(replace-attention{mode=alr})",
    "builtin.module(replace-attention{mode=alrr sites=enc-sa,dec-sa})",
    "builtin.module(replace-attention{mode=aslr size=s})",
    "builtin.module(replace-attention{mode=elr sites=enc-sa})",
    "builtin.module(fuse-lsra)",
};

mlir::DialectRegistry &registry() {
  static mlir::DialectRegistry *r = [] {
    auto *reg = new mlir::DialectRegistry;
    tfx::registerTfxDialects(*reg);
    tfx::registerTfxToolPasses();
    return reg;
  }();
  return *r;
}

[[noreturn]] void fatal(const char *what) {
  std::fprintf(stderr, "tfx-ir-fuzzer: %s\n", what);
  std::abort();
}

/// The parse guard: tfx-fuzz-parse-guard beside this binary (or
/// $TFX_PARSE_GUARD), started once; the protocol is in ParseGuard.cpp.
struct Guard {
  int to = -1, from = -1;
  pid_t pid = 0;

  void start() {
    std::string path;
    if (const char *env = std::getenv("TFX_PARSE_GUARD")) {
      path = env;
    } else {
      char self[4096];
      ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1);
      if (n <= 0)
        fatal("cannot find this binary's directory; set TFX_PARSE_GUARD");
      path.assign(self, static_cast<size_t>(n));
      size_t slash = path.rfind('/');
      path = (slash == std::string::npos ? std::string() : path.substr(0, slash + 1)) +
             "tfx-fuzz-parse-guard";
    }
    int up[2], down[2];
    if (::pipe2(up, O_CLOEXEC) || ::pipe2(down, O_CLOEXEC))
      fatal("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, up[0], 0);
    posix_spawn_file_actions_adddup2(&actions, down[1], 1);
    char *args[] = {const_cast<char *>(path.c_str()), nullptr};
    if (posix_spawn(&pid, path.c_str(), &actions, nullptr, args, environ) != 0) {
      std::fprintf(stderr, "tfx-ir-fuzzer: cannot start %s\n", path.c_str());
      std::abort();
    }
    posix_spawn_file_actions_destroy(&actions);
    ::close(up[0]);
    ::close(down[1]);
    to = up[1];
    from = down[0];
  }

  [[noreturn]] void gone() {
    int status = 0;
    pid_t waited;
    do
      waited = ::waitpid(pid, &status, 0);
    while (waited < 0 && errno == EINTR);
    if (waited == pid && WIFSIGNALED(status))
      std::fprintf(stderr, "tfx-ir-fuzzer: the parse guard died of signal %d\n",
                   WTERMSIG(status));
    else
      std::fprintf(stderr, "tfx-ir-fuzzer: the parse guard exited (status %d)\n",
                   WEXITSTATUS(status));
    std::abort();
  }

  /// True when `text` parses.
  bool parses(llvm::StringRef text) {
    uint64_t size = text.size();
    // tfx's pipe helpers retry after libFuzzer's SIGALRM timer interrupts them.
    if (!tfx::writeAll(to, &size, sizeof size) || !tfx::writeAll(to, text.data(), text.size()))
      gone();
    uint8_t status;
    uint64_t length;
    if (!tfx::readExactly(from, &status, 1) || !tfx::readExactly(from, &length, sizeof length))
      gone();
    std::string error(length, '\0');
    if (length && !tfx::readExactly(from, error.data(), length))
      gone();
    return status == 0;
  }
};

Guard &guard() {
  static Guard g;
  return g;
}

[[noreturn]] void finding(const char *what, const char *pipeline) {
  std::fprintf(stderr, "tfx-ir-fuzzer: %s (pipeline %s)\n", what, pipeline);
  std::abort();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  (void)registry();
  guard().start();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef text(reinterpret_cast<const char *>(data), size);
  if (!guard().parses(text))
    return 0;

  mlir::MLIRContext context(registry(), mlir::MLIRContext::Threading::DISABLED);
  bool errorReported = false;
  context.getDiagEngine().registerHandler([&](mlir::Diagnostic &d) {
    if (d.getSeverity() == mlir::DiagnosticSeverity::Error)
      errorReported = true;
    return mlir::success();
  });
  auto sourceMgr = std::make_shared<llvm::SourceMgr>();
  sourceMgr->AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(text, "fuzz-input.mlir"), llvm::SMLoc());
  mlir::OwningOpRef<mlir::ModuleOp> module = mlir::parseSourceFile<mlir::ModuleOp>(
      sourceMgr, mlir::ParserConfig(&context, /*verifyAfterParse=*/false));
  if (!module)
    return 0;
  if (mlir::failed(mlir::verify(*module)))
    return 0;

  // One pipeline per input keeps the rate up; which one depends on the
  // input, so a finding replays.
  const char *pipeline = kPipelines[llvm::hash_value(text) % std::size(kPipelines)];
  mlir::PassManager pm(&context);
  // No verifier between passes: a pass that leaves invalid IR is a finding
  // (checked below), not an error diagnostic to skip.
  pm.enableVerifier(false);
  std::string pipelineError;
  llvm::raw_string_ostream pipelineErrors(pipelineError);
  if (mlir::failed(mlir::parsePassPipeline(pipeline, pm, pipelineErrors)))
    finding("a built-in pipeline does not parse", pipeline);
  errorReported = false;
  if (mlir::failed(pm.run(*module))) {
    if (!errorReported)
      finding("a pass failed without an error diagnostic", pipeline);
    return 0;
  }
  if (mlir::failed(mlir::verify(*module)))
    finding("a pipeline succeeded but left invalid IR", pipeline);
  return 0;
}
