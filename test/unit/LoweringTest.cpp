//===- LoweringTest.cpp - Halide kernels against naive references ---------===//
//
// Every kernel kind runs on random data and is compared with a direct loop
// implementation written here from the op's definition (the oracle). Sizes
// are chosen not to be multiples of the vector width or the tiles, so tails
// are exercised; dynamic (batch) extents are run at two sizes.
//
//===----------------------------------------------------------------------===//

#include "tfx/Lowering/Kernel.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

using namespace tfx;
using lowering::KernelDesc;
using lowering::OperandDesc;
using rt::DType;
using rt::Tensor;

namespace {

Tensor randomTensor(std::vector<int64_t> shape, unsigned seed, float lo = -1,
                    float hi = 1) {
  Tensor t(DType::F32, std::move(shape));
  std::mt19937 gen(seed);
  std::uniform_real_distribution<float> dist(lo, hi);
  for (int64_t i = 0; i < t.numel(); ++i)
    t.dataAs<float>()[i] = dist(gen);
  return t;
}

void expectClose(const Tensor &got, const std::vector<float> &want,
                 float tol = 1e-4f) {
  ASSERT_EQ(static_cast<size_t>(got.numel()), want.size());
  float scale = 1;
  for (float w : want)
    scale = std::max(scale, std::fabs(w));
  float worst = 0;
  for (size_t i = 0; i < want.size(); ++i)
    worst = std::max(worst, std::fabs(got.dataAs<float>()[i] - want[i]));
  EXPECT_LE(worst, tol * scale) << "max abs error " << worst;
}

class LoweringTest : public ::testing::Test {
protected:
  Tensor run(const KernelDesc &d, std::vector<const Tensor *> inputs,
             DType outType, std::vector<int64_t> outShape) {
    auto kernel = cache.get(d);
    EXPECT_TRUE(kernel.isOk()) << kernel.status().message();
    Tensor out(outType, std::move(outShape));
    if (kernel.isOk()) {
      rt::Status s = (*kernel)->run(inputs, out);
      EXPECT_TRUE(s.isOk()) << s.message();
    }
    return out;
  }
  lowering::KernelCache cache;
};

OperandDesc f32(std::vector<int64_t> shape) { return {DType::F32, std::move(shape)}; }

TEST_F(LoweringTest, LinearWithBiasAndActivationsMatchesNaiveLoops) {
  for (std::string act : {"none", "relu", "gelu", "gelu_tanh", "leaky_relu"}) {
    for (int64_t M : {1, 37}) {
      const int64_t K = 45, N = 53;
      lowering::Activation activation{*lowering::parseActivationKind(act), 0.1};
      KernelDesc d(lowering::LinearParams{true, activation});
      d.inputs = {f32({-1, K}), f32({K, N}), f32({N})};
      d.output = f32({-1, N});
      Tensor x = randomTensor({M, K}, 1), wt = randomTensor({K, N}, 2),
             b = randomTensor({N}, 3);
      Tensor y = run(d, {&x, &wt, &b}, DType::F32, {M, N});
      std::vector<float> want(M * N);
      for (int64_t m = 0; m < M; ++m)
        for (int64_t n = 0; n < N; ++n) {
          double acc = b.dataAs<float>()[n];
          for (int64_t k = 0; k < K; ++k)
            acc += double(x.dataAs<float>()[m * K + k]) * wt.dataAs<float>()[k * N + n];
          double v = acc;
          if (act == "relu")
            v = std::max(acc, 0.0);
          else if (act == "leaky_relu")
            v = acc >= 0 ? acc : 0.1 * acc;
          else if (act == "gelu")
            v = 0.5 * acc * (1 + std::erf(acc / std::sqrt(2.0)));
          else if (act == "gelu_tanh")
            v = 0.5 * acc * (1 + std::tanh(std::sqrt(2 / M_PI) * (acc + 0.044715 * acc * acc * acc)));
          want[m * N + n] = static_cast<float>(v);
        }
      SCOPED_TRACE(act + " M=" + std::to_string(M));
      expectClose(y, want);
    }
  }
}

TEST_F(LoweringTest, LargeKUsesTheBlockedScheduleCorrectly) {
  const int64_t M = 19, K = 1100, N = 40;
  KernelDesc d(lowering::LinearParams{});
  d.inputs = {f32({-1, K}), f32({K, N})};
  d.output = f32({-1, N});
  Tensor x = randomTensor({M, K}, 4), wt = randomTensor({K, N}, 5);
  Tensor y = run(d, {&x, &wt}, DType::F32, {M, N});
  std::vector<float> want(M * N);
  for (int64_t m = 0; m < M; ++m)
    for (int64_t n = 0; n < N; ++n) {
      double acc = 0;
      for (int64_t k = 0; k < K; ++k)
        acc += double(x.dataAs<float>()[m * K + k]) * wt.dataAs<float>()[k * N + n];
      want[m * N + n] = static_cast<float>(acc);
    }
  expectClose(y, want);
}

TEST_F(LoweringTest, BatchedMatmul) {
  const int64_t Bt = 6, M = 9, K = 7, N = 11;
  KernelDesc d(lowering::MatmulParams{});
  d.inputs = {f32({-1, M, K}), f32({-1, K, N})};
  d.output = f32({-1, M, N});
  Tensor a = randomTensor({Bt, M, K}, 6), b = randomTensor({Bt, K, N}, 7);
  Tensor c = run(d, {&a, &b}, DType::F32, {Bt, M, N});
  std::vector<float> want(Bt * M * N);
  for (int64_t t = 0; t < Bt; ++t)
    for (int64_t m = 0; m < M; ++m)
      for (int64_t n = 0; n < N; ++n) {
        double acc = 0;
        for (int64_t k = 0; k < K; ++k)
          acc += double(a.dataAs<float>()[(t * M + m) * K + k]) *
                 b.dataAs<float>()[(t * K + k) * N + n];
        want[(t * M + m) * N + n] = static_cast<float>(acc);
      }
  expectClose(c, want);
}

TEST_F(LoweringTest, SoftmaxOverMiddleAndInnerAxes) {
  for (int64_t inner : {1, 5}) {
    const int64_t O = 4, A = 19;
    KernelDesc d(lowering::SoftmaxParams{});
    d.inputs = {f32({O, A, inner})};
    d.output = d.inputs[0];
    Tensor x = randomTensor({O, A, inner}, 8, -5, 5);
    Tensor y = run(d, {&x}, DType::F32, {O, A, inner});
    std::vector<float> want(O * A * inner);
    for (int64_t o = 0; o < O; ++o)
      for (int64_t i = 0; i < inner; ++i) {
        double mx = -1e30, sum = 0;
        for (int64_t a = 0; a < A; ++a)
          mx = std::max<double>(mx, x.dataAs<float>()[(o * A + a) * inner + i]);
        for (int64_t a = 0; a < A; ++a)
          sum += std::exp(x.dataAs<float>()[(o * A + a) * inner + i] - mx);
        for (int64_t a = 0; a < A; ++a)
          want[(o * A + a) * inner + i] = static_cast<float>(
              std::exp(x.dataAs<float>()[(o * A + a) * inner + i] - mx) / sum);
      }
    expectClose(y, want);
  }
}

TEST_F(LoweringTest, LayerNorm) {
  const int64_t M = 7, D = 37;
  KernelDesc d(lowering::LayerNormParams{1e-5});
  d.inputs = {f32({-1, D}), f32({D}), f32({D})};
  d.output = d.inputs[0];
  Tensor x = randomTensor({M, D}, 9, -3, 3), g = randomTensor({D}, 10, 0.5, 1.5),
         b = randomTensor({D}, 11);
  Tensor y = run(d, {&x, &g, &b}, DType::F32, {M, D});
  std::vector<float> want(M * D);
  for (int64_t m = 0; m < M; ++m) {
    double mean = 0, var = 0;
    for (int64_t c = 0; c < D; ++c)
      mean += x.dataAs<float>()[m * D + c];
    mean /= D;
    for (int64_t c = 0; c < D; ++c) {
      double e = x.dataAs<float>()[m * D + c] - mean;
      var += e * e;
    }
    var /= D;
    for (int64_t c = 0; c < D; ++c)
      want[m * D + c] = static_cast<float>(
          (x.dataAs<float>()[m * D + c] - mean) / std::sqrt(var + 1e-5) *
              g.dataAs<float>()[c] +
          b.dataAs<float>()[c]);
  }
  expectClose(y, want);
}

/// Naive multi-head attention core with masks.
std::vector<float> naiveSdpa(const Tensor &q, const Tensor &k, const Tensor &v,
                             const Tensor *keep, int64_t H, bool causal) {
  int64_t B = q.dim(0), Lq = q.dim(1), D = q.dim(2), Lk = k.dim(1), dh = D / H;
  std::vector<float> out(B * Lq * D, 0);
  for (int64_t b = 0; b < B; ++b)
    for (int64_t h = 0; h < H; ++h)
      for (int64_t i = 0; i < Lq; ++i) {
        std::vector<double> s(Lk);
        double mx = -std::numeric_limits<double>::infinity();
        for (int64_t j = 0; j < Lk; ++j) {
          bool visible = (!keep || keep->dataAs<uint8_t>()[b * Lk + j]) &&
                         (!causal || j <= i);
          double acc = 0;
          for (int64_t c = 0; c < dh; ++c)
            acc += double(q.dataAs<float>()[(b * Lq + i) * D + h * dh + c]) *
                   k.dataAs<float>()[(b * Lk + j) * D + h * dh + c];
          s[j] = visible ? acc / std::sqrt(double(dh))
                         : -std::numeric_limits<double>::infinity();
          mx = std::max(mx, s[j]);
        }
        double sum = 0;
        for (double &e : s)
          sum += (e = std::exp(e - mx));
        for (int64_t c = 0; c < dh; ++c) {
          double acc = 0;
          for (int64_t j = 0; j < Lk; ++j)
            acc += s[j] / sum * v.dataAs<float>()[(b * Lk + j) * D + h * dh + c];
          out[(b * Lq + i) * D + h * dh + c] = static_cast<float>(acc);
        }
      }
  return out;
}

TEST_F(LoweringTest, AttentionCoreWithPaddingAndCausalMasks) {
  const int64_t B = 3, L = 9, D = 24, H = 3;
  Tensor q = randomTensor({B, L, D}, 12, -2, 2), k = randomTensor({B, L, D}, 13, -2, 2),
         v = randomTensor({B, L, D}, 14);
  Tensor keep(DType::Bool, {B, L});
  for (int64_t b = 0; b < B; ++b)
    for (int64_t j = 0; j < L; ++j)
      keep.dataAs<uint8_t>()[b * L + j] = j < L - 2 * b; // rows of 9, 7, 5 tokens
  for (bool causal : {false, true}) {
    KernelDesc d(lowering::SdpaParams{H, causal, true});
    d.inputs = {f32({-1, L, D}), f32({-1, L, D}), f32({-1, L, D}),
                {DType::Bool, {-1, L}}};
    d.output = f32({-1, L, D});
    Tensor y = run(d, {&q, &k, &v, &keep}, DType::F32, {B, L, D});
    SCOPED_TRACE(causal ? "causal" : "bidirectional");
    expectClose(y, naiveSdpa(q, k, v, &keep, H, causal));
  }
}

/// Naive head-shared depthwise convolution with per-step kernels w(b,t,h,k).
std::vector<float> naiveConv(const Tensor &x, int64_t H, int64_t K, bool causal,
                             const std::function<double(int64_t, int64_t, int64_t, int64_t)> &w) {
  int64_t B = x.dim(0), L = x.dim(1), C = x.dim(2);
  int64_t pad = causal ? K - 1 : K / 2;
  std::vector<float> out(B * L * C);
  for (int64_t b = 0; b < B; ++b)
    for (int64_t t = 0; t < L; ++t)
      for (int64_t c = 0; c < C; ++c) {
        double acc = 0;
        for (int64_t k = 0; k < K; ++k) {
          int64_t src = t + k - pad;
          if (src >= 0 && src < L)
            acc += w(b, t, c * H / C, k) * x.dataAs<float>()[(b * L + src) * C + c];
        }
        out[(b * L + t) * C + c] = static_cast<float>(acc);
      }
  return out;
}

TEST_F(LoweringTest, LightweightConvSoftmaxKernelBothPaddings) {
  const int64_t B = 2, L = 11, C = 20, H = 4, K = 5;
  Tensor x = randomTensor({B, L, C}, 15), w = randomTensor({H, K}, 16, -2, 2);
  auto softmaxW = [&](int64_t, int64_t, int64_t h, int64_t k) {
    double mx = -1e30, sum = 0;
    for (int64_t i = 0; i < K; ++i)
      mx = std::max<double>(mx, w.dataAs<float>()[h * K + i]);
    for (int64_t i = 0; i < K; ++i)
      sum += std::exp(w.dataAs<float>()[h * K + i] - mx);
    return std::exp(w.dataAs<float>()[h * K + k] - mx) / sum;
  };
  for (bool causal : {false, true}) {
    lowering::LightweightConvParams p;
    p.heads = H;
    p.kernelSize = K;
    p.weightSoftmax = true;
    p.padding = causal ? lowering::ConvPadding::Causal : lowering::ConvPadding::Centered;
    KernelDesc d(p);
    d.inputs = {f32({-1, L, C}), f32({H, K})};
    d.output = f32({-1, L, C});
    Tensor y = run(d, {&x, &w}, DType::F32, {B, L, C});
    SCOPED_TRACE(causal ? "causal" : "centered");
    expectClose(y, naiveConv(x, H, K, causal, softmaxW));
  }
}

TEST_F(LoweringTest, DynamicConvPerStepKernels) {
  const int64_t B = 2, L = 10, C = 12, H = 3, K = 3;
  Tensor x = randomTensor({B, L, C}, 17), logits = randomTensor({B, L, H * K}, 18, -2, 2);
  auto softmaxW = [&](int64_t b, int64_t t, int64_t h, int64_t k) {
    const float *row = logits.dataAs<float>() + (b * L + t) * H * K + h * K;
    double mx = -1e30, sum = 0;
    for (int64_t i = 0; i < K; ++i)
      mx = std::max<double>(mx, row[i]);
    for (int64_t i = 0; i < K; ++i)
      sum += std::exp(row[i] - mx);
    return std::exp(row[k] - mx) / sum;
  };
  lowering::DynamicConvParams p;
  p.heads = H;
  p.kernelSize = K;
  p.weightSoftmax = true;
  p.padding = lowering::ConvPadding::Causal;
  KernelDesc d(p);
  d.inputs = {f32({-1, L, C}), f32({-1, L, H * K})};
  d.output = f32({-1, L, C});
  Tensor y = run(d, {&x, &logits}, DType::F32, {B, L, C});
  expectClose(y, naiveConv(x, H, K, true, softmaxW));
}

TEST_F(LoweringTest, TransposeConcatSliceGluMasks) {
  // transpose [2, 3, 4] by [2, 0, 1] -> [4, 2, 3]
  Tensor x = randomTensor({2, 3, 4}, 19);
  KernelDesc t(lowering::TransposeParams{{2, 0, 1}});
  t.inputs = {f32({2, 3, 4})};
  t.output = f32({4, 2, 3});
  Tensor y = run(t, {&x}, DType::F32, {4, 2, 3});
  std::vector<float> want;
  for (int a = 0; a < 4; ++a)
    for (int b = 0; b < 2; ++b)
      for (int c = 0; c < 3; ++c)
        want.push_back(x.dataAs<float>()[(b * 3 + c) * 4 + a]);
  expectClose(y, want, 0);

  // concat [2, 3, 4] and [2, 5, 4] along the middle, then slice it back.
  Tensor z = randomTensor({2, 5, 4}, 20);
  KernelDesc c(lowering::ConcatParams{2});
  c.inputs = {f32({2, 3, 4}), f32({2, 5, 4})};
  c.output = f32({2, 8, 4});
  Tensor xz = run(c, {&x, &z}, DType::F32, {2, 8, 4});
  want.clear();
  for (int o = 0; o < 2; ++o)
    for (int m = 0; m < 8; ++m)
      for (int i = 0; i < 4; ++i)
        want.push_back(m < 3 ? x.dataAs<float>()[(o * 3 + m) * 4 + i]
                             : z.dataAs<float>()[(o * 5 + m - 3) * 4 + i]);
  expectClose(xz, want, 0);
  KernelDesc s(lowering::SliceParams{3});
  s.inputs = {f32({2, 8, 4})};
  s.output = f32({2, 5, 4});
  Tensor back = run(s, {&xz}, DType::F32, {2, 5, 4});
  expectClose(back, std::vector<float>(z.dataAs<float>(), z.dataAs<float>() + z.numel()), 0);

  // glu over the last axis of [3, 10] -> [3, 5]
  Tensor g = randomTensor({3, 10, 1}, 21, -3, 3);
  KernelDesc gd(lowering::GluParams{});
  gd.inputs = {f32({3, 10, 1})};
  gd.output = f32({3, 5, 1});
  Tensor gy = run(gd, {&g}, DType::F32, {3, 5, 1});
  want.clear();
  for (int r = 0; r < 3; ++r)
    for (int i = 0; i < 5; ++i) {
      double a = g.dataAs<float>()[r * 10 + i], b = g.dataAs<float>()[r * 10 + 5 + i];
      want.push_back(static_cast<float>(a / (1 + std::exp(-b))));
    }
  expectClose(gy, want);

  // padding mask, then apply it with a broadcast over the feature axis.
  Tensor ids(DType::I64, {2, 4});
  int64_t raw[] = {5, 3, 0, 0, 7, 0, 0, 0};
  std::copy(raw, raw + 8, ids.dataAs<int64_t>());
  KernelDesc pm(lowering::PaddingMaskParams{});
  pm.inputs = {{DType::I64, {-1, 4}}};
  pm.output = {DType::Bool, {-1, 4}};
  Tensor keep = run(pm, {&ids}, DType::Bool, {2, 4});
  for (int i = 0; i < 8; ++i)
    EXPECT_EQ(keep.dataAs<uint8_t>()[i], raw[i] != 0 ? 1 : 0);
  Tensor act = randomTensor({2, 4, 3}, 22);
  Tensor keep3 = *keep.reshaped({2, 4, 1});
  KernelDesc am(lowering::ApplyMaskParams{-7, {{2}}});
  am.inputs = {f32({-1, 4, 3}), {DType::Bool, {-1, 4, 1}}};
  am.output = f32({-1, 4, 3});
  Tensor masked = run(am, {&act, &keep3}, DType::F32, {2, 4, 3});
  want.clear();
  for (int i = 0; i < 8; ++i)
    for (int f = 0; f < 3; ++f)
      want.push_back(raw[i] != 0 ? act.dataAs<float>()[i * 3 + f] : -7.0f);
  expectClose(masked, want, 0);
}

TEST_F(LoweringTest, LargeTransposesUseTheBlockedScheduleCorrectly) {
  // 2-D (weights) and the 4-D head split [B, L, H, dh] -> [B, H, dh, L].
  Tensor w = randomTensor({37, 50}, 40);
  KernelDesc t2(lowering::TransposeParams{{1, 0}});
  t2.inputs = {f32({37, 50})};
  t2.output = f32({50, 37});
  Tensor wt = run(t2, {&w}, DType::F32, {50, 37});
  std::vector<float> want;
  for (int c = 0; c < 50; ++c)
    for (int r = 0; r < 37; ++r)
      want.push_back(w.dataAs<float>()[r * 50 + c]);
  expectClose(wt, want, 0);

  Tensor h = randomTensor({3, 20, 2, 17}, 41);
  KernelDesc t4(lowering::TransposeParams{{0, 2, 3, 1}});
  t4.inputs = {f32({-1, 20, 2, 17})};
  t4.output = f32({-1, 2, 17, 20});
  Tensor ht = run(t4, {&h}, DType::F32, {3, 2, 17, 20});
  want.clear();
  for (int b = 0; b < 3; ++b)
    for (int hh = 0; hh < 2; ++hh)
      for (int c = 0; c < 17; ++c)
        for (int l = 0; l < 20; ++l)
          want.push_back(h.dataAs<float>()[((b * 20 + l) * 2 + hh) * 17 + c]);
  expectClose(ht, want, 0);
}

TEST_F(LoweringTest, EmbeddingAndPositionalEncoding) {
  const int64_t V = 10, D = 6, L = 4;
  Tensor table = randomTensor({V, D}, 23);
  Tensor ids(DType::I64, {2, L});
  int64_t raw[] = {1, 9, 0, 4, 2, 2, 3, 0};
  std::copy(raw, raw + 8, ids.dataAs<int64_t>());
  KernelDesc e(lowering::EmbeddingParams{2.0});
  e.inputs = {{DType::I64, {-1, L}}, f32({V, D})};
  e.output = f32({-1, L, D});
  Tensor x = run(e, {&ids, &table}, DType::F32, {2, L, D});
  KernelDesc p(lowering::PositionalEncodingParams{});
  p.inputs = {f32({-1, L, D})};
  p.output = p.inputs[0];
  Tensor y = run(p, {&x}, DType::F32, {2, L, D});
  std::vector<float> want;
  for (int b = 0; b < 2; ++b)
    for (int l = 0; l < L; ++l)
      for (int c = 0; c < D; ++c) {
        double angle = l / std::pow(10000.0, double(c / 2 * 2) / D);
        double pe = c % 2 == 0 ? std::sin(angle) : std::cos(angle);
        want.push_back(static_cast<float>(
            2.0 * table.dataAs<float>()[raw[b * L + l] * D + c] + pe));
      }
  expectClose(y, want);
}

TEST(KernelDiskCache, SecondCacheLoadsTheSharedObjectAndComputesTheSame) {
  char tmpl[] = "/tmp/tfx-kernel-cache-XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  lowering::KernelOptions options;
  options.cacheDir = tmpl;
  const int64_t M = 5, K = 33, N = 20;
  KernelDesc d(lowering::LinearParams{false, lowering::Activation::relu()});
  d.inputs = {f32({-1, K}), f32({K, N})};
  d.output = f32({-1, N});
  Tensor x = randomTensor({M, K}, 30), wt = randomTensor({K, N}, 31);
  std::vector<float> want(M * N);
  for (int64_t m = 0; m < M; ++m)
    for (int64_t n = 0; n < N; ++n) {
      double acc = 0;
      for (int64_t k = 0; k < K; ++k)
        acc += double(x.dataAs<float>()[m * K + k]) * wt.dataAs<float>()[k * N + n];
      want[m * N + n] = static_cast<float>(std::max(acc, 0.0));
    }
  for (int round = 0; round < 2; ++round) {
    lowering::KernelCache cache(options);
    auto kernel = cache.get(d);
    ASSERT_TRUE(kernel.isOk()) << kernel.status().message();
    EXPECT_EQ(cache.diskHits(), round == 0 ? 0u : 1u);
    Tensor y(DType::F32, {M, N});
    ASSERT_TRUE((*kernel)->run({&x, &wt}, y).isOk());
    expectClose(y, want);
  }
  std::string cleanup = std::string("rm -rf ") + tmpl;
  ASSERT_EQ(std::system(cleanup.c_str()), 0);
}

// A kernel kind without a lowering cannot be named any more (the kind is
// the parameters' type); what a request can still get wrong is its operands.
TEST_F(LoweringTest, WrongOperandCountIsAnError) {
  KernelDesc d(lowering::LinearParams{true, lowering::Activation::none()});
  d.inputs = {f32({-1, 4}), f32({4, 3})}; // the bias is missing
  d.output = f32({-1, 3});
  auto k = cache.get(d);
  ASSERT_FALSE(k.isOk());
  EXPECT_NE(k.status().message().find("kernel 'linear' takes 3 inputs, not 2"),
            std::string::npos)
      << k.status().message();
}

TEST(KernelParams, KeyAndPrintedTextCarryEveryField) {
  KernelDesc a(lowering::LinearParams{true, lowering::Activation::leakyRelu(0.01)});
  KernelDesc b(lowering::LinearParams{true, lowering::Activation::leakyRelu(0.0100001)});
  EXPECT_NE(a.key(), b.key()); // doubles in full precision
  EXPECT_EQ(lowering::formatKernelParams(a.params), "bias=true, act=leaky_relu(0.01)");
  lowering::BinaryParams bin{lowering::BinaryOp::Sub, {}, {{0, 2}}};
  EXPECT_EQ(lowering::formatKernelParams(bin),
            "op=sub, lhs_broadcast=[], rhs_broadcast=[0,2]");
  EXPECT_EQ(KernelDesc(bin).kind(), "binary");
}

TEST(KernelParams, LsraInputOrderMatchesTheDesc) {
  lowering::LsraParams p;
  p.length = 5;
  p.dModel = 8;
  p.heads = 2;
  p.dynamic = true;
  p.convHeads = 2;
  p.kernelSize = 3;
  p.hasMask = true;
  std::vector<lowering::LsraOperand> in = lowering::lsraInputs(p);
  KernelDesc d = lowering::lsraDesc(p);
  ASSERT_EQ(d.inputs.size(), in.size());
  ASSERT_EQ(in.size(), 12u); // x, 9 packed weights (dynamic), keep
  EXPECT_EQ(in[8].input, lowering::LsraInput::KernelBias);
  EXPECT_EQ(in[8].shape, (std::vector<int64_t>{6}));
  EXPECT_EQ(in.back().input, lowering::LsraInput::Keep);
  EXPECT_EQ(d.inputs.back().dtype, DType::Bool);
  p.dynamic = false;
  EXPECT_EQ(lowering::lsraInputs(p)[7].shape, (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(lowering::lsraInputs(p).size(), 11u);
}

TEST(KernelParams, GemmTilingDecisions) {
  // Wide output: 2 vectors x 6 rows; a weight over 1 MiB puts panels outer.
  // AVX-512 (16 lanes):
  lowering::GemmTiling t = lowering::chooseGemmTiling(1024, 512, 1, false, 16);
  EXPECT_EQ(t.columnTile, 32);
  EXPECT_EQ(t.rowTile, 6);
  EXPECT_TRUE(t.panelOuter);
  EXPECT_EQ(t.kSplit, 0);
  // Narrow output, two accumulators (GLU): 1 vector x 4 rows, guarded tail.
  t = lowering::chooseGemmTiling(10, 600, 2, false, 16);
  EXPECT_EQ(t.columnTile, 16);
  EXPECT_EQ(t.rowTile, 4);
  EXPECT_FALSE(t.shiftColumnTail);
  EXPECT_EQ(t.kSplit, 256);
  EXPECT_EQ(t.rowBlock, 0); // two products: not k-blocked
  // A large K k-blocks a linear layer: 16 row tiles per block; one row
  // takes register tiles of 4 vectors.
  t = lowering::chooseGemmTiling(800, 6400, 1, false, 8);
  EXPECT_EQ(t.rowBlock, 96);
  EXPECT_EQ(t.wideColumns, 32);
  EXPECT_EQ(lowering::chooseGemmTiling(800, 512, 1, false, 8).rowBlock, 0);
  EXPECT_EQ(lowering::chooseGemmTiling(800, 6400, 1, true, 8).rowBlock, 0);
  // A batched matmul never puts panels outer.
  EXPECT_FALSE(lowering::chooseGemmTiling(1024, 512, 1, true, 16).panelOuter);
  // AVX2 (8 lanes, 16 registers): tiles half as wide, the same 12
  // accumulators; 12 columns are one vector and a shifted tail.
  t = lowering::chooseGemmTiling(1024, 512, 1, false, 8);
  EXPECT_EQ(t.columnTile, 16);
  EXPECT_EQ(t.rowTile, 6);
  t = lowering::chooseGemmTiling(12, 64, 1, false, 8);
  EXPECT_EQ(t.columnTile, 8);
  EXPECT_EQ(t.rowTile, 8);
  EXPECT_TRUE(t.shiftColumnTail);
  EXPECT_EQ(lowering::formatGemmTiling(t), "tile 8x8, rows outer, column tail shifted");
}

TEST(KernelParams, GpuGemmTilingDecisions) {
  // The teacher's FFN: 64 x 32 blocks of 4 x 4 micro-tiles, K in chunks of 32.
  lowering::GpuGemmTiling t = lowering::chooseGpuGemmTiling(512, 128, -1);
  EXPECT_EQ(t.columnTile, 64);
  EXPECT_EQ(t.rowTile, 32);
  EXPECT_EQ(t.threads(), 128);
  EXPECT_EQ(t.kChunk, 32);
  EXPECT_EQ(t.loadVector, 4);
  EXPECT_EQ(4 * t.sharedFloats(), 20480);
  // Chunks divide K: 600 -> 24 (a multiple of 4), 70 -> 14 (scalar loads),
  // 45 -> all of it.
  EXPECT_EQ(lowering::chooseGpuGemmTiling(1000, 600, -1).kChunk, 24);
  t = lowering::chooseGpuGemmTiling(20, 70, -1);
  EXPECT_EQ(t.kChunk, 14);
  EXPECT_EQ(t.loadVector, 1);
  EXPECT_EQ(lowering::chooseGpuGemmTiling(70, 45, -1).kChunk, 45);
  // Narrow outputs are one block wide, micro-tiles dividing them; a matmul
  // of 37 rows per matrix has 32-row blocks (the last one shifted).
  t = lowering::chooseGpuGemmTiling(50, 24, 37);
  EXPECT_EQ(t.columnTile, 50);
  EXPECT_EQ(t.microColumns, 2);
  EXPECT_EQ(t.rowTile, 32);
  // Blocks under a warp (8 x 8 attention heads) take the simple schedule.
  EXPECT_EQ(lowering::chooseGpuGemmTiling(8, 4, 8).kChunk, 0);
  EXPECT_EQ(lowering::formatGpuGemmTiling(lowering::chooseGpuGemmTiling(512, 128, -1)),
            "block 64x32, thread 4x4, k-chunk 32 (128 threads, 20480 B shared)");
}

TEST_F(LoweringTest, KernelsAreCachedBySignature) {
  KernelDesc d(lowering::UnaryParams{lowering::Activation::relu()});
  d.inputs = {f32({-1})};
  d.output = d.inputs[0];
  auto a = cache.get(d), b = cache.get(d);
  ASSERT_TRUE(a.isOk() && b.isOk());
  EXPECT_EQ(*a, *b);
  EXPECT_EQ(cache.size(), 1u);
}

} // namespace
