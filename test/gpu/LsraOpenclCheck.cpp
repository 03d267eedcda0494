//===- LsraOpenclCheck.cpp - run the LSRA GPU schedule on PoCL -------------===//
//
// Runs every kernel of LsraCases.h twice on the same random inputs: compiled
// for the CPU (hand CPU schedule) and for OpenCL (GPU schedule: gpu_blocks /
// gpu_threads), executed by whatever OpenCL device the ICD loader offers
// (PoCL on the CPU here). Fails unless both agree to 1e-4 of the output's
// scale and every output element was written (the output starts as NaN: the
// two branches must cover their halves exactly). Links no libHalide, no MLIR.
//
//===----------------------------------------------------------------------===//

#include "LsraCases.h"

#include "HalideBuffer.h"
#include "lsra_decoder_cpu.h"
#include "lsra_decoder_opencl.h"
#include "lsra_encoder_cpu.h"
#include "lsra_encoder_opencl.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <vector>

using Halide::Runtime::Buffer;

// Halide's runtime functions are weak symbols: this replaces its default
// error handler (print + abort) so a missing OpenCL platform or a failed
// kernel shows up as a message and an error code instead of a crash.
extern "C" void halide_error(void *, const char *message) {
  std::fprintf(stderr, "halide: %s", message);
}

namespace {

struct Entry {
  const char *name;
  int (*cpu)(void **);
  int (*opencl)(void **);
};

const Entry kEntries[] = {
    {"encoder", tfx_lsra_encoder_cpu_argv, tfx_lsra_encoder_opencl_argv},
    {"decoder", tfx_lsra_decoder_cpu_argv, tfx_lsra_decoder_opencl_argv},
};

/// Deterministic uniform numbers in [-scale, scale).
struct Rng {
  uint64_t state;
  float next(float scale) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return scale * (static_cast<float>(state >> 40) / 8388608.0f - 1.0f);
  }
};

/// A [rows, cols] row-major matrix as a Halide buffer (cols innermost).
Buffer<float> matrix(int rows, int cols, Rng &rng, float scale) {
  Buffer<float> b = rows > 0 ? Buffer<float>(cols, rows) : Buffer<float>(cols);
  b.for_each_value([&](float &v) { v = rng.next(scale); });
  return b;
}

struct Inputs {
  std::vector<Buffer<float>> floats;
  std::vector<Buffer<uint8_t>> masks;
};

Inputs makeInputs(const LsraCase &c, int batch, Rng &rng) {
  int d = c.dModel, w = d / 2, rows = batch * c.length;
  float s = 1.0f / std::sqrt(static_cast<float>(w));
  Inputs in;
  in.floats.push_back(matrix(rows, d, rng, 1.0f));       // x
  in.floats.push_back(matrix(w, 3 * w, rng, s));         // wqkv^T
  in.floats.push_back(matrix(0, 3 * w, rng, 0.1f));      // bqkv
  in.floats.push_back(matrix(w, w, rng, s));             // wo^T
  in.floats.push_back(matrix(0, w, rng, 0.1f));          // bo
  in.floats.push_back(matrix(w, 2 * w, rng, s));         // win^T
  in.floats.push_back(matrix(0, 2 * w, rng, 0.1f));      // bin
  int taps = c.convHeads * c.kernelSize;
  if (c.dynamic) {
    in.floats.push_back(matrix(w, taps, rng, s));        // kernel weight^T
    in.floats.push_back(matrix(0, taps, rng, 0.1f));     // kernel bias
  } else {
    in.floats.push_back(matrix(c.convHeads, c.kernelSize, rng, 1.0f));
  }
  in.floats.push_back(matrix(w, w, rng, s));             // wout^T
  in.floats.push_back(matrix(0, w, rng, 0.1f));          // bout
  // Sentence b has b * 3 trailing pads (at least one real token).
  int masks = c.hasMask + c.hasConvMask;
  for (int i = 0; i < masks; ++i) {
    Buffer<uint8_t> keep(rows);
    for (int r = 0; r < rows; ++r)
      keep(r) = (r % c.length) < c.length - 3 * (r / c.length) ? 1 : 0;
    in.masks.push_back(keep);
  }
  return in;
}

/// Runs `fn` on `in` into a NaN-filled [rows, d] output. The CPU kernel
/// writes two output buffers, the windows of the attention and convolution
/// halves; the GPU kernel writes the whole output (kernelOutputWindows).
Buffer<float> run(int (*fn)(void **), const LsraCase &c, Inputs &in, int rows,
                  bool device, int &code) {
  int d = c.dModel, w = d / 2;
  Buffer<float> out(d, rows);
  // Dense and fresh: filled through its pointer (Buffer::fill's pointer
  // walk is reported by UBSan as a pointer overflow).
  std::fill(out.data(), out.data() + out.number_of_elements(),
            std::numeric_limits<float>::quiet_NaN());
  std::vector<Buffer<float>> windows;
  for (int offset : {c.attentionOutputOffset, w - c.attentionOutputOffset}) {
    Buffer<float> part = out.cropped(0, offset, w);
    part.translate(0, -offset);
    windows.push_back(part);
  }
  // Host data written through Buffer's accessors is not marked dirty; without
  // the flag the runtime would never copy it to the device.
  std::vector<void *> args;
  for (Buffer<float> &b : in.floats) {
    b.set_host_dirty();
    args.push_back(b.raw_buffer());
  }
  for (Buffer<uint8_t> &b : in.masks) {
    b.set_host_dirty();
    args.push_back(b.raw_buffer());
  }
  if (device)
    args.push_back(out.raw_buffer());
  else
    for (Buffer<float> &b : windows)
      args.push_back(b.raw_buffer());
  code = fn(args.data());
  if (device) {
    out.copy_to_host();
    out.device_free();
    for (Buffer<float> &b : in.floats)
      b.device_free();
    for (Buffer<uint8_t> &b : in.masks)
      b.device_free();
  }
  return out;
}

} // namespace

int main() {
  int failures = 0;
  for (const LsraCase &c : kLsraCases) {
    const Entry *entry = nullptr;
    for (const Entry &e : kEntries)
      if (std::strcmp(e.name, c.name) == 0)
        entry = &e;
    if (!entry) {
      std::printf("FAIL %s: no compiled entry points\n", c.name);
      ++failures;
      continue;
    }
    const int batch = 3, rows = batch * c.length;
    Rng rng{0x5eed0000u + static_cast<uint64_t>(c.dModel)};
    Inputs in = makeInputs(c, batch, rng);
    int cpuCode = 0, gpuCode = 0;
    Buffer<float> cpu = run(entry->cpu, c, in, rows, false, cpuCode);
    Buffer<float> gpu = run(entry->opencl, c, in, rows, true, gpuCode);
    if (cpuCode != 0 || gpuCode != 0) {
      std::printf("FAIL %s: Halide error codes cpu %d, opencl %d\n", c.name,
                  cpuCode, gpuCode);
      ++failures;
      continue;
    }
    double maxErr = 0, scale = 0;
    long unwritten = 0, cpuNan = 0, gpuNan = 0;
    cpu.for_each_element([&](int ch, int r) {
      float a = cpu(ch, r), b = gpu(ch, r);
      cpuNan += std::isnan(a);
      gpuNan += std::isnan(b);
      if (std::isnan(a) || std::isnan(b)) {
        ++unwritten;
        return;
      }
      maxErr = std::max(maxErr, std::fabs(static_cast<double>(a) - b));
      scale = std::max(scale, std::fabs(static_cast<double>(a)));
    });
    bool ok = unwritten == 0 && scale > 0.1 && maxErr <= 1e-4 * scale;
    std::printf("%s %s [%d x %d]: max abs err %.3g, scale %.3g, unwritten "
                "(NaN) cpu %ld, opencl %ld\n",
                ok ? "PASS" : "FAIL", c.name, rows, c.dModel, maxErr, scale,
                cpuNan, gpuNan);
    failures += !ok;
  }
  return failures == 0 ? 0 : 1;
}
