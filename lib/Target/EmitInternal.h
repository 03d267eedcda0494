//===- EmitInternal.h - the library emitter's shared parts ------*- C++ -*-===//
//
// Internal to lib/Target: the Emitter (Emitter.cpp: a model's plans and
// kernels as the library's table, its header and its kernel files), used by
// Emit.cpp, which writes the library's directory, build script and embedded
// weights and replaces the output directory atomically.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_LIB_TARGET_EMITINTERNAL_H
#define TFX_LIB_TARGET_EMITINTERNAL_H

#include "tfx/Target/Emit.h"

#include "tfx/Plan/Plan.h"
#include "tfx/Lowering/Kernel.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace tfx::target::detail {

namespace fs = std::filesystem;
using plan::Plan;
using lowering::KernelDesc;
using rt::Status;
using rt::StatusOr;

struct KernelInfo {
  KernelDesc desc;
  std::string function; ///< tfx_kN
  std::vector<std::pair<int64_t, int64_t>> windows;
  std::string firstUse; ///< the op that first needs it, for messages
};

class Emitter {
public:
  Emitter(const EmitOptions &options, std::string name, std::string target,
          lowering::GpuApi api)
      : options_(options), name_(std::move(name)), target_(std::move(target)),
        api_(api) {}

  Status addPlan(Plan plan);
  Status writeKernels(const fs::path &dir);
  std::string header() const;
  std::string driver() const;

private:
  const EmitOptions &options_;
  std::string name_, target_;
  lowering::GpuApi api_;
  /// The Halide runtime's device interface function of a GPU library, or
  /// null for CPU kernels.
  const char *deviceInterfaceFn() const;
  std::vector<Plan> plans_;
  std::vector<std::vector<int>> kernelIds_; ///< per plan: local -> global
  std::vector<KernelInfo> kernels_;
  std::map<std::string, int> kernelByKey_;
};

/// Writes `text` to `path`, replacing it.
Status writeFile(const fs::path &path, const std::string &text);

} // namespace tfx::target::detail

#endif // TFX_LIB_TARGET_EMITINTERNAL_H
