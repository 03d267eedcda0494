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

//===----------------------------------------------------------------------===//
// GPU block reductions (softmax and layer norm on GPU targets)
//===----------------------------------------------------------------------===//

/// Threads of a block reducing rows of n elements: a multiple of 32 up to 256.
static int gpuRowThreads(int n) { return std::min(256, (n + 31) / 32 * 32); }

GpuRowReduce gpuRowReduce(const std::string &name, const std::vector<Var> &rows,
                          int n, int threads, bool isMax,
                          const std::function<Expr(Expr)> &value) {
  GpuRowReduce r;
  r.threads = threads;
  const int T = threads;
  auto at = [&](std::vector<Expr> lead) {
    lead.insert(lead.end(), rows.begin(), rows.end());
    return lead;
  };
  auto fold = [&](Expr e) { return isMax ? maximum(e) : Halide::sum(e); };
  const Expr identity =
      isMax ? Expr(-std::numeric_limits<float>::infinity()) : Expr(0.0f);
  RDom rk(0, (n + T - 1) / T, name + "_k");
  Expr idx = r.t + rk * T;
  Expr x = n % T ? select(idx < n, value(min(idx, n - 1)), identity) : value(idx);
  r.partial = Func(name + "_partial");
  r.partial(at({r.t})) = fold(x);
  Func last = r.partial;
  int left = T;
  if (T > 32 && T % 32 == 0) {
    RDom rw(0, T / 32, name + "_w");
    r.mid = Func(name + "_mid");
    r.mid(at({r.u})) = fold(r.partial(at({r.u + rw * 32})));
    last = r.mid;
    left = 32;
  }
  RDom rt(0, left, name + "_t");
  r.total = Func(name);
  r.total(at({})) = fold(last(at({rt})));
  return r;
}

void scheduleGpuRowReduce(GpuRowReduce &r, Func out, Var block, Var row) {
  const MemoryType shared = MemoryType::GPUShared;
  r.partial.compute_at(out, block).store_in(shared).gpu_threads(r.t, row);
  if (r.mid.defined())
    r.mid.compute_at(out, block).store_in(shared).gpu_threads(r.u, row);
  r.total.compute_at(out, block).store_in(shared).gpu_threads(row);
}

/// `out` (pure, row elements along `c`) with a block per row: its T threads
/// take elements c, c + T, ...
static void gpuRowBlocks(Func out, Var c, std::vector<VarOrRVar> blocks, int T) {
  Var co("co"), tc("tc");
  std::vector<VarOrRVar> order{tc, co};
  order.insert(order.end(), blocks.begin(), blocks.end());
  out.split(c, co, tc, T, TailStrategy::GuardWithIf).reorder(order).gpu_threads(tc);
  if (blocks.size() == 1)
    out.gpu_blocks(blocks[0]);
  else
    out.gpu_blocks(blocks[0], blocks[1]);
}

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
  if (inner == 1) {
    // GPU, softmax over contiguous rows: one launch, a block per row whose
    // threads stride along it; maximum and sum are block reductions (the
    // exponentials computed twice rather than stored).
    GpuRowReduce gm = gpuRowReduce("mx", {i, o}, A, gpuRowThreads(A), true,
                                   [=](Expr k) { return x(i, k, o); });
    Expr rowMax = gm.total(i, o);
    GpuRowReduce gs = gpuRowReduce("sum", {i, o}, A, gpuRowThreads(A), false, [=](Expr k) {
      return expBelowMax(x(i, k, o), rowMax);
    });
    Func g("softmax");
    g(i, a, o) = divideOrZero(expBelowMax(x(i, a, o), rowMax), gs.total(i, o));
    b.gpuOutput = g;
    b.gpuSchedule = [=]() mutable {
      gpuRowBlocks(g, a, {i, o}, gm.threads);
      scheduleGpuRowReduce(gm, g, i, i);
      scheduleGpuRowReduce(gs, g, i, i);
    };
    return b;
  }
  b.gpuSchedule = [=]() mutable {
    // Softmax over a strided axis: one launch, a block per 32 neighbouring
    // rows (o, i..i+31), a thread per row (coalesced along i); each thread
    // finds its row's maximum and sum (stored in shared memory), then writes
    // its row.
    Var io("io"), ii("ii");
    out.split(i, io, ii, 32, TailStrategy::GuardWithIf)
        .reorder(a, ii, io, o)
        .gpu_threads(ii)
        .gpu_blocks(io, o);
    mx.compute_at(out, io).store_in(MemoryType::GPUShared).gpu_threads(i);
    sum.compute_at(out, io).store_in(MemoryType::GPUShared).gpu_threads(i);
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
  // GPU: one launch, a block per row (gpuOutput, the same maths with block
  // reductions): its threads stride along the row for the sum, then the
  // squared deviations (two passes, as on the CPU), then the output.
  GpuRowReduce gs = gpuRowReduce("ln_sum", {m}, D, gpuRowThreads(D), false,
                                 [=](Expr k) { return x(k, m); });
  Expr rowMean = gs.total(m) / static_cast<float>(D);
  GpuRowReduce gv = gpuRowReduce("ln_sq", {m}, D, gpuRowThreads(D), false, [=](Expr k) {
    Expr dev = x(k, m) - rowMean;
    return dev * dev;
  });
  Expr rowVar = gv.total(m) / static_cast<float>(D);
  Func gout("layer_norm");
  gout(c, m) = (x(c, m) - rowMean) * (1.0f / sqrt(rowVar + eps)) * g(c) + beta(c);
  b.gpuOutput = gout;
  b.gpuSchedule = [=]() mutable {
    gpuRowBlocks(gout, c, {m}, gs.threads);
    scheduleGpuRowReduce(gs, gout, m, m);
    scheduleGpuRowReduce(gv, gout, m, m);
  };
  return b;
}


} // namespace tfx::lowering::detail
