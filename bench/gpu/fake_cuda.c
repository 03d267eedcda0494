/*===- fake_cuda.c - a CUDA driver that runs nothing, for bench/gpu ------===*
 *
 * Checks bench/gpu's plumbing without a GPU: built as libcuda.so.1 and put
 * first on LD_LIBRARY_PATH, it lets a gpu_bench harness of a CUDA library
 * create the model and call it, so that CudaTraffic.cpp's counts of driver
 * calls (uploads, downloads, allocations, launches) and the runtime's own
 * statistics can be read on any machine. Device memory is host memory and
 * kernels do not run: every output is wrong, and times mean nothing.
 *
 *   gcc -shared -fPIC -O1 -Wl,-soname,libcuda.so.1 bench/gpu/fake_cuda.c -o DIR/libcuda.so.1
 *   LD_LIBRARY_PATH=DIR OUTDIR/bin/teacher.cuda WEIGHTS encode INPUTS OUT.safetensors OUT.json
 *
 * Every entry point that Halide 14's CUDA runtime loads is here (it fails
 * when one is missing), and the event calls of CudaTraffic.cpp's kernel
 * timer (every kernel takes 0 ms); CUdeviceptr is 64 bits, handles are
 * pointers.
 *
 *===---------------------------------------------------------------------===*/

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef unsigned long long Dptr;
typedef struct { /* CUDA_MEMCPY3D */
  size_t srcX, srcY, srcZ, srcLod; int srcType; const void *srcHost; Dptr srcDev;
  void *srcArray, *reserved0; size_t srcPitch, srcHeight;
  size_t dstX, dstY, dstZ, dstLod; int dstType; void *dstHost; Dptr dstDev;
  void *dstArray, *reserved1; size_t dstPitch, dstHeight;
  size_t width, height, depth;
} Copy3D;
enum { HOST = 1, ATTR_CC_MAJOR = 75, ATTR_CC_MINOR = 76 };
static void *ptr(Dptr d) { return (void *)(size_t)d; }

int cuInit(unsigned flags) { return 0; }
int cuDeviceGetCount(int *n) { *n = 1; return 0; }
int cuDeviceGet(int *dev, int ordinal) { *dev = 0; return 0; }
int cuDeviceGetAttribute(int *v, int attr, int dev) {
  *v = attr == ATTR_CC_MAJOR ? 9 : attr == ATTR_CC_MINOR ? 0 : 1024;
  return 0;
}
int cuDeviceGetName(char *name, int len, int dev) { strncpy(name, "fake", len); return 0; }
int cuDeviceTotalMem_v2(size_t *bytes, int dev) { *bytes = 1ull << 34; return 0; }
int cuCtxCreate_v2(void **ctx, unsigned flags, int dev) { *ctx = (void *)1; return 0; }
int cuCtxDestroy_v2(void *ctx) { return 0; }
int cuCtxGetApiVersion(void *ctx, unsigned *v) { *v = 12000; return 0; }
int cuCtxGetDevice(int *dev) { *dev = 0; return 0; }
int cuCtxPushCurrent_v2(void *ctx) { return 0; }
int cuCtxPopCurrent_v2(void **ctx) { if (ctx) *ctx = (void *)1; return 0; }
int cuCtxSynchronize(void) { return 0; }
int cuStreamSynchronize(void *stream) { return 0; }
int cuProfilerStop(void) { return 0; }
int cuModuleLoadData(void **m, const void *image) { *m = (void *)1; return 0; }
int cuModuleLoadDataEx(void **m, const void *image, unsigned n, int *opts, void **vals) {
  *m = (void *)1;
  return 0;
}
int cuModuleUnload(void *m) { return 0; }
int cuModuleGetFunction(void **f, void *m, const char *name) { *f = (void *)1; return 0; }
int cuLaunchKernel(void *f, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned by,
                   unsigned bz, unsigned shared, void *stream, void **params, void **extra) {
  return 0;
}
int cuMemAlloc_v2(Dptr *d, size_t n) { *d = (Dptr)(size_t)calloc(1, n ? n : 1); return *d ? 0 : 2; }
int cuMemFree_v2(Dptr d) { free(ptr(d)); return 0; }
int cuMemcpyHtoD_v2(Dptr d, const void *s, size_t n) { memcpy(ptr(d), s, n); return 0; }
int cuMemcpyDtoH_v2(void *d, Dptr s, size_t n) { memcpy(d, ptr(s), n); return 0; }
int cuMemcpyDtoD_v2(Dptr d, Dptr s, size_t n) { memcpy(ptr(d), ptr(s), n); return 0; }
int cuMemcpyHtoDAsync_v2(Dptr d, const void *s, size_t n, void *st) { return cuMemcpyHtoD_v2(d, s, n); }
int cuMemcpyDtoHAsync_v2(void *d, Dptr s, size_t n, void *st) { return cuMemcpyDtoH_v2(d, s, n); }
int cuMemcpyDtoDAsync_v2(Dptr d, Dptr s, size_t n, void *st) { return cuMemcpyDtoD_v2(d, s, n); }
int cuMemcpy3D_v2(const Copy3D *c) {
  const char *s = c->srcType == HOST ? (const char *)c->srcHost : (const char *)ptr(c->srcDev);
  char *d = c->dstType == HOST ? (char *)c->dstHost : (char *)ptr(c->dstDev);
  for (size_t z = 0; z < c->depth; ++z)
    for (size_t y = 0; y < c->height; ++y)
      memcpy(d + c->dstX + (c->dstY + y) * c->dstPitch + (c->dstZ + z) * c->dstPitch * c->dstHeight,
             s + c->srcX + (c->srcY + y) * c->srcPitch + (c->srcZ + z) * c->srcPitch * c->srcHeight,
             c->width);
  return 0;
}
int cuPointerGetAttribute(void *result, int attr, Dptr p) { memset(result, 0, 8); return 0; }
int cuGetErrorName(int e, const char **s) { *s = "CUDA_ERROR_FAKE"; return 0; }
int cuGetErrorString(int e, const char **s) { *s = "fake CUDA driver"; return 0; }
int cuCtxGetCurrent(void **ctx) { *ctx = (void *)1; return 0; }
int cuEventCreate(void **e, unsigned flags) { *e = (void *)1; return 0; }
int cuEventRecord(void *e, void *stream) { return 0; }
int cuEventSynchronize(void *e) { return 0; }
int cuEventElapsedTime(float *ms, void *start, void *end) { *ms = 0; return 0; }
