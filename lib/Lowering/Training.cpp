//===- Training.cpp - kernels of MLP training -------------------------------===//

#include "KernelBuilders.h"

#include <cmath>
#include <limits>

namespace tfx::lowering::detail {

//===----------------------------------------------------------------------===//
// Training kernels (distillation of the replacement MLPs)
//===----------------------------------------------------------------------===//

/// Gradient of the masked MSE: d = scale * mask * (pred - target), with
/// scale = 2 / (number of valid elements) passed as a [1] tensor (it changes
/// with every batch; as an attribute it would compile a kernel per batch).
/// pred, target [N, O], mask [N, O].
Built buildMaskedMseGrad(const KernelDesc &d, const MaskedMseGradParams &) {
  Built b;
  ImageParam pred = param(d, 0, "pred"), target = param(d, 1, "target"),
             mask = param(d, 2, "mask"), scale = param(d, 3, "scale");
  b.inputs = {pred, target, mask, scale};
  Var o("o"), n("n");
  Func out("mse_grad");
  out(o, n) = select(mask(o, n) != 0, pred(o, n) - target(o, n), 0.0f) * scale(0);
  b.output = out;
  b.schedule = [=]() mutable {
    out.parallel(n).vectorize(o, kVec, TailStrategy::GuardWithIf);
  };
  return b;
}

/// Weight gradient: out[O, H] = A^T B with A [N, O], B [N, H] (reduction over
/// the batch rows N, which is the dynamic extent).
Built buildGemmTN(const KernelDesc &d, const GemmTNParams &) {
  Built b;
  ImageParam a = param(d, 0, "a"), bb = param(d, 1, "b");
  b.inputs = {a, bb};
  Var h("h"), o("o");
  RDom n(0, a.dim(1).extent(), "n");
  Func prod("prod"), out("gemm_tn");
  prod(h, o) = 0.0f;
  prod(h, o) += a(o, n) * bb(h, n);
  out(h, o) = prod(h, o);
  b.output = out;
  int64_t H = extent(d.inputs[1], 1);
  b.schedule = [=]() mutable {
    // As the GEMM tiles (chooseGemmTiling): 12 (or 8) vector accumulators
    // of the target's width, so that AVX2's 16 registers do not spill.
    const int lanes = scheduleVectorLanes();
    const int th = H >= 2 * lanes ? 2 * lanes : lanes;
    const int to = th == 2 * lanes ? 6 : 8;
    Var ho("ho"), oo("oo"), hi("hi"), oi("oi");
    out.split(h, ho, hi, th, H >= th ? TailStrategy::ShiftInwards : TailStrategy::GuardWithIf)
        .split(o, oo, oi, to, TailStrategy::GuardWithIf)
        .reorder(hi, oi, ho, oo)
        .vectorize(hi, lanes)
        .unroll(oi)
        .parallel(oo);
    prod.compute_at(out, ho).vectorize(h, lanes, TailStrategy::GuardWithIf).unroll(o);
    prod.update().reorder(h, o, n.x).vectorize(h, lanes, TailStrategy::GuardWithIf).unroll(o);
  };
  return b;
}

/// Column sums: out[O] = sum_n a[n, o].
Built buildColumnSum(const KernelDesc &d, const ColumnSumParams &) {
  Built b;
  ImageParam a = param(d, 0, "a");
  b.inputs = {a};
  Var o("o");
  RDom n(0, a.dim(1).extent(), "n");
  Func out("column_sum");
  out(o) = 0.0f;
  out(o) += a(o, n);
  b.output = out;
  b.schedule = [=]() mutable {
    Var oo("oo"), oi("oi");
    out.split(o, oo, oi, 4 * kVec, TailStrategy::GuardWithIf).parallel(oo);
    out.update().split(o, oo, oi, 4 * kVec, TailStrategy::GuardWithIf)
        .parallel(oo)
        .reorder(oi, n.x, oo)
        .vectorize(oi, kVec, TailStrategy::GuardWithIf);
  };
  return b;
}

LnStats lnStats(ImageParam x, int D, float eps) {
  LnStats s{Func("mean"), Func("rstd")};
  Var m("m");
  RDom r(0, D, "r");
  s.mean(m) = Halide::sum(x(r, m)) / static_cast<float>(D);
  Expr c = x(r, m) - s.mean(m);
  s.rstd(m) = 1.0f / sqrt(Halide::sum(c * c) / static_cast<float>(D) + eps);
  return s;
}

/// Backward of y = LN(x) * gamma + beta w.r.t. x, given dy [N, D]; with
/// `leakySlope`, the result is further multiplied by the derivative of the
/// LeakyReLU that produced x (x >= 0 ? 1 : slope).
Built buildLayerNormBackward(const KernelDesc &d, const LayerNormBackwardParams &p) {
  Built b;
  ImageParam x = param(d, 0, "x"), g = param(d, 1, "gamma"), dy = param(d, 2, "dy");
  b.inputs = {x, g, dy};
  int D = static_cast<int>(extent(d.inputs[0], 1));
  LnStats st = lnStats(x, D, static_cast<float>(p.epsilon));
  Var c("c"), m("m");
  RDom r(0, D, "r");
  Func xhat("xhat"), dxhat("dxhat"), s1("s1"), s2("s2"), out("ln_backward");
  xhat(c, m) = (x(c, m) - st.mean(m)) * st.rstd(m);
  dxhat(c, m) = dy(c, m) * g(c);
  s1(m) = Halide::sum(dxhat(r, m)) / static_cast<float>(D);
  s2(m) = Halide::sum(dxhat(r, m) * xhat(r, m)) / static_cast<float>(D);
  Expr dx = st.rstd(m) * (dxhat(c, m) - s1(m) - xhat(c, m) * s2(m));
  if (p.leakySlope)
    dx = dx * select(x(c, m) >= 0.0f, 1.0f, static_cast<float>(*p.leakySlope));
  out(c, m) = dx;
  b.output = out;
  b.schedule = [=]() mutable {
    out.parallel(m).vectorize(c, kVec, TailStrategy::GuardWithIf);
    st.mean.compute_at(out, m);
    st.rstd.compute_at(out, m);
    s1.compute_at(out, m);
    s2.compute_at(out, m);
  };
  return b;
}

/// Gradients of gamma and beta of y = LN(x) * gamma + beta given dy:
/// out[2, D] = {sum_n dy * xhat, sum_n dy}.
Built buildLayerNormParamGrad(const KernelDesc &d, const LayerNormParamGradParams &p) {
  Built b;
  ImageParam x = param(d, 0, "x"), dy = param(d, 1, "dy");
  b.inputs = {x, dy};
  int D = static_cast<int>(extent(d.inputs[0], 1));
  LnStats st = lnStats(x, D, static_cast<float>(p.epsilon));
  Var c("c"), k("k"), m("m");
  RDom n(0, x.dim(1).extent(), "n");
  Func scaled("scaled"), out("ln_param_grad");
  scaled(c, m) = (x(c, m) - st.mean(m)) * st.rstd(m);
  out(c, k) = 0.0f;
  out(c, k) += select(k == 0, dy(c, n) * scaled(c, n), dy(c, n));
  b.output = out;
  b.schedule = [=]() mutable {
    st.mean.compute_root().parallel(Var(st.mean.args()[0]));
    st.rstd.compute_root().parallel(Var(st.rstd.args()[0]));
    Var co("co"), ci("ci");
    out.update().split(c, co, ci, 4 * kVec, TailStrategy::GuardWithIf)
        .reorder(ci, k, n.x, co)
        .vectorize(ci, kVec, TailStrategy::GuardWithIf)
        .parallel(co);
  };
  return b;
}


} // namespace tfx::lowering::detail
