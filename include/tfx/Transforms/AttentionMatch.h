//===- AttentionMatch.h - find attention in both of its forms -----*- C++ -*-===//
//
// Recognises multi-head attention written as one `tfx.attention` op and as
// the decomposed graph of primitive ops (what `decompose-attention` and
// ONNX-style exports produce). Both are described by the same AttentionSite,
// so rewrites such as replace-attention handle them identically.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_TRANSFORMS_ATTENTIONMATCH_H
#define TFX_TRANSFORMS_ATTENTIONMATCH_H

#include "tfx/Transforms/AttentionBuilder.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <string>
#include <vector>

namespace tfx {

enum class SiteKind { EncoderSelf, DecoderSelf, DecoderCross };

/// "enc-sa", "dec-sa", "dec-ca".
const char *siteKindName(SiteKind kind);

struct AttentionSite {
  SiteKind kind = SiteKind::EncoderSelf;
  AttentionOperands operands;
  /// The value the attention produces (after the output projection W_O).
  mlir::Value output;
  /// The op producing `output`: the tfx.attention op, or the decomposed
  /// graph's output linear.
  mlir::Operation *anchor = nullptr;
  /// Parameter-name prefix of the site (e.g. "encoder.layers.0.self_attn"),
  /// from the query projection's parameter name.
  std::string prefix;
  /// Index among the sites of the same kind in the function (0-based).
  int64_t layer = 0;
};

/// Why a softmax was not recognised as the core of an attention.
struct UnmatchedSoftmax {
  mlir::Operation *softmax;
  std::string reason;
};

/// Matches the pre-LN sublayer `x + dropout?(attention(LayerNorm(x)))` around
/// `site`: returns the residual add and sets `x`, or null with `why` set.
mlir::Operation *matchPreLnSublayer(const AttentionSite &site, mlir::Value &x,
                                    std::string &why);

/// Matches the FFN sublayer that follows a pre-LN attention sublayer whose
/// residual add is `sublayer`: r + dropout?(Linear(act(Linear(LN(r))))).
/// Returns that second add (the end of the encoder layer), or null.
mlir::Operation *matchEncoderLayerEnd(mlir::Operation *sublayer, std::string &why);

/// Name prefix of the MLP that replaces `site` in `mode` ("alr", "alrr",
/// "aslr", "elr"); `head` only for ASLR.
std::string mlpParamPrefix(const AttentionSite &site, const std::string &mode,
                           int64_t head = -1);

/// Finds every attention of `fn`, in program order. Softmaxes that look like
/// the core of an attention but are not one are reported in `unmatched`.
std::vector<AttentionSite> findAttentionSites(mlir::func::FuncOp fn,
                                              std::vector<UnmatchedSoftmax> &unmatched);

} // namespace tfx

#endif // TFX_TRANSFORMS_ATTENTIONMATCH_H
