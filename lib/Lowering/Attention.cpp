//===- Attention.cpp - attention core, Lite Transformer convs ---------------===//

#include "KernelBuilders.h"

#include <cmath>
#include <limits>

namespace tfx::lowering::detail {

//===----------------------------------------------------------------------===//
// Attention core and Lite Transformer convolutions
//===----------------------------------------------------------------------===//


AttentionRows attentionRows(const std::vector<Var> &rows, int H, int dh, int Lk,
                            const std::function<Expr(Expr)> &q,
                            const std::function<Expr(Expr, Expr)> &k,
                            const std::function<Expr(Expr, Expr)> &v,
                            Expr keep) {
  AttentionRows a;
  a.rc = RDom(0, dh, "rc");
  a.rj = RDom(0, Lk, "rj");
  auto args = [&](std::vector<Expr> lead) {
    for (const Var &r : rows)
      lead.push_back(r);
    return lead;
  };
  auto at = [&](std::vector<Expr> lead) { return args(std::move(lead)); };
  Expr c = a.c, j = a.j, h = a.h;
  a.s(at({j, h})) = 0.0f;
  a.s(at({j, h})) += q(h * dh + a.rc) * k(h * dh + a.rc, j);
  const float scale = 1.0f / std::sqrt(static_cast<float>(dh));
  Func masked("masked");
  masked(at({j, h})) = select(keep, a.s(at({j, h})) * scale,
                              -std::numeric_limits<float>::infinity());
  a.mx(at({h})) = maximum(masked(at({a.rj, h})));
  // A query whose keys are all masked has probabilities and output 0.
  a.e(at({j, h})) = expBelowMax(masked(at({j, h})), a.mx(at({h})));
  a.sum(at({h})) = Halide::sum(a.e(at({a.rj, h})));
  // P V per head, with the head's channel d innermost: every lane of a
  // vector then shares one probability e(j, h) (indexing e by c / dh instead
  // makes each vector a gather when dh is not a multiple of the width).
  Expr d = a.d;
  a.pv(at({d, h})) = 0.0f;
  a.pv(at({d, h})) += a.e(at({a.rj, h})) * v(h * dh + d, a.rj);
  a.ctx(at({c})) = divideOrZero(a.pv(at({c % dh, c / dh})), a.sum(at({c / dh})));
  return a;
}

/// CPU schedule of the attention core: one query row at a time (its scores
/// for every head stay in L1), everything computed at `row` of ctx.
/// `keysPadded`: the keys may be read past the last one (the caller clamps
/// them); the scores are then computed over whole vectors of keys. Else the
/// last vector of scores is masked, and its masked store and reload in
/// every step of the dot products cannot be forwarded: half the kernel's
/// time on AVX2 at 50 keys (perf, teacher encoder layer).
void scheduleAttentionRows(AttentionRows &a, Var row, bool keysPadded) {
  const TailStrategy guard = TailStrategy::GuardWithIf;
  const int lanes = scheduleVectorLanes();
  a.pv.compute_at(a.ctx, row).vectorize(a.d, lanes, guard);
  a.pv.update().reorder(a.d, a.rj.x, a.h).vectorize(a.d, lanes, guard);
  a.e.compute_at(a.ctx, row).vectorize(a.j, lanes, guard);
  a.sum.compute_at(a.ctx, row);
  a.mx.compute_at(a.ctx, row);
  const TailStrategy keyTail = keysPadded ? TailStrategy::RoundUp : guard;
  a.s.compute_at(a.ctx, row).vectorize(a.j, lanes, keyTail);
  a.s.update().reorder(a.j, a.rc.x).vectorize(a.j, lanes, keyTail);
}

/// Rows of a block of the fused GPU attention kernel, or 0 where the shape
/// keeps the multi-launch schedule: more than kFusedSdpaMaxKeys keys (the
/// block's scores and exponentials, 2 x rows x keys floats, would not fit
/// 32 KB of shared memory with at least 2 rows) or heads wider than 512
/// channels (a thread per channel and row).
constexpr int kFusedSdpaMaxKeys = 1024;
static int fusedSdpaRows(int64_t keys, int64_t headDim) {
  if (keys > kFusedSdpaMaxKeys || headDim > 512)
    return 0;
  int rows = 8;
  while (rows > 1 && (rows * headDim > 512 || 2 * rows * keys * 4 > 32 * 1024))
    rows /= 2;
  return rows;
}

/// The attention core as one GPU kernel: a block per (head, tile of `rows`
/// query rows, sentence) with dh x rows threads. In the block, the scaled,
/// masked scores of its rows against every key and their exponentials live
/// in shared memory (threads across keys x rows); the rows' maxima and sums
/// are block reductions (dh threads a row: strided partials, then one
/// thread a row combines them); then a thread per (channel, row) sums P V (its
/// probabilities read from shared memory) and writes the context. The same
/// maths as attentionRows (masks, all-masked rows giving 0).
static void fusedSdpaGpu(Built &b, ImageParam q, ImageParam k, ImageParam v,
                         Expr keep, Var i, Var j, Var n, int dh, int Lk,
                         int rows) {
  Var h("h"), c("c");
  RDom rc(0, dh, "rc"), rj(0, Lk, "rj");
  const float scale = 1.0f / std::sqrt(static_cast<float>(dh));
  Func sc("sdpa_scores"), e("sdpa_exp"), ctx("sdpa");
  Expr dot = Halide::sum(q(h * dh + rc, i, n) * k(h * dh + rc, j, n));
  sc(j, h, i, n) = select(keep, dot * scale, -std::numeric_limits<float>::infinity());
  // Row maxima and sums: block reductions over the keys, dh threads a row.
  GpuRowReduce mx = gpuRowReduce("sdpa_max", {h, i, n}, Lk, dh, true,
                                 [=](Expr key) { return sc(key, h, i, n); });
  e(j, h, i, n) = expBelowMax(sc(j, h, i, n), mx.total(h, i, n));
  GpuRowReduce sum = gpuRowReduce("sdpa_sum", {h, i, n}, Lk, dh, false,
                                  [=](Expr key) { return e(key, h, i, n); });
  Expr pv = Halide::sum(e(rj, c / dh, i, n) * v(c, rj, n));
  ctx(c, i, n) = divideOrZero(pv, sum.total(c / dh, i, n));
  b.gpuOutput = ctx;
  b.gpuSchedule = [=]() mutable {
    const TailStrategy guard = TailStrategy::GuardWithIf;
    Var hb("hb"), d("d"), io("io"), ii("ii");
    ctx.split(c, hb, d, dh)
        .split(i, io, ii, rows, guard)
        .reorder(d, ii, hb, io, n)
        .gpu_threads(d, ii)
        .gpu_blocks(hb, io, n);
    // Per key row: threads along the keys (dh of them) and the rows.
    for (Func f : {sc, e}) {
      Var jo("jo"), ji("ji");
      f.compute_at(ctx, hb)
          .store_in(MemoryType::GPUShared)
          .split(j, jo, ji, dh, guard)
          .reorder(ji, i, jo, h, n)
          .gpu_threads(ji, i);
    }
    scheduleGpuRowReduce(mx, ctx, hb, i);
    scheduleGpuRowReduce(sum, ctx, hb, i);
  };
}

/// Scaled dot-product attention over heads, with masks, heads merged:
/// q [B, Lq, D], k [B, Lk, D], v [B, Lk, D], keep [B, Lk]? -> [B, Lq, D].
Built buildSdpa(const KernelDesc &d, const SdpaParams &p) {
  Built b;
  ImageParam q = param(d, 0, "q"), k = param(d, 1, "k"), v = param(d, 2, "v");
  b.inputs = {q, k, v};
  int D = static_cast<int>(extent(d.inputs[0], 2));
  int Lk = static_cast<int>(extent(d.inputs[1], 1));
  int H = static_cast<int>(p.heads);
  Var i("i"), n("n");
  Var j("j"); // the key index of attentionRows (Vars match by name)
  Expr keepIt = Halide::Internal::const_true();
  if (p.hasMask) {
    ImageParam keep = param(d, 3, "keep");
    b.inputs.push_back(keep);
    keepIt = keep(j, n) != 0;
  }
  if (p.causal)
    keepIt = keepIt && j <= i;
  // Keys transposed once per sentence: scores vectorised over keys then load
  // them contiguously.
  Func kT("k_t");
  Var c("c");
  // Clamped: the scores run over whole vectors of keys (keysPadded).
  kT(j, c, n) = k(c, min(j, Lk - 1), n);
  AttentionRows a = attentionRows(
      {i, n}, H, D / H, Lk, [&](Expr ch) { return q(ch, i, n); },
      [&](Expr ch, Expr key) { return kT(key, ch, n); },
      [&](Expr ch, Expr key) { return v(ch, key, n); }, keepIt);
  b.output = a.ctx;
  b.schedule = [=]() mutable {
    kT.compute_root().parallel(n).vectorize(j, kVec, TailStrategy::GuardWithIf);
    // Rows are parallel too, so a single sentence still uses every thread.
    a.ctx.parallel(n).parallel(i);
    scheduleAttentionRows(a, i, /*keysPadded=*/true);
  };
  if (int rows = fusedSdpaRows(Lk, D / H)) {
    fusedSdpaGpu(b, q, k, v, keepIt, i, j, n, D / H, Lk, rows);
    return b;
  }
  b.gpuSchedule = [=]() mutable {
    // Above the fused kernel's bounds (fusedSdpaRows): six launches, each
    // over every (sentence, row, head, ...): keys transposed, scores (set,
    // then accumulated), row maxima, row sums, then the context with P V
    // per thread.
    gpuFlat(kT.compute_root(), {j, c, n});
    gpuFlat(a.s.compute_root(), {a.j, a.h, i, n});
    gpuFlat(a.s.update(), {a.j, a.h, i, n});
    gpuFlat(a.mx.compute_root(), {a.h, i, n});
    gpuFlat(a.sum.compute_root(), {a.h, i, n});
    Var tx = gpuFlat(a.ctx, {a.c, i, n});
    a.pv.compute_at(a.ctx, tx);
  };
  return b;
}

/// x read with zeros outside [0, L) along the time axis.
Expr paddedInput(ImageParam x, Expr ch, Expr t, Expr n, int L) {
  Expr inside = t >= 0 && t < L;
  return select(inside, x(ch, clamp(t, 0, L - 1), n), 0.0f);
}

/// Head-shared depthwise conv with a [H, K] kernel: x [B, L, C] -> [B, L, C].
Built buildLightweightConv(const KernelDesc &d, const LightweightConvParams &p) {
  Built b;
  ImageParam x = param(d, 0, "x"), w = param(d, 1, "w");
  b.inputs = {x, w};
  int L = static_cast<int>(extent(d.inputs[0], 1));
  int C = static_cast<int>(extent(d.inputs[0], 2));
  int H = static_cast<int>(p.heads);
  int K = static_cast<int>(p.kernelSize);
  int pad = static_cast<int>(p.padLeft());
  Var c("c"), t("t"), n("n"), kk("kk"), hh("hh");
  RDom r(0, K, "r");
  Func wn("wn"), out("lightweight_conv");
  if (p.weightSoftmax) {
    Func wmax("wmax"), wsum("wsum");
    wmax(hh) = maximum(w(r, hh));
    wsum(hh) = Halide::sum(exp(w(r, hh) - wmax(hh)));
    wn(kk, hh) = exp(w(kk, hh) - wmax(hh)) / wsum(hh);
  } else {
    wn(kk, hh) = w(kk, hh);
  }
  Expr head = c * H / C;
  out(c, t, n) = Halide::sum(wn(r, head) * paddedInput(x, c, t + r - pad, n, L));
  b.output = out;
  b.schedule = [=]() mutable {
    wn.compute_root();
    out.parallel(n).vectorize(c, kVec, TailStrategy::GuardWithIf);
  };
  b.gpuSchedule = [=]() mutable {
    // Two launches: the normalised kernel, then a thread per output.
    gpuFlat(wn.compute_root(), {kk, hh}, 64);
    gpuFlat(out, {c, t, n}, 256);
  };
  return b;
}

/// Dynamic conv: x [B, L, C], logits [B, L, H*K] (the per-step kernel
/// predicted by a linear layer) -> [B, L, C].
Built buildDynamicConv(const KernelDesc &d, const DynamicConvParams &p) {
  Built b;
  ImageParam x = param(d, 0, "x"), logits = param(d, 1, "logits");
  b.inputs = {x, logits};
  int L = static_cast<int>(extent(d.inputs[0], 1));
  int C = static_cast<int>(extent(d.inputs[0], 2));
  int H = static_cast<int>(p.heads);
  int K = static_cast<int>(p.kernelSize);
  int pad = static_cast<int>(p.padLeft());
  Var c("c"), t("t"), n("n"), kk("kk"), hh("hh");
  RDom r(0, K, "r");
  Func wn("wn"), out("dynamic_conv");
  if (p.weightSoftmax) {
    Func wmax("wmax"), wsum("wsum");
    wmax(hh, t, n) = maximum(logits(hh * K + r, t, n));
    wsum(hh, t, n) = Halide::sum(exp(logits(hh * K + r, t, n) - wmax(hh, t, n)));
    wn(kk, hh, t, n) = exp(logits(hh * K + kk, t, n) - wmax(hh, t, n)) / wsum(hh, t, n);
  } else {
    wn(kk, hh, t, n) = logits(hh * K + kk, t, n);
  }
  Expr head = c * H / C;
  out(c, t, n) =
      Halide::sum(wn(r, head, t, n) * paddedInput(x, c, t + r - pad, n, L));
  b.output = out;
  b.schedule = [=]() mutable {
    out.parallel(n).vectorize(c, kVec, TailStrategy::GuardWithIf);
    wn.compute_at(out, t);
  };
  b.gpuSchedule = [=]() mutable {
    // Two launches: every step's normalised kernel, then a thread per output.
    gpuFlat(wn.compute_root(), {kk, hh, t, n}, 256);
    gpuFlat(out, {c, t, n}, 256);
  };
  return b;
}


} // namespace tfx::lowering::detail
