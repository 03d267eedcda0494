//===- Kernel.h - tfx kernels: Halide algorithms + schedules ------*- C++ -*-===//
//
// The one place that knows how each computation is written in Halide and how
// it is scheduled. Callers describe a kernel with a KernelDesc (kind,
// attributes, operand types and shapes, outermost dim first, -1 = dynamic);
// the library builds the Halide algorithm, applies a hand-written schedule or
// an autoscheduler, JIT-compiles it once per signature and runs it on runtime
// tensors. No MLIR here, and no Halide in this header (Halide.h is slow to
// compile; only lib/Lowering includes it).
//
//===----------------------------------------------------------------------===//

#ifndef TFX_LOWERING_KERNEL_H
#define TFX_LOWERING_KERNEL_H

#include "tfx/Lowering/KernelDesc.h"
#include "tfx/runtime/Interpreter.h"
#include "tfx/runtime/Status.h"
#include "tfx/runtime/Tensor.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tfx::lowering {

/// Where a schedule comes from.
/// Li2018 is only used for GPU targets, for kernels without a hand GPU
/// schedule (it is the one Halide 14 autoscheduler emitting GPU schedules).
/// Default is Halide's own (nothing scheduled): the C backend's last resort.
enum class ScheduleSource { Manual, Adams2019, Mullapudi2016, Li2018, Default };

/// Parses "manual" | "adams2019" | "mullapudi2016".
rt::StatusOr<ScheduleSource> parseScheduleSource(const std::string &name);
const char *scheduleSourceName(ScheduleSource source);

/// The schedule of GEMMs on GPU targets (docs/gpu.md): Tiled (thread-block
/// tiles, operands staged through shared memory in K chunks, a register
/// micro-tile per thread; the default) or Simple (a thread per output
/// element). Read from the environment variable TFX_GPU_GEMM ("tiled",
/// "simple"; unset or empty = tiled) whenever a GPU kernel is built, so both
/// can be measured without rebuilding tfx; every GPU kernel's cache key and
/// the header of a generated GPU library name the variant.
enum class GpuGemmVariant { Tiled, Simple };
rt::StatusOr<GpuGemmVariant> gpuGemmVariant();
const char *gpuGemmVariantName(GpuGemmVariant variant);

/// A compiled kernel (the runtime's kernel interface, tfx/runtime/Interpreter.h):
/// run() binds the inputs and writes the preallocated output; shapes must
/// match the desc (dynamic extents may take any value).
using CompiledKernel = rt::Kernel;

struct KernelOptions {
  ScheduleSource schedule = ScheduleSource::Manual;
  /// Batch size the autoschedulers assume for dynamic extents. Their
  /// schedules may split the batch loop, so run them at this batch or above.
  int64_t estimateBatch = 32;
  /// Halide target string; empty = host.
  std::string target;
  /// Directory of the on-disk kernel cache (one shared object per kernel
  /// signature + target + schedule + tfx build). Empty: JIT in memory only.
  std::string cacheDir;
};

/// The cache directory tools use by default: $TFX_CACHE_DIR, else
/// $XDG_CACHE_HOME/tfx/kernels, else ~/.cache/tfx/kernels.
std::string defaultKernelCacheDir();

/// Compiles kernels on demand and keeps them for the life of the cache.
class KernelCache {
public:
  explicit KernelCache(KernelOptions options = {});
  ~KernelCache();
  KernelCache(const KernelCache &) = delete;
  KernelCache &operator=(const KernelCache &) = delete;

  rt::StatusOr<CompiledKernel *> get(const KernelDesc &desc);

  /// The device the kernels of a GPU target run on (the standalone Halide
  /// runtime's CUDA or OpenCL interface); an empty Device on CPU targets.
  rt::StatusOr<rt::Device> device();

  size_t size() const;
  /// Kernels loaded from the disk cache instead of being compiled.
  size_t diskHits() const;
  /// Total seconds spent compiling (algorithm + schedule + JIT).
  double compileSeconds() const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The first error message the kernels' shared Halide runtime reported
/// since the last call ("(no message)" if none); clears it.
std::string takeHalideError();

/// Compiles `desc` ahead of time for the Halide `target` string ("host",
/// "host-opencl", "x86-64-linux-cuda-cuda_capability_80", ...) into
/// `pathPrefix`.a and `pathPrefix`.h with entry point `functionName`, without
/// the Halide runtime (link one from compileRuntimeLibrary). GPU targets use
/// the kernel's GPU schedule; a kernel without one is an error naming it.
/// Arguments: the inputs in desc order, then the output buffer (or, for
/// kernels writing windows of their output such as "lsra" on a CPU target,
/// one buffer per window, each a crop of the output's last dimension
/// translated to 0; see kernelOutputWindows).
rt::Status compileStaticLibrary(const KernelDesc &desc, const std::string &target,
                                const std::string &pathPrefix,
                                const std::string &functionName,
                                const KernelOptions &options = {});

/// How an ahead-of-time kernel is written: a static library (`.a` + `.h`)
/// or C++ source from Halide's C backend (`.cpp`, CPU targets only).
enum class AotFormat { StaticLibrary, CSource };
rt::Status compileKernel(const KernelDesc &desc, const std::string &target,
                         const std::string &pathPrefix,
                         const std::string &functionName, AotFormat format,
                         const KernelOptions &options = {});

/// The (offset, width) windows of the output's last dimension that the
/// kernel writes as separate output buffers for `target` (see
/// compileStaticLibrary); empty for the usual single output, and on GPU
/// targets, where every kernel writes its whole output.
rt::StatusOr<std::vector<std::pair<int64_t, int64_t>>>
kernelOutputWindows(const KernelDesc &desc, const std::string &target);

/// Whether `target` is a Halide target string tfx accepts ("host" included).
bool isValidTarget(const std::string &target);

/// f32 lanes of the CPU vector registers of a valid `target` ("" or "host":
/// this machine's): 16 with AVX-512, 8 with AVX2, 4 with SSE/NEON. The CPU
/// GEMM tiles are sized by it (chooseGemmTiling); 0 for an invalid target.
int cpuVectorLanes(const std::string &target);

/// The GPU API a valid target string selects (Halide's own parse).
enum class GpuApi { None, Cuda, OpenCL, Other };
GpuApi targetGpuApi(const std::string &target);

/// Writes the Halide runtime for `target` as a static library at `path`.
rt::Status compileRuntimeLibrary(const std::string &target,
                                 const std::string &path);

/// Sets the number of worker threads Halide kernels use (0 = all cores).
/// Must be called before the first kernel runs.
void setKernelThreads(int threads);

} // namespace tfx::lowering

#endif // TFX_LOWERING_KERNEL_H
