//===- Distill.cpp - distill(): replace, capture, train, report, write -----===//
//
// The steps live in their own files (DistillInternal.h): this one checks the
// options and outputs, runs the steps in order and commits the outputs as a
// unit.
//
//===----------------------------------------------------------------------===//

#include "DistillInternal.h"

#include "tfx/Dialect/Tfx/TfxOps.h"
#include "tfx/InitTfx.h"
#include "tfx/Support/ParseModule.h"
#include "tfx/runtime/Safetensors.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/ToolOutputFile.h"

#include <algorithm>
#include <numeric>
#include <random>

using namespace mlir;

namespace tfx::distill {
namespace {

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

/// The held-out split of the calibration sentences (seeded shuffle).
StatusOr<Split> splitSentences(int64_t sentences, const DistillOptions &options) {
  Split split;
  split.sentences = sentences;
  std::vector<int64_t> all(sentences);
  std::iota(all.begin(), all.end(), 0);
  std::shuffle(all.begin(), all.end(), std::mt19937_64(options.seed));
  int64_t held = std::max<int64_t>(options.holdout > 0 ? 1 : 0,
                                   static_cast<int64_t>(sentences * options.holdout));
  split.train.assign(all.begin(), all.end() - held);
  split.heldOut.assign(all.end() - held, all.end());
  if (split.train.empty())
    return Status::error("no training sentences left after the held-out split");
  return split;
}

/// Stages the three outputs: MLP weights, the replaced model, and (if
/// asked) the merged weights the replaced model runs with.
Status stageOutputs(PendingOutputs &outputs, ModuleOp replaced,
                    const exec::TensorMap &mlpWeights, const exec::TensorMap &merged,
                    const std::string &mlpWeightsPath, const std::string &replacedModelPath,
                    const std::string &mergedWeightsPath) {
  {
    std::vector<std::pair<std::string, Tensor>> list(mlpWeights.begin(), mlpWeights.end());
    TFX_RETURN_IF_ERROR(rt::writeSafetensors(outputs.stage(mlpWeightsPath), list));
  }
  {
    std::string text;
    llvm::raw_string_ostream os(text);
    replaced.print(os);
    os << "\n";
    if (llvm::Error err = llvm::writeToOutput(
            outputs.stage(replacedModelPath), [&](llvm::raw_ostream &out) -> llvm::Error {
              out << os.str();
              return llvm::Error::success();
            }))
      return Status::error("cannot write '" + replacedModelPath + "': " +
                           llvm::toString(std::move(err)));
  }
  if (!mergedWeightsPath.empty()) {
    std::vector<std::pair<std::string, Tensor>> list(merged.begin(), merged.end());
    TFX_RETURN_IF_ERROR(rt::writeSafetensors(outputs.stage(mergedWeightsPath), list));
  }
  return Status::ok();
}

} // namespace

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
  std::map<std::string, MlpSite> mlps = replacedSites(*replaced);
  if (mlps.empty())
    return Status::error("replace-attention{" + options.replace +
                         "} replaced no site of '" + teacherPath + "'");

  // 2. Capture the sites' activations from the decomposed teacher.
  exec::ExecOptions execOptions;
  execOptions.kernels = options.kernels;
  StatusOr<Captured> captured =
      captureSites(*teacher, teacherWeights, calibration, mlps, execOptions, diags, progress);
  if (!captured)
    return captured.status();
  StatusOr<Split> split = splitSentences(captured->sentences, options);
  if (!split)
    return split.status();

  // 3. Train each site on its own.
  if (!options.checkpointDir.empty())
    if (std::error_code ec = llvm::sys::fs::create_directories(options.checkpointDir))
      return Status::error("cannot create checkpoint directory '" +
                           options.checkpointDir + "': " + ec.message());
  lowering::KernelCache cache(options.kernels);
  TrainRun run{options, cache, progress};
  DistillReport report;
  exec::TensorMap mlpWeights;
  for (auto &[prefix, d] : captured->sites) {
    StatusOr<SiteReport> site = trainSite(prefix, d, *split, run, mlpWeights);
    if (!site)
      return site.status();
    report.sites.push_back(*site);
  }
  report.complete = run.complete;
  if (!report.complete)
    return report;

  // 4. Outputs (as a unit), and the replaced model against the teacher.
  exec::TensorMap merged = mlpWeights;
  replaced->walk([&](ParamOp p) {
    auto it = teacherWeights.find(p.getName().str());
    if (it != teacherWeights.end())
      merged[it->first] = it->second;
  });
  PendingOutputs outputs;
  TFX_RETURN_IF_ERROR(stageOutputs(outputs, *replaced, mlpWeights, merged, mlpWeightsPath,
                                   replacedModelPath, mergedWeightsPath));
  TFX_RETURN_IF_ERROR(measureEndToEnd(*teacher, *replaced, teacherWeights, merged, calibration,
                                      *split, captured->functions, execOptions, report));
  // Everything succeeded: the outputs appear together.
  TFX_RETURN_IF_ERROR(outputs.commit());
  return report;
}

} // namespace tfx::distill
