//===- TfxOps.h - the tfx dialect and its ops -------------------*- C++ -*-===//
//
// Include this to build or inspect tfx IR: the dialect (TfxDialect.h) and the
// op classes, generated from include/tfx/Dialect/Tfx/TfxOps.td.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_DIALECT_TFX_TFXOPS_H
#define TFX_DIALECT_TFX_TFXOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "tfx/Dialect/Tfx/TfxDialect.h"
#include "tfx/runtime/Limits.h"

#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace tfx {

/// Largest element count of a tensor a tfx kernel indexes (int32 extents).
inline constexpr int64_t kMaxTensorElements = rt::kMaxKernelElements;

/// The TensorLimits check: every static dimension of the op's ranked tensor
/// operands and results is at least 1, and their static element counts are
/// at most kMaxTensorElements.
mlir::LogicalResult verifyTensorLimits(mlir::Operation *op);

/// Op trait of every tfx op (see include/tfx/Dialect/Tfx/TfxDialect.td).
template <typename ConcreteType>
class TensorLimits : public mlir::OpTrait::TraitBase<ConcreteType, TensorLimits> {
public:
  static mlir::LogicalResult verifyTrait(mlir::Operation *op) { return verifyTensorLimits(op); }
};

} // namespace tfx

#define GET_OP_CLASSES
#include "tfx/Dialect/Tfx/TfxOps.h.inc"

#endif // TFX_DIALECT_TFX_TFXOPS_H
