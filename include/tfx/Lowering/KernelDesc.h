//===- KernelDesc.h - a kernel request, without the compiler -----*- C++ -*-===//
//
// What the planner (lib/Plan) and the MLP trainer ask lib/Lowering for: a
// kernel's typed parameters (KernelParams.h) and its operands' types and
// shapes, outermost dim first, -1 = dynamic. No Halide and no compiler here:
// library TfxKernelDesc (lib/Lowering/KernelParams.cpp, KernelDesc.cpp) is
// all the planner links; the JIT and AOT compilers are Kernel.h.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_LOWERING_KERNELDESC_H
#define TFX_LOWERING_KERNELDESC_H

#include "tfx/Lowering/KernelParams.h"
#include "tfx/runtime/Tensor.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tfx::lowering {

struct OperandDesc {
  rt::DType dtype = rt::DType::F32;
  std::vector<int64_t> shape; // outermost first; -1 for a dynamic extent
};

/// A kernel request: typed parameters (KernelParams.h; their type is the
/// kernel's kind) and the operands' types and shapes. Two descs with the
/// same key() share one compiled pipeline.
struct KernelDesc {
  KernelParams params;
  std::vector<OperandDesc> inputs;
  OperandDesc output;

  KernelDesc() = default;
  explicit KernelDesc(KernelParams p) : params(std::move(p)) {}

  /// "linear", "sdpa", ...
  std::string kind() const { return kernelKind(params); }
  /// The parameters as `P`; null if the kernel is of another kind.
  template <typename P> const P *get() const { return std::get_if<P>(&params); }
  std::string key() const;
};

/// The descs both kernel consumers (executor, MLP trainer) request, built in
/// one place so they agree on the signature and share compiled kernels.
/// Rows are the dynamic extent.
/// linear: x [rows, K], pre-transposed weight [K, N], optional bias [N],
/// fused activation.
KernelDesc linearDesc(int64_t K, int64_t N, bool bias, Activation act);
/// layer_norm over the last dim of [rows, width].
KernelDesc layerNormDesc(int64_t width, double epsilon);
/// The fused LSRA block (tfx.lsra): inputs as lsraInputs(p) lists them,
/// output [rows, d], rows = batch x length.
KernelDesc lsraDesc(const LsraParams &p);

/// The schedule decisions the manual CPU schedule makes for `desc` that
/// depend on its shapes (GEMM tile sizes and loop order), as text for the
/// plan printer, for a target with `lanes` f32 vector lanes; empty for
/// kernels whose schedule does not vary.
std::string describeCpuSchedule(const KernelDesc &desc, int lanes);
/// The same for the tiled GPU GEMM schedule (TFX_GPU_GEMM=tiled, the
/// default): its tiles for linear and matmul kernels; empty for others.
std::string describeGpuSchedule(const KernelDesc &desc);

} // namespace tfx::lowering

#endif // TFX_LOWERING_KERNELDESC_H
