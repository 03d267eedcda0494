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
  Func total("total"), squares("squares"), mean("mean"), var("var"),
      out("layer_norm");
  total(m) = 0.0f;
  total(m) += x(r, m);
  mean(m) = total(m) / static_cast<float>(D);
  Expr centred = x(r, m) - mean(m);
  squares(m) = 0.0f;
  squares(m) += centred * centred;
  var(m) = squares(m) / static_cast<float>(D);
  out(c, m) = (x(c, m) - mean(m)) * (1.0f / sqrt(var(m) + eps)) * g(c) +
              beta(c);
  b.output = out;
  b.schedule = [=]() mutable {
    // Tasks of 8 rows (a row of d 128 is ~100 ns of work: a task per row
    // cost more in the thread pool than the row); per row, both sums are
    // vector reductions (rfactor over the lanes: one vector accumulator,
    // reduced across lanes at the end) instead of a scalar chain of D adds.
    const int lanes = scheduleVectorLanes();
    Var mo("mo"), mi("mi"), u("u");
    out.split(m, mo, mi, 8, TailStrategy::GuardWithIf)
        .parallel(mo)
        .vectorize(c, kVec, TailStrategy::GuardWithIf);
    for (Func f : {mean, var, total, squares})
      f.compute_at(out, mi);
    if (D % lanes == 0 && D >= 2 * lanes) {
      for (Func f : {total, squares}) {
        RVar ro("ro"), ri("ri");
        Func partial = f.update().split(r.x, ro, ri, lanes).rfactor(ri, u);
        partial.compute_at(out, mi).vectorize(u);
        partial.update().vectorize(u);
      }
    }
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
