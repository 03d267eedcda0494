//===- LsraCases.h - LSRA kernels checked on OpenCL (PoCL) ------*- C++ -*-===//
//
// The fused LSRA kernels that tfx-lsra-gpu-gen compiles for the CPU schedule
// (target host) and the GPU schedule (target host-opencl), and that
// tfx-lsra-opencl-check runs and compares. Plain C++: the check program links
// no tfx library. Sizes are chosen so the GPU tiles (32 x 4 outputs, 16 x 8
// scores) have partial tiles, and the lengths are not multiples of them.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_TEST_GPU_LSRACASES_H
#define TFX_TEST_GPU_LSRACASES_H

struct LsraCase {
  const char *name;   // entry points: tfx_lsra_<name>_cpu / _opencl
  int length, dModel, heads;
  bool causal, dynamic;
  int convHeads, kernelSize;
  const char *padding;
  int attentionInputOffset, attentionOutputOffset;
  bool hasMask, hasConvMask;
};

// Encoder form (lightweight, centred, masks) and decoder form (dynamic,
// causal, halves swapped, no key padding mask).
static const LsraCase kLsraCases[] = {
    {"encoder", 10, 72, 4, false, false, 4, 7, "centered", 0, 0, true, true},
    {"decoder", 9, 40, 2, true, true, 4, 5, "causal", 20, 20, false, true},
};

#endif // TFX_TEST_GPU_LSRACASES_H
