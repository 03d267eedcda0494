//===- Aot.cpp - ahead-of-time kernels for tfx-translate ------------------===//
//
// compileKernel / compileStaticLibrary / compileRuntimeLibrary, target
// parsing and the process-wide thread setting.
//
//===----------------------------------------------------------------------===//

#include "KernelBuilders.h"

#include <cstdio>
#include <cstdlib>

using namespace Halide;

namespace tfx::lowering {
using namespace detail;

/// The host target corrected as hostTarget(), or the parsed target string.
static rt::StatusOr<Target> parseTarget(const std::string &name) {
  if (name.empty() || name == "host")
    return hostTarget();
  if (!Target::validate_target_string(name))
    return rt::Status::error("invalid Halide target '" + name + "'");
  Target t(name);
  // "host-<features>" takes the host's features as Halide reports them; drop
  // the one Halide 14 misreports (see hostTarget()).
  if (name.rfind("host", 0) == 0 &&
      !hostTarget().has_feature(Target::AVX512_SapphireRapids))
    t = t.without_feature(Target::AVX512_SapphireRapids);
  return t;
}

rt::Status compileKernel(const KernelDesc &desc, const std::string &target,
                         const std::string &pathPrefix,
                         const std::string &functionName, AotFormat format,
                         const KernelOptions &options) {
  rt::StatusOr<Target> t = parseTarget(target);
  if (!t)
    return t.status();
  if (format == AotFormat::CSource && t->has_gpu_feature())
    return rt::Status::error("Halide's C backend cannot emit GPU code (target " +
                             target + ")");
  Target aot = t->with_feature(Target::NoRuntime);
  auto attempt = [&](const KernelOptions &o) -> rt::Status {
    try {
      Built built;
      Pipeline pipeline;
      TFX_RETURN_IF_ERROR(buildScheduled(desc, *t, o, built, pipeline));
      std::vector<Argument> args(built.inputs.begin(), built.inputs.end());
      if (format == AotFormat::CSource)
        pipeline.compile_to_c(pathPrefix + ".cpp", args, functionName, aot);
      else
        pipeline.compile_to_static_library(pathPrefix, args, functionName, aot);
    } catch (const Halide::Error &e) {
      return rt::Status::error("compiling kernel '" + desc.kind() + "' for " +
                               target + ": " + e.what());
    }
    return rt::Status::ok();
  };
  // Halide 14's C backend writes 8-bit vector shuffles that do not compile
  // (NativeVectorOps<uint8_t, 16>::shuffle of an 8-lane vector): kernels on
  // masks go straight to the default (scalar) schedule there.
  bool bytes = desc.output.dtype == rt::DType::Bool;
  for (const OperandDesc &in : desc.inputs)
    bytes = bytes || in.dtype == rt::DType::Bool || in.dtype == rt::DType::U8 ||
            in.dtype == rt::DType::I8;
  rt::Status first = format == AotFormat::CSource && bytes
                         ? rt::Status::error("8-bit vectors in the C backend")
                         : attempt(options);
  if (first || format != AotFormat::CSource)
    return first;
  // Halide's C backend cannot express some vector code the hand schedules
  // produce (predicated tail loads). Fall back to Halide's default schedule,
  // which is valid for every batch (an autoscheduler's is not: it splits the
  // batch loop for the batch it was tuned for), and say so.
  KernelOptions o = options;
  o.schedule = ScheduleSource::Default;
  rt::Status fallback = attempt(o);
  if (!fallback)
    return first;
  std::fprintf(stderr,
               "tfx: note: kernel '%s' uses Halide's default schedule for the C "
               "backend (%s)\n",
               desc.kind().c_str(),
               bytes ? "8-bit vectors" : "its hand schedule needs predicated vector loads");
  return rt::Status::ok();
}

rt::Status compileStaticLibrary(const KernelDesc &desc, const std::string &target,
                                const std::string &pathPrefix,
                                const std::string &functionName,
                                const KernelOptions &options) {
  return compileKernel(desc, target, pathPrefix, functionName,
                       AotFormat::StaticLibrary, options);
}

rt::StatusOr<std::vector<std::pair<int64_t, int64_t>>>
kernelOutputWindows(const KernelDesc &desc, const std::string &target) {
  TFX_RETURN_IF_ERROR(checkOperandCount(desc));
  std::vector<std::pair<int64_t, int64_t>> windows;
  try {
    Built built = build(desc);
    if (targetGpuApi(target) != GpuApi::None)
      built.useGpuOutput();
    for (const OutputWindow &w : built.windows)
      windows.emplace_back(w.offset, w.width);
  } catch (const Halide::Error &e) {
    return rt::Status::error("building kernel '" + desc.kind() + "': " + e.what());
  }
  return windows;
}

bool isValidTarget(const std::string &target) {
  return static_cast<bool>(parseTarget(target));
}

int cpuVectorLanes(const std::string &target) {
  rt::StatusOr<Target> t = parseTarget(target);
  return t ? t->natural_vector_size(Float(32)) : 0;
}

GpuApi targetGpuApi(const std::string &target) {
  rt::StatusOr<Target> t = parseTarget(target);
  if (!t || !t->has_gpu_feature())
    return GpuApi::None;
  if (t->has_feature(Target::CUDA))
    return GpuApi::Cuda;
  if (t->has_feature(Target::OpenCL))
    return GpuApi::OpenCL;
  return GpuApi::Other;
}

rt::Status compileRuntimeLibrary(const std::string &target,
                                 const std::string &path) {
  rt::StatusOr<Target> t = parseTarget(target);
  if (!t)
    return t.status();
  try {
    compile_standalone_runtime({{OutputFileType::static_library, path}}, *t);
  } catch (const Halide::Error &e) {
    return rt::Status::error("compiling the Halide runtime for " + target +
                             ": " + e.what());
  }
  return rt::Status::ok();
}

void setKernelThreads(int threads) {
  if (threads > 0)
    setenv("HL_NUM_THREADS", std::to_string(threads).c_str(), 1);
}


} // namespace tfx::lowering
