//===- DistillInternal.h - the pieces of distill() ----------------*- C++ -*-===//
//
// distill() (Distill.cpp) in four steps, one file each:
//   Capture.cpp     which sites the replacement creates, and their teacher
//                   activations on the calibration data;
//   Train.cpp       training rows, one site's training loop, evaluation;
//   Checkpoint.cpp  per-site checkpoints (save, resume, stale temporaries);
//   Report.cpp      end-to-end deviation and latency, teacher vs replaced.
// Internal to lib/Distill.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_LIB_DISTILL_DISTILLINTERNAL_H
#define TFX_LIB_DISTILL_DISTILLINTERNAL_H

#include "tfx/Distill/Distill.h"
#include "tfx/Distill/MlpTrainer.h"
#include "tfx/Exec/Executor.h"
#include "tfx/runtime/Status.h"
#include "tfx/runtime/Tensor.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Value.h"

#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace tfx::distill {

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

/// Diagnostics of a pass run, as text.
struct CollectedDiagnostics {
  std::vector<std::string> remarks, errors;
};

/// Runs `pipeline` on `module`; errors become the status.
Status runPipeline(mlir::ModuleOp module, const std::string &pipeline,
                   CollectedDiagnostics &diags);

//===--- Capture.cpp -------------------------------------------------------===//

/// The MLPs replace-attention created in `replaced`, by parameter prefix.
std::map<std::string, MlpSite> replacedSites(mlir::ModuleOp replaced);

/// The module's functions in the order to run them (`encode` first).
std::vector<std::string> entryOrder(mlir::ModuleOp module);

/// Rows [begin, end) of `t` (a view, no copy).
Tensor rows(const Tensor &t, int64_t begin, int64_t end);

struct Captured {
  std::map<std::string, SiteData> sites;
  /// The functions that ran (those up to the last one with a site).
  std::vector<std::string> functions;
  int64_t sentences = 0;
};

/// Checks the calibration data and runs the decomposed teacher on it,
/// keeping each site's inputs, targets and masks.
StatusOr<Captured> captureSites(mlir::ModuleOp teacher, const exec::TensorMap &weights,
                                const exec::TensorMap &calibration,
                                const std::map<std::string, MlpSite> &mlps,
                                const exec::ExecOptions &execOptions,
                                CollectedDiagnostics &diags, std::ostream &progress);

//===--- Checkpoint.cpp ----------------------------------------------------===//

struct Checkpoint {
  int64_t epoch = 0; // epochs finished
  bool done = false;
  int64_t adamSteps = 0;
  double trainLoss = 0;
};

std::string checkpointPath(const std::string &dir, const std::string &prefix);
Status saveCheckpoint(const std::string &path, const std::string &config,
                      const MlpParams &params, Adam &adam, const Checkpoint &ck);
/// False when there is no checkpoint; an error when it does not fit.
StatusOr<bool> loadCheckpoint(const std::string &path, const std::string &config,
                              MlpParams &params, Adam &adam, Checkpoint &ck);
/// Removes temporaries of checkpoint writes that a killed run left behind.
void removeStaleCheckpointTemps(const std::string &dir);

//===--- Train.cpp ---------------------------------------------------------===//

std::string formatSeconds(double s);

/// The sentences each site trains and is evaluated on.
struct Split {
  std::vector<int64_t> train, heldOut;
  int64_t sentences = 0;
};

/// Training state shared by the sites of one run.
struct TrainRun {
  const DistillOptions &options;
  lowering::KernelCache &cache;
  std::ostream &progress;
  int64_t epochsThisRun = 0;
  bool complete = true; ///< false once --stop-after-epochs stopped it
};

/// Trains (or resumes) one site; adds its weights to `mlpWeights`.
StatusOr<SiteReport> trainSite(const std::string &prefix, const SiteData &d, const Split &split,
                               TrainRun &run, exec::TensorMap &mlpWeights);

//===--- Report.cpp --------------------------------------------------------===//

/// Runs teacher and replaced model on the held-out sentences: relative
/// deviation of every F32 output and median latency per function.
Status measureEndToEnd(mlir::ModuleOp teacher, mlir::ModuleOp replaced,
                       const exec::TensorMap &teacherWeights, const exec::TensorMap &merged,
                       const exec::TensorMap &calibration, const Split &split,
                       const std::vector<std::string> &capturedFunctions,
                       const exec::ExecOptions &execOptions, DistillReport &report);

} // namespace tfx::distill

#endif // TFX_LIB_DISTILL_DISTILLINTERNAL_H
