//===- DeviceCounts.h - CUDA driver calls seen by bench/gpu -----*- C++ -*-===//
//
// The counters that CudaTraffic.cpp keeps of the CUDA driver calls a
// generated library makes, and that gpu_bench.cpp reads around each call.
// A harness built without CudaTraffic.cpp (the CPU build) sees none.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_BENCH_GPU_DEVICECOUNTS_H
#define TFX_BENCH_GPU_DEVICECOUNTS_H

#include <cstdint>

enum TfxCount {
  kH2d, kH2dBytes,     // cuMemcpyHtoD*, host-to-device cuMemcpy3D
  kD2h, kD2hBytes,     // cuMemcpyDtoH*, device-to-host cuMemcpy3D
  kD2d, kD2dBytes,     // cuMemcpyDtoD*, device-to-device cuMemcpy3D
  kAlloc, kAllocBytes, // cuMemAlloc
  kFree,               // cuMemFree
  kCtxSync,            // cuCtxSynchronize
  kStreamSync,         // cuStreamSynchronize
  kLaunch,             // cuLaunchKernel
  kModuleLoad,         // cuModuleLoadData* (the driver JIT-compiles PTX here)
  kNumCounts
};

/// The names in gpu_bench's JSON (report.py reads them), in TfxCount order.
inline const char *const kCountNames[kNumCounts] = {
    "h2d",  "h2d_bytes", "d2h",      "d2h_bytes",   "d2d",    "d2d_bytes",  "alloc",
    "alloc_bytes", "free", "ctx_sync", "stream_sync", "launch", "module_load"};

struct TfxDeviceCounts {
  int64_t n[kNumCounts] = {};
};

/// Defined by CudaTraffic.cpp: the counts so far. Weak in the harness, so
/// that a harness without the hook links (and reports no device counts).
extern "C" void tfx_bench_device_counts(TfxDeviceCounts *out) __attribute__((weak));

/// Defined by CudaTraffic.cpp: GPU time of kernels. While on (between
/// start and stop), every cuLaunchKernel is bracketed by two CUDA events on
/// its stream; stop waits for the last and returns in *ms the sum of the
/// launches' elapsed times, in *launches their number (0 on success; -1 if
/// the driver lacks the event API or an event call failed). Weak, as above.
extern "C" void tfx_bench_kernel_timing_start(void) __attribute__((weak));
extern "C" int tfx_bench_kernel_timing_stop(double *ms, int64_t *launches)
    __attribute__((weak));

#endif
