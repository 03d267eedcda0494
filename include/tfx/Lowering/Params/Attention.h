//===- Attention.h - parameters of attention and convolutions -----*- C++ -*-===//
//
// Kernels: lib/Lowering/Attention.cpp. Tests: test/unit/LoweringTest.cpp
// (Sdpa*, *Conv*), test/Plan/attention.mlir.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_LOWERING_PARAMS_ATTENTION_H
#define TFX_LOWERING_PARAMS_ATTENTION_H

#include "tfx/Lowering/Params/Common.h"

namespace tfx::lowering {

/// Scaled dot-product attention over `heads` heads, heads merged:
/// q [B, Lq, D], k [B, Lk, D], v [B, Lk, D], keep [B, Lk]? -> [B, Lq, D].
struct SdpaParams {
  static constexpr const char *kKind = "sdpa";
  int64_t heads = 1;
  bool causal = false;
  bool hasMask = false; ///< a key-padding keep mask is the 4th input

  size_t numInputs() const { return hasMask ? 4 : 3; }
  template <typename F> void fields(F &&f) const {
    f("heads", heads);
    f("causal", causal);
    f("has_mask", hasMask);
  }
};

/// Where a convolution's window sits: centred (encoder; kernel_size / 2
/// taps on each side) or causal (decoder; kernel_size - 1 taps back).
enum class ConvPadding { Centered, Causal };
const char *convPaddingName(ConvPadding padding);
std::optional<ConvPadding> parseConvPadding(const std::string &name);
/// Taps before the current step in a window of `kernelSize` taps.
inline int64_t convPadLeft(ConvPadding padding, int64_t kernelSize) {
  return padding == ConvPadding::Causal ? kernelSize - 1 : kernelSize / 2;
}

/// What lightweight and dynamic convolutions share.
struct ConvParams {
  int64_t heads = 1;
  int64_t kernelSize = 1;
  ConvPadding padding = ConvPadding::Centered;
  bool weightSoftmax = true;

  /// Taps before the current step in the window.
  int64_t padLeft() const { return convPadLeft(padding, kernelSize); }
  template <typename F> void fields(F &&f) const {
    f("heads", heads);
    f("kernel_size", kernelSize);
    f("padding", padding);
    f("weight_softmax", weightSoftmax);
  }
};

/// Head-shared depthwise convolution with a [heads, kernel_size] kernel:
/// x [B, L, C], kernel -> [B, L, C].
struct LightweightConvParams : ConvParams {
  static constexpr const char *kKind = "lightweight_conv";
  size_t numInputs() const { return 2; }
};

/// Dynamic convolution: x [B, L, C], per-step kernel logits [B, L, H*K]
/// -> [B, L, C].
struct DynamicConvParams : ConvParams {
  static constexpr const char *kKind = "dynamic_conv";
  size_t numInputs() const { return 2; }
};

} // namespace tfx::lowering

#endif // TFX_LOWERING_PARAMS_ATTENTION_H
