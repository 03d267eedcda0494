//===- AttentionBuilder.cpp - attention written with primitive ops --------===//

#include "tfx/Transforms/AttentionBuilder.h"

#include "tfx/Dialect/Tfx/TfxOps.h"

#include <cmath>
#include <limits>

using namespace mlir;

namespace tfx {

static RankedTensorType tensorOf(ArrayRef<int64_t> shape, Type element) {
  return RankedTensorType::get(shape, element);
}

Value buildDecomposedAttention(OpBuilder &b, Location loc,
                               const AttentionOperands &ops) {
  auto qType = llvm::cast<RankedTensorType>(ops.query.getType());
  auto kvType = llvm::cast<RankedTensorType>(ops.keyValue.getType());
  Type f32 = qType.getElementType();
  int64_t batch = qType.getDimSize(0), lq = qType.getDimSize(1),
          d = qType.getDimSize(2), lk = kvType.getDimSize(1);
  int64_t heads = ops.numHeads, dh = d / heads;

  auto project = [&](Value x, int64_t len, Value w, Value bias) {
    return b.create<LinearOp>(loc, tensorOf({batch, len, d}, f32), x, w, bias)
        .getResult();
  };
  // [B, L, D] -> [B, L, H, dh] -> permuted.
  auto splitHeads = [&](Value x, int64_t len, ArrayRef<int64_t> perm) {
    Value split =
        b.create<ReshapeOp>(loc, tensorOf({batch, len, heads, dh}, f32), x);
    int64_t dims[4] = {batch, len, heads, dh};
    SmallVector<int64_t> permuted;
    for (int64_t p : perm)
      permuted.push_back(dims[p]);
    return b.create<TransposeOp>(loc, tensorOf(permuted, f32), split, perm)
        .getResult();
  };

  Value q = splitHeads(project(ops.query, lq, ops.qWeight, ops.qBias), lq,
                       {0, 2, 1, 3});
  Value kT = splitHeads(project(ops.keyValue, lk, ops.kWeight, ops.kBias), lk,
                        {0, 2, 3, 1});
  Value v = splitHeads(project(ops.keyValue, lk, ops.vWeight, ops.vBias), lk,
                       {0, 2, 1, 3});

  auto scoresType = tensorOf({batch, heads, lq, lk}, f32);
  Value scores = b.create<MatmulOp>(loc, scoresType, q, kT);
  auto scalarType = tensorOf({}, f32);
  Value scale = b.create<ConstantOp>(
      loc, scalarType,
      DenseElementsAttr::get(scalarType,
                             static_cast<float>(1.0 / std::sqrt(double(dh)))));
  scores = b.create<MulOp>(loc, scoresType, scores, scale);

  FloatAttr minusInf =
      b.getF32FloatAttr(-std::numeric_limits<float>::infinity());
  if (ops.keyPaddingMask) {
    Type i1 = b.getI1Type();
    Value keep = b.create<ReshapeOp>(loc, tensorOf({batch, 1, 1, lk}, i1),
                                     ops.keyPaddingMask);
    scores = b.create<ApplyMaskOp>(loc, scoresType, scores, keep, minusInf);
  }
  if (ops.causal) {
    Value tril =
        b.create<CausalMaskOp>(loc, tensorOf({lq, lk}, b.getI1Type()));
    scores = b.create<ApplyMaskOp>(loc, scoresType, scores, tril, minusInf);
  }
  Value probs = b.create<SoftmaxOp>(loc, scoresType, scores,
                                    b.getI64IntegerAttr(-1));
  Value heads4 =
      b.create<MatmulOp>(loc, tensorOf({batch, heads, lq, dh}, f32), probs, v);
  Value merged = b.create<TransposeOp>(
      loc, tensorOf({batch, lq, heads, dh}, f32), heads4,
      ArrayRef<int64_t>{0, 2, 1, 3});
  merged = b.create<ReshapeOp>(loc, qType, merged);
  return b.create<LinearOp>(loc, qType, merged, ops.outWeight, ops.outBias);
}

} // namespace tfx
