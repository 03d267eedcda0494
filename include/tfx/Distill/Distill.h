//===- Distill.h - distil attention sites into MLPs ---------------*- C++ -*-===//
//
// The library behind tfx-distill (REFERENCE.md section 2, "Distillation"):
//   1. run replace-attention on a copy of the teacher to learn which sites
//      are replaced and the shapes of their MLPs;
//   2. capture every site's input and output on calibration sentences by
//      running the teacher (decomposed, with the site values as extra
//      results) through the executor;
//   3. train each site's MLP on its own (masked MSE, Adam), with a held-out
//      split, progress on a stream, and a checkpoint after every epoch so a
//      killed run resumes without losing finished work;
//   4. write the distilled weights and the replaced model, and report each
//      site's held-out relative MSE and the end-to-end deviation of the
//      replaced model from the teacher.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_DISTILL_DISTILL_H
#define TFX_DISTILL_DISTILL_H

#include "tfx/Exec/Executor.h"
#include "tfx/runtime/Status.h"

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace tfx::distill {

struct DistillOptions {
  /// replace-attention options, e.g. "mode=alr sites=enc-sa size=s".
  std::string replace = "mode=alr";
  int64_t epochs = 21;
  /// Sentences per training batch (the paper uses 2000).
  int64_t batchSize = 2000;
  /// Learning rate; <= 0 means the paper's: 1e-4 for ALR, 1e-3 otherwise.
  double learningRate = 0;
  uint64_t seed = 1;
  /// Fraction of calibration sentences held out for evaluation.
  double holdout = 0.1;
  /// Directory for checkpoints ("" = no checkpoints).
  std::string checkpointDir;
  /// Stop after this many epochs in this run (for tests of resumption;
  /// <= 0 = no limit).
  int64_t stopAfterEpochs = 0;
  lowering::KernelOptions kernels;
};

struct SiteReport {
  std::string prefix;      // MLP parameter prefix, e.g. encoder.layers.0.self_attn.alr
  int64_t hidden = 0;
  int64_t trainRows = 0, heldOutRows = 0;
  double trainLoss = 0;    // last epoch, masked MSE
  double heldOutLoss = 0;  // masked MSE on the held-out rows
  double baselineLoss = 0; // held-out MSE of predicting the training mean
  bool resumed = false;    // finished in an earlier run
  double relativeMse() const { return baselineLoss > 0 ? heldOutLoss / baselineLoss : 0; }
};

struct DistillReport {
  std::vector<SiteReport> sites;
  /// ||replaced - teacher|| / ||teacher|| on held-out sentences, per output
  /// compared ("encode.memory", "decode.logits").
  std::vector<std::pair<std::string, double>> deviation;
  /// Median latency (ms) of the teacher and the replaced model per function
  /// on the held-out sentences.
  std::vector<std::pair<std::string, std::pair<double, double>>> latency;
  bool complete = false; // false when stopped early (stopAfterEpochs)
};

/// Distils the sites of `teacherPath` selected by `options.replace`.
/// `calibration` holds "src_ids" (and "tgt_ids" for decoder sites), I64
/// [sentences, max_len], padded with 0. Writes the MLP weights to
/// `mlpWeightsPath`, the replaced model to `replacedModelPath` and, when
/// non-empty, all weights the replaced model needs to `mergedWeightsPath`.
rt::StatusOr<DistillReport>
distill(const std::string &teacherPath, const exec::TensorMap &teacherWeights,
        const exec::TensorMap &calibration, const DistillOptions &options,
        const std::string &mlpWeightsPath, const std::string &replacedModelPath,
        const std::string &mergedWeightsPath, std::ostream &progress);

} // namespace tfx::distill

#endif // TFX_DISTILL_DISTILL_H
