//===- TfxShapeHelpers.h - shape checks shared by the verifiers -*- C++ -*-===//
//
// Private to lib/Dialect/Tfx. Verifier messages name the operand and show
// expected vs actual shapes as [d0, d1, ...] with `?` for a dynamic dimension.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_LIB_DIALECT_TFX_TFXSHAPEHELPERS_H
#define TFX_LIB_DIALECT_TFX_TFXSHAPEHELPERS_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Operation.h"
#include "mlir/Support/LogicalResult.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>
#include <string>

namespace tfx::shape_helpers {

/// [d0, d1, ...] with `?` for a dynamic dimension.
std::string formatShape(llvm::ArrayRef<int64_t> shape);

/// Equal, or at least one of them dynamic.
bool dimsCompatible(int64_t a, int64_t b);

/// Same rank and every dimension pair compatible.
bool shapesCompatible(llvm::ArrayRef<int64_t> a, llvm::ArrayRef<int64_t> b);

/// The shape of a value of ranked tensor type.
llvm::ArrayRef<int64_t> shapeOf(mlir::Value v);

/// Emits "<what> must have shape X but has shape Y" unless compatible.
mlir::LogicalResult expectShape(mlir::Operation *op, llvm::StringRef what,
                                mlir::Value value,
                                llvm::ArrayRef<int64_t> expected);

/// Emits "<what> must be <layout> (rank R) but has rank N" unless of rank R.
mlir::LogicalResult expectRank(mlir::Operation *op, llvm::StringRef what,
                               mlir::Value value, int64_t rank,
                               llvm::StringRef layout);

/// Resolves a possibly negative axis; fails with a message if out of range.
mlir::FailureOr<int64_t> resolveAxis(mlir::Operation *op, int64_t axis,
                                     int64_t rank);

/// NumPy broadcasting of two shapes; nullopt if they do not broadcast.
std::optional<llvm::SmallVector<int64_t>>
broadcastShapes(llvm::ArrayRef<int64_t> a, llvm::ArrayRef<int64_t> b);

/// Product of the static dimensions (dynamic ones are skipped).
int64_t staticProduct(llvm::ArrayRef<int64_t> shape);

} // namespace tfx::shape_helpers

#endif // TFX_LIB_DIALECT_TFX_TFXSHAPEHELPERS_H
