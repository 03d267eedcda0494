//===- tfx-opt.cpp - the mlir-opt style driver for tfx --------------------===//
//
// Parses tfx IR, runs the requested passes and prints the result. All the
// standard mlir-opt flags work (--pass-pipeline, --split-input-file,
// --verify-diagnostics, --mlir-print-ir-after-all, --mlir-timing, ...).
//
// Workaround for an upstream MLIR 19 bug: after some parse errors (a use of
// an undefined value in one function, then a syntax error in a later one),
// the parser's cleanup of the partial module writes to freed memory and can
// abort the process (docs/robustness.md has the reproducer). So a
// file is first parsed in a child process (tfx::firstParseError); at the
// first parse error tfx-opt prints it and exits with 1. (Not with
// --verify-diagnostics or --split-input-file, which must see every error,
// nor for stdin, which cannot be read twice.)
//
//===----------------------------------------------------------------------===//

#include "tfx/InitTfx.h"
#include "tfx/Support/CommandLine.h"
#include "tfx/Support/ParseModule.h"

#include "mlir/Debug/Counter.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/Timing.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  tfx::registerTfxDialects(registry);
  tfx::registerTfxToolPasses();
  // mlir::registerAndParseCLIOptions, with option errors printed as
  // `tfx-opt: error: ...` like every other tfx driver.
  static llvm::cl::opt<std::string> inputFilename(llvm::cl::Positional,
                                                  llvm::cl::desc("<input file>"),
                                                  llvm::cl::init("-"));
  static llvm::cl::opt<std::string> outputFilename("o", llvm::cl::desc("Output filename"),
                                                   llvm::cl::value_desc("filename"),
                                                   llvm::cl::init("-"));
  mlir::MlirOptMainConfig::registerCLOptions(registry);
  mlir::registerAsmPrinterCLOptions();
  mlir::registerMLIRContextCLOptions();
  mlir::registerPassManagerCLOptions();
  mlir::registerDefaultTimingManagerCLOptions();
  mlir::tracing::DebugCounter::registerCLOptions();
  std::string header = "tfx optimizer driver: tfx dialect passes\nAvailable Dialects: ";
  {
    llvm::raw_string_ostream os(header);
    llvm::interleaveComma(registry.getDialectNames(), os, [&](auto name) { os << name; });
  }
  if (!tfx::parseCommandLine(argc, argv, header, "tfx-opt"))
    return 1;
  std::string input = inputFilename, output = outputFilename;
  mlir::MlirOptMainConfig config = mlir::MlirOptMainConfig::createFromCLOptions();
  if (input != "-" && !config.shouldVerifyDiagnostics() && config.inputSplitMarker().empty()) {
    // The parse-error workaround (tfx/Support/ParseModule.h).
    std::string error;
    if (std::unique_ptr<llvm::MemoryBuffer> file = mlir::openInputFile(input, &error))
      if (std::optional<std::string> parseError = tfx::firstParseError(
              *file, registry, config.shouldAllowUnregisteredDialects())) {
        llvm::errs() << *parseError;
        return 1;
      }
  }
  return mlir::asMainReturnCode(mlir::MlirOptMain(argc, argv, input, output, registry));
}
