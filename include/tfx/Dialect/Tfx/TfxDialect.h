//===- TfxDialect.h - the tfx dialect ---------------------------*- C++ -*-===//
//
// The dialect class and the names of its attributes. To build or inspect tfx
// IR, include tfx/Dialect/Tfx/TfxOps.h (the op classes; it includes this).
//
//===----------------------------------------------------------------------===//

#ifndef TFX_DIALECT_TFX_TFXDIALECT_H
#define TFX_DIALECT_TFX_TFXDIALECT_H

#include "mlir/IR/Dialect.h"

#include "tfx/Dialect/Tfx/TfxDialect.h.inc"

namespace tfx {

/// Module attribute that marks a module as a tfx model (its value is the
/// model's name); it turns on module-wide checks such as parameter types.
inline constexpr llvm::StringLiteral kModelAttrName = "tfx.model";

/// Argument/result attribute that names a function input or output; runtimes
/// match tensors of an inputs/outputs file to function arguments by it.
inline constexpr llvm::StringLiteral kNameAttrName = "tfx.name";

} // namespace tfx

#endif // TFX_DIALECT_TFX_TFXDIALECT_H
