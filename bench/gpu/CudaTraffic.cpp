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
//===----------------------------------------------------------------------===//

#include "DeviceCounts.h"

#include <atomic>
#include <cstddef>
#include <cstring>
#include <dlfcn.h>

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
CUresult launch(Handle f, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned by,
                unsigned bz, unsigned shared, Handle stream, void **params, void **extra) {
  static auto fn = realFn<decltype(&launch)>("cuLaunchKernel");
  ++counts[kLaunch];
  return fn(f, gx, gy, gz, bx, by, bz, shared, stream, params, extra);
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
