//===- Capture.cpp - which sites, and their teacher activations -------------===//

#include "DistillInternal.h"

#include "tfx/Dialect/Tfx/TfxOps.h"
#include "tfx/Transforms/AttentionMatch.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <set>

using namespace mlir;

namespace tfx::distill {

namespace {

std::string paramPrefix(FlatMlpOp op) {
  auto p = op.getInNormWeight().getDefiningOp<ParamOp>();
  std::string name = p ? p.getName().str() : "";
  const std::string suffix = ".in_norm.weight";
  if (name.size() > suffix.size() &&
      name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
    name.resize(name.size() - suffix.size());
  return name;
}

/// Values the capture appends to a function's results for one site.
struct Tap {
  std::string prefix;
  Value input, inMask, target, outMask;
};

/// Finds, in the decomposed teacher, the values each replaced site's MLP
/// must reproduce (REFERENCE.md section 2, per mode).
StatusOr<std::map<std::string, std::vector<Tap>>>
findTaps(ModuleOp decomposed, const std::map<std::string, MlpSite> &mlps) {
  std::map<std::string, std::vector<Tap>> taps;
  std::set<std::string> found;
  for (auto fn : decomposed.getOps<func::FuncOp>()) {
    std::vector<UnmatchedSoftmax> unmatched;
    std::vector<AttentionSite> sites = findAttentionSites(fn, unmatched);
    Value decoderMask;
    for (const AttentionSite &s : sites)
      if (s.kind == SiteKind::DecoderSelf && s.operands.keyPaddingMask) {
        decoderMask = s.operands.keyPaddingMask;
        break;
      }
    for (const AttentionSite &site : sites) {
      const AttentionOperands &o = site.operands;
      Value heads = site.anchor->getOperand(0); // input of W_O
      OpBuilder b(site.anchor);
      Location loc = site.anchor->getLoc();
      auto add = [&](const std::string &prefix, Value in, Value inMask,
                     Value target, Value outMask) {
        taps[fn.getName().str()].push_back({prefix, in, inMask, target, outMask});
        found.insert(prefix);
      };
      std::string why;
      if (std::string p = mlpParamPrefix(site, "alr"); mlps.count(p)) {
        if (site.kind == SiteKind::DecoderCross) {
          auto q = llvm::cast<RankedTensorType>(o.query.getType());
          auto kv = llvm::cast<RankedTensorType>(o.keyValue.getType());
          int64_t Lk = kv.getDimSize(1), L = q.getDimSize(1), D = q.getDimSize(2);
          Value both = b.create<ConcatOp>(
              loc, RankedTensorType::get({q.getDimSize(0), Lk + L, D}, b.getF32Type()),
              ValueRange{o.keyValue, o.query}, b.getI64IntegerAttr(1));
          Value masks = b.create<ConcatOp>(
              loc, RankedTensorType::get({q.getDimSize(0), Lk + L}, b.getI1Type()),
              ValueRange{o.keyPaddingMask, decoderMask}, b.getI64IntegerAttr(1));
          add(p, both, masks, heads, decoderMask);
        } else {
          add(p, o.query, o.keyPaddingMask, heads, o.keyPaddingMask);
        }
      }
      for (int64_t h = 0; h < o.numHeads; ++h) {
        std::string p = mlpParamPrefix(site, "aslr", h);
        if (!mlps.count(p))
          continue;
        auto type = llvm::cast<RankedTensorType>(heads.getType());
        int64_t dh = type.getDimSize(2) / o.numHeads;
        Value slice = b.create<SliceOp>(
            loc,
            RankedTensorType::get({type.getDimSize(0), type.getDimSize(1), dh},
                                  b.getF32Type()),
            heads, b.getI64IntegerAttr(2), b.getI64IntegerAttr(h * dh),
            b.getI64IntegerAttr(dh));
        add(p, o.query, o.keyPaddingMask, slice, o.keyPaddingMask);
      }
      Value x;
      if (std::string p = mlpParamPrefix(site, "alrr"); mlps.count(p)) {
        Operation *sub = matchPreLnSublayer(site, x, why);
        if (!sub)
          return Status::error("site " + p + ": " + why);
        add(p, x, o.keyPaddingMask, sub->getResult(0), o.keyPaddingMask);
      }
      if (std::string p = mlpParamPrefix(site, "elr"); mlps.count(p)) {
        Operation *sub = matchPreLnSublayer(site, x, why);
        Operation *end = sub ? matchEncoderLayerEnd(sub, why) : nullptr;
        if (!end)
          return Status::error("site " + p + ": " + why);
        add(p, x, o.keyPaddingMask, end->getResult(0), o.keyPaddingMask);
      }
    }
  }
  for (auto &[prefix, mlp] : mlps)
    if (!found.count(prefix))
      return Status::error("internal error: no teacher activations found for " + prefix);
  return taps;
}

/// Appends the taps to the functions' results (named "tap<k>.<role>").
void exposeTaps(ModuleOp module, const std::map<std::string, std::vector<Tap>> &taps) {
  for (auto &[name, list] : taps) {
    auto fn = module.lookupSymbol<func::FuncOp>(name);
    auto ret = llvm::cast<func::ReturnOp>(fn.getBody().front().getTerminator());
    SmallVector<Value> results(ret.getOperands());
    unsigned first = results.size();
    for (const Tap &t : list)
      for (Value v : {t.input, t.inMask, t.target, t.outMask})
        results.push_back(v);
    OpBuilder b(ret);
    b.create<func::ReturnOp>(ret.getLoc(), results);
    ret.erase();
    SmallVector<Type> types;
    for (Value v : results)
      types.push_back(v.getType());
    fn.setType(FunctionType::get(module.getContext(), fn.getArgumentTypes(), types));
    const char *roles[] = {"in", "in_mask", "target", "out_mask"};
    for (unsigned i = first; i < results.size(); ++i) {
      unsigned k = (i - first) / 4, role = (i - first) % 4;
      fn.setResultAttr(i, kNameAttrName,
                       StringAttr::get(module.getContext(),
                                       "tap" + std::to_string(k) + "." + roles[role]));
    }
  }
}

/// Copies `part` into rows starting at `begin` of `whole` (allocated on first use).
void placeRows(Tensor &whole, const Tensor &part, int64_t begin, int64_t total) {
  if (whole.empty()) {
    std::vector<int64_t> shape = part.shape();
    shape[0] = total;
    whole = Tensor(part.dtype(), shape);
  }
  size_t rowBytes = part.byteSize() / std::max<int64_t>(1, part.dim(0));
  std::memcpy(static_cast<uint8_t *>(whole.data()) + begin * rowBytes, part.data(),
              part.byteSize());
}

} // namespace

Status runPipeline(ModuleOp module, const std::string &pipeline,
                   CollectedDiagnostics &diags) {
  MLIRContext *ctx = module.getContext();
  ScopedDiagnosticHandler handler(ctx, [&](Diagnostic &d) {
    std::string text;
    llvm::raw_string_ostream os(text);
    os << d.getLocation() << ": " << d.str();
    (d.getSeverity() == DiagnosticSeverity::Error ? diags.errors : diags.remarks)
        .push_back(os.str());
    return success();
  });
  PassManager pm(ctx);
  std::string parseErrors;
  llvm::raw_string_ostream es(parseErrors);
  if (failed(parsePassPipeline(pipeline, pm, es)))
    return Status::error("bad replacement options: " + es.str());
  if (failed(pm.run(module))) {
    std::string all;
    for (auto &e : diags.errors)
      all += (all.empty() ? "" : "\n") + e;
    return Status::error(all.empty() ? "pass pipeline failed" : all);
  }
  return Status::ok();
}

/// Rows [begin, end) of a [S, ...] tensor (a copy).
Tensor rows(const Tensor &t, int64_t begin, int64_t end) {
  std::vector<int64_t> shape = t.shape();
  shape[0] = end - begin;
  Tensor out(t.dtype(), shape);
  size_t rowBytes = t.byteSize() / std::max<int64_t>(1, t.dim(0));
  std::memcpy(out.data(), static_cast<const uint8_t *>(t.data()) + begin * rowBytes,
              (end - begin) * rowBytes);
  return out;
}

/// The module's functions in the order to run them: `encode` first, since
/// it produces the `memory` that `decode` takes.
std::vector<std::string> entryOrder(ModuleOp module) {
  std::vector<std::string> order;
  for (auto fn : module.getOps<func::FuncOp>())
    order.push_back(fn.getName().str());
  std::stable_sort(order.begin(), order.end(),
                   [](const std::string &a, const std::string &b) {
                     return a == "encode" && b != "encode";
                   });
  return order;
}

std::map<std::string, MlpSite> replacedSites(ModuleOp replaced) {
  std::map<std::string, MlpSite> mlps;
  replaced->walk([&](FlatMlpOp op) {
    MlpSite m;
    m.prefix = paramPrefix(op);
    auto in = llvm::cast<RankedTensorType>(op.getInput().getType());
    auto out = op.getType();
    m.inPositions = in.getDimSize(1);
    m.inFeatures = in.getDimSize(2);
    m.outLen = out.getDimSize(1);
    m.outFeatures = out.getDimSize(2);
    m.perPosition = op.getPerPosition();
    m.shape.inputs = m.inPositions * m.inFeatures;
    m.shape.hidden = llvm::cast<RankedTensorType>(op.getFc1Weight().getType()).getDimSize(0);
    m.shape.outputs = llvm::cast<RankedTensorType>(op.getFc2Weight().getType()).getDimSize(0);
    m.shape.slope = op.getNegativeSlope().convertToFloat();
    m.shape.epsilon = op.getEpsilon().convertToFloat();
    mlps[m.prefix] = m;
  });
  return mlps;
}

StatusOr<Captured> captureSites(ModuleOp teacher, const exec::TensorMap &weights,
                                const exec::TensorMap &calibration,
                                const std::map<std::string, MlpSite> &mlps,
                                const exec::ExecOptions &execOptions,
                                CollectedDiagnostics &diags, std::ostream &progress) {
  OwningOpRef<ModuleOp> capture = teacher.clone();
  TFX_RETURN_IF_ERROR(
      runPipeline(*capture, "decompose-attention", diags));
  auto taps = findTaps(*capture, mlps);
  if (!taps)
    return taps.status();
  exposeTaps(*capture, *taps);

  auto srcIt = calibration.find("src_ids");
  if (srcIt == calibration.end() || srcIt->second.rank() != 2 ||
      srcIt->second.dtype() != DType::I64)
    return Status::error("calibration data needs 'src_ids', I64 [sentences, length]");
  int64_t S = srcIt->second.dim(0);
  if (S < 2)
    return Status::error("calibration data needs at least 2 sentences");
  // Every tensor is cut into rows per sentence: all must have S rows.
  for (auto &[name, t] : calibration)
    if (t.rank() < 1 || t.dim(0) != S) {
      std::string shape = "[";
      for (int64_t d = 0; d < t.rank(); ++d)
        shape += (d ? ", " : "") + std::to_string(t.dim(d));
      return Status::error("calibration tensor '" + name + "' has shape " + shape +
                           "]; every calibration tensor holds one row per sentence (" +
                           std::to_string(S) + ", as 'src_ids')");
    }

  auto t0 = std::chrono::steady_clock::now();
  Captured result;
  result.sentences = S;
  std::map<std::string, SiteData> &data = result.sites;
  {
    exec::Executor teacherExec(*capture, weights, execOptions);
    std::vector<std::string> order = entryOrder(*capture);
    // Functions after the last one with a site need not run (encoder-only
    // distillation needs no 'tgt_ids').
    while (!order.empty() && !taps->count(order.back()))
      order.pop_back();
    result.functions = order;
    const int64_t chunk = 64;
    for (int64_t begin = 0; begin < S; begin += chunk) {
      int64_t end = std::min(S, begin + chunk);
      exec::TensorMap available;
      for (auto &[name, t] : calibration)
        available[name] = rows(t, begin, end);
      for (const std::string &name : order) {
        auto program = teacherExec.program(name);
        if (!program)
          return program.status();
        exec::TensorMap outs;
        if (Status s = (*program)->run(available, outs); !s)
          return s.withContext("capturing activations of '" + name + "'");
        auto it = taps->find(name);
        if (it != taps->end())
          for (size_t k = 0; k < it->second.size(); ++k) {
            SiteData &d = data[it->second[k].prefix];
            d.entry = name;
            std::string base = "tap" + std::to_string(k) + ".";
            placeRows(d.input, outs[base + "in"], begin, S);
            placeRows(d.inMask, outs[base + "in_mask"], begin, S);
            placeRows(d.target, outs[base + "target"], begin, S);
            placeRows(d.outMask, outs[base + "out_mask"], begin, S);
          }
        for (auto &[k, v] : outs)
          if (k.rfind("tap", 0) != 0)
            available[k] = v;
      }
    }
  }
  for (auto &[prefix, d] : data)
    d.mlp = mlps.at(prefix);
  double captureSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  progress << "tfx-distill: captured " << data.size() << " site(s) on " << S
           << " sentences in " << formatSeconds(captureSeconds) << "\n";
  return result;
}

} // namespace tfx::distill
