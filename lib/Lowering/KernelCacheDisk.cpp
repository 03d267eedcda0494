//===- KernelCacheDisk.cpp - the disk cache of compiled kernels -------------===//
//
// Kernels compiled ahead of time into shared objects (one per kernel
// signature, target, schedule source and tfx build), all linked against one
// standalone Halide runtime that this file compiles, loads, and whose errors
// it captures; on GPU targets the only path (KernelCache::device()).
//
//===----------------------------------------------------------------------===//

#include "KernelCacheImpl.h"

#include "tfx/runtime/HalideArgs.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <fstream>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

using namespace Halide;

namespace tfx::lowering {
using namespace detail;
namespace {

// The standalone runtime's errors: its default handler prints and aborts,
// so loadRuntime() installs this one, which keeps the first message (worker
// threads of a parallel loop may report too) for the failing call to return.
std::mutex halideErrorLock;
std::string halideErrorText;

void recordHalideError(void *, const char *message) {
  std::lock_guard<std::mutex> lock(halideErrorLock);
  if (halideErrorText.empty() && message)
    halideErrorText = message;
  while (!halideErrorText.empty() && halideErrorText.back() == '\n')
    halideErrorText.pop_back();
}

/// A kernel compiled ahead of time into a shared object of the disk cache;
/// called through Halide's `<name>_argv` entry point. On a GPU target it
/// runs on device-resident operands (rt::HalideArgs, the runner's device
/// mode), as the kernels of a generated library do.
class SharedObjectKernel final : public CompiledKernel {
public:
  using ArgvFn = int (*)(void **);
  SharedObjectKernel(void *handle, ArgvFn fn, size_t numInputs, std::string kind,
                     std::vector<OutputWindow> windows, bool device)
      : handle_(handle), fn_(fn), numInputs_(numInputs), kind_(std::move(kind)),
        windows_(std::move(windows)), device_(device) {}
  ~SharedObjectKernel() override { dlclose(handle_); }

  rt::Placement placement() const override {
    return device_ ? rt::Placement::Device : rt::Placement::Host;
  }

  rt::Status run(const std::vector<const rt::Tensor *> &inputs,
                 rt::Tensor &output) override {
    if (inputs.size() != numInputs_)
      return rt::Status::error("kernel '" + kind_ + "' expects " +
                               std::to_string(numInputs_) + " inputs, got " +
                               std::to_string(inputs.size()));
    rt::HalideArgs args;
    for (const rt::Tensor *t : inputs)
      TFX_RETURN_IF_ERROR(args.addInput(*t));
    if (windows_.empty())
      TFX_RETURN_IF_ERROR(args.addOutput(output));
    for (const OutputWindow &win : windows_)
      TFX_RETURN_IF_ERROR(args.addOutput(output, win.offset, win.width));
    std::vector<void *> argv(inputs.size() + std::max<size_t>(1, windows_.size()));
    for (size_t i = 0; i < argv.size(); ++i)
      argv[i] = args.buffers()[i];
    takeHalideError();
    int code = fn_(argv.data());
    if (code != 0)
      return rt::Status::error("kernel '" + kind_ + "' failed with Halide error " +
                               std::to_string(code) + ": " + takeHalideError());
    return args.commit();
  }

private:
  void *handle_;
  ArgvFn fn_;
  size_t numInputs_;
  std::string kind_;
  std::vector<OutputWindow> windows_;
  bool device_;
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

std::string takeHalideError() {
  std::lock_guard<std::mutex> lock(halideErrorLock);
  std::string m = halideErrorText.empty() ? "(no message)" : halideErrorText;
  halideErrorText.clear();
  return m;
}

KernelCache::Impl::~Impl() {
  kernels.clear(); // dlclose the kernels before their directory goes
  if (!privateDir.empty())
    std::system(("rm -rf '" + privateDir + "'").c_str());
}

rt::Status KernelCache::Impl::useSharedObjects() {
  if (!target.has_gpu_feature() || !options.cacheDir.empty())
    return rt::Status::ok();
  char tmpl[] = "/tmp/tfx-gpu-kernels-XXXXXX";
  if (!mkdtemp(tmpl))
    return rt::Status::error("cannot create a directory for GPU kernels in /tmp");
  privateDir = options.cacheDir = tmpl;
  return rt::Status::ok();
}

/// Loads a GPU API's library (libOpenCL, libcuda) in a link namespace of
/// its own. PoCL's OpenCL compiler brings LLVM 15; in the namespace of a
/// process that holds libHalide's LLVM 14 it crashes (docs/gpu-residency.md
/// 1.4), in its own it runs.
void *loadLibraryApart(const char *name) {
  return dlmopen(LM_ID_NEWLM, name, RTLD_NOW | RTLD_LOCAL);
}

rt::Status KernelCache::Impl::loadRuntime() {
  if (runtimeHandle)
    return rt::Status::ok();
  Target rtTarget = target.without_feature(Target::JIT);
  std::string base = options.cacheDir + "/halide-runtime-" +
                     std::to_string(fnv1a(rtTarget.to_string()) & 0xffffffffffull);
  std::string so = base + ".so";
  if (!fileExists(so)) {
    TFX_RETURN_IF_ERROR(makeDirs(options.cacheDir));
    std::string object = base + ".o." + std::to_string(getpid());
    try {
      compile_standalone_runtime(object, rtTarget);
    } catch (const Halide::Error &e) {
      return rt::Status::error(std::string("compiling the Halide runtime: ") + e.what());
    }
    rt::Status s = linkShared(object, so, "-lpthread -ldl");
    std::remove(object.c_str());
    TFX_RETURN_IF_ERROR(s);
  }
  void *handle = dlopen(so.c_str(), RTLD_NOW | RTLD_GLOBAL);
  if (!handle)
    return rt::Status::error(std::string("cannot load the Halide runtime: ") + dlerror());
  using ErrorFn = void (*)(void *, const char *);
  auto setError = reinterpret_cast<ErrorFn (*)(ErrorFn)>(dlsym(handle, "halide_set_error_handler"));
  if (!setError)
    return rt::Status::error("the Halide runtime '" + so + "' lacks halide_set_error_handler");
  setError(recordHalideError);
  if (target.has_feature(Target::OpenCL)) {
    using LoadFn = void *(*)(const char *);
    auto set = reinterpret_cast<LoadFn (*)(LoadFn)>(
        dlsym(handle, "halide_set_custom_load_library"));
    if (!set)
      return rt::Status::error("the Halide runtime '" + so + "' lacks halide_set_custom_load_library");
    set(loadLibraryApart);
  }
  runtimeHandle = handle;
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
                             built.windows, target.has_gpu_feature()));
}

} // namespace tfx::lowering
