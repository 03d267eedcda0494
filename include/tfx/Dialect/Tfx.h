//===- Tfx.h - the tfx dialect and its ops ----------------------*- C++ -*-===//
//
// Include this to build or inspect tfx IR. The op classes are generated from
// dialects/tfx/TfxOps.td.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_DIALECT_TFX_H
#define TFX_DIALECT_TFX_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "tfx/runtime/Limits.h"

#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "dialects/tfx/TfxDialect.h.inc"

namespace tfx {

/// Largest element count of a tensor a tfx kernel indexes (int32 extents).
inline constexpr int64_t kMaxTensorElements = rt::kMaxKernelElements;

/// The TensorLimits check: every static dimension of the op's ranked tensor
/// operands and results is at least 1, and their static element counts are
/// at most kMaxTensorElements.
mlir::LogicalResult verifyTensorLimits(mlir::Operation *op);

/// Op trait of every tfx op (see dialects/tfx/TfxDialect.td).
template <typename ConcreteType>
class TensorLimits : public mlir::OpTrait::TraitBase<ConcreteType, TensorLimits> {
public:
  static mlir::LogicalResult verifyTrait(mlir::Operation *op) { return verifyTensorLimits(op); }
};

} // namespace tfx

#define GET_OP_CLASSES
#include "dialects/tfx/TfxOps.h.inc"

namespace tfx {

/// Module attribute that marks a module as a tfx model (its value is the
/// model's name); it turns on module-wide checks such as parameter types.
inline constexpr llvm::StringLiteral kModelAttrName = "tfx.model";

/// Argument/result attribute that names a function input or output; runtimes
/// match tensors of an inputs/outputs file to function arguments by it.
inline constexpr llvm::StringLiteral kNameAttrName = "tfx.name";

} // namespace tfx

#endif // TFX_DIALECT_TFX_H
