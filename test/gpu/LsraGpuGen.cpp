//===- LsraGpuGen.cpp - AOT-compile the LSRA kernels for CPU and OpenCL ----===//
//
// Usage: tfx-lsra-gpu-gen OUTDIR. Writes, for every case of LsraCases.h,
// OUTDIR/lsra_<name>_cpu.{a,h} (target host, CPU schedule) and
// OUTDIR/lsra_<name>_opencl.{a,h} (target host-opencl, GPU schedule), and one
// Halide runtime for host-opencl, OUTDIR/halide_runtime_opencl.a. Runs at
// build time; the check program links the results without libHalide (Halide
// JIT with OpenCL crashes inside PoCL, see docs/gpu.md).
//
//===----------------------------------------------------------------------===//

#include "LsraCases.h"

#include "tfx/Lowering/Kernel.h"

#include <cstdio>
#include <string>

using namespace tfx;

int main(int argc, char **argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: tfx-lsra-gpu-gen OUTDIR\n");
    return 2;
  }
  std::string dir = argv[1];
  for (const LsraCase &c : kLsraCases) {
    lowering::LsraParams p;
    p.length = c.length;
    p.dModel = c.dModel;
    p.heads = c.heads;
    p.causal = c.causal;
    p.dynamic = c.dynamic;
    p.convHeads = c.convHeads;
    p.kernelSize = c.kernelSize;
    p.padding = std::string(c.padding) == "causal" ? lowering::ConvPadding::Causal
                                                   : lowering::ConvPadding::Centered;
    p.attentionInputOffset = c.attentionInputOffset;
    p.attentionOutputOffset = c.attentionOutputOffset;
    p.hasMask = c.hasMask;
    p.hasConvMask = c.hasConvMask;
    lowering::KernelDesc desc = lowering::lsraDesc(p);
    for (const char *target : {"host", "host-opencl"}) {
      std::string suffix = std::string(target) == "host" ? "cpu" : "opencl";
      std::string name = std::string("lsra_") + c.name + "_" + suffix;
      rt::Status s = lowering::compileStaticLibrary(desc, target, dir + "/" + name,
                                                    "tfx_" + name);
      if (!s) {
        std::fprintf(stderr, "tfx-lsra-gpu-gen: error: %s\n", s.message().c_str());
        return 1;
      }
    }
  }
  rt::Status s = lowering::compileRuntimeLibrary("host-opencl",
                                                 dir + "/halide_runtime_opencl.a");
  if (!s) {
    std::fprintf(stderr, "tfx-lsra-gpu-gen: error: %s\n", s.message().c_str());
    return 1;
  }
  return 0;
}
