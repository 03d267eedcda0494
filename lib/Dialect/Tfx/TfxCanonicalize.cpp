//===- TfxCanonicalize.cpp - folders and canonicalisation patterns --------===//
//
// Only rewrites that are always profitable and obviously correct live here:
// identities (dropout at inference, identity transposes/reshapes, full slices,
// single-input concats), chain collapsing (transpose/reshape chains, slice
// of a slice, slice of a concat that picks exactly one input, concat of a
// concat, concat of adjacent slices) and non-negative axes on slice/concat,
// so that one computation has one spelling for the matchers (fuse-lsra). test/Dialect/tfx/canonicalize.mlir
// covers each one.
//
//===----------------------------------------------------------------------===//

#include "tfx/Dialect/Tfx/TfxOps.h"

#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace tfx;

OpFoldResult DropoutOp::fold(FoldAdaptor) { return getInput(); }

//===----------------------------------------------------------------------===//
// Transpose
//===----------------------------------------------------------------------===//

static bool isIdentity(ArrayRef<int64_t> perm) {
  for (auto [i, p] : llvm::enumerate(perm))
    if (p != static_cast<int64_t>(i))
      return false;
  return true;
}

OpFoldResult TransposeOp::fold(FoldAdaptor) {
  if (isIdentity(getPermutation()) && getInput().getType() == getType())
    return getInput();
  return {};
}

namespace {
/// transpose(transpose(x, inner), outer) -> transpose(x, inner o outer).
struct ComposeTransposes : OpRewritePattern<TransposeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(TransposeOp op,
                                PatternRewriter &rewriter) const override {
    auto inner = op.getInput().getDefiningOp<TransposeOp>();
    if (!inner)
      return failure();
    ArrayRef<int64_t> innerPerm = inner.getPermutation();
    SmallVector<int64_t> composed;
    for (int64_t p : op.getPermutation())
      composed.push_back(innerPerm[p]);
    if (isIdentity(composed) && inner.getInput().getType() == op.getType()) {
      rewriter.replaceOp(op, inner.getInput());
      return success();
    }
    rewriter.replaceOpWithNewOp<TransposeOp>(op, op.getType(), inner.getInput(),
                                             composed);
    return success();
  }
};
} // namespace

void TransposeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                              MLIRContext *context) {
  results.add<ComposeTransposes>(context);
}

//===----------------------------------------------------------------------===//
// Reshape
//===----------------------------------------------------------------------===//

OpFoldResult ReshapeOp::fold(FoldAdaptor) {
  if (getInput().getType() == getType())
    return getInput();
  return {};
}

namespace {
/// reshape(reshape(x)) -> reshape(x): only the final shape matters.
struct CollapseReshapes : OpRewritePattern<ReshapeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ReshapeOp op,
                                PatternRewriter &rewriter) const override {
    auto inner = op.getInput().getDefiningOp<ReshapeOp>();
    if (!inner)
      return failure();
    Value source = inner.getInput();
    if (source.getType() == op.getType()) {
      rewriter.replaceOp(op, source);
      return success();
    }
    // The collapsed reshape must itself verify: with a dynamic batch, two
    // legal steps ([?, 4] -> [?, 2] -> [?, 6]) can make an illegal single
    // step ([?, 4] -> [?, 6], whose static counts do not divide).
    auto srcType = llvm::cast<RankedTensorType>(source.getType());
    if (srcType.getNumDynamicDims() > 0) {
      auto staticCount = [](RankedTensorType t) {
        int64_t n = 1;
        for (int64_t d : t.getShape())
          n *= ShapedType::isDynamic(d) ? 1 : d;
        return n;
      };
      int64_t in = staticCount(srcType), out = staticCount(op.getType());
      if (in % out != 0 && out % in != 0)
        return failure();
    }
    rewriter.replaceOpWithNewOp<ReshapeOp>(op, op.getType(), source);
    return success();
  }
};
} // namespace

void ReshapeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                            MLIRContext *context) {
  results.add<CollapseReshapes>(context);
}

//===----------------------------------------------------------------------===//
// Concat / slice
//===----------------------------------------------------------------------===//

OpFoldResult ConcatOp::fold(FoldAdaptor) {
  if (getInputs().size() == 1 && getInputs().front().getType() == getType())
    return getInputs().front();
  return {};
}

OpFoldResult SliceOp::fold(FoldAdaptor) {
  if (getInput().getType() == getType())
    return getInput(); // the slice covers the whole axis
  // slice(concat(a, b, ...)) that covers exactly one concat input -> that input.
  auto concat = getInput().getDefiningOp<ConcatOp>();
  if (!concat)
    return {};
  int64_t rank = getType().getRank();
  int64_t axis = getAxisAttr().getInt() < 0 ? getAxisAttr().getInt() + rank : getAxisAttr().getInt();
  int64_t concatAxis =
      concat.getAxisAttr().getInt() < 0 ? concat.getAxisAttr().getInt() + rank : concat.getAxisAttr().getInt();
  if (axis != concatAxis)
    return {};
  int64_t offset = 0;
  for (Value input : concat.getInputs()) {
    int64_t size = llvm::cast<RankedTensorType>(input.getType()).getDimSize(axis);
    if (offset == getStartAttr().getInt() && size == getSizeAttr().getInt() && input.getType() == getType())
      return input;
    offset += size;
  }
  return {};
}

namespace {

int64_t rankOf(Value v) { return llvm::cast<RankedTensorType>(v.getType()).getRank(); }

/// slice/concat with a negative axis -> the same op with axis + rank.
template <typename OpTy>
struct NonNegativeAxis : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op, PatternRewriter &rewriter) const override {
    int64_t axis = op.getAxisAttr().getInt();
    if (axis >= 0)
      return failure();
    rewriter.modifyOpInPlace(op, [&] {
      op.setAxisAttr(rewriter.getI64IntegerAttr(axis + rankOf(op.getResult())));
    });
    return success();
  }
};

/// slice(slice(x, a, n), b, m) on one axis -> slice(x, a + b, m).
struct ComposeSlices : OpRewritePattern<SliceOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(SliceOp op, PatternRewriter &rewriter) const override {
    auto inner = op.getInput().getDefiningOp<SliceOp>();
    if (!inner || inner.getAxisAttr().getInt() != op.getAxisAttr().getInt() ||
        op.getAxisAttr().getInt() < 0)
      return failure();
    rewriter.replaceOpWithNewOp<SliceOp>(
        op, op.getType(), inner.getInput(), op.getAxisAttr(),
        rewriter.getI64IntegerAttr(inner.getStartAttr().getInt() +
                                   op.getStartAttr().getInt()),
        op.getSizeAttr());
    return success();
  }
};

/// concat(a, concat(b, c), d) on one axis -> concat(a, b, c, d).
struct FlattenConcats : OpRewritePattern<ConcatOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ConcatOp op, PatternRewriter &rewriter) const override {
    int64_t axis = op.getAxisAttr().getInt();
    if (axis < 0)
      return failure();
    SmallVector<Value> inputs;
    bool changed = false;
    for (Value v : op.getInputs()) {
      auto inner = v.getDefiningOp<ConcatOp>();
      if (inner && inner.getAxisAttr().getInt() == axis) {
        llvm::append_range(inputs, inner.getInputs());
        changed = true;
      } else {
        inputs.push_back(v);
      }
    }
    if (!changed)
      return failure();
    rewriter.replaceOpWithNewOp<ConcatOp>(op, op.getType(), inputs, op.getAxisAttr());
    return success();
  }
};

/// concat(..., slice(x, a, n), slice(x, a + n, m), ...) -> concat(...,
/// slice(x, a, n + m), ...): neighbouring pieces of one tensor are merged
/// (the full-range slice then folds to x itself).
struct MergeAdjacentSlices : OpRewritePattern<ConcatOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ConcatOp op, PatternRewriter &rewriter) const override {
    int64_t axis = op.getAxisAttr().getInt();
    if (axis < 0)
      return failure();
    SmallVector<Value> inputs(op.getInputs());
    for (size_t i = 0; i + 1 < inputs.size(); ++i) {
      auto a = inputs[i].getDefiningOp<SliceOp>();
      auto b = inputs[i + 1].getDefiningOp<SliceOp>();
      if (!a || !b || a.getInput() != b.getInput() ||
          a.getAxisAttr().getInt() != axis || b.getAxisAttr().getInt() != axis ||
          a.getStartAttr().getInt() + a.getSizeAttr().getInt() !=
              b.getStartAttr().getInt())
        continue;
      auto type = llvm::cast<RankedTensorType>(a.getType());
      SmallVector<int64_t> shape(type.getShape());
      int64_t size = a.getSizeAttr().getInt() + b.getSizeAttr().getInt();
      shape[axis] = size;
      Value merged = rewriter.create<SliceOp>(
          op.getLoc(), RankedTensorType::get(shape, type.getElementType()),
          a.getInput(), a.getAxisAttr(), a.getStartAttr(),
          rewriter.getI64IntegerAttr(size));
      inputs[i] = merged;
      inputs.erase(inputs.begin() + i + 1);
      rewriter.replaceOpWithNewOp<ConcatOp>(op, op.getType(), inputs, op.getAxisAttr());
      return success();
    }
    return failure();
  }
};

} // namespace

void SliceOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                          MLIRContext *context) {
  results.add<NonNegativeAxis<SliceOp>, ComposeSlices>(context);
}

void ConcatOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                           MLIRContext *context) {
  results.add<NonNegativeAxis<ConcatOp>, FlattenConcats, MergeAdjacentSlices>(context);
}
