//===- tfx-opt.cpp - the mlir-opt style driver for tfx --------------------===//
//
// Parses tfx IR, runs the requested passes and prints the result. All the
// standard mlir-opt flags work (--pass-pipeline, --split-input-file,
// --verify-diagnostics, --mlir-print-ir-after-all, --mlir-timing, ...).
//
//===----------------------------------------------------------------------===//

#include "tfx/InitTfx.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  tfx::registerTfxDialects(registry);
  tfx::registerTfxToolPasses();
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "tfx optimizer driver: tfx dialect passes\n", registry));
}
