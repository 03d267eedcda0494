//===- KernelCacheImpl.h - the kernel cache's state --------------*- C++ -*-===//
//
// Internal to lib/Lowering: KernelCache's state, shared by Kernel.cpp (the
// cache's front: building, JIT, the GPU device) and KernelCacheDisk.cpp
// (the disk cache of shared objects and the standalone Halide runtime).
//
//===----------------------------------------------------------------------===//

#ifndef TFX_LOWERING_KERNELCACHEIMPL_H
#define TFX_LOWERING_KERNELCACHEIMPL_H

#include "KernelBuilders.h"

#include <memory>
#include <string>
#include <unordered_map>

namespace tfx::lowering {

struct KernelCache::Impl {
  using Target = Halide::Target;
  using Pipeline = Halide::Pipeline;
  using Built = detail::Built;
  KernelOptions options;
  Target target;
  std::unordered_map<std::string, std::unique_ptr<CompiledKernel>> kernels;
  double compileSeconds = 0;
  size_t diskHits = 0;
  void *runtimeHandle = nullptr; ///< the standalone Halide runtime (dlopen)
  bool diskDisabled = false;
  /// GPU targets without a cache directory compile into this private
  /// directory (removed with the cache): their kernels must share the
  /// standalone runtime, which only the shared-object path links.
  std::string privateDir;

  ~Impl();

  /// One Halide runtime shared by every cached kernel of this target.
  rt::Status loadRuntime();
  /// GPU targets: makes sure kernels go through shared objects (a private
  /// directory when there is no cache directory).
  rt::Status useSharedObjects();
  /// Loads `desc` from the disk cache, compiling and storing it on a miss.
  rt::StatusOr<std::unique_ptr<CompiledKernel>>
  loadOrCompileShared(const KernelDesc &desc, Built &built, Pipeline &pipeline,
                      const std::string &key);
};

/// Creates `dir` and its parents.
rt::Status makeDirs(const std::string &dir);

} // namespace tfx::lowering

#endif // TFX_LOWERING_KERNELCACHEIMPL_H
