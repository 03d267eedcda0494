//===- OpenclTraffic.cpp - counts a generated library's OpenCL traffic ----===//
//
// Linked into the RunLibrary harness of a generated OpenCL library (issue
// 12, device residency): defines halide_opencl_get_symbol, through which the
// Halide runtime in the library looks up every OpenCL entry point, and wraps
// the ones that move or allocate device memory, launch kernels or wait.
// RunLibrary calls tfx_test_traffic_mark after each call of the library;
// each mark prints what happened since the previous one on stderr:
//
//   opencl traffic: load: h2d 24 (40960 B), d2h 0 (0 B), d2d 0, create 24, ...
//   opencl traffic: call 0: h2d 31 (...), d2h 29 (...), ...
//
// No OpenCL headers: the few types are declared here (the ABI is C, and
// every handle is a pointer).
//
//===----------------------------------------------------------------------===//

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <dlfcn.h>

namespace {

using cl_int = int32_t;
using cl_uint = uint32_t;
using cl_bool = uint32_t;
using cl_mem_flags = uint64_t;
using cl_buffer_create_type = uint32_t;
using Handle = void *;

struct Counts {
  long h2d = 0, d2h = 0, d2d = 0, create = 0, sub = 0, release = 0, finish = 0,
       launch = 0;
  long h2dBytes = 0, d2hBytes = 0;
};
Counts total, atMark;

void *real(const char *name) {
  static void *lib = dlopen("libOpenCL.so.1", RTLD_NOW | RTLD_LOCAL);
  return lib ? dlsym(lib, name) : nullptr;
}

template <typename Fn> Fn realFn(const char *name) {
  return reinterpret_cast<Fn>(real(name));
}

cl_int writeBuffer(Handle q, Handle m, cl_bool b, size_t off, size_t size, const void *p,
                   cl_uint n, const Handle *e, Handle *ev) {
  static auto fn = realFn<decltype(&writeBuffer)>("clEnqueueWriteBuffer");
  ++total.h2d;
  total.h2dBytes += static_cast<long>(size);
  return fn(q, m, b, off, size, p, n, e, ev);
}
cl_int readBuffer(Handle q, Handle m, cl_bool b, size_t off, size_t size, void *p,
                  cl_uint n, const Handle *e, Handle *ev) {
  static auto fn = realFn<decltype(&readBuffer)>("clEnqueueReadBuffer");
  ++total.d2h;
  total.d2hBytes += static_cast<long>(size);
  return fn(q, m, b, off, size, p, n, e, ev);
}
cl_int copyBuffer(Handle q, Handle s, Handle d, size_t so, size_t dof, size_t size,
                  cl_uint n, const Handle *e, Handle *ev) {
  static auto fn = realFn<decltype(&copyBuffer)>("clEnqueueCopyBuffer");
  ++total.d2d;
  return fn(q, s, d, so, dof, size, n, e, ev);
}
Handle createBuffer(Handle c, cl_mem_flags f, size_t size, void *h, cl_int *err) {
  static auto fn = realFn<decltype(&createBuffer)>("clCreateBuffer");
  ++total.create;
  return fn(c, f, size, h, err);
}
Handle createSubBuffer(Handle m, cl_mem_flags f, cl_buffer_create_type t, const void *info,
                       cl_int *err) {
  static auto fn = realFn<decltype(&createSubBuffer)>("clCreateSubBuffer");
  ++total.sub;
  return fn(m, f, t, info, err);
}
cl_int releaseMem(Handle m) {
  static auto fn = realFn<decltype(&releaseMem)>("clReleaseMemObject");
  ++total.release;
  return fn(m);
}
cl_int finish(Handle q) {
  static auto fn = realFn<decltype(&finish)>("clFinish");
  ++total.finish;
  return fn(q);
}
cl_int launch(Handle q, Handle k, cl_uint dims, const size_t *o, const size_t *g,
              const size_t *l, cl_uint n, const Handle *e, Handle *ev) {
  static auto fn = realFn<decltype(&launch)>("clEnqueueNDRangeKernel");
  ++total.launch;
  return fn(q, k, dims, o, g, l, n, e, ev);
}

} // namespace

extern "C" void *halide_opencl_get_symbol(void *, const char *name) {
  struct Wrapped {
    const char *name;
    void *fn;
  };
  static const Wrapped wrapped[] = {
      {"clEnqueueWriteBuffer", reinterpret_cast<void *>(&writeBuffer)},
      {"clEnqueueReadBuffer", reinterpret_cast<void *>(&readBuffer)},
      {"clEnqueueCopyBuffer", reinterpret_cast<void *>(&copyBuffer)},
      {"clCreateBuffer", reinterpret_cast<void *>(&createBuffer)},
      {"clCreateSubBuffer", reinterpret_cast<void *>(&createSubBuffer)},
      {"clReleaseMemObject", reinterpret_cast<void *>(&releaseMem)},
      {"clFinish", reinterpret_cast<void *>(&finish)},
      {"clEnqueueNDRangeKernel", reinterpret_cast<void *>(&launch)},
  };
  for (const Wrapped &w : wrapped)
    if (std::strcmp(name, w.name) == 0)
      return w.fn;
  return real(name);
}

extern "C" void tfx_test_traffic_mark(const char *what) {
  const Counts &a = atMark, &t = total;
  std::fprintf(stderr,
               "opencl traffic: %s: h2d %ld (%ld B), d2h %ld (%ld B), d2d %ld, "
               "create %ld, subbuffer %ld, release %ld, finish %ld, launch %ld\n",
               what, t.h2d - a.h2d, t.h2dBytes - a.h2dBytes, t.d2h - a.d2h,
               t.d2hBytes - a.d2hBytes, t.d2d - a.d2d, t.create - a.create, t.sub - a.sub,
               t.release - a.release, t.finish - a.finish, t.launch - a.launch);
  atMark = total;
}
