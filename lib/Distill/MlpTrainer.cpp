//===- MlpTrainer.cpp - forward/backward of the replacement MLP -----------===//
//
// Forward (a = LN1(X), h = leaky(a W1^T + b1), a2 = LN2(h), pred = a2 W2^T + b2)
// and explicit gradients:
//   dpred = 2 M (pred - Y) / sum(M)
//   dW2 = dpred^T a2        db2 = colsum(dpred)      da2 = dpred W2
//   dz1 = LN2'(h; da2) * leaky'(h)                   (one fused kernel)
//   dg2, dbeta2 = {colsum(da2 * hhat), colsum(da2)}
//   dW1 = dz1^T a           db1 = colsum(dz1)        da = dz1 W1
//   dg1, dbeta1 = {colsum(da * xhat), colsum(da)}
// leaky'(z) is read off h = leaky(z) (same sign for a positive slope).
//
//===----------------------------------------------------------------------===//

#include "tfx/Distill/MlpTrainer.h"

#include <cmath>
#include <random>
#include <thread>
#include <vector>

namespace tfx::distill {

using lowering::KernelDesc;
using lowering::OperandDesc;
using rt::DType;
using rt::Status;
using rt::StatusOr;
using rt::Tensor;

const char *const MlpParams::kNames[MlpParams::kCount] = {
    "in_norm.weight", "in_norm.bias", "fc1.weight", "fc1.bias",
    "hidden_norm.weight", "hidden_norm.bias", "fc2.weight", "fc2.bias"};

namespace {
std::array<std::vector<int64_t>, MlpParams::kCount> shapesOf(const MlpShape &s) {
  return {{{s.inputs}, {s.inputs}, {s.hidden, s.inputs}, {s.hidden},
           {s.hidden}, {s.hidden}, {s.outputs, s.hidden}, {s.outputs}}};
}
OperandDesc f32(std::vector<int64_t> shape) { return {DType::F32, std::move(shape)}; }
} // namespace

MlpParams MlpParams::zeros(const MlpShape &shape) {
  MlpParams p;
  auto shapes = shapesOf(shape);
  for (int i = 0; i < kCount; ++i)
    p.tensors[i] = Tensor(DType::F32, shapes[i]);
  return p;
}

MlpParams MlpParams::initial(const MlpShape &shape, uint64_t seed) {
  MlpParams p = zeros(shape);
  std::mt19937_64 gen(seed);
  auto uniform = [&](Tensor &t, int64_t fanIn) {
    float bound = 1.0f / std::sqrt(static_cast<float>(fanIn));
    std::uniform_real_distribution<float> dist(-bound, bound);
    for (int64_t i = 0; i < t.numel(); ++i)
      t.dataAs<float>()[i] = dist(gen);
  };
  for (int i : {0, 4})
    for (int64_t j = 0; j < p.tensors[i].numel(); ++j)
      p.tensors[i].dataAs<float>()[j] = 1.0f;
  uniform(p.tensors[2], shape.inputs);
  uniform(p.tensors[3], shape.inputs);
  uniform(p.tensors[6], shape.hidden);
  uniform(p.tensors[7], shape.hidden);
  return p;
}

MlpTrainer::MlpTrainer(lowering::KernelCache &cache, MlpShape shape)
    : cache_(cache), shape_(shape) {}

StatusOr<Tensor> MlpTrainer::run(const KernelDesc &desc,
                                 std::vector<const Tensor *> inputs,
                                 std::vector<int64_t> outShape) {
  auto kernel = cache_.get(desc);
  if (!kernel)
    return kernel.status();
  StatusOr<Tensor> out = Tensor::allocate(desc.output.dtype, std::move(outShape));
  if (!out)
    return out.status();
  TFX_RETURN_IF_ERROR((*kernel)->run(inputs, *out));
  return out;
}

namespace {
KernelDesc transpose2d(int64_t rows, int64_t cols) {
  KernelDesc d(lowering::TransposeParams{{1, 0}});
  d.inputs = {f32({rows, cols})};
  d.output = f32({cols, rows});
  return d;
}
} // namespace

Status MlpTrainer::forward(const MlpParams &p, const Tensor &X, Forward &f) {
  const MlpShape &s = shape_;
  int64_t N = X.dim(0);
  auto &t = p.tensors;
  auto a = run(lowering::layerNormDesc(s.inputs, s.epsilon), {&X, &t[0], &t[1]}, {N, s.inputs});
  if (!a)
    return a.status();
  auto w1t = run(transpose2d(s.hidden, s.inputs), {&t[2]}, {s.inputs, s.hidden});
  if (!w1t)
    return w1t.status();
  auto h = run(lowering::linearDesc(s.inputs, s.hidden, true,
                                    lowering::Activation::leakyRelu(s.slope)),
               {&*a, &*w1t, &t[3]}, {N, s.hidden});
  if (!h)
    return h.status();
  auto a2 = run(lowering::layerNormDesc(s.hidden, s.epsilon), {&*h, &t[4], &t[5]}, {N, s.hidden});
  if (!a2)
    return a2.status();
  auto w2t = run(transpose2d(s.outputs, s.hidden), {&t[6]}, {s.hidden, s.outputs});
  if (!w2t)
    return w2t.status();
  auto pred = run(lowering::linearDesc(s.hidden, s.outputs, true, lowering::Activation::none()),
                  {&*a2, &*w2t, &t[7]}, {N, s.outputs});
  if (!pred)
    return pred.status();
  f = {std::move(*a), std::move(*h), std::move(*a2), std::move(*pred)};
  return Status::ok();
}

StatusOr<Tensor> MlpTrainer::predict(const MlpParams &params, const Tensor &X) {
  Forward f;
  TFX_RETURN_IF_ERROR(forward(params, X, f));
  return f.pred;
}

StatusOr<double> MlpTrainer::loss(const MlpParams &p, const Tensor &X,
                                  const Tensor &Y, const Tensor &M,
                                  MlpParams *grads) {
  const MlpShape &s = shape_;
  if (X.rank() != 2 || X.dim(1) != s.inputs || Y.rank() != 2 ||
      Y.dim(1) != s.outputs || Y.dim(0) != X.dim(0) || M.shape() != Y.shape())
    return Status::error("MLP batch shapes do not match: X " +
                         rt::formatShape(X.shape()) + ", Y " +
                         rt::formatShape(Y.shape()) + ", M " +
                         rt::formatShape(M.shape()));
  Forward f;
  TFX_RETURN_IF_ERROR(forward(p, X, f));
  int64_t N = X.dim(0), O = s.outputs;
  double sq = 0, count = 0;
  const float *pr = f.pred.dataAs<float>(), *y = Y.dataAs<float>();
  const uint8_t *m = M.dataAs<uint8_t>();
  for (int64_t i = 0; i < N * O; ++i)
    if (m[i]) {
      double e = double(pr[i]) - y[i];
      sq += e * e;
      count += 1;
    }
  if (count == 0)
    return Status::error("the batch has no unmasked element");
  double value = sq / count;
  if (!grads)
    return value;

  auto &t = p.tensors;
  auto &g = grads->tensors;
  KernelDesc mse(lowering::MaskedMseGradParams{});
  mse.inputs = {f32({-1, O}), f32({-1, O}), {DType::Bool, {-1, O}}, f32({1})};
  mse.output = f32({-1, O});
  Tensor scale(DType::F32, {1});
  scale.dataAs<float>()[0] = static_cast<float>(2.0 / count);
  auto dpred = run(mse, {&f.pred, &Y, &M, &scale}, {N, O});
  if (!dpred)
    return dpred.status();

  auto gemmTN = [&](const Tensor &A, const Tensor &B) {
    KernelDesc d(lowering::GemmTNParams{});
    d.inputs = {f32({-1, A.dim(1)}), f32({-1, B.dim(1)})};
    d.output = f32({A.dim(1), B.dim(1)});
    return run(d, {&A, &B}, {A.dim(1), B.dim(1)});
  };
  auto colsum = [&](const Tensor &A) {
    KernelDesc d(lowering::ColumnSumParams{});
    d.inputs = {f32({-1, A.dim(1)})};
    d.output = f32({A.dim(1)});
    return run(d, {&A}, {A.dim(1)});
  };
  auto lnParamGrad = [&](const Tensor &x, const Tensor &dy) {
    KernelDesc d(lowering::LayerNormParamGradParams{s.epsilon});
    d.inputs = {f32({-1, x.dim(1)}), f32({-1, x.dim(1)})};
    d.output = f32({2, x.dim(1)});
    return run(d, {&x, &dy}, {2, x.dim(1)});
  };
  auto assign = [&](int index, StatusOr<Tensor> value) -> Status {
    if (!value)
      return value.status();
    g[index] = std::move(*value);
    return Status::ok();
  };
  auto splitParamGrad = [&](int gammaIndex, StatusOr<Tensor> both) -> Status {
    if (!both)
      return both.status();
    int64_t D = both->dim(1);
    Tensor gamma(DType::F32, {D}), beta(DType::F32, {D});
    std::copy(both->dataAs<float>(), both->dataAs<float>() + D, gamma.dataAs<float>());
    std::copy(both->dataAs<float>() + D, both->dataAs<float>() + 2 * D,
              beta.dataAs<float>());
    g[gammaIndex] = std::move(gamma);
    g[gammaIndex + 1] = std::move(beta);
    return Status::ok();
  };

  TFX_RETURN_IF_ERROR(assign(6, gemmTN(*dpred, f.a2)));
  TFX_RETURN_IF_ERROR(assign(7, colsum(*dpred)));
  auto da2 = run(lowering::linearDesc(O, s.hidden, false, lowering::Activation::none()), {&*dpred, &t[6]},
                 {N, s.hidden});
  if (!da2)
    return da2.status();
  TFX_RETURN_IF_ERROR(splitParamGrad(4, lnParamGrad(f.h, *da2)));
  KernelDesc lnb(lowering::LayerNormBackwardParams{s.epsilon, s.slope});
  lnb.inputs = {f32({-1, s.hidden}), f32({s.hidden}), f32({-1, s.hidden})};
  lnb.output = f32({-1, s.hidden});
  auto dz1 = run(lnb, {&f.h, &t[4], &*da2}, {N, s.hidden});
  if (!dz1)
    return dz1.status();
  TFX_RETURN_IF_ERROR(assign(2, gemmTN(*dz1, f.a)));
  TFX_RETURN_IF_ERROR(assign(3, colsum(*dz1)));
  auto da = run(lowering::linearDesc(s.hidden, s.inputs, false, lowering::Activation::none()), {&*dz1, &t[2]},
                {N, s.inputs});
  if (!da)
    return da.status();
  TFX_RETURN_IF_ERROR(splitParamGrad(0, lnParamGrad(X, *da)));
  return value;
}

Adam::Adam(const MlpShape &shape, double lr, double beta1, double beta2, double eps)
    : lr_(lr), beta1_(beta1), beta2_(beta2), eps_(eps),
      m_(MlpParams::zeros(shape)), v_(MlpParams::zeros(shape)) {}

void Adam::step(MlpParams &params, const MlpParams &grads) {
  ++t_;
  double c1 = 1.0 - std::pow(beta1_, double(t_));
  double c2 = 1.0 - std::pow(beta2_, double(t_));
  for (int i = 0; i < MlpParams::kCount; ++i) {
    float *p = params.tensors[i].dataAs<float>();
    const float *g = grads.tensors[i].dataAs<float>();
    float *m = m_.tensors[i].dataAs<float>(), *v = v_.tensors[i].dataAs<float>();
    int64_t n = params.tensors[i].numel();
    auto update = [&](int64_t begin, int64_t end) {
      for (int64_t j = begin; j < end; ++j) {
        m[j] = float(beta1_ * m[j] + (1 - beta1_) * g[j]);
        v[j] = float(beta2_ * v[j] + (1 - beta2_) * double(g[j]) * g[j]);
        double mhat = m[j] / c1, vhat = v[j] / c2;
        p[j] = float(p[j] - lr_ * mhat / (std::sqrt(vhat) + eps_));
      }
    };
    // Large tensors (the MLP's weight matrices) are split across threads.
    unsigned workers = n >= (1 << 16) ? std::max(1u, std::thread::hardware_concurrency()) : 1;
    std::vector<std::thread> threads;
    for (unsigned w = 1; w < workers; ++w)
      threads.emplace_back(update, n * w / workers, n * (w + 1) / workers);
    update(0, n / workers);
    for (std::thread &t : threads)
      t.join();
  }
}

} // namespace tfx::distill
