//===- Kernel.cpp - compiling and running tfx kernels ---------------------===//
//
// What the family files build (KernelBuilders.h), compiled: JIT in memory,
// the on-disk cache of shared objects, ahead-of-time static libraries and C
// sources for tfx-translate, target handling and process-wide settings.
//
//===----------------------------------------------------------------------===//

#include "KernelBuilders.h"

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


/// A kernel compiled ahead of time into a shared object of the disk cache;
/// called through Halide's `<name>_argv` entry point.
class SharedObjectKernel final : public CompiledKernel {
public:
  using ArgvFn = int (*)(void **);
  SharedObjectKernel(void *handle, ArgvFn fn, size_t numInputs, std::string kind,
                     std::vector<OutputWindow> windows)
      : handle_(handle), fn_(fn), numInputs_(numInputs), kind_(std::move(kind)),
        windows_(std::move(windows)) {}
  ~SharedObjectKernel() override { dlclose(handle_); }

  rt::Status run(const std::vector<const rt::Tensor *> &inputs,
                 rt::Tensor &output) override {
    if (inputs.size() != numInputs_)
      return rt::Status::error("kernel '" + kind_ + "' expects " +
                               std::to_string(numInputs_) + " inputs, got " +
                               std::to_string(inputs.size()));
    std::vector<Halide::Runtime::Buffer<void>> buffers;
    // args point into `buffers`: reserve it all now so it never reallocates.
    buffers.reserve(inputs.size() + std::max<size_t>(1, windows_.size()));
    std::vector<void *> args;
    for (const rt::Tensor *t : inputs) {
      buffers.push_back(t->halideBuffer());
      args.push_back(buffers.back().raw_buffer());
    }
    if (windows_.empty()) {
      buffers.push_back(output.halideBuffer());
      args.push_back(buffers.back().raw_buffer());
    } else {
      Halide::Runtime::Buffer<void> whole(output.halideBuffer());
      for (const OutputWindow &win : windows_) {
        buffers.push_back(whole.cropped(0, static_cast<int>(win.offset),
                                        static_cast<int>(win.width)));
        buffers.back().translate(0, -static_cast<int>(win.offset));
        args.push_back(buffers.back().raw_buffer());
      }
    }
    int code = fn_(args.data());
    if (code != 0)
      return rt::Status::error("kernel '" + kind_ + "' failed with Halide error " +
                               std::to_string(code) + " (details on stderr)");
    return rt::Status::ok();
  }

private:
  void *handle_;
  ArgvFn fn_;
  size_t numInputs_;
  std::string kind_;
  std::vector<OutputWindow> windows_;
};

uint64_t fnv1a(const std::string &text) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

/// Identity of the running tfx build: the binary's path, size and mtime. A
/// rebuilt binary never loads kernels compiled by an older one.
std::string buildIdentity() {
  Dl_info info;
  if (!dladdr(reinterpret_cast<void *>(&fnv1a), &info) || !info.dli_fname)
    return "unknown-build";
  struct stat st;
  if (stat(info.dli_fname, &st) != 0)
    return info.dli_fname;
  return std::string(info.dli_fname) + ":" + std::to_string(st.st_size) + ":" +
         std::to_string(st.st_mtime);
}

bool fileExists(const std::string &path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

std::string readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

rt::Status makeDirs(const std::string &dir) {
  std::string partial;
  for (size_t i = 0; i <= dir.size(); ++i) {
    if (i == dir.size() || dir[i] == '/') {
      if (!partial.empty() && !fileExists(partial) &&
          mkdir(partial.c_str(), 0755) != 0 && errno != EEXIST)
        return rt::Status::error("cannot create cache directory '" + partial + "'");
    }
    if (i < dir.size())
      partial += dir[i];
  }
  return rt::Status::ok();
}

/// Links an object into a shared object at `so` (atomically: temp + rename).
rt::Status linkShared(const std::string &object, const std::string &so,
                      const std::string &extra = "") {
  std::string tmp = so + ".tmp." + std::to_string(getpid());
  std::string cmd = "c++ -shared -o '" + tmp + "' '" + object + "' " + extra +
                    " 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) {
    std::remove(tmp.c_str());
    return rt::Status::error("linking '" + so + "' failed (is a C++ compiler on PATH?)");
  }
  if (std::rename(tmp.c_str(), so.c_str()) != 0) {
    std::remove(tmp.c_str());
    return rt::Status::error("cannot move kernel into '" + so + "'");
  }
  return rt::Status::ok();
}

} // namespace

namespace detail {

/// Builds `desc`'s algorithm and applies its schedule for `target`: the GPU
/// schedule on GPU targets, else the hand schedule or an autoscheduler.
/// Shared by the JIT cache and the ahead-of-time library writer.
rt::Status buildScheduled(const KernelDesc &desc, const Target &target,
                          const KernelOptions &options, Built &built,
                          Pipeline &pipeline) {
  TFX_RETURN_IF_ERROR(checkOperandCount(desc));
  built = build(desc);
  if (built.windows.empty())
    constrainDense(built.output.output_buffer(), desc.output.shape);
  pipeline = Pipeline(built.allOutputs());
  ScheduleSource source = options.schedule;
  if (target.has_gpu_feature()) {
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

struct KernelCache::Impl {
  KernelOptions options;
  Target target;
  std::unordered_map<std::string, std::unique_ptr<CompiledKernel>> kernels;
  double compileSeconds = 0;
  size_t diskHits = 0;
  bool runtimeLoaded = false;
  bool diskDisabled = false;

  /// One Halide runtime shared by every cached kernel of this target.
  rt::Status loadRuntime();
  /// Loads `desc` from the disk cache, compiling and storing it on a miss.
  rt::StatusOr<std::unique_ptr<CompiledKernel>>
  loadOrCompileShared(const KernelDesc &desc, Built &built, Pipeline &pipeline,
                      const std::string &key);
};

rt::Status KernelCache::Impl::loadRuntime() {
  if (runtimeLoaded)
    return rt::Status::ok();
  Target rtTarget = target.without_feature(Target::JIT);
  std::string base = options.cacheDir + "/halide-runtime-" +
                     std::to_string(fnv1a(rtTarget.to_string()) & 0xffffffffffull);
  std::string so = base + ".so";
  if (!fileExists(so)) {
    std::string object = base + ".o." + std::to_string(getpid());
    compile_standalone_runtime(object, rtTarget);
    rt::Status s = linkShared(object, so, "-lpthread -ldl");
    std::remove(object.c_str());
    TFX_RETURN_IF_ERROR(s);
  }
  if (!dlopen(so.c_str(), RTLD_NOW | RTLD_GLOBAL))
    return rt::Status::error(std::string("cannot load the Halide runtime: ") + dlerror());
  runtimeLoaded = true;
  return rt::Status::ok();
}

rt::StatusOr<std::unique_ptr<CompiledKernel>>
KernelCache::Impl::loadOrCompileShared(const KernelDesc &desc, Built &built,
                                       Pipeline &pipeline,
                                       const std::string &key) {
  TFX_RETURN_IF_ERROR(loadRuntime());
  Target aot = target.without_feature(Target::JIT).with_feature(Target::NoRuntime);
  static const std::string identity = buildIdentity();
  std::string fullKey = key + "\n" + aot.to_string() + "\n" +
                        scheduleSourceName(options.schedule) + "\n" + identity;
  char hex[17];
  std::snprintf(hex, sizeof(hex), "%016llx",
                static_cast<unsigned long long>(fnv1a(fullKey)));
  std::string base = options.cacheDir + "/" + desc.kind() + "-" + hex;
  std::string fnName = "tfx_" + desc.kind() + "_" + hex;
  bool hit = fileExists(base + ".so") && readFile(base + ".key") == fullKey;
  if (!hit) {
    std::vector<Argument> args(built.inputs.begin(), built.inputs.end());
    std::string object = base + ".o." + std::to_string(getpid());
    pipeline.compile_to_object(object, args, fnName, aot);
    rt::Status s = linkShared(object, base + ".so");
    std::remove(object.c_str());
    TFX_RETURN_IF_ERROR(s);
    std::string keyTmp = base + ".key.tmp." + std::to_string(getpid());
    {
      std::ofstream out(keyTmp, std::ios::binary);
      out << fullKey;
    }
    std::rename(keyTmp.c_str(), (base + ".key").c_str());
  } else {
    ++diskHits;
  }
  void *handle = dlopen((base + ".so").c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle)
    return rt::Status::error("cannot load cached kernel '" + base + ".so': " + dlerror());
  auto fn = reinterpret_cast<SharedObjectKernel::ArgvFn>(
      dlsym(handle, (fnName + "_argv").c_str()));
  if (!fn) {
    dlclose(handle);
    return rt::Status::error("cached kernel '" + base + ".so' lacks " + fnName);
  }
  return std::unique_ptr<CompiledKernel>(
      new SharedObjectKernel(handle, fn, built.inputs.size(), desc.kind(),
                             built.windows));
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
    if (!impl_->options.cacheDir.empty() && !impl_->diskDisabled) {
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
