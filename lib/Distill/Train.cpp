//===- Train.cpp - training one site ----------------------------------------===//

#include "DistillInternal.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <random>

using namespace mlir;

namespace tfx::distill {

namespace {

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

} // namespace

std::string formatSeconds(double s) {
  char buf[32];
  if (s >= 60)
    std::snprintf(buf, sizeof(buf), "%dm%02ds", int(s) / 60, int(s) % 60);
  else
    std::snprintf(buf, sizeof(buf), "%.1fs", s);
  return buf;
}

StatusOr<SiteReport> trainSite(const std::string &prefix, const SiteData &d, const Split &split,
                               TrainRun &run, exec::TensorMap &mlpWeights) {
  const MlpSite &m = d.mlp;
  bool alr = prefix.size() > 4 && prefix.compare(prefix.size() - 4, 4, ".alr") == 0;
  double lr = run.options.learningRate > 0 ? run.options.learningRate : (alr ? 1e-4 : 1e-3);
  MlpTrainer trainer(run.cache, m.shape);
  MlpParams params = MlpParams::initial(m.shape, run.options.seed ^ std::hash<std::string>()(prefix));
  Adam adam(m.shape, lr);
  Checkpoint ck;
  std::string config = prefix + "|" + std::to_string(m.shape.inputs) + "x" +
                       std::to_string(m.shape.hidden) + "x" +
                       std::to_string(m.shape.outputs) + "|S" + std::to_string(split.sentences) +
                       "|seed" + std::to_string(run.options.seed) + "|lr" +
                       std::to_string(lr) + "|batch" + std::to_string(run.options.batchSize) +
                       "|epochs" + std::to_string(run.options.epochs) + "|holdout" +
                       std::to_string(run.options.holdout);
  std::string ckPath = run.options.checkpointDir.empty()
                           ? ""
                           : checkpointPath(run.options.checkpointDir, prefix);
  SiteReport site;
  site.prefix = prefix;
  site.hidden = m.shape.hidden;
  if (!ckPath.empty()) {
    auto loaded = loadCheckpoint(ckPath, config, params, adam, ck);
    if (!loaded)
      return loaded.status();
    if (*loaded)
      run.progress << "tfx-distill: " << prefix << ": resuming after epoch " << ck.epoch
               << (ck.done ? " (finished)" : "") << "\n";
    site.resumed = *loaded && ck.done;
  }
  MlpParams grads = MlpParams::zeros(m.shape);
  while (!ck.done && ck.epoch < run.options.epochs) {
    if (run.options.stopAfterEpochs > 0 && run.epochsThisRun >= run.options.stopAfterEpochs) {
      run.complete = false;
      break;
    }
    std::vector<int64_t> order = split.train;
    std::shuffle(order.begin(), order.end(),
                 std::mt19937_64(run.options.seed * 1000003 + ck.epoch));
    double lossSum = 0, rowSum = 0;
    auto epochStart = std::chrono::steady_clock::now();
    for (size_t b = 0; b < order.size(); b += run.options.batchSize) {
      std::vector<int64_t> chunk(
          order.begin() + b,
          order.begin() + std::min(order.size(), size_t(b + run.options.batchSize)));
      Rows r = buildRows(d, chunk);
      if (r.X.dim(0) == 0)
        continue;
      auto loss = trainer.loss(params, r.X, r.Y, r.M, &grads);
      if (!loss)
        return loss.status().withContext(prefix);
      adam.step(params, grads);
      lossSum += *loss * r.X.dim(0);
      rowSum += r.X.dim(0);
      }
    ++ck.epoch;
    ++run.epochsThisRun;
    ck.trainLoss = rowSum > 0 ? lossSum / rowSum : 0;
    ck.adamSteps = adam.steps();
    ck.done = ck.epoch >= run.options.epochs;
    double epochSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - epochStart).count();
    auto heldLoss = evaluate(trainer, params, d, split.heldOut, run.options.batchSize, nullptr, nullptr);
    if (!heldLoss)
      return heldLoss.status();
    // A diverged run stops here, before its weights or checkpoint exist.
    if (!std::isfinite(ck.trainLoss) || !std::isfinite(*heldLoss))
      return Status::error(prefix + ": training diverged in epoch " +
                           std::to_string(ck.epoch) + " (train loss " +
                           formatLoss(ck.trainLoss) + ", held-out " +
                           formatLoss(*heldLoss) + "); lower --lr");
    double left = epochSeconds * (run.options.epochs - ck.epoch);
    char line[256];
    std::snprintf(line, sizeof(line),
                  "tfx-distill: %s: epoch %lld/%lld  train %.6g  held-out %.6g  "
                  "%.0f samples/s  %s left for this site\n",
                  prefix.c_str(), static_cast<long long>(ck.epoch),
                  static_cast<long long>(run.options.epochs), ck.trainLoss, *heldLoss,
                  rowSum / std::max(1e-9, epochSeconds), formatSeconds(left).c_str());
    run.progress << line << std::flush;
    if (!ckPath.empty())
      TFX_RETURN_IF_ERROR(saveCheckpoint(ckPath, config, params, adam, ck));
  }
  std::vector<double> mean = targetMean(d, split.train, run.options.batchSize);
  auto heldLoss = evaluate(trainer, params, d, split.heldOut, run.options.batchSize,
                           &site.baselineLoss, &mean);
  if (!heldLoss)
    return heldLoss.status();
  site.heldOutLoss = *heldLoss;
  site.trainLoss = ck.trainLoss;
  site.trainRows = static_cast<int64_t>(split.train.size());
  site.heldOutRows = static_cast<int64_t>(split.heldOut.size());
  for (int i = 0; i < MlpParams::kCount; ++i)
    mlpWeights[prefix + "." + MlpParams::kNames[i]] = params.tensors[i];
  return site;
}

} // namespace tfx::distill
