//===- ParseModule.cpp - parsing tfx IR files safely ----------------------===//

#include "tfx/Support/ParseModule.h"

#include "tfx/Support/FdIO.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <sys/wait.h>
#include <unistd.h>

namespace tfx {

namespace {

/// The child's side: parse, and at the first error write it to `fd` and
/// leave at once, before the parser's faulty cleanup can run.
[[noreturn]] void parseInChild(const llvm::MemoryBuffer &buffer,
                               const mlir::DialectRegistry &registry,
                               bool allowUnregisteredDialects, int fd) {
  mlir::MLIRContext context(registry, mlir::MLIRContext::Threading::DISABLED);
  context.allowUnregisteredDialects(allowUnregisteredDialects);
  auto sourceMgr = std::make_shared<llvm::SourceMgr>();
  sourceMgr->AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBuffer(buffer.getBuffer(), buffer.getBufferIdentifier(),
                                       /*RequiresNullTerminator=*/false),
      llvm::SMLoc());
  std::string text;
  llvm::raw_string_ostream os(text);
  mlir::SourceMgrDiagnosticHandler printer(*sourceMgr, &context, os);
  context.getDiagEngine().registerHandler([&](mlir::Diagnostic &d) {
    printer.emitDiagnostic(d.getLocation(), d.str(), d.getSeverity());
    for (mlir::Diagnostic &note : d.getNotes())
      printer.emitDiagnostic(note.getLocation(), note.str(), note.getSeverity());
    if (d.getSeverity() != mlir::DiagnosticSeverity::Error)
      return mlir::success();
    os.flush();
    writeAll(fd, text.data(), text.size());
    ::_exit(1);
  });
  mlir::ParserConfig config(&context, /*verifyAfterParse=*/false);
  (void)mlir::parseSourceFile<mlir::ModuleOp>(sourceMgr, config);
  ::_exit(0);
}

} // namespace

std::optional<std::string> firstParseError(const llvm::MemoryBuffer &buffer,
                                           const mlir::DialectRegistry &registry,
                                           bool allowUnregisteredDialects) {
  int fds[2];
  if (::pipe(fds) != 0)
    return std::nullopt;
  pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return std::nullopt;
  }
  if (pid == 0) {
    ::close(fds[0]);
    parseInChild(buffer, registry, allowUnregisteredDialects, fds[1]);
  }
  ::close(fds[1]);
  std::string text = readToEnd(fds[0]);
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR)
      return std::nullopt;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 1 && !text.empty())
    return text;
  return std::nullopt;
}

mlir::OwningOpRef<mlir::ModuleOp> parseModuleFile(const std::string &path,
                                                  mlir::MLIRContext &context,
                                                  std::string &diagnostics) {
  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> file = mlir::openInputFile(path, &error);
  if (!file) {
    diagnostics = error;
    return nullptr;
  }
  if (std::optional<std::string> parseError =
          firstParseError(*file, context.getDialectRegistry(),
                          context.allowsUnregisteredDialects())) {
    diagnostics = std::move(*parseError);
    return nullptr;
  }
  auto sourceMgr = std::make_shared<llvm::SourceMgr>();
  sourceMgr->AddNewSourceBuffer(std::move(file), llvm::SMLoc());
  llvm::raw_string_ostream os(diagnostics);
  mlir::SourceMgrDiagnosticHandler handler(*sourceMgr, &context, os);
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceFile<mlir::ModuleOp>(sourceMgr, mlir::ParserConfig(&context));
  os.flush();
  return module;
}

} // namespace tfx
