//===- Normalization.h - parameters of softmax and layer norm -----*- C++ -*-===//
//
// Kernels: lib/Lowering/Normalization.cpp. Tests: test/unit/LoweringTest.cpp,
// test/Plan/normalization.mlir.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_LOWERING_PARAMS_NORMALIZATION_H
#define TFX_LOWERING_PARAMS_NORMALIZATION_H

#include "tfx/Lowering/Params/Common.h"

namespace tfx::lowering {

/// Softmax over the last dimension.
struct SoftmaxParams {
  static constexpr const char *kKind = "softmax";
  size_t numInputs() const { return 1; }
  template <typename F> void fields(F &&) const {}
};

/// LayerNorm over the last dim of [rows, width]: inputs x, gamma, beta.
struct LayerNormParams {
  static constexpr const char *kKind = "layer_norm";
  double epsilon = 1e-5;

  size_t numInputs() const { return 3; }
  template <typename F> void fields(F &&f) const { f("epsilon", epsilon); }
};

} // namespace tfx::lowering

#endif // TFX_LOWERING_PARAMS_NORMALIZATION_H
