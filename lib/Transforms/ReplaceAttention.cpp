//===- ReplaceAttention.cpp - attention -> distilled shallow MLPs ---------===//
//
// REFERENCE.md section 2. Sites are found in both attention forms
// (AttentionMatch.cpp); each selected site is rewritten according to the mode,
// its dead ops (projections, scores, the old sublayer) are erased, and every
// selected site that cannot be rewritten gets a remark with the reason.
//
//===----------------------------------------------------------------------===//

#include "tfx/Dialect/Tfx/TfxOps.h"
#include "tfx/Transforms/AttentionMatch.h"
#include "tfx/Transforms/Passes.h"
#include "tfx/runtime/Safetensors.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include <map>
#include <set>

namespace tfx {
#define GEN_PASS_DEF_REPLACEATTENTION
#include "tfx/Transforms/Passes.h.inc"
} // namespace tfx

using namespace mlir;
using namespace tfx;

namespace {

enum class Mode { ALR, ALRR, ASLR, ELR };

/// Divisors of the flattened input that give the hidden width per size.
struct SizeSpec {
  int64_t divisor = 0; // 0: explicit width
  int64_t width = 0;
};

RankedTensorType tensorType(ArrayRef<int64_t> shape, Type element) {
  return RankedTensorType::get(shape, element);
}

int64_t dim(Value v, unsigned i) {
  return llvm::cast<RankedTensorType>(v.getType()).getDimSize(i);
}

class ReplaceAttentionPass
    : public tfx::impl::ReplaceAttentionBase<ReplaceAttentionPass> {
public:
  using ReplaceAttentionBase::ReplaceAttentionBase;

  /// `--replace-attention=alr` means `mode=alr`.
  LogicalResult initializeOptions(
      StringRef options,
      function_ref<LogicalResult(const Twine &)> errorHandler) override {
    std::string rewritten = options.str();
    if (!options.empty() && !options.contains('='))
      rewritten = "mode=" + rewritten;
    return ReplaceAttentionBase::initializeOptions(rewritten, errorHandler);
  }

  void runOnOperation() override;

private:
  LogicalResult parseOptions();
  int64_t hiddenWidth(int64_t flatInputs, bool perHead) const;
  Value param(OpBuilder &b, const std::string &name, ArrayRef<int64_t> shape);
  Value buildMlp(OpBuilder &b, Location loc, const std::string &prefix,
                 Value input, Value inMask, Value outMask, int64_t outLen,
                 int64_t outFeatures, int64_t hidden, bool perPosition);

  /// Each returns failure() with `why` set when the site cannot be rewritten.
  LogicalResult rewriteALR(AttentionSite &site, Value queryMask,
                           std::string &why);
  LogicalResult rewriteASLR(AttentionSite &site, std::string &why);
  LogicalResult rewriteALRR(AttentionSite &site, std::string &why);
  LogicalResult rewriteELR(AttentionSite &site, std::string &why);

  Mode mode_ = Mode::ALR;
  SizeSpec size_;
  std::set<SiteKind> sites_;
  std::set<int64_t> layers_;
  bool sizeError_ = false;
  /// New parameters: name -> shape (checked against `weights` at the end).
  std::map<std::string, std::vector<int64_t>> newParams_;
};

LogicalResult ReplaceAttentionPass::parseOptions() {
  ModuleOp module = getOperation();
  if (mode == "alr")
    mode_ = Mode::ALR;
  else if (mode == "alrr")
    mode_ = Mode::ALRR;
  else if (mode == "aslr")
    mode_ = Mode::ASLR;
  else if (mode == "elr")
    mode_ = Mode::ELR;
  else
    return module.emitError() << "replace-attention: unknown mode '" << mode
                              << "' (expected alr, alrr, aslr or elr)";
  if (size == "xs" || size == "s" || size == "m" || size == "l") {
    size_.divisor = size == "xs" ? 256 : size == "s" ? 128 : size == "m" ? 8 : 2;
  } else {
    int64_t width = 0;
    if (StringRef(size).getAsInteger(10, width) || width < 1)
      return module.emitError() << "replace-attention: size must be xs, s, m, l "
                                   "or a positive hidden width, got '"
                                << size << "'";
    size_.width = width;
  }
  if (sites.empty())
    sites_.insert(SiteKind::EncoderSelf);
  for (const std::string &s : sites) {
    if (s == "enc-sa")
      sites_.insert(SiteKind::EncoderSelf);
    else if (s == "dec-sa")
      sites_.insert(SiteKind::DecoderSelf);
    else if (s == "dec-ca")
      sites_.insert(SiteKind::DecoderCross);
    else
      return module.emitError() << "replace-attention: unknown site '" << s
                                << "' (expected enc-sa, dec-sa or dec-ca)";
  }
  for (int64_t l : layers) {
    if (l < 0)
      return module.emitError() << "replace-attention: layer indices must be >= 0, got "
                                << l;
    layers_.insert(l);
  }
  return success();
}

int64_t ReplaceAttentionPass::hiddenWidth(int64_t flatInputs, bool perHead) const {
  if (size_.width)
    return size_.width;
  // REFERENCE.md: ALR divides the flattened input by 256, 128, 8, 2 for
  // xs..l; ASLR (one MLP per head) by 32, 16, 8, 4.
  int64_t divisor = size_.divisor;
  if (perHead)
    divisor = divisor == 256 ? 32 : divisor == 128 ? 16 : divisor == 8 ? 8 : 4;
  return flatInputs / divisor;
}

Value ReplaceAttentionPass::param(OpBuilder &b, const std::string &name,
                                  ArrayRef<int64_t> shape) {
  newParams_[name] = std::vector<int64_t>(shape.begin(), shape.end());
  return b.create<ParamOp>(b.getUnknownLoc(), tensorType(shape, b.getF32Type()),
                           b.getStringAttr(name));
}

Value ReplaceAttentionPass::buildMlp(OpBuilder &b, Location loc,
                                     const std::string &prefix, Value input,
                                     Value inMask, Value outMask, int64_t outLen,
                                     int64_t outFeatures, int64_t hidden,
                                     bool perPosition) {
  int64_t flat = dim(input, 1) * dim(input, 2);
  int64_t rows = perPosition ? outFeatures : outLen * outFeatures;
  if (hidden < 2 && !sizeError_) {
    // LayerNorm over a single hidden unit outputs its bias: the MLP would
    // ignore its input.
    emitError(loc) << "replace-attention: size=" << size << " gives a hidden width of "
                   << hidden << " for " << flat
                   << " inputs (the named sizes assume the paper's 6400); use a "
                      "larger size or an explicit hidden width of at least 2";
    sizeError_ = true;
  }
  Value n1w = param(b, prefix + ".in_norm.weight", {flat});
  Value n1b = param(b, prefix + ".in_norm.bias", {flat});
  Value w1 = param(b, prefix + ".fc1.weight", {hidden, flat});
  Value b1 = param(b, prefix + ".fc1.bias", {hidden});
  Value n2w = param(b, prefix + ".hidden_norm.weight", {hidden});
  Value n2b = param(b, prefix + ".hidden_norm.bias", {hidden});
  Value w2 = param(b, prefix + ".fc2.weight", {rows, hidden});
  Value b2 = param(b, prefix + ".fc2.bias", {rows});
  auto type = tensorType({dim(input, 0), outLen, outFeatures}, b.getF32Type());
  return b.create<FlatMlpOp>(loc, type, input, inMask, outMask, n1w, n1b, w1, b1,
                             n2w, n2b, w2, b2,
                             perPosition ? b.getUnitAttr() : UnitAttr(),
                             b.getF32FloatAttr(0.01f), b.getF32FloatAttr(1e-5f));
}

/// ALR keeps W_O: the MLP produces the concatenated heads.
LogicalResult ReplaceAttentionPass::rewriteALR(AttentionSite &site,
                                               Value queryMask, std::string &why) {
  const AttentionOperands &o = site.operands;
  OpBuilder b(site.anchor);
  Location loc = site.anchor->getLoc();
  int64_t L = dim(o.query, 1), D = dim(o.query, 2);
  Value heads;
  std::string prefix = mlpParamPrefix(site, "alr");
  switch (site.kind) {
  case SiteKind::EncoderSelf:
    heads = buildMlp(b, loc, prefix, o.query, o.keyPaddingMask, o.keyPaddingMask,
                     L, D, hiddenWidth(L * D, false), false);
    break;
  case SiteKind::DecoderSelf:
    heads = buildMlp(b, loc, prefix, o.query, o.keyPaddingMask, o.keyPaddingMask,
                     L, D, hiddenWidth(L * D, false), true);
    break;
  case SiteKind::DecoderCross: {
    if (!queryMask) {
      why = "cross-attention needs the decoder's padding mask for its query, "
            "and no causal self-attention with a key padding mask was found in "
            "the same function";
      return failure();
    }
    int64_t Lk = dim(o.keyValue, 1);
    if (dim(o.keyValue, 2) != D) {
      why = "encoder output and decoder query have different widths";
      return failure();
    }
    Type f32 = b.getF32Type();
    Value both = b.create<ConcatOp>(
        loc, tensorType({dim(o.query, 0), Lk + L, D}, f32),
        ValueRange{o.keyValue, o.query}, b.getI64IntegerAttr(1));
    Value bothMask = b.create<ConcatOp>(
        loc, tensorType({dim(o.query, 0), Lk + L}, b.getI1Type()),
        ValueRange{o.keyPaddingMask, queryMask}, b.getI64IntegerAttr(1));
    heads = buildMlp(b, loc, prefix, both, bothMask, queryMask, L, D,
                     hiddenWidth((Lk + L) * D, false), false);
    break;
  }
  }
  Value out = b.create<LinearOp>(loc, o.query.getType(), heads, o.outWeight,
                                 o.outBias);
  site.output.replaceAllUsesWith(out);
  return success();
}

LogicalResult ReplaceAttentionPass::rewriteASLR(AttentionSite &site,
                                                std::string &why) {
  const AttentionOperands &o = site.operands;
  OpBuilder b(site.anchor);
  Location loc = site.anchor->getLoc();
  int64_t L = dim(o.query, 1), D = dim(o.query, 2), H = o.numHeads, dh = D / H;
  SmallVector<Value> heads;
  for (int64_t h = 0; h < H; ++h)
    heads.push_back(buildMlp(b, loc, mlpParamPrefix(site, "aslr", h),
                             o.query, o.keyPaddingMask, o.keyPaddingMask, L, dh,
                             hiddenWidth(L * D, true), false));
  Value merged = b.create<ConcatOp>(loc, o.query.getType(), heads,
                                    b.getI64IntegerAttr(2));
  Value out = b.create<LinearOp>(loc, o.query.getType(), merged, o.outWeight,
                                 o.outBias);
  site.output.replaceAllUsesWith(out);
  return success();
}

LogicalResult ReplaceAttentionPass::rewriteALRR(AttentionSite &site,
                                                std::string &why) {
  Value x;
  Operation *add = matchPreLnSublayer(site, x, why);
  if (!add)
    return failure();
  OpBuilder b(add);
  int64_t L = dim(x, 1), D = dim(x, 2);
  Value mlp = buildMlp(b, add->getLoc(), mlpParamPrefix(site, "alrr"), x,
                       site.operands.keyPaddingMask, site.operands.keyPaddingMask,
                       L, D, hiddenWidth(L * D, false), false);
  add->getResult(0).replaceAllUsesWith(mlp);
  return success();
}

LogicalResult ReplaceAttentionPass::rewriteELR(AttentionSite &site,
                                               std::string &why) {
  Value x;
  Operation *first = matchPreLnSublayer(site, x, why);
  if (!first)
    return failure();
  Operation *second = matchEncoderLayerEnd(first, why);
  if (!second)
    return failure();
  OpBuilder b(second);
  int64_t L = dim(x, 1), D = dim(x, 2);
  Value mlp = buildMlp(b, second->getLoc(), mlpParamPrefix(site, "elr"), x,
                       site.operands.keyPaddingMask, site.operands.keyPaddingMask,
                       L, D, hiddenWidth(L * D, false), false);
  second->getResult(0).replaceAllUsesWith(mlp);
  return success();
}

/// Erases ops left without uses (old projections, scores, parameters).
void eraseDeadOps(func::FuncOp fn) {
  bool changed = true;
  while (changed) {
    changed = false;
    SmallVector<Operation *> dead;
    fn.walk<WalkOrder::PostOrder>([&](Operation *op) {
      if (op != fn && isOpTriviallyDead(op))
        dead.push_back(op);
    });
    for (Operation *op : llvm::reverse(dead)) {
      op->erase();
      changed = true;
    }
  }
}

void ReplaceAttentionPass::runOnOperation() {
  if (failed(parseOptions()))
    return signalPassFailure();
  ModuleOp module = getOperation();
  const char *modeName = mode_ == Mode::ALR    ? "alr"
                         : mode_ == Mode::ALRR ? "alrr"
                         : mode_ == Mode::ASLR ? "aslr"
                                               : "elr";
  for (auto fn : llvm::to_vector(module.getOps<func::FuncOp>())) {
    std::vector<UnmatchedSoftmax> unmatched;
    std::vector<AttentionSite> sites = findAttentionSites(fn, unmatched);
    for (const UnmatchedSoftmax &u : unmatched)
      u.softmax->emitRemark() << "replace-attention: this softmax is not part of "
                                 "a recognised attention, left alone: "
                              << u.reason;
    // The decoder's own padding mask, for cross-attention queries.
    Value decoderMask;
    for (const AttentionSite &s : sites)
      if (s.kind == SiteKind::DecoderSelf && s.operands.keyPaddingMask) {
        decoderMask = s.operands.keyPaddingMask;
        break;
      }
    bool changed = false;
    for (AttentionSite &site : sites) {
      if (!sites_.count(site.kind) ||
          (!layers_.empty() && !layers_.count(site.layer)))
        continue;
      std::string why;
      LogicalResult result = failure();
      if (site.kind != SiteKind::EncoderSelf && mode_ != Mode::ALR) {
        why = std::string("mode ") + modeName + " is defined for encoder "
              "self-attention only; decoder sites support alr";
      } else if (!site.operands.keyPaddingMask) {
        why = "the attention has no key padding mask, and the MLP needs the "
              "sentence's padding mask";
      } else {
        switch (mode_) {
        case Mode::ALR: result = rewriteALR(site, decoderMask, why); break;
        case Mode::ASLR: result = rewriteASLR(site, why); break;
        case Mode::ALRR: result = rewriteALRR(site, why); break;
        case Mode::ELR: result = rewriteELR(site, why); break;
        }
      }
      if (failed(result)) {
        site.anchor->emitRemark()
            << "replace-attention: " << siteKindName(site.kind) << " site "
            << site.layer << " (" << site.prefix << ") not replaced by "
            << modeName << ": " << why;
        continue;
      }
      changed = true;
    }
    if (changed)
      eraseDeadOps(fn);
  }

  if (sizeError_)
    return signalPassFailure();
  if (weights.empty())
    return;
  auto file = rt::readSafetensors(weights);
  if (!file) {
    module.emitError() << "replace-attention: " << file.status().message();
    return signalPassFailure();
  }
  for (auto &[name, shape] : newParams_) {
    auto it = file->tensors.find(name);
    if (it == file->tensors.end()) {
      module.emitError() << "replace-attention: distilled weights file '" << weights
                         << "' has no tensor '" << name << "'";
      return signalPassFailure();
    }
    if (it->second.shape() != shape || it->second.dtype() != rt::DType::F32) {
      module.emitError() << "replace-attention: tensor '" << name << "' in '"
                         << weights << "' is " << rt::dtypeName(it->second.dtype())
                         << rt::formatShape(it->second.shape()) << ", expected F32"
                         << rt::formatShape(shape);
      return signalPassFailure();
    }
  }
}

} // namespace
