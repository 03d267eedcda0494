//===- tfx-translate.cpp - emit a model as a library apps compile in ------===//
//
//   tfx-translate MODEL.mlir --emit=cpp -o DIR [--name N] [--function F,...]
//                 [--embed-weights W.safetensors]
//   tfx-translate MODEL.mlir --emit=static-library --target=T -o DIR
//   tfx-translate MODEL.mlir --emit=cuda|opencl -o DIR [--target=T]
//   tfx-translate MODEL.mlir --emit=plan [-o FILE] [--function F,...]
//
// --emit=plan prints the execution plans (kernels with typed attributes,
// constants, steps with views and release points) instead of a library.
//
// The output directory holds a C ABI header, the generated driver, the
// kernels, the Halide runtime and build.sh (see include/tfx/Target/Emit.h and
// docs/translate.md). It is written atomically: on any error nothing is left
// at DIR and the exit code is 1.
//
//===----------------------------------------------------------------------===//

#include "tfx/InitTfx.h"
#include "tfx/Support/CommandLine.h"
#include "tfx/Support/ParseModule.h"
#include "tfx/Support/Paths.h"
#include "tfx/Target/Emit.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

namespace cl = llvm::cl;

static cl::OptionCategory category("tfx-translate options");
static cl::opt<std::string> modelPath(cl::Positional, cl::Required,
                                      cl::desc("<model.mlir>"), cl::cat(category));
static cl::opt<std::string> emit("emit", cl::Required,
                                 cl::desc("What to emit: cpp | static-library | cuda | opencl | plan"),
                                 cl::cat(category));
static cl::opt<std::string> target("target",
                                   cl::desc("Halide target (default: host; cuda: "
                                            "host-cuda-cuda_capability_80; opencl: host-opencl)"),
                                   cl::cat(category));
static cl::opt<std::string> outDir("o", cl::desc("Output directory (--emit=plan: file, default stdout)"),
                                   cl::value_desc("dir"), cl::cat(category));
static cl::opt<std::string> libName("name",
                                    cl::desc("Library name (C ABI prefix; default: the "
                                             "module's tfx.model)"),
                                    cl::cat(category));
static cl::list<std::string> functions("function", cl::CommaSeparated,
                                       cl::desc("Functions to emit (default: all)"),
                                       cl::cat(category));
static cl::opt<std::string> embedWeights("embed-weights",
                                         cl::desc("Compile this safetensors file into the library"),
                                         cl::value_desc("file"), cl::cat(category));

static int fail(const std::string &message) {
  llvm::WithColor::error(llvm::errs(), "tfx-translate") << message << "\n";
  return 1;
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  if (!tfx::parseCommandLine(argc, argv, "tfx model -> C++ / CUDA / OpenCL library\n", "tfx-translate"))
    return 1;
  auto kind = tfx::target::parseEmitKind(emit);
  if (!kind)
    return fail(kind.status().message());
  bool plan = *kind == tfx::target::EmitKind::Plan;
  if (!plan && outDir.empty())
    return fail("-o DIR is required");
  if (plan && tfx::sameFile(outDir, modelPath))
    return fail("refusing to write the plan over the model '" + modelPath + "'");

  mlir::DialectRegistry registry;
  tfx::registerTfxDialects(registry);
  mlir::MLIRContext context(registry);
  std::string diagnostics;
  mlir::OwningOpRef<mlir::ModuleOp> module =
      tfx::parseModuleFile(modelPath, context, diagnostics);
  if (!module) {
    llvm::errs() << diagnostics;
    return fail("cannot load model '" + modelPath + "'");
  }

  if (plan) {
    auto text = tfx::target::printPlans(
        *module, std::vector<std::string>(functions.begin(), functions.end()),
        target);
    if (!text)
      return fail(text.status().message());
    // "-" (or no -o) is stdout; a file is written whole or not at all.
    if (llvm::Error err = llvm::writeToOutput(
            outDir.empty() ? std::string("-") : std::string(outDir),
            [&](llvm::raw_ostream &os) -> llvm::Error {
              os << *text;
              return llvm::Error::success();
            }))
      return fail("cannot write '" + outDir + "': " + llvm::toString(std::move(err)));
    return 0;
  }

  tfx::target::EmitOptions options;
  options.kind = *kind;
  options.target = target;
  options.outDir = outDir;
  options.name = libName;
  options.functions.assign(functions.begin(), functions.end());
  options.embedWeights = embedWeights;
  tfx::rt::Status s = tfx::target::emitLibrary(*module, options);
  if (!s)
    return fail(s.message());
  return 0;
}
