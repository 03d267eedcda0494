//===- Gemm.cpp - GEMM: linear and batched matmul ---------------------------===//

#include "KernelBuilders.h"

#include <cmath>
#include <limits>

namespace tfx::lowering::detail {

//===----------------------------------------------------------------------===//
// GEMM family
//===----------------------------------------------------------------------===//

/// Register-blocked GEMM schedule: a tile of `out` (tn x tm) is accumulated
/// in registers over k, with k split so the weight panel stays in L2. When
/// there are at least tm rows (the usual case: rows = batch x length), a
/// specialisation uses full tiles (ShiftInwards) so the unrolled rows carry no
/// bounds checks; fewer rows fall back to guarded tiles.
/// Several accumulators (`prods`) may feed one output tile (the GLU of the
/// LSRA convolution branch multiplies two halves of one projection).
void scheduleGemm(Func out, const std::vector<Func> &prods, Var n, Var m,
                  RDom k, int64_t N, int64_t K, std::vector<Var> outer,
                  Expr rows) {
  const GemmTiling tiling =
      chooseGemmTiling(N, K, static_cast<int>(prods.size()), !outer.empty());
  const int tn = static_cast<int>(tiling.columnTile);
  const int tm = static_cast<int>(tiling.rowTile);
  const bool panelOuter = tiling.panelOuter;
  Var no("no"), mo("mo"), ni("ni"), mi("mi"), t("t");
  const TailStrategy colTail = tiling.shiftColumnTail ? TailStrategy::ShiftInwards
                                                      : TailStrategy::GuardWithIf;
  auto tileStage = [&](Stage s, TailStrategy rowTail) {
    s.split(n, no, ni, tn, colTail)
        .split(m, mo, mi, tm, rowTail);
    if (panelOuter)
      s.reorder(ni, mi, mo, no);
    else
      s.reorder(ni, mi, no, mo);
    s.vectorize(ni, kVec).unroll(mi);
    if (panelOuter) {
      s.parallel(no);
    } else if (outer.empty()) {
      s.parallel(mo);
    } else {
      Var fused("fused");
      s.fuse(mo, outer.front(), fused).parallel(fused);
    }
  };
  tileStage(out.specialize(rows >= tm), TailStrategy::ShiftInwards);
  tileStage(Stage(out), TailStrategy::GuardWithIf);
  // The accumulators live for one tile: inside the innermost tile loop.
  for (Func prod : prods) {
    prod.compute_at(out, panelOuter ? mo : no)
        .vectorize(n, kVec, TailStrategy::GuardWithIf)
        .unroll(m);
    if (tiling.kSplit) {
      RVar ko("ko"), ki("ki");
      prod.update()
          .split(k.x, ko, ki, static_cast<int>(tiling.kSplit))
          .reorder(n, m, ki, ko);
    } else {
      prod.update().reorder(n, m, k.x);
    }
    prod.update().vectorize(n, kVec, TailStrategy::GuardWithIf).unroll(m);
  }
}

void scheduleGemm(Func out, Func prod, Var n, Var m, RDom k, int64_t N,
                  int64_t K, std::vector<Var> outer, Expr rows) {
  scheduleGemm(out, std::vector<Func>{prod}, n, m, k, N, K, std::move(outer),
               std::move(rows));
}

/// GPU schedule of a GEMM: one launch; a thread per output element, its
/// accumulator in registers, warps along the contiguous output columns.
/// (No shared-memory staging yet: it needs a GPU to tune; docs/gpu.md.)
void scheduleGemmGpu(Func out, Func prod, Var n, Var rows) {
  Var bx("bx"), by("by"), tx("tx"), ty("ty");
  out.gpu_tile(n, rows, bx, by, tx, ty, 32, 4, TailStrategy::GuardWithIf);
  prod.compute_at(out, tx);
}

/// linear: x [M, K], wt [K, N] (pre-transposed weight), bias [N]? -> [M, N],
/// with the activation epilogue fused.
Built buildLinear(const KernelDesc &d, const LinearParams &p) {
  Built b;
  ImageParam x = param(d, 0, "x"), wt = param(d, 1, "wt");
  b.inputs = {x, wt};
  int64_t K = extent(d.inputs[1], 0), N = extent(d.inputs[1], 1);
  Var n("n"), m("m");
  RDom k(0, static_cast<int>(K), "k");
  Func prod("prod");
  if (p.bias) {
    ImageParam bias = param(d, 2, "bias");
    b.inputs.push_back(bias);
    prod(n, m) = bias(n);
  } else {
    prod(n, m) = 0.0f;
  }
  prod(n, m) += x(k, m) * wt(n, k);
  Func out("linear");
  out(n, m) = activation(prod(n, m), p.act);
  b.output = out;
  b.schedule = [=]() mutable {
    scheduleGemm(out, prod, n, m, k, N, K, {}, x.dim(1).extent());
  };
  b.gpuSchedule = [=]() mutable { scheduleGemmGpu(out, prod, n, m); };
  return b;
}

/// matmul: a [Bt, M, K], b [Bt, K, N] -> [Bt, M, N].
Built buildMatmul(const KernelDesc &d, const MatmulParams &) {
  Built b;
  ImageParam a = param(d, 0, "a"), bb = param(d, 1, "b");
  b.inputs = {a, bb};
  int64_t K = extent(d.inputs[1], 1), N = extent(d.inputs[1], 2);
  Var n("n"), m("m"), t("t");
  RDom k(0, static_cast<int>(K), "k");
  Func prod("prod");
  prod(n, m, t) = 0.0f;
  prod(n, m, t) += a(k, m, t) * bb(n, k, t);
  Func out("matmul");
  out(n, m, t) = prod(n, m, t);
  b.output = out;
  b.schedule = [=]() mutable {
    scheduleGemm(out, prod, n, m, k, N, K, {t}, a.dim(1).extent());
  };
  b.gpuSchedule = [=]() mutable {
    // The batch is fused with the rows: one launch for every matrix.
    Var mt("mt");
    out.fuse(m, t, mt);
    scheduleGemmGpu(out, prod, n, mt);
  };
  return b;
}


} // namespace tfx::lowering::detail
