//===- TfxShapeHelpers.cpp - shape checks shared by the verifiers ---------===//
//
// See TfxShapeHelpers.h.
//
//===----------------------------------------------------------------------===//

#include "TfxShapeHelpers.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

namespace tfx::shape_helpers {

std::string formatShape(ArrayRef<int64_t> shape) {
  std::string out;
  llvm::raw_string_ostream os(out);
  os << '[';
  llvm::interleaveComma(shape, os, [&](int64_t d) {
    if (ShapedType::isDynamic(d))
      os << '?';
    else
      os << d;
  });
  os << ']';
  return out;
}

bool dimsCompatible(int64_t a, int64_t b) {
  return ShapedType::isDynamic(a) || ShapedType::isDynamic(b) || a == b;
}

bool shapesCompatible(ArrayRef<int64_t> a, ArrayRef<int64_t> b) {
  return a.size() == b.size() &&
         llvm::all_of(llvm::zip(a, b), [](auto pair) {
           return dimsCompatible(std::get<0>(pair), std::get<1>(pair));
         });
}

ArrayRef<int64_t> shapeOf(Value v) {
  return llvm::cast<RankedTensorType>(v.getType()).getShape();
}

/// Emits "<what> must have shape X but has shape Y" unless compatible.
LogicalResult expectShape(Operation *op, StringRef what, Value value,
                          ArrayRef<int64_t> expected) {
  ArrayRef<int64_t> actual = shapeOf(value);
  if (shapesCompatible(actual, expected))
    return success();
  return op->emitOpError() << what << " must have shape "
                           << formatShape(expected) << " but has shape "
                           << formatShape(actual);
}

LogicalResult expectRank(Operation *op, StringRef what, Value value,
                         int64_t rank, StringRef layout) {
  int64_t actual = shapeOf(value).size();
  if (actual == rank)
    return success();
  return op->emitOpError() << what << " must be " << layout << " (rank "
                           << rank << ") but has rank " << actual;
}

/// Resolves a possibly negative axis; fails with a message if out of range.
FailureOr<int64_t> resolveAxis(Operation *op, int64_t axis, int64_t rank) {
  int64_t resolved = axis < 0 ? axis + rank : axis;
  if (resolved < 0 || resolved >= rank)
    return op->emitOpError() << "axis " << axis
                             << " is out of range for a tensor of rank "
                             << rank;
  return resolved;
}

/// NumPy broadcasting of two shapes; nullopt if they do not broadcast.
std::optional<SmallVector<int64_t>> broadcastShapes(ArrayRef<int64_t> a,
                                                    ArrayRef<int64_t> b) {
  size_t rank = std::max(a.size(), b.size());
  SmallVector<int64_t> out(rank);
  for (size_t i = 0; i < rank; ++i) {
    int64_t da = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t db = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    if (da == 1)
      out[i] = db;
    else if (db == 1)
      out[i] = da;
    else if (dimsCompatible(da, db))
      out[i] = ShapedType::isDynamic(da) ? db : da;
    else
      return std::nullopt;
  }
  return out;
}

int64_t staticProduct(ArrayRef<int64_t> shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    if (!ShapedType::isDynamic(d))
      n *= d;
  return n;
}

} // namespace tfx::shape_helpers
