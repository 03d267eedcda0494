//===- MlpTrainer.h - forward/backward of the replacement MLP -----*- C++ -*-===//
//
// The flattened-sequence MLP of REFERENCE.md section 2,
//   LN(F) -> Linear(F, H) -> LeakyReLU -> LN(H) -> Linear(H, O),
// trained with the masked MSE loss sum(M (pred - Y)^2) / sum(M). Forward and
// backward run as Halide kernels (lib/Lowering: GEMMs, LayerNorm and its
// explicit backward, reductions), multi-threaded; Adam updates in C++.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_DISTILL_MLPTRAINER_H
#define TFX_DISTILL_MLPTRAINER_H

#include "tfx/Lowering/Kernel.h"
#include "tfx/runtime/Status.h"
#include "tfx/runtime/Tensor.h"

#include <array>
#include <cstdint>
#include <string>

namespace tfx::distill {

struct MlpShape {
  int64_t inputs = 0, hidden = 0, outputs = 0;
  float slope = 0.01f;
  float epsilon = 1e-5f;
};

/// Parameters in PyTorch layout, in the order of tfx.flat_mlp's weights().
struct MlpParams {
  static constexpr int kCount = 8;
  static const char *const kNames[kCount]; // in_norm.weight, ..., fc2.bias
  std::array<rt::Tensor, kCount> tensors;

  /// Zero tensors of the right shapes.
  static MlpParams zeros(const MlpShape &shape);
  /// PyTorch's defaults: LayerNorm gains 1, biases 0; Linear weights and
  /// biases uniform in +-1/sqrt(fan_in). Deterministic for a seed.
  static MlpParams initial(const MlpShape &shape, uint64_t seed);
};

class MlpTrainer {
public:
  MlpTrainer(lowering::KernelCache &cache, MlpShape shape);

  /// Masked MSE of the MLP on a batch: X [N, inputs], Y [N, outputs],
  /// M [N, outputs] (BOOL). With `grads`, also the gradient of every
  /// parameter (same layout as the parameters).
  rt::StatusOr<double> loss(const MlpParams &params, const rt::Tensor &X,
                            const rt::Tensor &Y, const rt::Tensor &M,
                            MlpParams *grads = nullptr);

  /// Predictions [N, outputs] (unmasked).
  rt::StatusOr<rt::Tensor> predict(const MlpParams &params, const rt::Tensor &X);

  const MlpShape &shape() const { return shape_; }

private:
  rt::StatusOr<rt::Tensor> run(const lowering::KernelDesc &desc,
                               std::vector<const rt::Tensor *> inputs,
                               std::vector<int64_t> outShape);
  struct Forward {
    rt::Tensor a, h, a2, pred;
  };
  rt::Status forward(const MlpParams &p, const rt::Tensor &X, Forward &f);

  lowering::KernelCache &cache_;
  MlpShape shape_;
};

/// Adam with PyTorch's update rule (bias-corrected moments, no weight decay).
class Adam {
public:
  Adam(const MlpShape &shape, double lr, double beta1 = 0.9, double beta2 = 0.98,
       double eps = 1e-9);
  void step(MlpParams &params, const MlpParams &grads);
  int64_t steps() const { return t_; }
  MlpParams &firstMoments() { return m_; }
  MlpParams &secondMoments() { return v_; }
  void setSteps(int64_t t) { t_ = t; }

private:
  double lr_, beta1_, beta2_, eps_;
  int64_t t_ = 0;
  MlpParams m_, v_;
};

} // namespace tfx::distill

#endif // TFX_DISTILL_MLPTRAINER_H
