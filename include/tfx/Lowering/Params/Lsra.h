//===- Lsra.h - parameters and packed inputs of the fused LSRA block -*- C++ -*-===//
//
// Kernel: lib/Lowering/Lsra.cpp (buildLsra). Lowering: lib/Plan/Planner.cpp
// (planLsra). Tests: test/Numerics (LSRA against PyTorch), test/Plan/lsra.mlir
// (the packed order).
//
// The packed input order is defined here, once: lsraInputs() lists the
// kernel's inputs in order with their shapes, the planner packs the op's
// weights by walking it, and the kernel binds its parameters by walking it.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_LOWERING_PARAMS_LSRA_H
#define TFX_LOWERING_PARAMS_LSRA_H

#include "tfx/Lowering/Params/Attention.h"

namespace tfx::lowering {

/// The fused LSRA block (tfx.lsra). Rows are batch x length, flattened.
struct LsraParams {
  static constexpr const char *kKind = "lsra";
  int64_t length = 0, dModel = 0, heads = 1;
  bool causal = false, dynamic = false;
  int64_t convHeads = 1, kernelSize = 1;
  ConvPadding padding = ConvPadding::Centered;
  bool weightSoftmax = true;
  /// Channel offsets (within the first half / second half) where the
  /// attention branch reads its input and writes its output.
  int64_t attentionInputOffset = 0, attentionOutputOffset = 0;
  bool hasMask = false, hasConvMask = false;

  int64_t half() const { return dModel / 2; }
  int64_t taps() const { return convHeads * kernelSize; }
  int64_t padLeft() const { return convPadLeft(padding, kernelSize); }
  size_t numInputs() const;
  template <typename F> void fields(F &&f) const {
    f("length", length);
    f("d_model", dModel);
    f("heads", heads);
    f("causal", causal);
    f("dynamic", dynamic);
    f("conv_heads", convHeads);
    f("kernel_size", kernelSize);
    f("padding", padding);
    f("weight_softmax", weightSoftmax);
    f("attn_in", attentionInputOffset);
    f("attn_out", attentionOutputOffset);
    f("has_mask", hasMask);
    f("has_conv_mask", hasConvMask);
  }
};

/// The inputs of the LSRA kernel. Weights come pre-transposed (^T) and the
/// attention's Q, K and V projections side by side.
enum class LsraInput {
  X,              ///< x [rows, d]
  QkvWeight,      ///< [Wq | Wk | Wv]^T [w, 3w]
  QkvBias,        ///< [3w]
  OutWeight,      ///< attention output projection^T [w, w]
  OutBias,        ///< [w]
  ConvInWeight,   ///< GLU input projection^T [w, 2w]
  ConvInBias,     ///< [2w]
  ConvWeight,     ///< lightweight: kernel [H, K]; dynamic: kernel projection^T [w, H*K]
  KernelBias,     ///< dynamic only: kernel projection bias [H*K] (zeros if absent)
  ConvOutWeight,  ///< convolution output projection^T [w, w]
  ConvOutBias,    ///< [w]
  Keep,           ///< has_mask: key keep flags per row [rows]
  ConvKeep,       ///< has_conv_mask: convolution keep flags per row [rows]
};
/// The input's name in the kernel (an identifier: "wqkv", "keep", ...).
const char *lsraInputName(LsraInput input);

struct LsraOperand {
  LsraInput input;
  bool isBool = false;        ///< a keep mask (bool); else f32
  std::vector<int64_t> shape; ///< -1 = rows
};

/// The kernel's inputs, in order, for `p`.
std::vector<LsraOperand> lsraInputs(const LsraParams &p);

inline size_t LsraParams::numInputs() const { return lsraInputs(*this).size(); }

} // namespace tfx::lowering

#endif // TFX_LOWERING_PARAMS_LSRA_H
