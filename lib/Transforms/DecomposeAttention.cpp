//===- DecomposeAttention.cpp - tfx.attention -> primitive ops ------------===//

#include "tfx/Dialect/Tfx/TfxOps.h"
#include "tfx/Transforms/AttentionBuilder.h"
#include "tfx/Transforms/Passes.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/PatternMatch.h"

namespace tfx {
#define GEN_PASS_DEF_DECOMPOSEATTENTION
#include "tfx/Transforms/Passes.h.inc"
} // namespace tfx

using namespace mlir;
using namespace tfx;

namespace {

/// Rewrites exactly the tfx.attention ops and nothing else (no folding of
/// unrelated ops, which a greedy pattern driver would do).
struct DecomposeAttentionPass
    : tfx::impl::DecomposeAttentionBase<DecomposeAttentionPass> {
  void runOnOperation() override {
    SmallVector<AttentionOp> sites;
    getOperation().walk([&](AttentionOp op) { sites.push_back(op); });
    IRRewriter rewriter(&getContext());
    for (AttentionOp op : sites) {
      rewriter.setInsertionPoint(op);
      AttentionOperands operands{op.getQuery(),     op.getKeyValue(),
                                 op.getQWeight(),   op.getQBias(),
                                 op.getKWeight(),   op.getKBias(),
                                 op.getVWeight(),   op.getVBias(),
                                 op.getOutWeight(), op.getOutBias(),
                                 op.getKeyPaddingMask(),
                                 static_cast<int64_t>(op.getNumHeads()),
                                 op.getCausal()};
      rewriter.replaceOp(op,
                         buildDecomposedAttention(rewriter, op.getLoc(), operands));
    }
  }
};

} // namespace
