//===- Training.h - parameters of the MLP training kernels --------*- C++ -*-===//
//
// Kernels: lib/Lowering/Training.cpp, used by lib/Distill/MlpTrainer.cpp.
// Tests: test/unit/MlpTrainerTest.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_LOWERING_PARAMS_TRAINING_H
#define TFX_LOWERING_PARAMS_TRAINING_H

#include "tfx/Lowering/Params/Common.h"

namespace tfx::lowering {

/// scale * mask * (pred - target): pred, target, mask [N, O], scale [1].
struct MaskedMseGradParams {
  static constexpr const char *kKind = "masked_mse_grad";
  size_t numInputs() const { return 4; }
  template <typename F> void fields(F &&) const {}
};

/// out[O, H] = A^T B, A [N, O], B [N, H]: a weight gradient.
struct GemmTNParams {
  static constexpr const char *kKind = "gemm_tn";
  size_t numInputs() const { return 2; }
  template <typename F> void fields(F &&) const {}
};

/// out[O] = sum over rows of a [N, O]: a bias gradient.
struct ColumnSumParams {
  static constexpr const char *kKind = "column_sum";
  size_t numInputs() const { return 1; }
  template <typename F> void fields(F &&) const {}
};

/// dL/dx of y = LN(x) * gamma + beta given dy: inputs x, gamma, dy [N, D].
/// With `leakySlope`, times the derivative of the LeakyReLU that produced
/// x (x >= 0 ? 1 : slope).
struct LayerNormBackwardParams {
  static constexpr const char *kKind = "layer_norm_backward";
  double epsilon = 1e-5;
  std::optional<double> leakySlope;

  size_t numInputs() const { return 3; }
  template <typename F> void fields(F &&f) const {
    f("epsilon", epsilon);
    f("leaky_slope", leakySlope);
  }
};

/// Gradients of gamma and beta: out[2, D] = {sum dy * xhat, sum dy}.
struct LayerNormParamGradParams {
  static constexpr const char *kKind = "layer_norm_param_grad";
  double epsilon = 1e-5;

  size_t numInputs() const { return 2; }
  template <typename F> void fields(F &&f) const { f("epsilon", epsilon); }
};

} // namespace tfx::lowering

#endif // TFX_LOWERING_PARAMS_TRAINING_H
