//===- Distill.cpp - capture site activations, train MLPs, report ---------===//

#include "tfx/Distill/Distill.h"

#include "tfx/Dialect/Tfx.h"
#include "tfx/Distill/MlpTrainer.h"
#include "tfx/InitTfx.h"
#include "tfx/Support/ParseModule.h"
#include "tfx/Transforms/AttentionMatch.h"
#include "tfx/Transforms/Passes.h"
#include "tfx/runtime/Safetensors.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <map>
#include <numeric>
#include <ostream>
#include <random>
#include <set>

using namespace mlir;

namespace tfx::distill {
namespace {

using rt::DType;
using rt::Status;
using rt::StatusOr;
using rt::Tensor;

/// One MLP of the replaced model, as the pass created it.
struct MlpSite {
  std::string prefix;
  MlpShape shape;
  bool perPosition = false;
  int64_t inPositions = 0, inFeatures = 0, outLen = 0, outFeatures = 0;
};

/// The captured activations of one site, one row per calibration sentence.
struct SiteData {
  MlpSite mlp;
  std::string entry;
  Tensor input;   // [S, inPositions, inFeatures]
  Tensor inMask;  // [S, inPositions] bool
  Tensor target;  // [S, outLen, outFeatures]
  Tensor outMask; // [S, outLen] bool
};

std::string paramPrefix(FlatMlpOp op) {
  auto p = op.getInNormWeight().getDefiningOp<ParamOp>();
  std::string name = p ? p.getName().str() : "";
  const std::string suffix = ".in_norm.weight";
  if (name.size() > suffix.size() &&
      name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
    name.resize(name.size() - suffix.size());
  return name;
}

/// Diagnostics of a pass run, as text.
struct CollectedDiagnostics {
  std::vector<std::string> remarks, errors;
};

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

/// Training rows for sentences `ids` of a site: X [R, F], Y [R, O], M [R, O].
struct Rows {
  Tensor X, Y, M;
};
Rows buildRows(const SiteData &d, const std::vector<int64_t> &ids) {
  const MlpSite &m = d.mlp;
  int64_t N = m.inPositions, Din = m.inFeatures, F = N * Din;
  int64_t Lo = m.outLen, Do = m.outFeatures;
  const float *in = d.input.dataAs<float>(), *tg = d.target.dataAs<float>();
  const uint8_t *im = d.inMask.dataAs<uint8_t>(), *om = d.outMask.dataAs<uint8_t>();
  // Per-position rows exist only for real target positions.
  std::vector<std::pair<int64_t, int64_t>> list; // (sentence, position or -1)
  for (int64_t s : ids) {
    if (!m.perPosition) {
      list.push_back({s, -1});
      continue;
    }
    for (int64_t i = 0; i < Lo; ++i)
      if (om[s * Lo + i])
        list.push_back({s, i});
  }
  int64_t R = static_cast<int64_t>(list.size());
  int64_t O = m.perPosition ? Do : Lo * Do;
  Rows r{Tensor(DType::F32, {R, F}), Tensor(DType::F32, {R, O}),
         Tensor(DType::Bool, {R, O})};
  for (int64_t k = 0; k < R; ++k) {
    auto [s, pos] = list[k];
    float *x = r.X.dataAs<float>() + k * F;
    for (int64_t j = 0; j < N; ++j) {
      bool keep = im[s * N + j] && (pos < 0 || j <= pos);
      if (keep)
        std::memcpy(x + j * Din, in + (s * N + j) * Din, Din * sizeof(float));
    }
    float *y = r.Y.dataAs<float>() + k * O;
    uint8_t *mk = r.M.dataAs<uint8_t>() + k * O;
    if (pos >= 0) {
      std::memcpy(y, tg + (s * Lo + pos) * Do, Do * sizeof(float));
      std::fill(mk, mk + Do, 1);
    } else {
      for (int64_t i = 0; i < Lo; ++i)
        if (om[s * Lo + i]) {
          std::memcpy(y + i * Do, tg + (s * Lo + i) * Do, Do * sizeof(float));
          std::fill(mk + i * Do, mk + (i + 1) * Do, 1);
        }
    }
  }
  return r;
}

std::string checkpointPath(const std::string &dir, const std::string &prefix) {
  return dir + "/" + prefix + ".ckpt.safetensors";
}

std::string formatSeconds(double s) {
  char buf[32];
  if (s >= 60)
    std::snprintf(buf, sizeof(buf), "%dm%02ds", int(s) / 60, int(s) % 60);
  else
    std::snprintf(buf, sizeof(buf), "%.1fs", s);
  return buf;
}

std::string formatLoss(double loss) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.6g", loss);
  return buf;
}

/// Masked MSE of `params` over sentences `ids`, in batches.
StatusOr<double> evaluate(MlpTrainer &trainer, const MlpParams &params,
                          const SiteData &d, const std::vector<int64_t> &ids,
                          int64_t batch, double *baselineOut,
                          const std::vector<double> *mean) {
  double sq = 0, count = 0, base = 0;
  for (size_t b = 0; b < ids.size(); b += batch) {
    std::vector<int64_t> chunk(ids.begin() + b,
                               ids.begin() + std::min(ids.size(), size_t(b + batch)));
    Rows r = buildRows(d, chunk);
    if (r.X.dim(0) == 0)
      continue;
    auto pred = trainer.predict(params, r.X);
    if (!pred)
      return pred.status();
    int64_t O = r.Y.dim(1);
    for (int64_t i = 0; i < r.Y.numel(); ++i)
      if (r.M.dataAs<uint8_t>()[i]) {
        double e = double(pred->dataAs<float>()[i]) - r.Y.dataAs<float>()[i];
        sq += e * e;
        if (mean) {
          double eb = (*mean)[i % O] - r.Y.dataAs<float>()[i];
          base += eb * eb;
        }
        count += 1;
      }
  }
  if (count == 0)
    return 0.0;
  if (baselineOut)
    *baselineOut = base / count;
  return sq / count;
}

/// Per-output mean of the training targets (the "predict the mean" baseline).
std::vector<double> targetMean(const SiteData &d, const std::vector<int64_t> &ids,
                               int64_t batch) {
  std::vector<double> sum, count;
  for (size_t b = 0; b < ids.size(); b += batch) {
    std::vector<int64_t> chunk(ids.begin() + b,
                               ids.begin() + std::min(ids.size(), size_t(b + batch)));
    Rows r = buildRows(d, chunk);
    int64_t O = r.Y.dim(1);
    sum.resize(O, 0);
    count.resize(O, 0);
    for (int64_t i = 0; i < r.Y.numel(); ++i)
      if (r.M.dataAs<uint8_t>()[i]) {
        sum[i % O] += r.Y.dataAs<float>()[i];
        count[i % O] += 1;
      }
  }
  for (size_t i = 0; i < sum.size(); ++i)
    sum[i] = count[i] > 0 ? sum[i] / count[i] : 0;
  return sum;
}

struct Checkpoint {
  int64_t epoch = 0; // epochs finished
  bool done = false;
  int64_t adamSteps = 0;
  double trainLoss = 0;
};

Status saveCheckpoint(const std::string &path, const std::string &config,
                      const MlpParams &p, Adam &adam, const Checkpoint &c) {
  std::vector<std::pair<std::string, Tensor>> tensors;
  for (int i = 0; i < MlpParams::kCount; ++i) {
    tensors.emplace_back(std::string("param.") + MlpParams::kNames[i], p.tensors[i]);
    tensors.emplace_back(std::string("adam_m.") + MlpParams::kNames[i],
                         adam.firstMoments().tensors[i]);
    tensors.emplace_back(std::string("adam_v.") + MlpParams::kNames[i],
                         adam.secondMoments().tensors[i]);
  }
  return rt::writeSafetensors(path, tensors,
                              {{"config", config},
                               {"epoch", std::to_string(c.epoch)},
                               {"done", c.done ? "1" : "0"},
                               {"adam_steps", std::to_string(c.adamSteps)},
                               {"train_loss", std::to_string(c.trainLoss)}});
}

StatusOr<bool> loadCheckpoint(const std::string &path, const std::string &config,
                              MlpParams &p, Adam &adam, Checkpoint &c) {
  if (!llvm::sys::fs::exists(path))
    return false;
  auto file = rt::readSafetensors(path);
  if (!file)
    return file.status();
  if (file->metadata["config"] != config)
    return Status::error("checkpoint '" + path +
                         "' was made with other settings; delete it or use "
                         "another checkpoint directory");
  for (int i = 0; i < MlpParams::kCount; ++i) {
    for (auto [kind, target] :
         {std::pair<const char *, MlpParams *>{"param.", &p},
          {"adam_m.", &adam.firstMoments()},
          {"adam_v.", &adam.secondMoments()}}) {
      auto it = file->tensors.find(std::string(kind) + MlpParams::kNames[i]);
      if (it == file->tensors.end() || it->second.dtype() != DType::F32 ||
          it->second.shape() != target->tensors[i].shape())
        return Status::error("checkpoint '" + path + "' lacks or mis-shapes " +
                             kind + MlpParams::kNames[i]);
      const float *v = it->second.dataAs<float>();
      for (int64_t k = 0; k < it->second.numel(); ++k)
        if (!std::isfinite(v[k]))
          return Status::error("checkpoint '" + path + "' holds a non-finite value in " +
                               kind + MlpParams::kNames[i] +
                               " (training diverged?); delete it to start over");
      target->tensors[i] = it->second;
    }
  }
  // The metadata is text from a file: parsed with checks, never trusted.
  auto integer = [&](const char *key, int64_t &out) {
    return !llvm::StringRef(file->metadata[key]).getAsInteger(10, out) && out >= 0;
  };
  double loss = 0;
  if (!integer("epoch", c.epoch) || !integer("adam_steps", c.adamSteps) ||
      llvm::StringRef(file->metadata["train_loss"]).getAsDouble(loss) ||
      (file->metadata["done"] != "0" && file->metadata["done"] != "1"))
    return Status::error("checkpoint '" + path + "' has malformed metadata (epoch, "
                         "adam_steps, train_loss, done); delete it to start over");
  c.trainLoss = loss;
  c.done = file->metadata["done"] == "1";
  adam.setSteps(c.adamSteps);
  return true;
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

double relativeDeviation(const Tensor &ref, const Tensor &got) {
  double num = 0, den = 0;
  for (int64_t i = 0; i < ref.numel(); ++i) {
    double r = ref.dataAs<float>()[i], g = got.dataAs<float>()[i];
    num += (g - r) * (g - r);
    den += r * r;
  }
  return den > 0 ? std::sqrt(num / den) : std::sqrt(num);
}

} // namespace

/// The outputs of one run, committed as a unit: each is written next to
/// its final path as `<path>.partial`, and renamed into place only once all
/// are written. Whatever is still pending when this goes out of scope (an
/// error on the way) is removed, so a failed run leaves no output behind.
class PendingOutputs {
public:
  ~PendingOutputs() {
    for (auto &[temp, final] : files_)
      llvm::sys::fs::remove(temp);
  }
  std::string stage(const std::string &finalPath) {
    std::string temp = finalPath + ".partial";
    files_.emplace_back(temp, finalPath);
    return temp;
  }
  Status commit() {
    for (auto &[temp, final] : files_)
      if (std::error_code ec = llvm::sys::fs::rename(temp, final))
        return Status::error("cannot move '" + temp + "' to '" + final + "': " + ec.message());
    files_.clear();
    return Status::ok();
  }

private:
  std::vector<std::pair<std::string, std::string>> files_;
};

/// An output whose directory does not exist fails now, not after training.
Status checkOutputDirectory(const std::string &path, const char *what) {
  if (path.empty())
    return Status::ok();
  llvm::SmallString<256> dir(path);
  llvm::sys::path::remove_filename(dir);
  if (dir.empty())
    dir = ".";
  if (!llvm::sys::fs::is_directory(dir))
    return Status::error(std::string(what) + " '" + path + "': directory '" + dir.str().str() +
                         "' does not exist");
  return Status::ok();
}

/// Temporaries of checkpoint writes that a killed run left behind
/// (`<site>.ckpt.safetensors.tmp.<pid>.<n>`).
void removeStaleCheckpointTemps(const std::string &dir) {
  std::error_code ec;
  std::vector<std::string> stale;
  for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec; it.increment(ec))
    if (llvm::StringRef(llvm::sys::path::filename(it->path())).contains(".ckpt.safetensors.tmp."))
      stale.push_back(it->path());
  for (const std::string &f : stale)
    llvm::sys::fs::remove(f);
}

StatusOr<DistillReport>
distill(const std::string &teacherPath, const exec::TensorMap &teacherWeights,
        const exec::TensorMap &calibration, const DistillOptions &options,
        const std::string &mlpWeightsPath, const std::string &replacedModelPath,
        const std::string &mergedWeightsPath, std::ostream &progress) {
  if (options.epochs < 1 || options.batchSize < 1 || options.holdout < 0 ||
      options.holdout >= 1)
    return Status::error("epochs and batch size must be >= 1 and the held-out "
                         "fraction in [0, 1)");
  TFX_RETURN_IF_ERROR(checkOutputDirectory(mlpWeightsPath, "--out-weights"));
  TFX_RETURN_IF_ERROR(checkOutputDirectory(replacedModelPath, "--out-model"));
  TFX_RETURN_IF_ERROR(checkOutputDirectory(mergedWeightsPath, "--out-merged-weights"));
  if (!options.checkpointDir.empty() && llvm::sys::fs::is_directory(options.checkpointDir))
    removeStaleCheckpointTemps(options.checkpointDir);
  DialectRegistry registry;
  registerTfxDialects(registry);
  registerTfxToolPasses();
  MLIRContext context(registry);
  std::string parseDiag;
  OwningOpRef<ModuleOp> teacher = parseModuleFile(teacherPath, context, parseDiag);
  if (!teacher)
    return Status::error("cannot load teacher '" + teacherPath + "':\n" + parseDiag);

  // 1. The replaced model tells which MLPs to train and their shapes.
  OwningOpRef<ModuleOp> replaced = teacher->clone();
  CollectedDiagnostics diags;
  TFX_RETURN_IF_ERROR(runPipeline(
      *replaced, "replace-attention{" + options.replace + "}", diags));
  for (const std::string &r : diags.remarks)
    progress << "tfx-distill: " << r << "\n";
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
  if (mlps.empty())
    return Status::error("replace-attention{" + options.replace +
                         "} replaced no site of '" + teacherPath + "'");

  // 2. Capture activations from the decomposed teacher.
  OwningOpRef<ModuleOp> capture = teacher->clone();
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

  exec::ExecOptions execOptions;
  execOptions.kernels = options.kernels;
  auto t0 = std::chrono::steady_clock::now();
  std::map<std::string, SiteData> data;
  std::vector<std::string> capturedFunctions;
  {
    exec::Executor teacherExec(*capture, teacherWeights, execOptions);
    std::vector<std::string> order = entryOrder(*capture);
    // Functions after the last one with a site need not run (encoder-only
    // distillation needs no 'tgt_ids').
    while (!order.empty() && !taps->count(order.back()))
      order.pop_back();
    capturedFunctions = order;
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
    d.mlp = mlps[prefix];
  double captureSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  progress << "tfx-distill: captured " << data.size() << " site(s) on " << S
           << " sentences in " << formatSeconds(captureSeconds) << "\n";

  // 3. Train each site on its own.
  std::vector<int64_t> all(S);
  std::iota(all.begin(), all.end(), 0);
  std::shuffle(all.begin(), all.end(), std::mt19937_64(options.seed));
  int64_t held = std::max<int64_t>(options.holdout > 0 ? 1 : 0,
                                   static_cast<int64_t>(S * options.holdout));
  std::vector<int64_t> trainIds(all.begin(), all.end() - held),
      heldIds(all.end() - held, all.end());
  if (trainIds.empty())
    return Status::error("no training sentences left after the held-out split");

  lowering::KernelCache cache(options.kernels);
  DistillReport report;
  report.complete = true;
  exec::TensorMap mlpWeights;
  if (!options.checkpointDir.empty())
    if (std::error_code ec = llvm::sys::fs::create_directories(options.checkpointDir))
      return Status::error("cannot create checkpoint directory '" +
                           options.checkpointDir + "': " + ec.message());
  int64_t epochsThisRun = 0;
  for (auto &[prefix, d] : data) {
    const MlpSite &m = d.mlp;
    bool alr = prefix.size() > 4 && prefix.compare(prefix.size() - 4, 4, ".alr") == 0;
    double lr = options.learningRate > 0 ? options.learningRate : (alr ? 1e-4 : 1e-3);
    MlpTrainer trainer(cache, m.shape);
    MlpParams params = MlpParams::initial(m.shape, options.seed ^ std::hash<std::string>()(prefix));
    Adam adam(m.shape, lr);
    Checkpoint ck;
    std::string config = prefix + "|" + std::to_string(m.shape.inputs) + "x" +
                         std::to_string(m.shape.hidden) + "x" +
                         std::to_string(m.shape.outputs) + "|S" + std::to_string(S) +
                         "|seed" + std::to_string(options.seed) + "|lr" +
                         std::to_string(lr) + "|batch" + std::to_string(options.batchSize) +
                         "|epochs" + std::to_string(options.epochs) + "|holdout" +
                         std::to_string(options.holdout);
    std::string ckPath = options.checkpointDir.empty()
                             ? ""
                             : checkpointPath(options.checkpointDir, prefix);
    SiteReport site;
    site.prefix = prefix;
    site.hidden = m.shape.hidden;
    if (!ckPath.empty()) {
      auto loaded = loadCheckpoint(ckPath, config, params, adam, ck);
      if (!loaded)
        return loaded.status();
      if (*loaded)
        progress << "tfx-distill: " << prefix << ": resuming after epoch " << ck.epoch
                 << (ck.done ? " (finished)" : "") << "\n";
      site.resumed = *loaded && ck.done;
    }
    MlpParams grads = MlpParams::zeros(m.shape);
    auto siteStart = std::chrono::steady_clock::now();
    int64_t rowsDone = 0;
    while (!ck.done && ck.epoch < options.epochs) {
      if (options.stopAfterEpochs > 0 && epochsThisRun >= options.stopAfterEpochs) {
        report.complete = false;
        break;
      }
      std::vector<int64_t> order = trainIds;
      std::shuffle(order.begin(), order.end(),
                   std::mt19937_64(options.seed * 1000003 + ck.epoch));
      double lossSum = 0, rowSum = 0;
      auto epochStart = std::chrono::steady_clock::now();
      for (size_t b = 0; b < order.size(); b += options.batchSize) {
        std::vector<int64_t> chunk(
            order.begin() + b,
            order.begin() + std::min(order.size(), size_t(b + options.batchSize)));
        Rows r = buildRows(d, chunk);
        if (r.X.dim(0) == 0)
          continue;
        auto loss = trainer.loss(params, r.X, r.Y, r.M, &grads);
        if (!loss)
          return loss.status().withContext(prefix);
        adam.step(params, grads);
        lossSum += *loss * r.X.dim(0);
        rowSum += r.X.dim(0);
        rowsDone += r.X.dim(0);
      }
      ++ck.epoch;
      ++epochsThisRun;
      ck.trainLoss = rowSum > 0 ? lossSum / rowSum : 0;
      ck.adamSteps = adam.steps();
      ck.done = ck.epoch >= options.epochs;
      double epochSeconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - epochStart).count();
      auto heldLoss = evaluate(trainer, params, d, heldIds, options.batchSize, nullptr, nullptr);
      if (!heldLoss)
        return heldLoss.status();
      // A diverged run stops here, before its weights or checkpoint exist.
      if (!std::isfinite(ck.trainLoss) || !std::isfinite(*heldLoss))
        return Status::error(prefix + ": training diverged in epoch " +
                             std::to_string(ck.epoch) + " (train loss " +
                             formatLoss(ck.trainLoss) + ", held-out " +
                             formatLoss(*heldLoss) + "); lower --lr");
      double left = epochSeconds * (options.epochs - ck.epoch);
      char line[256];
      std::snprintf(line, sizeof(line),
                    "tfx-distill: %s: epoch %lld/%lld  train %.6g  held-out %.6g  "
                    "%.0f samples/s  %s left for this site\n",
                    prefix.c_str(), static_cast<long long>(ck.epoch),
                    static_cast<long long>(options.epochs), ck.trainLoss, *heldLoss,
                    rowSum / std::max(1e-9, epochSeconds), formatSeconds(left).c_str());
      progress << line << std::flush;
      if (!ckPath.empty())
        TFX_RETURN_IF_ERROR(saveCheckpoint(ckPath, config, params, adam, ck));
    }
    (void)siteStart;
    (void)rowsDone;
    std::vector<double> mean = targetMean(d, trainIds, options.batchSize);
    auto heldLoss = evaluate(trainer, params, d, heldIds, options.batchSize,
                             &site.baselineLoss, &mean);
    if (!heldLoss)
      return heldLoss.status();
    site.heldOutLoss = *heldLoss;
    site.trainLoss = ck.trainLoss;
    site.trainRows = static_cast<int64_t>(trainIds.size());
    site.heldOutRows = static_cast<int64_t>(heldIds.size());
    report.sites.push_back(site);
    for (int i = 0; i < MlpParams::kCount; ++i)
      mlpWeights[prefix + "." + MlpParams::kNames[i]] = params.tensors[i];
  }
  if (!report.complete)
    return report;

  // 4. Outputs: MLP weights, replaced model, merged weights, as a unit.
  PendingOutputs outputs;
  {
    std::vector<std::pair<std::string, Tensor>> list(mlpWeights.begin(), mlpWeights.end());
    TFX_RETURN_IF_ERROR(rt::writeSafetensors(outputs.stage(mlpWeightsPath), list));
  }
  {
    std::string text;
    llvm::raw_string_ostream os(text);
    replaced->print(os);
    os << "\n";
    if (llvm::Error err = llvm::writeToOutput(
            outputs.stage(replacedModelPath), [&](llvm::raw_ostream &out) -> llvm::Error {
              out << os.str();
              return llvm::Error::success();
            }))
      return Status::error("cannot write '" + replacedModelPath + "': " +
                           llvm::toString(std::move(err)));
  }
  exec::TensorMap merged = mlpWeights;
  replaced->walk([&](ParamOp p) {
    auto it = teacherWeights.find(p.getName().str());
    if (it != teacherWeights.end())
      merged[it->first] = it->second;
  });
  if (!mergedWeightsPath.empty()) {
    std::vector<std::pair<std::string, Tensor>> list(merged.begin(), merged.end());
    TFX_RETURN_IF_ERROR(rt::writeSafetensors(outputs.stage(mergedWeightsPath), list));
  }

  // End-to-end deviation and speed on the held-out sentences.
  if (!heldIds.empty()) {
    exec::TensorMap held;
    for (auto &[name, t] : calibration) {
      Tensor h(t.dtype(), [&] {
        std::vector<int64_t> s = t.shape();
        s[0] = static_cast<int64_t>(heldIds.size());
        return s;
      }());
      size_t rowBytes = t.byteSize() / t.dim(0);
      for (size_t i = 0; i < heldIds.size(); ++i)
        std::memcpy(static_cast<uint8_t *>(h.data()) + i * rowBytes,
                    static_cast<const uint8_t *>(t.data()) + heldIds[i] * rowBytes,
                    rowBytes);
      held[name] = h;
    }
    exec::Executor teacherExec(*teacher, teacherWeights, execOptions);
    exec::Executor replacedExec(*replaced, merged, execOptions);
    exec::TensorMap tAvail = held, rAvail = held;
    std::vector<std::string> order = entryOrder(*teacher);
    for (const std::string &name : order) {
      // A later function whose inputs the calibration data lacks (the
      // decoder without 'tgt_ids', when only encoder sites were replaced)
      // is not measured.
      if (std::find(capturedFunctions.begin(), capturedFunctions.end(), name) ==
              capturedFunctions.end() &&
          !calibration.count("tgt_ids"))
        continue;
      auto tp = teacherExec.program(name);
      auto rp = replacedExec.program(name);
      if (!tp || !rp)
        return !tp ? tp.status() : rp.status();
      exec::TensorMap tOut, rOut;
      auto timeIt = [](exec::Program *p, exec::TensorMap &in, exec::TensorMap &out,
                       double &ms) -> Status {
        std::vector<double> times;
        for (int i = 0; i < 5; ++i) {
          out.clear();
          auto s = std::chrono::steady_clock::now();
          TFX_RETURN_IF_ERROR(p->run(in, out));
          times.push_back(std::chrono::duration<double, std::milli>(
                              std::chrono::steady_clock::now() - s).count());
        }
        std::sort(times.begin(), times.end());
        ms = times[times.size() / 2];
        return Status::ok();
      };
      double tMs = 0, rMs = 0;
      if (Status s = timeIt(*tp, tAvail, tOut, tMs); !s)
        return s.withContext("teacher '" + name + "'");
      if (Status s = timeIt(*rp, rAvail, rOut, rMs); !s)
        return s.withContext("replaced '" + name + "'");
      for (auto &[k, v] : tOut) {
        auto r = rOut.find(k);
        if (r != rOut.end() && v.dtype() == DType::F32)
          report.deviation.push_back({name + "." + k, relativeDeviation(v, r->second)});
        tAvail[k] = v;
      }
      for (auto &[k, v] : rOut)
        rAvail[k] = v;
      report.latency.push_back({name, {tMs, rMs}});
    }
  }
  // Everything succeeded: the outputs appear together.
  TFX_RETURN_IF_ERROR(outputs.commit());
  return report;
}

} // namespace tfx::distill
