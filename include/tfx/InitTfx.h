//===- InitTfx.h - what the tfx tools register --------------------*- C++ -*-===//
//
// One registration point shared by tfx-opt, tfx-translate and the unit tests,
// so every driver sees the same dialects and passes. Only the dialects and
// upstream passes tfx uses are registered (InitAllDialects is slow to build
// and bloats the tools).
//
//===----------------------------------------------------------------------===//

#ifndef TFX_INITTFX_H
#define TFX_INITTFX_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace tfx {

/// Registers the tfx dialect and the upstream dialects tfx IR uses (func).
void registerTfxDialects(mlir::DialectRegistry &registry);

/// Registers the tfx passes and the upstream passes useful on tfx IR
/// (canonicalize, cse, symbol-dce, inline, print-op-stats).
void registerTfxToolPasses();

} // namespace tfx

#endif // TFX_INITTFX_H
