//===- Model.h - the embedding API: load a model, run it ----------*- C++ -*-===//
//
// The smallest way to run a tfx model from C++:
//
//   auto model = tfx::Model::load("teacher.mlir", "teacher.safetensors");
//   if (!model) { report(model.status().message()); return; }
//   tfx::rt::Tensor ids(tfx::rt::DType::I64, {1, 50});   // fill the ids...
//   auto out = (*model)->run("encode", {{"src_ids", ids}});
//   if (out) use(out->at("memory"));
//
// Inputs and outputs are matched by the `tfx.name` of the function's
// arguments and results. Parameters are bound by name from the weights file
// and checked (dtype, shape) when an entry is first planned, before anything
// runs. Kernels are compiled on first use and cached in memory and on disk.
// No MLIR or Halide header is included here.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_EXEC_MODEL_H
#define TFX_EXEC_MODEL_H

#include "tfx/Exec/Executor.h"
#include "tfx/runtime/Status.h"
#include "tfx/runtime/Tensor.h"

#include <memory>
#include <string>
#include <vector>

namespace tfx {

struct ModelOptions {
  /// Worker threads of the kernels (0 = all cores). Process-wide: the first
  /// model loaded sets it.
  int threads = 0;
  /// "manual" (hand schedules), "adams2019" or "mullapudi2016".
  std::string schedule = "manual";
  /// Batch the autoschedulers tune for.
  int64_t estimateBatch = 32;
  /// Disk cache of compiled kernels; empty = default directory
  /// (lowering::defaultKernelCacheDir()), "none" = in memory only.
  std::string cacheDir;
  /// Halide target of the kernels; empty = the host CPU. A CUDA or OpenCL
  /// target ("host-cuda", "host-opencl") runs every kernel on the GPU with
  /// the weights and intermediates kept in device memory.
  std::string target;
};

class Model {
public:
  /// Parses and verifies the model, reads the weights file.
  static rt::StatusOr<std::unique_ptr<Model>>
  load(const std::string &modelPath, const std::string &weightsPath,
       const ModelOptions &options = {});
  ~Model();

  /// Runs function `entry` on `inputs` (by argument name); returns the
  /// results by name.
  rt::StatusOr<exec::TensorMap> run(const std::string &entry,
                                    const exec::TensorMap &inputs);

  /// Names of the model's functions.
  std::vector<std::string> entries() const;

  /// The executor underneath (plans, kernel cache, statistics).
  exec::Executor &executor();

private:
  Model();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace tfx

#endif // TFX_EXEC_MODEL_H
