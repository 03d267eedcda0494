//===- Kernel.cpp - compiling and running tfx kernels ---------------------===//
//
// What the family files build (KernelBuilders.h), compiled: JIT in memory,
// the on-disk cache of shared objects, ahead-of-time static libraries and C
// sources for tfx-translate, target handling and process-wide settings.
//
//===----------------------------------------------------------------------===//

#include "KernelCacheImpl.h"

#include "tfx/runtime/HalideArgs.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <malloc.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>
#include <cmath>
#include <functional>
#include <limits>
#include <mutex>
#include <sstream>
#include <unordered_map>

using namespace Halide;

namespace tfx::lowering {
using namespace detail;
namespace {

//===----------------------------------------------------------------------===//
// Compilation and execution
//===----------------------------------------------------------------------===//

class JitKernel final : public CompiledKernel {
public:
  JitKernel(Built built, Pipeline pipeline, Target target, KernelDesc desc)
      : built_(std::move(built)), pipeline_(std::move(pipeline)),
        target_(target), desc_(std::move(desc)) {}

  rt::Status run(const std::vector<const rt::Tensor *> &inputs,
                 rt::Tensor &output) override {
    if (inputs.size() != built_.inputs.size())
      return rt::Status::error("kernel '" + desc_.kind() + "' expects " +
                               std::to_string(built_.inputs.size()) +
                               " inputs, got " + std::to_string(inputs.size()));
    ParamMap params;
    std::vector<Buffer<>> keepAlive;
    for (size_t i = 0; i < inputs.size(); ++i) {
      keepAlive.emplace_back(inputs[i]->halideBuffer());
      params.set(built_.inputs[i], keepAlive.back());
    }
    Buffer<> out(output.halideBuffer());
    try {
      if (built_.windows.empty()) {
        pipeline_.realize(out, target_, params);
      } else {
        std::vector<Buffer<>> parts;
        for (const OutputWindow &win : built_.windows)
          parts.emplace_back(out.get()
                                 ->cropped(0, static_cast<int>(win.offset),
                                           static_cast<int>(win.width))
                                 .translated(0, -static_cast<int>(win.offset)));
        pipeline_.realize(Realization(parts), target_, params);
      }
    } catch (const Halide::Error &e) {
      return rt::Status::error("kernel '" + desc_.kind() + "' failed: " + e.what());
    }
    return rt::Status::ok();
  }

private:
  Built built_;
  Pipeline pipeline_;
  Target target_;
  KernelDesc desc_;
};

void setEstimates(Built &b, const KernelDesc &d, int64_t batch) {
  auto bounds = [&](const OperandDesc &op) {
    Region region;
    for (size_t h = op.shape.size(); h-- > 0;) {
      int64_t e = op.shape[h] < 0 ? batch : op.shape[h];
      region.emplace_back(0, static_cast<int>(e));
    }
    return region;
  };
  for (size_t i = 0; i < b.inputs.size(); ++i)
    b.inputs[i].set_estimates(bounds(d.inputs[i]));
  if (b.windows.empty()) {
    b.output.set_estimates(bounds(d.output));
    return;
  }
  for (size_t i = 0; i < b.outputs.size(); ++i) {
    Region region = bounds(d.output);
    region[0] = Range(0, static_cast<int>(b.windows[i].width));
    b.outputs[i].set_estimates(region);
  }
}

bool loadAutoscheduler(ScheduleSource source, std::string &error) {
  static std::once_flag adams, mullapudi, li;
  static bool adamsOk = false, mullapudiOk = false, liOk = false;
  const char *dir = "/usr/lib/x86_64-linux-gnu/halide14/";
  auto load = [&](const char *lib, bool &ok) {
    try {
      load_plugin(std::string(dir) + lib);
      ok = true;
    } catch (const std::exception &e) {
      error = e.what();
    }
  };
  if (source == ScheduleSource::Adams2019) {
    std::call_once(adams, load, "libautoschedule_adams2019.so", adamsOk);
    return adamsOk;
  }
  if (source == ScheduleSource::Li2018) {
    std::call_once(li, load, "libautoschedule_li2018.so", liOk);
    return liOk;
  }
  std::call_once(mullapudi, load, "libautoschedule_mullapudi2016.so", mullapudiOk);
  return mullapudiOk;
}


} // namespace

namespace detail {

namespace {
thread_local int scheduleLanes = 0; // 0: no schedule being applied
} // namespace

int scheduleVectorLanes() {
  return scheduleLanes ? scheduleLanes : hostTarget().natural_vector_size(Float(32));
}

/// Builds `desc`'s algorithm and applies its schedule for `target`: the GPU
/// schedule on GPU targets, else the hand schedule or an autoscheduler.
/// Shared by the JIT cache and the ahead-of-time library writer.
rt::Status buildScheduled(const KernelDesc &desc, const Target &target,
                          const KernelOptions &options, Built &built,
                          Pipeline &pipeline) {
  TFX_RETURN_IF_ERROR(checkOperandCount(desc));
  built = build(desc);
  if (target.has_gpu_feature())
    built.useGpuOutput();
  if (built.windows.empty())
    constrainDense(built.output.output_buffer(), desc.output.shape);
  pipeline = Pipeline(built.allOutputs());
  ScheduleSource source = options.schedule;
  if (target.has_gpu_feature()) {
    // The GEMM schedules read the variant themselves; a bad value stops here.
    TFX_RETURN_IF_ERROR(gpuGemmVariant().status());
    if (built.gpuSchedule) {
      built.gpuSchedule();
    } else {
      // Kernels without a hand GPU schedule get one from Li2018, the only
      // Halide 14 autoscheduler that emits gpu_blocks/gpu_threads.
      std::string error;
      if (!loadAutoscheduler(ScheduleSource::Li2018, error))
        return rt::Status::error("kernel '" + desc.kind() +
                                 "' has no hand GPU schedule and the Li2018 "
                                 "autoscheduler cannot be loaded: " + error);
      setEstimates(built, desc, options.estimateBatch);
      pipeline.auto_schedule("Li2018", target);
    }
  } else if (source == ScheduleSource::Manual) {
    struct LanesScope {
      explicit LanesScope(int lanes) { scheduleLanes = lanes; }
      ~LanesScope() { scheduleLanes = 0; }
    } lanes(target.natural_vector_size(Float(32)));
    built.schedule();
  } else if (source == ScheduleSource::Default) {
    // Halide's default schedule: nothing to apply.
  } else {
    std::string error;
    if (!loadAutoscheduler(source, error))
      return rt::Status::error(std::string("cannot load the ") +
                               scheduleSourceName(source) +
                               " autoscheduler: " + error);
    setEstimates(built, desc, options.estimateBatch);
    const char *name = source == ScheduleSource::Adams2019   ? "Adams2019"
                       : source == ScheduleSource::Li2018    ? "Li2018"
                                                             : "Mullapudi2016";
    pipeline.auto_schedule(name, target, MachineParams(2, 32 << 20, 40));
  }
  return rt::Status::ok();
}

} // namespace detail

rt::StatusOr<ScheduleSource> parseScheduleSource(const std::string &name) {
  if (name == "manual")
    return ScheduleSource::Manual;
  if (name == "adams2019")
    return ScheduleSource::Adams2019;
  if (name == "mullapudi2016")
    return ScheduleSource::Mullapudi2016;
  return rt::Status::error("unknown schedule '" + name +
                           "' (expected manual, adams2019 or mullapudi2016)");
}

rt::StatusOr<GpuGemmVariant> gpuGemmVariant() {
  const char *env = std::getenv("TFX_GPU_GEMM");
  std::string name = env ? env : "";
  if (name.empty() || name == "tiled")
    return GpuGemmVariant::Tiled;
  if (name == "simple")
    return GpuGemmVariant::Simple;
  return rt::Status::error("TFX_GPU_GEMM='" + name +
                           "': expected tiled or simple");
}

const char *gpuGemmVariantName(GpuGemmVariant variant) {
  return variant == GpuGemmVariant::Simple ? "simple" : "tiled";
}

const char *scheduleSourceName(ScheduleSource source) {
  switch (source) {
  case ScheduleSource::Manual: return "manual";
  case ScheduleSource::Adams2019: return "adams2019";
  case ScheduleSource::Mullapudi2016: return "mullapudi2016";
  case ScheduleSource::Li2018: return "li2018";
  case ScheduleSource::Default: return "default";
  }
  return "?";
}

/// The host target, minus features the CPU lacks. Halide 14 reports
/// "avx512_sapphirerapids" on CPUs with AVX512-BF16/VNNI (e.g. AMD Zen 4),
/// and LLVM 14 then emits AVX512-FP16 instructions (vmovw) that such CPUs do
/// not have: SIGILL. Keep the feature only if /proc/cpuinfo lists avx512_fp16.
Target hostTarget() {
  Target t = get_jit_target_from_environment();
  if (t.has_feature(Target::AVX512_SapphireRapids)) {
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string text((std::istreambuf_iterator<char>(cpuinfo)), {});
    if (text.find("avx512_fp16") == std::string::npos)
      t = t.without_feature(Target::AVX512_SapphireRapids);
  }
  return t;
}

/// Kernels allocate their intermediate (compute_root) buffers with malloc on
/// every call. glibc serves blocks above its mmap threshold with fresh
/// mmap()s, so each call of a fused kernel with megabytes of intermediates
/// page-faulted them all in again (measured: +0.7 ms on a 1.6 ms LSRA block).
/// Keep such blocks in the heap and do not trim it eagerly. This is
/// process-wide: it only changes where glibc takes memory from.
void keepLargeAllocationsInHeap() {
  static std::once_flag once;
  std::call_once(once, [] {
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
  });
}

KernelCache::KernelCache(KernelOptions options) : impl_(new Impl) {
  keepLargeAllocationsInHeap();
  impl_->options = std::move(options);
  impl_->target = impl_->options.target.empty() ? hostTarget()
                                                : Target(impl_->options.target);
}

KernelCache::~KernelCache() = default;

rt::StatusOr<rt::Device> KernelCache::device() {
  Target t = impl_->target;
  if (!t.has_gpu_feature())
    return rt::Device{};
  const char *fn = t.has_feature(Target::CUDA)     ? "halide_cuda_device_interface"
                   : t.has_feature(Target::OpenCL) ? "halide_opencl_device_interface"
                                                   : nullptr;
  if (!fn)
    return rt::Status::error("target " + t.to_string() +
                             ": tfx runs GPU kernels through CUDA or OpenCL only");
  TFX_RETURN_IF_ERROR(impl_->useSharedObjects());
  TFX_RETURN_IF_ERROR(impl_->loadRuntime());
  using InterfaceFn = const halide_device_interface_t *(*)();
  auto get = reinterpret_cast<InterfaceFn>(dlsym(impl_->runtimeHandle, fn));
  if (!get || !get())
    return rt::Status::error(std::string("the Halide runtime has no ") + fn);
  return rt::Device{get()};
}

size_t KernelCache::size() const { return impl_->kernels.size(); }
size_t KernelCache::diskHits() const { return impl_->diskHits; }

std::string defaultKernelCacheDir() {
  if (const char *dir = std::getenv("TFX_CACHE_DIR"))
    return dir;
  if (const char *xdg = std::getenv("XDG_CACHE_HOME"))
    return std::string(xdg) + "/tfx/kernels";
  if (const char *home = std::getenv("HOME"))
    return std::string(home) + "/.cache/tfx/kernels";
  return "";
}
double KernelCache::compileSeconds() const { return impl_->compileSeconds; }

rt::StatusOr<CompiledKernel *> KernelCache::get(const KernelDesc &desc) {
  std::string key = desc.key();
  // Autoscheduled kernels are tuned for (and only valid from) the estimated
  // batch: their splits of the batch loop assume at least that many rows.
  if (impl_->options.schedule != ScheduleSource::Manual)
    key += std::string(";schedule=") + scheduleSourceName(impl_->options.schedule) +
           ";estimate_batch=" + std::to_string(impl_->options.estimateBatch);
  // A GPU kernel of one GEMM variant is never taken for the other (the disk
  // cache's key starts with this one).
  if (impl_->target.has_gpu_feature()) {
    rt::StatusOr<GpuGemmVariant> variant = gpuGemmVariant();
    if (!variant)
      return variant.status();
    key += std::string(";gpu_gemm=") + gpuGemmVariantName(*variant);
  }
  auto it = impl_->kernels.find(key);
  if (it != impl_->kernels.end())
    return it->second.get();
  auto start = std::chrono::steady_clock::now();
  try {
    Built built;
    Pipeline pipeline;
    TFX_RETURN_IF_ERROR(buildScheduled(desc, impl_->target, impl_->options,
                                       built, pipeline));
    std::unique_ptr<CompiledKernel> kernel;
    bool gpu = impl_->target.has_gpu_feature();
    if (gpu) {
      // In-memory JIT would bring libHalide's own GPU runtime (another CUDA
      // context, PoCL in libHalide's namespace): GPU kernels are shared
      // objects on the standalone runtime, or nothing.
      TFX_RETURN_IF_ERROR(impl_->useSharedObjects());
      rt::Status dir = makeDirs(impl_->options.cacheDir);
      auto shared = dir ? impl_->loadOrCompileShared(desc, built, pipeline, key)
                        : rt::StatusOr<std::unique_ptr<CompiledKernel>>(dir);
      if (!shared)
        return shared.status();
      kernel = std::move(*shared);
    } else if (!impl_->options.cacheDir.empty() && !impl_->diskDisabled) {
      rt::Status dir = makeDirs(impl_->options.cacheDir);
      auto shared = dir ? impl_->loadOrCompileShared(desc, built, pipeline, key)
                        : rt::StatusOr<std::unique_ptr<CompiledKernel>>(dir);
      if (shared) {
        kernel = std::move(*shared);
      } else {
        // The disk cache is an optimisation: say why it is off, then JIT.
        std::fprintf(stderr, "tfx: warning: kernel disk cache disabled: %s\n",
                     shared.status().message().c_str());
        impl_->diskDisabled = true;
      }
    }
    if (!kernel) {
      pipeline.compile_jit(impl_->target);
      kernel = std::make_unique<JitKernel>(std::move(built), pipeline,
                                           impl_->target, desc);
    }
    CompiledKernel *raw = kernel.get();
    impl_->kernels.emplace(key, std::move(kernel));
    impl_->compileSeconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    return raw;
  } catch (const Halide::Error &e) {
    return rt::Status::error("compiling kernel " + key + ": " + e.what());
  }
}

} // namespace tfx::lowering
