//===- Passes.h - tfx passes --------------------------------------*- C++ -*-===//

#ifndef TFX_TRANSFORMS_PASSES_H
#define TFX_TRANSFORMS_PASSES_H

#include "mlir/Pass/Pass.h"

namespace mlir {
class ModuleOp;
} // namespace mlir

namespace tfx {

#define GEN_PASS_DECL
#include "tfx/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "tfx/Transforms/Passes.h.inc"

} // namespace tfx

#endif // TFX_TRANSFORMS_PASSES_H
