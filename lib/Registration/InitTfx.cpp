//===- InitTfx.cpp - dialect and pass registration ------------------------===//

#include "tfx/InitTfx.h"

#include "tfx/Dialect/Tfx/TfxOps.h"
#include "tfx/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Transforms/Passes.h"

void tfx::registerTfxDialects(mlir::DialectRegistry &registry) {
  registry.insert<tfx::TfxDialect, mlir::func::FuncDialect>();
}

void tfx::registerTfxToolPasses() {
  tfx::registerTfxPasses(); // generated from Passes.td
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();
  mlir::registerSymbolDCEPass();
  mlir::registerInlinerPass();
  mlir::registerPrintOpStatsPass();
}
