//===- FuseLsra.cpp - one tfx.lsra op per Lite Transformer LSRA block ------===//
//
// Matching starts at each convolution (tfx.lightweight_conv / dynamic_conv):
// every convolution of a Lite Transformer belongs to an LSRA block, so a
// convolution that cannot be fused is worth a remark. From it the matcher
// walks back (apply_mask? <- glu <- linear <- slice) and forward (linear ->
// concat), then checks that the concat's other input is a self-attention on
// the other half of the same value. The function is canonicalised first, so
// equivalent spellings of the slices and the concat reach the matcher in one
// form (non-negative axes, composed slices, flat concats).
//
//===----------------------------------------------------------------------===//

#include "tfx/Dialect/Tfx/TfxOps.h"
#include "tfx/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/SetVector.h"

namespace tfx {
#define GEN_PASS_DEF_FUSELSRA
#include "tfx/Transforms/Passes.h.inc"
} // namespace tfx

using namespace mlir;
using namespace tfx;

namespace {

/// One recognised block: everything the fused op needs.
struct LsraBlock {
  Operation *conv = nullptr;
  AttentionOp attention;
  SliceOp attentionSlice, convSlice;
  LinearOp inProj, outProj;
  GluOp glu;
  ApplyMaskOp mask; // may be null
  ConcatOp concat;
  int64_t width = 0;
  bool attentionFirst = true;
};

/// The reason a block was not fused; empty when it matched.
using Reason = std::string;

bool hasOneUse(Value v) { return v.hasOneUse(); }

/// `v` is a slice of the last axis of a rank-3 value; returns it or null.
SliceOp channelSlice(Value v) {
  auto slice = v.getDefiningOp<SliceOp>();
  if (!slice || slice.getType().getRank() != 3 ||
      slice.getAxisAttr().getInt() != 2)
    return nullptr;
  return slice;
}

int64_t lastDim(Value v) {
  return llvm::cast<RankedTensorType>(v.getType()).getShape().back();
}

/// Walks from a convolution to the whole block; fills `b` or says why not.
Reason matchBlock(Operation *conv, LsraBlock &b) {
  b.conv = conv;
  Value convInput = conv->getOperand(0);
  Value convResult = conv->getResult(0);

  // Backwards: [apply_mask] <- glu <- linear <- slice.
  Value gluValue = convInput;
  if (auto mask = convInput.getDefiningOp<ApplyMaskOp>()) {
    if (!mask.getFill().isZero())
      return "its input is masked with a non-zero fill value";
    // apply_mask broadcasts as NumPy does: only [batch, length, 1] (with the
    // input's own batch and length) is one flag per position; a rank-2 mask
    // would line up with [length, channels].
    ArrayRef<int64_t> m =
        llvm::cast<RankedTensorType>(mask.getMask().getType()).getShape();
    ArrayRef<int64_t> x =
        llvm::cast<RankedTensorType>(mask.getInput().getType()).getShape();
    if (m.size() != 3 || m[0] != x[0] || m[1] != x[1] || m[2] != 1)
      return "its input mask is not per position ([batch, length, 1])";
    if (!hasOneUse(mask.getResult()))
      return "the masked convolution input has other users";
    b.mask = mask;
    gluValue = mask.getInput();
  }
  b.glu = gluValue.getDefiningOp<GluOp>();
  if (!b.glu)
    return "its input is not a tfx.glu (Linear(d/2 -> d) + GLU in front of "
           "the convolution)";
  int64_t gluRank = b.glu.getType().getRank();
  int64_t gluAxis = b.glu.getAxisAttr().getInt();
  if (gluAxis != -1 && gluAxis != gluRank - 1)
    return "its GLU does not split the channel axis";
  if (!hasOneUse(b.glu.getResult()))
    return "the GLU output has other users";
  b.inProj = b.glu.getInput().getDefiningOp<LinearOp>();
  if (!b.inProj)
    return "the GLU input is not a tfx.linear";
  if (!hasOneUse(b.inProj.getResult()))
    return "the convolution branch's input projection has other users";
  b.convSlice = channelSlice(b.inProj.getInput());
  if (!b.convSlice)
    return "the convolution branch does not start from a channel slice of "
           "the block input";

  // Forwards: linear -> concat.
  if (!hasOneUse(convResult))
    return "its result has other users";
  b.outProj = dyn_cast<LinearOp>(*convResult.getUsers().begin());
  if (!b.outProj || b.outProj.getInput() != convResult)
    return "its result is not projected by a tfx.linear";
  if (!hasOneUse(b.outProj.getResult()))
    return "the convolution branch's output projection has other users";
  b.concat = dyn_cast<ConcatOp>(*b.outProj.getResult().getUsers().begin());
  if (!b.concat || b.concat.getAxisAttr().getInt() != 2)
    return "the convolution branch is not concatenated along channels";
  if (b.concat.getInputs().size() != 2)
    return "the channel concat has " +
           std::to_string(b.concat.getInputs().size()) +
           " inputs, not the two branches of a block";

  // The other branch: self-attention on the other half.
  b.attentionFirst = b.concat.getInputs()[1] == b.outProj.getResult();
  Value other = b.concat.getInputs()[b.attentionFirst ? 0 : 1];
  b.attention = other.getDefiningOp<AttentionOp>();
  if (!b.attention)
    return "the other concat input is not a tfx.attention";
  if (!hasOneUse(b.attention.getResult()))
    return "the attention result has other users";
  b.attentionSlice = channelSlice(b.attention.getQuery());
  SliceOp kvSlice = channelSlice(b.attention.getKeyValue());
  if (!b.attentionSlice || !kvSlice)
    return "the attention does not read a channel slice of the block input";
  auto sameSlice = [](SliceOp a, SliceOp c) {
    return a.getInput() == c.getInput() &&
           a.getStartAttr().getInt() == c.getStartAttr().getInt() &&
           a.getSizeAttr().getInt() == c.getSizeAttr().getInt();
  };
  if (!sameSlice(b.attentionSlice, kvSlice))
    return "the attention is not a self-attention (query and key_value differ)";
  if (b.attentionSlice.getInput() != b.convSlice.getInput())
    return "the two branches read different values";

  Value input = b.convSlice.getInput();
  ArrayRef<int64_t> inShape =
      llvm::cast<RankedTensorType>(input.getType()).getShape();
  int64_t d = inShape[2];
  if (ShapedType::isDynamic(inShape[1]))
    return "the block's length is dynamic (the fused kernel needs a static "
           "length)";
  if (ShapedType::isDynamic(d) || d % 2 != 0)
    return "the block input's channel count is not static and even";
  b.width = d / 2;
  int64_t aStart = b.attentionSlice.getStartAttr().getInt();
  int64_t cStart = b.convSlice.getStartAttr().getInt();
  bool halves = (aStart == 0 && cStart == b.width) ||
                (aStart == b.width && cStart == 0);
  if (b.attentionSlice.getSizeAttr().getInt() != b.width ||
      b.convSlice.getSizeAttr().getInt() != b.width || !halves)
    return "the branches do not read the two halves of the block input (" +
           std::to_string(aStart) + "+" +
           std::to_string(b.attentionSlice.getSizeAttr().getInt()) + " and " +
           std::to_string(cStart) + "+" +
           std::to_string(b.convSlice.getSizeAttr().getInt()) + " of " +
           std::to_string(d) + " channels)";
  if (b.concat.getType() != input.getType())
    return "the concat's type differs from the block input's";
  if (lastDim(b.inProj.getResult()) != 2 * b.width ||
      lastDim(convResult) != b.width || lastDim(b.outProj.getResult()) != b.width)
    return "the convolution branch is not d/2 -> d (GLU) -> d/2 -> d/2 "
           "channels wide (got " +
           std::to_string(lastDim(b.inProj.getResult())) + ", " +
           std::to_string(lastDim(convResult)) + ", " +
           std::to_string(lastDim(b.outProj.getResult())) + " for d = " +
           std::to_string(d) + ")";
  return {};
}

/// A zero bias of `n` features when a projection has none.
Value biasOr(OpBuilder &builder, Location loc, Value bias, int64_t n) {
  if (bias)
    return bias;
  auto type = RankedTensorType::get({n}, builder.getF32Type());
  return builder.create<ConstantOp>(loc, type,
                                    DenseElementsAttr::get(type, 0.0f));
}

void rewriteBlock(IRRewriter &rewriter, LsraBlock &b) {
  rewriter.setInsertionPoint(b.concat);
  Location loc = rewriter.getFusedLoc(
      {b.attention.getLoc(), b.conv->getLoc(), b.concat.getLoc()});
  int64_t w = b.width;
  Value inBias = biasOr(rewriter, loc, b.inProj.getBias(), 2 * w);
  Value outBias = biasOr(rewriter, loc, b.outProj.getBias(), w);

  StringRef kind;
  Value convWeight, kernelBias;
  int64_t convHeads, kernelSize;
  StringRef padding;
  bool weightSoftmax;
  if (auto lw = dyn_cast<LightweightConvOp>(b.conv)) {
    kind = "lightweight";
    convWeight = lw.getWeight();
    convHeads = lw.getNumHeadsAttr().getInt();
    kernelSize = lw.getKernelSizeAttr().getInt();
    padding = lw.getPadding();
    weightSoftmax = lw.getWeightSoftmax();
  } else {
    auto dc = cast<DynamicConvOp>(b.conv);
    kind = "dynamic";
    convWeight = dc.getKernelWeight();
    kernelBias = dc.getKernelBias();
    convHeads = dc.getNumHeadsAttr().getInt();
    kernelSize = dc.getKernelSizeAttr().getInt();
    padding = dc.getPadding();
    weightSoftmax = dc.getWeightSoftmax();
  }
  AttentionOp a = b.attention;
  auto fused = rewriter.create<LsraOp>(
      loc, b.concat.getType(), b.convSlice.getInput(), a.getQWeight(),
      a.getQBias(), a.getKWeight(), a.getKBias(), a.getVWeight(), a.getVBias(),
      a.getOutWeight(), a.getOutBias(), b.inProj.getWeight(), inBias,
      convWeight, b.outProj.getWeight(), outBias, kernelBias,
      a.getKeyPaddingMask(), b.mask ? b.mask.getMask() : Value(),
      a.getNumHeadsAttr(), a.getCausalAttr(), rewriter.getStringAttr(kind),
      rewriter.getI64IntegerAttr(convHeads),
      rewriter.getI64IntegerAttr(kernelSize), rewriter.getStringAttr(padding),
      rewriter.getBoolAttr(weightSoftmax),
      rewriter.getI64IntegerAttr(b.attentionSlice.getStartAttr().getInt()),
      rewriter.getI64IntegerAttr(b.attentionFirst ? 0 : w));
  SliceOp kvSlice = a.getKeyValue().getDefiningOp<SliceOp>();
  rewriter.replaceOp(b.concat, fused.getResult());
  // The branches are dead now; erase them consumers first. The slices may
  // still feed other ops.
  for (Operation *op :
       {b.outProj.getOperation(), b.conv, b.mask ? b.mask.getOperation() : nullptr,
        b.glu.getOperation(), b.inProj.getOperation(), a.getOperation()})
    if (op && op->use_empty())
      rewriter.eraseOp(op);
  llvm::SmallSetVector<Operation *, 3> slices;
  for (SliceOp s : {b.convSlice, b.attentionSlice, kvSlice})
    slices.insert(s.getOperation());
  for (Operation *s : slices)
    if (s->use_empty())
      rewriter.eraseOp(s);
}

struct FuseLsraPass : tfx::impl::FuseLsraBase<FuseLsraPass> {
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    RewritePatternSet patterns(ctx);
    for (RegisteredOperationName name : ctx->getRegisteredOperations())
      if (name.getDialectNamespace() == TfxDialect::getDialectNamespace())
        name.getCanonicalizationPatterns(patterns, ctx);
    FrozenRewritePatternSet frozen(std::move(patterns));
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (failed(applyPatternsAndFoldGreedily(func, frozen)))
        return signalPassFailure();

    SmallVector<Operation *> convs;
    getOperation().walk([&](Operation *op) {
      if (isa<LightweightConvOp, DynamicConvOp>(op))
        convs.push_back(op);
    });
    IRRewriter rewriter(ctx);
    for (Operation *conv : convs) {
      LsraBlock block;
      Reason why = matchBlock(conv, block);
      if (!why.empty()) {
        conv->emitRemark() << "fuse-lsra: not fused: " << why;
        continue;
      }
      rewriteBlock(rewriter, block);
    }
  }
};

} // namespace
