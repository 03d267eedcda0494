//===- tfx-import.cpp - ONNX models into tfx IR + a weights file ----------===//
//
//   tfx-import MODEL.onnx [MORE.onnx ...] -o model.mlir --weights-out w.safetensors
//
// Each ONNX file becomes one function of the module (named by --function, in
// order; by default `main` for one file). Both outputs are written only when
// the whole import succeeded, together (see the end of main); an output path
// that is also an input is refused.
//
//===----------------------------------------------------------------------===//

#include "tfx/Import/Onnx.h"
#include "tfx/Support/CommandLine.h"
#include "tfx/Support/Paths.h"
#include "tfx/runtime/Safetensors.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

namespace cl = llvm::cl;

static cl::OptionCategory category("tfx-import options");
static cl::list<std::string> inputs(cl::Positional, cl::OneOrMore,
                                    cl::desc("<model.onnx>..."), cl::cat(category));
static cl::opt<std::string> outputPath("o", cl::Required,
                                       cl::desc("Output .mlir file ('-' for stdout)"),
                                       cl::value_desc("file"), cl::cat(category));
static cl::opt<std::string> weightsOut(
    "weights-out", cl::Required,
    cl::desc("Output safetensors file with every parameter the IR names"),
    cl::value_desc("file"), cl::cat(category));
static cl::list<std::string> functions(
    "function",
    cl::desc("Name of the function each input becomes, in order (repeat once per "
             "input; default: main for a single input, the file's stem otherwise)"),
    cl::value_desc("name"), cl::cat(category));
static cl::opt<std::string> modelName("model-name",
                                      cl::desc("Module name (tfx.model); default: the "
                                               "first input's stem"),
                                      cl::value_desc("name"), cl::cat(category));

static int fail(const llvm::Twine &message) {
  llvm::WithColor::error(llvm::errs(), "tfx-import") << message << "\n";
  return 1;
}

using tfx::sameFile;

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  if (!tfx::parseCommandLine(argc, argv,
                              "tfx-import: ONNX models (opsets 13-17) -> tfx IR + "
                              "weights (safetensors)\n", "tfx-import"))
    return 1;
  if (!functions.empty() && functions.size() != inputs.size())
    return fail("--function was given " + llvm::Twine(functions.size()) +
                " times for " + llvm::Twine(inputs.size()) + " inputs");
  if (outputPath != "-" && sameFile(outputPath, weightsOut))
    return fail("-o and --weights-out name the same file '" + weightsOut + "'");
  std::vector<tfx::OnnxSource> sources;
  for (size_t i = 0; i < inputs.size(); ++i) {
    for (const std::string &out : {std::string(outputPath), std::string(weightsOut)})
      if (sameFile(inputs[i], out))
        return fail("output '" + out + "' is also the input '" + inputs[i] + "'");
    std::string name = !functions.empty() ? functions[i]
                       : inputs.size() == 1
                           ? std::string("main")
                           : llvm::sys::path::stem(inputs[i]).str();
    if (name.empty())
      return fail("an empty function name for '" + inputs[i] + "'");
    sources.push_back({inputs[i], name});
  }
  std::string model = !modelName.empty()
                          ? std::string(modelName)
                          : llvm::sys::path::stem(inputs.front()).str();

  mlir::MLIRContext context;
  llvm::Expected<tfx::OnnxImport> imported = tfx::importOnnx(context, sources, model);
  if (!imported)
    return fail(llvm::toString(imported.takeError()));

  std::string text;
  llvm::raw_string_ostream os(text);
  os << "// Imported by tfx-import from";
  for (const std::string &in : inputs)
    os << " " << llvm::sys::path::filename(in);
  os << "; weights in " << llvm::sys::path::filename(weightsOut) << ".\n";
  imported->module->print(os);
  os << "\n";
  os.flush();

  // Both outputs or neither. To stdout: the IR first (a failed write leaves
  // no weights file), then the weights. To a file: the IR into a temporary
  // file beside it, then the weights (written atomically by the runtime),
  // then the IR renamed into place; any failure before the weights are
  // written leaves both destinations as they were.
  if (outputPath == "-") {
    llvm::outs() << text;
    llvm::outs().flush();
    if (llvm::outs().has_error()) {
      llvm::outs().clear_error();
      return fail("cannot write the IR to standard output");
    }
    tfx::rt::Status s = tfx::rt::writeSafetensors(weightsOut, imported->weights);
    return s ? 0 : fail(s.message());
  }
  int fd = -1;
  llvm::SmallString<256> tmp;
  if (std::error_code ec =
          llvm::sys::fs::createUniqueFile(outputPath + ".tmp-%%%%%%", fd, tmp))
    return fail("cannot write '" + outputPath + "': " + ec.message());
  {
    llvm::raw_fd_ostream out(fd, /*shouldClose=*/true);
    out << text;
    out.close();
    if (out.has_error()) {
      out.clear_error();
      llvm::sys::fs::remove(tmp);
      return fail("cannot write '" + outputPath + "'");
    }
  }
  tfx::rt::Status s = tfx::rt::writeSafetensors(weightsOut, imported->weights);
  if (!s) {
    llvm::sys::fs::remove(tmp);
    return fail(s.message());
  }
  if (std::error_code ec = llvm::sys::fs::rename(tmp, outputPath)) {
    llvm::sys::fs::remove(tmp);
    return fail("cannot write '" + outputPath + "': " + ec.message() +
                " (the weights file '" + weightsOut + "' was already written)");
  }
  return 0;
}
