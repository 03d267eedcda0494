//===- Normalization.cpp - softmax and layer norm ---------------------------===//

#include "KernelBuilders.h"

#include <cmath>
#include <limits>

namespace tfx::lowering::detail {

//===----------------------------------------------------------------------===//
// Normalisation
//===----------------------------------------------------------------------===//

/// exp(x - mx) for a softmax row whose maximum mx is -inf when every
/// element is masked: the row's exponentials are then 0, not NaN
/// (exp(-inf - -inf)). With divideOrZero, such a row gives 0 (an
/// all-padding sentence; docs/running.md).
Expr expBelowMax(Expr x, Expr mx) {
  return exp(x - select(mx == -std::numeric_limits<float>::infinity(), 0.0f, mx));
}
Expr divideOrZero(Expr num, Expr total) { return select(total == 0.0f, 0.0f, num / total); }

/// softmax over the middle dim of [O, A, I].
Built buildSoftmax(const KernelDesc &d, const SoftmaxParams &) {
  Built b;
  ImageParam x = param(d, 0, "x");
  b.inputs = {x};
  int A = static_cast<int>(extent(d.inputs[0], 1));
  Var i("i"), a("a"), o("o");
  RDom r(0, A, "r");
  Func mx("mx"), e("e"), sum("sum"), out("softmax");
  mx(i, o) = maximum(x(i, r, o));
  e(i, a, o) = expBelowMax(x(i, a, o), mx(i, o));
  sum(i, o) = Halide::sum(e(i, r, o));
  out(i, a, o) = divideOrZero(e(i, a, o), sum(i, o));
  b.output = out;
  int64_t inner = extent(d.inputs[0], 2);
  b.schedule = [=]() mutable {
    out.parallel(o);
    if (inner == 1) {
      // Softmax over the innermost tensor dim: vectorise along it.
      mx.compute_at(out, o);
      e.compute_at(out, o).vectorize(a, kVec, TailStrategy::GuardWithIf);
      sum.compute_at(out, o);
      out.vectorize(a, kVec, TailStrategy::GuardWithIf);
    } else {
      mx.compute_at(out, o).vectorize(i, kVec, TailStrategy::GuardWithIf);
      e.compute_at(out, o).vectorize(i, kVec, TailStrategy::GuardWithIf);
      sum.compute_at(out, o).vectorize(i, kVec, TailStrategy::GuardWithIf);
      out.vectorize(i, kVec, TailStrategy::GuardWithIf);
    }
  };
  b.gpuSchedule = [=]() mutable {
    // Three launches: row maxima, row sums (exponentials inlined), output.
    gpuFlat(mx.compute_root(), {i, o});
    gpuFlat(sum.compute_root(), {i, o});
    gpuFlat(out, {i, a, o}, 256);
  };
  return b;
}

/// layer_norm over the last dim of [M, D].
Built buildLayerNorm(const KernelDesc &d, const LayerNormParams &p) {
  Built b;
  ImageParam x = param(d, 0, "x"), g = param(d, 1, "gamma"),
             beta = param(d, 2, "beta");
  b.inputs = {x, g, beta};
  int D = static_cast<int>(extent(d.inputs[0], 1));
  float eps = static_cast<float>(p.epsilon);
  Var c("c"), m("m");
  RDom r(0, D, "r");
  Func mean("mean"), var("var"), out("layer_norm");
  mean(m) = Halide::sum(x(r, m)) / static_cast<float>(D);
  Expr centred = x(r, m) - mean(m);
  var(m) = Halide::sum(centred * centred) / static_cast<float>(D);
  out(c, m) = (x(c, m) - mean(m)) * (1.0f / sqrt(var(m) + eps)) * g(c) +
              beta(c);
  b.output = out;
  b.schedule = [=]() mutable {
    out.parallel(m).vectorize(c, kVec, TailStrategy::GuardWithIf);
    mean.compute_at(out, m);
    var.compute_at(out, m);
  };
  b.gpuSchedule = [=]() mutable {
    // Three launches: a thread per row for each statistic, then the output.
    gpuFlat(mean.compute_root(), {m}, 64);
    gpuFlat(var.compute_root(), {m}, 64);
    gpuFlat(out, {c, m}, 256);
  };
  return b;
}


} // namespace tfx::lowering::detail
