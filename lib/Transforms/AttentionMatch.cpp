//===- AttentionMatch.cpp - find attention in both of its forms -----------===//
//
// The decomposed form is matched outward from its softmax:
//
//   scores = matmul(transpose[0,2,1,3](reshape(linear(x, Wq, bq))),
//                   transpose[0,2,3,1](reshape(linear(kv, Wk, bk))))
//   scores = mul(scores, 1/sqrt(dh))  |  div(scores, sqrt(dh))
//   scores = apply_mask(scores, reshape(key_keep) | causal_mask, -inf)*
//   p      = softmax(scores)
//   out    = linear(reshape(transpose[0,2,1,3](matmul(p, transpose[0,2,1,3](
//                reshape(linear(kv, Wv, bv)))))), Wo, bo)
//
// Each step that does not fit produces the reason reported to the user.
//
//===----------------------------------------------------------------------===//

#include "tfx/Transforms/AttentionMatch.h"

#include "tfx/Dialect/Tfx/TfxOps.h"

#include "mlir/IR/BuiltinAttributes.h"

#include <cmath>
#include <optional>

using namespace mlir;

namespace tfx {

const char *siteKindName(SiteKind kind) {
  switch (kind) {
  case SiteKind::EncoderSelf: return "enc-sa";
  case SiteKind::DecoderSelf: return "dec-sa";
  case SiteKind::DecoderCross: return "dec-ca";
  }
  return "?";
}

namespace {

/// Parameter name of `v` if it is a tfx.param, else "".
std::string paramName(Value v) {
  if (auto p = v.getDefiningOp<ParamOp>())
    return p.getName().str();
  return "";
}

std::string prefixOf(Value qWeight) {
  std::string name = paramName(qWeight);
  // nn.MultiheadAttention's packed projection, sliced by tfx-import:
  // "<prefix>.in_proj_weight[0:128]".
  if (size_t at = name.rfind(".in_proj_weight["); at != std::string::npos)
    return name.substr(0, at);
  for (llvm::StringRef suffix : {".q_proj.weight", ".weight"})
    if (llvm::StringRef(name).ends_with(suffix))
      return name.substr(0, name.size() - suffix.size());
  return "";
}

bool isPerm(TransposeOp t, llvm::ArrayRef<int64_t> perm) {
  return t && t.getPermutation() == perm;
}

/// One projected, head-split operand: linear -> reshape [B, L, H, dh] ->
/// transpose(perm). Returns the linear op and fills heads / dh.
struct Projection {
  LinearOp linear;
  int64_t heads = 0, headDim = 0;
};

std::optional<Projection> matchProjection(Value v, llvm::ArrayRef<int64_t> perm,
                                          std::string &why, const char *what) {
  auto t = v.getDefiningOp<TransposeOp>();
  if (!isPerm(t, perm)) {
    why = std::string(what) + " is not a head transpose [" +
          std::to_string(perm[0]) + ", " + std::to_string(perm[1]) + ", " +
          std::to_string(perm[2]) + ", " + std::to_string(perm[3]) + "]";
    return std::nullopt;
  }
  auto r = t.getInput().getDefiningOp<ReshapeOp>();
  if (!r || r.getType().getRank() != 4) {
    why = std::string(what) + " heads are not split by a reshape to [batch, length, heads, d_head]";
    return std::nullopt;
  }
  auto l = r.getInput().getDefiningOp<LinearOp>();
  if (!l || !l.getBias() || !l.getWeight().getDefiningOp<ParamOp>()) {
    why = std::string(what) + " is not a linear projection with parameter weight and bias";
    return std::nullopt;
  }
  Projection p;
  p.linear = l;
  p.heads = r.getType().getDimSize(2);
  p.headDim = r.getType().getDimSize(3);
  return p;
}

/// Scalar value of a splat tfx.constant.
std::optional<double> splatValue(Value v) {
  auto c = v.getDefiningOp<ConstantOp>();
  if (!c)
    return std::nullopt;
  auto dense = llvm::dyn_cast<DenseElementsAttr>(c.getValue());
  if (!dense || !dense.isSplat() || !dense.getElementType().isF32())
    return std::nullopt;
  return dense.getSplatValue<float>();
}

bool singleUse(Value v) { return v.hasOneUse(); }

std::optional<AttentionSite> matchDecomposed(SoftmaxOp softmax, std::string &why) {
  int64_t rank = softmax.getType().getRank();
  if (rank != 4 || (softmax.getAxisAttr().getInt() != -1 &&
                    softmax.getAxisAttr().getInt() != 3)) {
    why = "softmax is not over the keys of [batch, heads, queries, keys] scores";
    return std::nullopt;
  }
  AttentionOperands ops;
  // Masks between the scaled scores and the softmax.
  Value scores = softmax.getInput();
  while (auto mask = scores.getDefiningOp<ApplyMaskOp>()) {
    if (!std::isinf(mask.getFill().convertToFloat()) ||
        mask.getFill().convertToFloat() > 0) {
      why = "a mask on the scores fills with " +
            std::to_string(mask.getFill().convertToFloat()) + " instead of -inf";
      return std::nullopt;
    }
    Value m = mask.getMask();
    if (m.getDefiningOp<CausalMaskOp>()) {
      ops.causal = true;
    } else if (auto r = m.getDefiningOp<ReshapeOp>();
               r && r.getType().getRank() == 4 &&
               llvm::cast<RankedTensorType>(r.getInput().getType()).getRank() == 2) {
      ops.keyPaddingMask = r.getInput();
    } else {
      why = "a mask on the scores is neither a causal mask nor a [batch, keys] "
            "padding mask reshaped to [batch, 1, 1, keys]";
      return std::nullopt;
    }
    scores = mask.getInput();
  }
  // Scaling.
  std::optional<double> scale;
  MatmulOp qk;
  if (auto mul = scores.getDefiningOp<MulOp>()) {
    scale = splatValue(mul.getRhs());
    qk = mul.getLhs().getDefiningOp<MatmulOp>();
  } else if (auto div = scores.getDefiningOp<DivOp>()) {
    if (auto d = splatValue(div.getRhs()))
      scale = 1.0 / *d;
    qk = div.getLhs().getDefiningOp<MatmulOp>();
  }
  if (!scale || !qk) {
    why = "scores are not Q K^T scaled by a constant";
    return std::nullopt;
  }
  auto q = matchProjection(qk.getLhs(), {0, 2, 1, 3}, why, "the query");
  if (!q)
    return std::nullopt;
  auto k = matchProjection(qk.getRhs(), {0, 2, 3, 1}, why, "the key");
  if (!k)
    return std::nullopt;
  if (std::fabs(*scale * std::sqrt(double(q->headDim)) - 1.0) > 1e-4) {
    why = "scores are scaled by " + std::to_string(*scale) + ", not 1/sqrt(" +
          std::to_string(q->headDim) + ")";
    return std::nullopt;
  }
  // P V and the output projection.
  if (!singleUse(softmax.getResult())) {
    why = "the attention probabilities have more than one use";
    return std::nullopt;
  }
  auto pv = llvm::dyn_cast<MatmulOp>(*softmax.getResult().getUsers().begin());
  if (!pv || pv.getLhs() != softmax.getResult()) {
    why = "the attention probabilities do not multiply the values";
    return std::nullopt;
  }
  auto v = matchProjection(pv.getRhs(), {0, 2, 1, 3}, why, "the value");
  if (!v)
    return std::nullopt;
  if (!singleUse(pv.getResult())) {
    why = "the attention heads have more than one use";
    return std::nullopt;
  }
  auto merge = llvm::dyn_cast<TransposeOp>(*pv.getResult().getUsers().begin());
  if (!isPerm(merge, {0, 2, 1, 3}) || !singleUse(merge.getResult())) {
    why = "the heads are not merged by a transpose [0, 2, 1, 3]";
    return std::nullopt;
  }
  auto flat = llvm::dyn_cast<ReshapeOp>(*merge.getResult().getUsers().begin());
  if (!flat || flat.getType().getRank() != 3 || !singleUse(flat.getResult())) {
    why = "the merged heads are not reshaped to [batch, length, d_model]";
    return std::nullopt;
  }
  auto out = llvm::dyn_cast<LinearOp>(*flat.getResult().getUsers().begin());
  if (!out || !out.getBias() || !out.getWeight().getDefiningOp<ParamOp>()) {
    why = "the heads do not feed an output projection with parameter weight and bias";
    return std::nullopt;
  }
  if (k->linear.getInput() != v->linear.getInput() || q->heads != k->heads ||
      q->heads != v->heads) {
    why = "keys and values do not come from the same input with the same heads";
    return std::nullopt;
  }
  ops.query = q->linear.getInput();
  ops.keyValue = k->linear.getInput();
  ops.qWeight = q->linear.getWeight();
  ops.qBias = q->linear.getBias();
  ops.kWeight = k->linear.getWeight();
  ops.kBias = k->linear.getBias();
  ops.vWeight = v->linear.getWeight();
  ops.vBias = v->linear.getBias();
  ops.outWeight = out.getWeight();
  ops.outBias = out.getBias();
  ops.numHeads = q->heads;
  AttentionSite site;
  site.operands = ops;
  site.output = out.getResult();
  site.anchor = out;
  return site;
}

} // namespace

Operation *matchPreLnSublayer(const AttentionSite &site, Value &x,
                              std::string &why) {
  Value through = site.output;
  if (!through.hasOneUse()) {
    why = "its output does not feed a residual add (x + attention)";
    return nullptr;
  }
  Operation *user = *through.getUsers().begin();
  if (auto d = llvm::dyn_cast<DropoutOp>(user)) {
    through = d.getResult();
    user = through.hasOneUse() ? *through.getUsers().begin() : nullptr;
  }
  auto add = llvm::dyn_cast_or_null<AddOp>(user);
  if (!add) {
    why = "its output does not feed a residual add (x + attention)";
    return nullptr;
  }
  x = add.getRhs() == through ? add.getLhs() : add.getRhs();
  auto ln = site.operands.query.getDefiningOp<LayerNormOp>();
  if (!ln || ln.getInput() != x) {
    why = "it is not a pre-LN sublayer x + attention(LayerNorm(x))";
    return nullptr;
  }
  return add;
}

Operation *matchEncoderLayerEnd(Operation *sublayer, std::string &why) {
  Value r = sublayer->getResult(0);
  AddOp second;
  LayerNormOp ln;
  for (Operation *user : r.getUsers()) {
    if (auto a = llvm::dyn_cast<AddOp>(user))
      second = a;
    if (auto l = llvm::dyn_cast<LayerNormOp>(user))
      ln = l;
  }
  if (!second || !ln || !llvm::hasNItems(r.getUsers(), 2)) {
    why = "the attention sublayer is not followed by a pre-LN FFN sublayer "
          "r + FFN(LayerNorm(r)) (ELR replaces a whole encoder layer)";
    return nullptr;
  }
  Value v = second.getRhs() == r ? second.getLhs() : second.getRhs();
  if (auto d = v.getDefiningOp<DropoutOp>())
    v = d.getInput();
  auto fc2 = v.getDefiningOp<LinearOp>();
  Value a = fc2 ? fc2.getInput() : Value();
  if (a)
    if (auto d = a.getDefiningOp<DropoutOp>())
      a = d.getInput();
  Operation *act = a ? a.getDefiningOp() : nullptr;
  auto fc1 = act && llvm::isa<ReluOp, GeluOp, LeakyReluOp>(act)
                 ? act->getOperand(0).getDefiningOp<LinearOp>()
                 : LinearOp();
  if (!fc1 || fc1.getInput() != ln.getResult()) {
    why = "the FFN sublayer is not Linear -> activation -> Linear on "
          "LayerNorm(r) (ELR replaces a whole encoder layer)";
    return nullptr;
  }
  return second;
}

std::string mlpParamPrefix(const AttentionSite &site, const std::string &mode,
                           int64_t head) {
  if (mode == "elr") {
    std::string layer = site.prefix;
    llvm::StringRef suffix = ".self_attn";
    if (llvm::StringRef(layer).ends_with(suffix))
      layer.resize(layer.size() - suffix.size());
    return layer + ".elr";
  }
  std::string p = site.prefix + "." + mode;
  if (head >= 0)
    p += ".head" + std::to_string(head);
  return p;
}

std::vector<AttentionSite> findAttentionSites(func::FuncOp fn,
                                              std::vector<UnmatchedSoftmax> &unmatched) {
  std::vector<AttentionSite> sites;
  fn.walk([&](Operation *op) {
    if (auto a = llvm::dyn_cast<AttentionOp>(op)) {
      AttentionSite site;
      site.operands = {a.getQuery(),     a.getKeyValue(), a.getQWeight(),
                       a.getQBias(),     a.getKWeight(),  a.getKBias(),
                       a.getVWeight(),   a.getVBias(),    a.getOutWeight(),
                       a.getOutBias(),   a.getKeyPaddingMask(),
                       static_cast<int64_t>(a.getNumHeadsAttr().getInt()),
                       a.getCausal()};
      site.output = a.getResult();
      site.anchor = a;
      sites.push_back(site);
    } else if (auto s = llvm::dyn_cast<SoftmaxOp>(op)) {
      std::string why;
      if (auto site = matchDecomposed(s, why))
        sites.push_back(*site);
      else
        unmatched.push_back({op, why});
    }
  });
  int64_t counts[3] = {0, 0, 0};
  for (AttentionSite &site : sites) {
    const AttentionOperands &o = site.operands;
    site.kind = o.causal ? SiteKind::DecoderSelf
                : o.query == o.keyValue ? SiteKind::EncoderSelf
                                        : SiteKind::DecoderCross;
    site.layer = counts[static_cast<int>(site.kind)]++;
    site.prefix = prefixOf(o.qWeight);
    if (site.prefix.empty())
      site.prefix = std::string("attention.") + siteKindName(site.kind) + "." +
                    std::to_string(site.layer);
  }
  return sites;
}

} // namespace tfx
