//===- Checkpoint.cpp - per-site checkpoints --------------------------------===//

#include "DistillInternal.h"

#include "tfx/runtime/Safetensors.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <cmath>

using namespace mlir;

namespace tfx::distill {

std::string checkpointPath(const std::string &dir, const std::string &prefix) {
  return dir + "/" + prefix + ".ckpt.safetensors";
}

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

} // namespace tfx::distill
