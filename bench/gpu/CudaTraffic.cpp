//===- CudaTraffic.cpp - counts a generated library's CUDA driver calls ---===//
//
// Linked into gpu_bench of a generated CUDA library (issue 12, device
// residency): defines halide_cuda_get_symbol, through which the Halide
// runtime in the library looks up every CUDA driver entry point (the
// runtime's own definition is weak), and wraps the ones that copy,
// allocate or free device memory, launch kernels, wait, or load modules.
// gpu_bench reads the counts (tfx_bench_device_counts) around each call of
// the library. The CUDA counterpart of test/Target/OpenclTraffic.cpp.
//
// No CUDA headers: the few types are declared here (the driver ABI is C;
// CUdeviceptr is 64 bits on x86-64, handles are pointers). The names are
// those Halide 14's runtime asks for (strings of its halide_runtime.a).
//
// Kernel time (tfx_bench_kernel_timing_start/stop): while on, each launch
// is bracketed by two CUDA events recorded on the launch's stream, created
// once and reused; stop sums their elapsed times (the GPU time of the
// kernels, without the host's launch overhead and the gaps between them).
//
//===----------------------------------------------------------------------===//

#include "DeviceCounts.h"

#include <atomic>
#include <cstddef>
#include <cstring>
#include <dlfcn.h>
#include <vector>

namespace {

using CUresult = int;
using CUdeviceptr = unsigned long long;
using Handle = void *;

// CUDA_MEMCPY3D (cuda.h), for the direction and size of cuMemcpy3D_v2.
struct Memcpy3D {
  size_t srcXInBytes, srcY, srcZ, srcLOD;
  int srcMemoryType;
  const void *srcHost;
  CUdeviceptr srcDevice;
  Handle srcArray;
  void *reserved0;
  size_t srcPitch, srcHeight;
  size_t dstXInBytes, dstY, dstZ, dstLOD;
  int dstMemoryType;
  void *dstHost;
  CUdeviceptr dstDevice;
  Handle dstArray;
  void *reserved1;
  size_t dstPitch, dstHeight;
  size_t WidthInBytes, Height, Depth;
};
constexpr int kMemoryHost = 1; // CU_MEMORYTYPE_HOST

std::atomic<int64_t> counts[kNumCounts];

void *real(const char *name) {
  static void *lib = [] {
    void *h = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
    return h ? h : dlopen("libcuda.so", RTLD_NOW | RTLD_LOCAL);
  }();
  return lib ? dlsym(lib, name) : nullptr;
}

template <typename Fn> Fn realFn(const char *name) {
  return reinterpret_cast<Fn>(real(name));
}

void copied(TfxCount what, TfxCount bytes, size_t size) {
  ++counts[what];
  counts[bytes] += static_cast<int64_t>(size);
}

CUresult htod(CUdeviceptr d, const void *h, size_t n) {
  static auto fn = realFn<decltype(&htod)>("cuMemcpyHtoD_v2");
  copied(kH2d, kH2dBytes, n);
  return fn(d, h, n);
}
CUresult dtoh(void *h, CUdeviceptr d, size_t n) {
  static auto fn = realFn<decltype(&dtoh)>("cuMemcpyDtoH_v2");
  copied(kD2h, kD2hBytes, n);
  return fn(h, d, n);
}
CUresult dtod(CUdeviceptr d, CUdeviceptr s, size_t n) {
  static auto fn = realFn<decltype(&dtod)>("cuMemcpyDtoD_v2");
  copied(kD2d, kD2dBytes, n);
  return fn(d, s, n);
}
CUresult htodAsync(CUdeviceptr d, const void *h, size_t n, Handle s) {
  static auto fn = realFn<decltype(&htodAsync)>("cuMemcpyHtoDAsync_v2");
  copied(kH2d, kH2dBytes, n);
  return fn(d, h, n, s);
}
CUresult dtohAsync(void *h, CUdeviceptr d, size_t n, Handle s) {
  static auto fn = realFn<decltype(&dtohAsync)>("cuMemcpyDtoHAsync_v2");
  copied(kD2h, kD2hBytes, n);
  return fn(h, d, n, s);
}
CUresult dtodAsync(CUdeviceptr d, CUdeviceptr src, size_t n, Handle s) {
  static auto fn = realFn<decltype(&dtodAsync)>("cuMemcpyDtoDAsync_v2");
  copied(kD2d, kD2dBytes, n);
  return fn(d, src, n, s);
}
CUresult memcpy3d(const Memcpy3D *p) {
  static auto fn = realFn<decltype(&memcpy3d)>("cuMemcpy3D_v2");
  size_t n = p->WidthInBytes * p->Height * p->Depth;
  bool fromHost = p->srcMemoryType == kMemoryHost, toHost = p->dstMemoryType == kMemoryHost;
  if (fromHost && !toHost)
    copied(kH2d, kH2dBytes, n);
  else if (!fromHost && toHost)
    copied(kD2h, kD2hBytes, n);
  else if (!fromHost && !toHost)
    copied(kD2d, kD2dBytes, n);
  return fn(p);
}
CUresult memAlloc(CUdeviceptr *d, size_t n) {
  static auto fn = realFn<decltype(&memAlloc)>("cuMemAlloc_v2");
  copied(kAlloc, kAllocBytes, n);
  return fn(d, n);
}
CUresult memFree(CUdeviceptr d) {
  static auto fn = realFn<decltype(&memFree)>("cuMemFree_v2");
  ++counts[kFree];
  return fn(d);
}
CUresult ctxSync() {
  static auto fn = realFn<decltype(&ctxSync)>("cuCtxSynchronize");
  ++counts[kCtxSync];
  return fn();
}
CUresult streamSync(Handle s) {
  static auto fn = realFn<decltype(&streamSync)>("cuStreamSynchronize");
  ++counts[kStreamSync];
  return fn(s);
}
// The kernel timer: event pairs, the number used since start, and the
// context they belong to (current at the launches; Halide pushes and pops it).
struct KernelTimer {
  bool on = false, failed = false;
  struct Pair {
    Handle start, end;
  };
  std::vector<Pair> events;
  size_t used = 0;
  Handle ctx = nullptr;
} timer;

using EventCreateFn = CUresult (*)(Handle *, unsigned);
using EventRecordFn = CUresult (*)(Handle, Handle);

/// Records the next pair's start (end: false) or end event on `stream`.
void recordEvent(Handle stream, bool end) {
  static auto create = realFn<EventCreateFn>("cuEventCreate");
  static auto record = realFn<EventRecordFn>("cuEventRecord");
  static auto getCtx = realFn<CUresult (*)(Handle *)>("cuCtxGetCurrent");
  if (!timer.on || timer.failed)
    return;
  if (!create || !record || !getCtx) {
    timer.failed = true;
    return;
  }
  if (!end && timer.used == timer.events.size()) {
    KernelTimer::Pair p{nullptr, nullptr};
    if (create(&p.start, 0) != 0 || create(&p.end, 0) != 0) {
      timer.failed = true;
      return;
    }
    timer.events.push_back(p);
  }
  if (!timer.ctx && getCtx(&timer.ctx) != 0) {
    timer.failed = true;
    return;
  }
  KernelTimer::Pair &p = timer.events[timer.used];
  if (record(end ? p.end : p.start, stream) != 0)
    timer.failed = true;
  else if (end)
    ++timer.used;
}

CUresult launch(Handle f, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned by,
                unsigned bz, unsigned shared, Handle stream, void **params, void **extra) {
  static auto fn = realFn<decltype(&launch)>("cuLaunchKernel");
  ++counts[kLaunch];
  recordEvent(stream, false);
  CUresult rc = fn(f, gx, gy, gz, bx, by, bz, shared, stream, params, extra);
  if (rc == 0)
    recordEvent(stream, true);
  else if (timer.on)
    timer.failed = true; // a start event without its end
  return rc;
}
CUresult moduleLoad(Handle *m, const void *image) {
  static auto fn = realFn<decltype(&moduleLoad)>("cuModuleLoadData");
  ++counts[kModuleLoad];
  return fn(m, image);
}
CUresult moduleLoadEx(Handle *m, const void *image, unsigned n, int *options, void **values) {
  static auto fn = realFn<decltype(&moduleLoadEx)>("cuModuleLoadDataEx");
  ++counts[kModuleLoad];
  return fn(m, image, n, options, values);
}

} // namespace

extern "C" void *halide_cuda_get_symbol(void *, const char *name) {
  struct Wrapped {
    const char *name;
    void *fn;
  };
  static const Wrapped wrapped[] = {
      {"cuMemcpyHtoD_v2", reinterpret_cast<void *>(&htod)},
      {"cuMemcpyDtoH_v2", reinterpret_cast<void *>(&dtoh)},
      {"cuMemcpyDtoD_v2", reinterpret_cast<void *>(&dtod)},
      {"cuMemcpyHtoDAsync_v2", reinterpret_cast<void *>(&htodAsync)},
      {"cuMemcpyDtoHAsync_v2", reinterpret_cast<void *>(&dtohAsync)},
      {"cuMemcpyDtoDAsync_v2", reinterpret_cast<void *>(&dtodAsync)},
      {"cuMemcpy3D_v2", reinterpret_cast<void *>(&memcpy3d)},
      {"cuMemAlloc_v2", reinterpret_cast<void *>(&memAlloc)},
      {"cuMemFree_v2", reinterpret_cast<void *>(&memFree)},
      {"cuCtxSynchronize", reinterpret_cast<void *>(&ctxSync)},
      {"cuStreamSynchronize", reinterpret_cast<void *>(&streamSync)},
      {"cuLaunchKernel", reinterpret_cast<void *>(&launch)},
      {"cuModuleLoadData", reinterpret_cast<void *>(&moduleLoad)},
      {"cuModuleLoadDataEx", reinterpret_cast<void *>(&moduleLoadEx)},
  };
  void *fn = real(name);
  if (!fn)
    return nullptr; // no driver, or no such entry point: Halide reports it
  for (const Wrapped &w : wrapped)
    if (std::strcmp(name, w.name) == 0)
      return w.fn;
  return fn;
}

extern "C" void tfx_bench_device_counts(TfxDeviceCounts *out) {
  for (int i = 0; i < kNumCounts; ++i)
    out->n[i] = counts[i];
}

extern "C" void tfx_bench_kernel_timing_start(void) {
  timer.on = true;
  timer.used = 0;
}

extern "C" int tfx_bench_kernel_timing_stop(double *ms, int64_t *launches) {
  using SyncFn = CUresult (*)(Handle);
  using ElapsedFn = CUresult (*)(float *, Handle, Handle);
  static auto sync = realFn<SyncFn>("cuEventSynchronize");
  // The same signature under both names; newer drivers keep the old one.
  static auto elapsed = realFn<ElapsedFn>("cuEventElapsedTime")
                            ? realFn<ElapsedFn>("cuEventElapsedTime")
                            : realFn<ElapsedFn>("cuEventElapsedTime_v2");
  static auto push = realFn<CUresult (*)(Handle)>("cuCtxPushCurrent_v2");
  static auto pop = realFn<CUresult (*)(Handle *)>("cuCtxPopCurrent_v2");
  timer.on = false;
  *ms = 0;
  *launches = static_cast<int64_t>(timer.used);
  if (timer.failed || !sync || !elapsed || !push || !pop)
    return -1;
  if (timer.used == 0)
    return 0;
  if (push(timer.ctx) != 0)
    return -1;
  int rc = sync(timer.events[timer.used - 1].end) != 0 ? -1 : 0;
  for (size_t i = 0; rc == 0 && i < timer.used; ++i) {
    float t = 0;
    if (elapsed(&t, timer.events[i].start, timer.events[i].end) != 0)
      rc = -1;
    *ms += t;
  }
  Handle ignored;
  pop(&ignored);
  return rc;
}
