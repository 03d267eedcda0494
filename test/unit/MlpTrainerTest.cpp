//===- MlpTrainerTest.cpp - backward kernels vs finite differences --------===//
//
// The analytic gradients of the replacement MLP (Halide kernels) are compared
// with central finite differences of the loss, for every parameter entry of
// a small MLP. The loss itself is checked against a direct double-precision
// implementation written here.
//
//===----------------------------------------------------------------------===//

#include "tfx/Distill/MlpTrainer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace tfx;
using distill::MlpParams;
using distill::MlpShape;
using distill::MlpTrainer;
using rt::DType;
using rt::Tensor;

namespace {

struct Batch {
  Tensor X, Y, M;
};

Batch makeBatch(const MlpShape &s, int64_t N, unsigned seed) {
  std::mt19937 gen(seed);
  std::normal_distribution<float> dist(0.0f, 1.0f);
  Batch b{Tensor(DType::F32, {N, s.inputs}), Tensor(DType::F32, {N, s.outputs}),
          Tensor(DType::Bool, {N, s.outputs})};
  for (int64_t i = 0; i < b.X.numel(); ++i)
    b.X.dataAs<float>()[i] = dist(gen);
  for (int64_t i = 0; i < b.Y.numel(); ++i) {
    b.Y.dataAs<float>()[i] = dist(gen);
    b.M.dataAs<uint8_t>()[i] = (i % 5) != 3; // some masked targets
  }
  return b;
}

/// Loss in double precision, straight from the definition.
double referenceLoss(const MlpShape &s, const MlpParams &p, const Batch &b) {
  auto at = [&](int t, int64_t i) { return double(p.tensors[t].dataAs<float>()[i]); };
  int64_t N = b.X.dim(0), F = s.inputs, H = s.hidden, O = s.outputs;
  double sq = 0, count = 0;
  for (int64_t n = 0; n < N; ++n) {
    const float *x = b.X.dataAs<float>() + n * F;
    auto layerNorm = [&](std::vector<double> v, int gain) {
      double mean = 0, var = 0;
      for (double e : v)
        mean += e;
      mean /= v.size();
      for (double e : v)
        var += (e - mean) * (e - mean);
      var /= v.size();
      for (size_t i = 0; i < v.size(); ++i)
        v[i] = (v[i] - mean) / std::sqrt(var + s.epsilon) * at(gain, i) + at(gain + 1, i);
      return v;
    };
    std::vector<double> a = layerNorm(std::vector<double>(x, x + F), 0);
    std::vector<double> h(H);
    for (int64_t j = 0; j < H; ++j) {
      double z = at(3, j);
      for (int64_t k = 0; k < F; ++k)
        z += at(2, j * F + k) * a[k];
      h[j] = z >= 0 ? z : s.slope * z;
    }
    std::vector<double> a2 = layerNorm(h, 4);
    for (int64_t o = 0; o < O; ++o) {
      double y = at(7, o);
      for (int64_t j = 0; j < H; ++j)
        y += at(6, o * H + j) * a2[j];
      if (b.M.dataAs<uint8_t>()[n * O + o]) {
        double e = y - b.Y.dataAs<float>()[n * O + o];
        sq += e * e;
        count += 1;
      }
    }
  }
  return sq / count;
}

class MlpTrainerTest : public ::testing::Test {
protected:
  MlpShape shape{12, 5, 6, 0.01f, 1e-5f};
  lowering::KernelCache cache;
};

TEST_F(MlpTrainerTest, LossMatchesDirectImplementation) {
  MlpTrainer trainer(cache, shape);
  MlpParams p = MlpParams::initial(shape, 7);
  Batch b = makeBatch(shape, 9, 1);
  auto loss = trainer.loss(p, b.X, b.Y, b.M);
  ASSERT_TRUE(loss.isOk()) << loss.status().message();
  EXPECT_NEAR(*loss, referenceLoss(shape, p, b), 1e-5 * referenceLoss(shape, p, b));
}

TEST_F(MlpTrainerTest, GradientsMatchFiniteDifferences) {
  MlpTrainer trainer(cache, shape);
  MlpParams p = MlpParams::initial(shape, 3);
  // Non-trivial LayerNorm parameters, so their gradients are exercised.
  std::mt19937 gen(5);
  std::uniform_real_distribution<float> dist(-0.5f, 0.5f);
  for (int t : {0, 1, 4, 5})
    for (int64_t i = 0; i < p.tensors[t].numel(); ++i)
      p.tensors[t].dataAs<float>()[i] += dist(gen);
  Batch b = makeBatch(shape, 7, 2);
  MlpParams g = MlpParams::zeros(shape);
  auto loss = trainer.loss(p, b.X, b.Y, b.M, &g);
  ASSERT_TRUE(loss.isOk()) << loss.status().message();

  // The reference loss is double precision, so a small step is exact enough
  // and rarely crosses the LeakyReLU kink.
  const float eps = 1e-4f;
  int checked = 0;
  for (int t = 0; t < MlpParams::kCount; ++t) {
    for (int64_t i = 0; i < p.tensors[t].numel(); ++i) {
      float &w = p.tensors[t].dataAs<float>()[i];
      float saved = w;
      w = saved + eps;
      double up = referenceLoss(shape, p, b);
      w = saved - eps;
      double down = referenceLoss(shape, p, b);
      w = saved;
      double numeric = (up - down) / (2 * eps);
      double analytic = g.tensors[t].dataAs<float>()[i];
      EXPECT_NEAR(analytic, numeric, 2e-4 + 1e-2 * std::fabs(numeric))
          << MlpParams::kNames[t] << "[" << i << "]";
      ++checked;
    }
  }
  EXPECT_EQ(checked, 12 + 12 + 60 + 5 + 5 + 5 + 30 + 6);
}

TEST_F(MlpTrainerTest, AdamReducesTheLossOfALearnableTarget) {
  // Targets produced by another MLP of the same shape are learnable.
  MlpTrainer trainer(cache, shape);
  MlpParams teacher = MlpParams::initial(shape, 11);
  Batch b = makeBatch(shape, 64, 4);
  auto target = trainer.predict(teacher, b.X);
  ASSERT_TRUE(target.isOk());
  b.Y = *target;
  MlpParams p = MlpParams::initial(shape, 12);
  distill::Adam adam(shape, 1e-2);
  MlpParams g = MlpParams::zeros(shape);
  double first = *trainer.loss(p, b.X, b.Y, b.M);
  for (int step = 0; step < 300; ++step) {
    ASSERT_TRUE(trainer.loss(p, b.X, b.Y, b.M, &g).isOk());
    adam.step(p, g);
  }
  double last = *trainer.loss(p, b.X, b.Y, b.M);
  EXPECT_LT(last, first / 10) << "first " << first << " last " << last;
}

TEST_F(MlpTrainerTest, BatchesWithOtherMasksReuseTheCompiledKernels) {
  MlpTrainer trainer(cache, shape);
  MlpParams p = MlpParams::initial(shape, 2);
  MlpParams g = MlpParams::zeros(shape);
  Batch a = makeBatch(shape, 6, 7), b = makeBatch(shape, 9, 8);
  b.M.dataAs<uint8_t>()[0] = !b.M.dataAs<uint8_t>()[0]; // another valid count
  ASSERT_TRUE(trainer.loss(p, a.X, a.Y, a.M, &g).isOk());
  size_t kernels = cache.size();
  ASSERT_TRUE(trainer.loss(p, b.X, b.Y, b.M, &g).isOk());
  EXPECT_EQ(cache.size(), kernels);
}

TEST_F(MlpTrainerTest, MismatchedBatchIsAnError) {
  MlpTrainer trainer(cache, shape);
  MlpParams p = MlpParams::initial(shape, 1);
  Batch b = makeBatch(shape, 4, 3);
  Tensor wrong(DType::F32, {4, shape.inputs + 1});
  auto loss = trainer.loss(p, wrong, b.Y, b.M);
  ASSERT_FALSE(loss.isOk());
  EXPECT_NE(loss.status().message().find("MLP batch shapes do not match"), std::string::npos);
}

} // namespace
