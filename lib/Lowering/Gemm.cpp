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
  const GemmTiling tiling = chooseGemmTiling(
      N, K, static_cast<int>(prods.size()), !outer.empty(), scheduleVectorLanes());
  const int lanes = static_cast<int>(tiling.lanes);
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
    s.vectorize(ni, lanes).unroll(mi);
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
        .vectorize(n, lanes, TailStrategy::GuardWithIf)
        .unroll(m);
    if (tiling.kSplit) {
      RVar ko("ko"), ki("ki");
      prod.update()
          .split(k.x, ko, ki, static_cast<int>(tiling.kSplit))
          .reorder(n, m, ki, ko);
    } else {
      prod.update().reorder(n, m, k.x);
    }
    prod.update().vectorize(n, lanes, TailStrategy::GuardWithIf).unroll(m);
  }
}

void scheduleGemm(Func out, Func prod, Var n, Var m, RDom k, int64_t N,
                  int64_t K, std::vector<Var> outer, Expr rows) {
  scheduleGemm(out, std::vector<Func>{prod}, n, m, k, N, K, std::move(outer),
               std::move(rows));
}

/// The k-blocked CPU schedule of a linear layer with a large K (tiling.
/// rowBlock != 0): out is cut into blocks of one column panel (columnTile)
/// x rowBlock rows, in parallel; a block's accumulators (prod) live in a
/// small buffer, and its reduction runs chunk by chunk (kSplit) over all
/// the block's row tiles, so that the chunk of the weight panel (columnTile
/// x kSplit floats) stays in L1 for every row tile and the block's chunk of
/// input rows in L2. Inside a tile, 2 x 6 vector accumulators as before.
/// The input's rows must be read clamped (prod's last row tile is rounded
/// up past the input's rows). Fewer rows than a tile: register tiles with
/// the K loop inside (below).
void scheduleGemmKBlocked(Func out, Func prod, Var n, Var m, RDom k, int64_t N,
                          const GemmTiling &tiling, Expr rows) {
  const int tn = static_cast<int>(tiling.columnTile);
  const int tm = static_cast<int>(tiling.rowTile);
  const int lanes = static_cast<int>(tiling.lanes);
  const int tilesPerBlock = static_cast<int>(tiling.rowBlock / tiling.rowTile);
  const TailStrategy guard = TailStrategy::GuardWithIf;
  const TailStrategy colTail =
      tiling.shiftColumnTail ? TailStrategy::ShiftInwards : guard;
  Var no("no"), mo("mo"), ni("ni"), mi("mi"), mb("mb"), mt("mt"), blk("blk");
  auto tileOut = [&](Stage s, TailStrategy rowTail, int cols, TailStrategy columnTail) {
    s.split(n, no, ni, cols, columnTail)
        .split(m, mo, mi, tm, rowTail)
        .split(mo, mb, mt, tilesPerBlock, guard)
        .reorder(ni, mi, mt, no, mb)
        .vectorize(ni, lanes)
        .unroll(mi)
        .fuse(no, mb, blk)
        .parallel(blk);
  };
  tileOut(out.specialize(rows >= tm), TailStrategy::ShiftInwards, tn, colTail);
  // Fewer rows (decoding; an ALR MLP at batch 1): bandwidth-bound on the
  // weight. A register tile of wideColumns (one row) or 2 vectors (up to 5
  // rows: at most 10 accumulators), the K loop inside, in parallel blocks.
  auto narrowTail = [&](int cols) {
    return N >= cols ? TailStrategy::ShiftInwards : guard;
  };
  const int wide = static_cast<int>(tiling.wideColumns);
  tileOut(out.specialize(rows == 1), guard, wide, narrowTail(wide));
  tileOut(Stage(out), guard, tn, colTail);
  prod.compute_at(out, blk).vectorize(n, lanes, guard);
  RVar ko("ko"), ki("ki");
  Var nv("nv"), pmo("pmo"), pmi("pmi");
  Stage u = prod.update();
  // Full row tiles: the rows rounded up (the input read clamped), the chunk
  // loop outside the tiles.
  u.specialize(rows >= tm)
      .split(k.x, ko, ki, static_cast<int>(tiling.kSplit))
      .split(m, pmo, pmi, tm, TailStrategy::RoundUp)
      .split(n, n, nv, lanes, guard)
      .reorder(nv, n, pmi, ki, pmo, ko)
      .vectorize(nv)
      .unroll(n)
      .unroll(pmi);
  u.split(n, n, nv, lanes, guard)
      .reorder(nv, n, m, k.x)
      .vectorize(nv)
      .unroll(n)
      .unroll(m);
}

/// The simple GPU schedule of a GEMM (TFX_GPU_GEMM=simple): one launch, a
/// thread per output element with its accumulator in registers and its K
/// loop reading global memory, warps along the contiguous output columns
/// (matmul: the batch fused with the rows).
static void scheduleGemmGpuSimple(const GpuGemm &g) {
  Func out = g.out;
  Var rows = g.m;
  if (!g.batch.empty()) {
    rows = Var("mt");
    out.fuse(g.m, g.batch.front(), rows);
  }
  Var bx("bx"), by("by"), tx("tx"), ty("ty");
  out.gpu_tile(g.n, rows, bx, by, tx, ty, 32, 4, TailStrategy::GuardWithIf);
  Func(g.prod).compute_at(out, tx);
}

/// The tiled GPU schedule (TFX_GPU_GEMM=tiled, the default), in the manner
/// of Halide's apps/cuda_mat_mul, portable to OpenCL (no gpu_lanes):
///  - a block computes a columnTile x rowTile tile of `out` (gpu_blocks;
///    matmul: one more block dimension for the matrix), each thread a
///    micro-tile of microColumns x microRows outputs (vectorised along the
///    columns);
///  - the reduction is split into chunks of kChunk (rfactor): per chunk,
///    the block's threads stage the chunk of both operands in shared memory
///    (`lhs.in(...)`, `rhs.in(...)`, coalesced, vector loads where the
///    chunk allows), then each thread accumulates its micro-tile's partial
///    sum in registers (fully unrolled over the chunk) and adds it to the
///    block's accumulator tile, which lives in shared memory for the whole K
///    loop (Halide 14 gives a Func stored at block level one copy per thread
///    otherwise) and starts from the GEMM's initial value (the bias);
///  - the epilogue (activation) reads the accumulator tile.
/// Tails: the last column tile (and, with at least rowTile rows, the last
/// row tile) is shifted inwards, so every stage works on full tiles with
/// constant shared-memory sizes; fewer rows than a tile (a specialisation)
/// guard their loops and size the shared memory at launch. Chunks divide K.
static void scheduleGemmGpuTiled(const GpuGemm &g, const GpuGemmTiling &t) {
  const TailStrategy guard = TailStrategy::GuardWithIf;
  const int tn = static_cast<int>(t.columnTile), tm = static_cast<int>(t.rowTile);
  const int un = static_cast<int>(t.microColumns), um = static_cast<int>(t.microRows);
  const int threadsX = tn / un, threadsY = tm / um;
  Func out = g.out, prod = g.prod, lhs = g.lhs, rhs = g.rhs;
  Var no("no"), mo("mo"), ni("ni"), mi("mi"), tx("tx"), ty("ty"), nu("nu"),
      mu("mu"), c("c");
  // A stage over the block's (n, m) region: a thread's micro-tile innermost
  // (columns vectorised, rows unrolled), the threads around it, then the
  // loops of `order`.
  auto threadTile = [&](Stage s, std::vector<VarOrRVar> order) {
    order.insert(order.begin(), {nu, mu, tx, ty});
    s.reorder(order).gpu_threads(tx, ty).unroll(mu);
    if (un > 1)
      s.vectorize(nu);
  };
  auto tileOut = [&](Stage s, bool shiftRows) {
    s.split(g.n, no, ni, tn, g.N > tn ? TailStrategy::ShiftInwards : guard)
        .split(g.m, mo, mi, tm, shiftRows ? TailStrategy::ShiftInwards : guard)
        .split(ni, tx, nu, un)
        .split(mi, ty, mu, um);
    std::vector<VarOrRVar> blocks{no, mo};
    blocks.insert(blocks.end(), g.batch.begin(), g.batch.end());
    threadTile(s, blocks);
    if (g.batch.empty())
      s.gpu_blocks(no, mo);
    else
      s.gpu_blocks(no, mo, g.batch.front());
  };
  if (g.M < 0) {
    tileOut(out.specialize(g.rows >= tm), true);
    tileOut(out, false);
  } else {
    tileOut(out, g.M >= tm);
  }
  // The chunked reduction: prod(n, m) += partial(n, m, ko), where partial
  // sums one chunk (ki) of K.
  RVar ko("ko"), ki("ki");
  Func partial = prod.update()
                     .split(g.k.x, ko, ki, static_cast<int>(t.kChunk))
                     .rfactor(ko, c);
  prod.compute_at(out, no);
  auto splitThreads = [&](Stage s) {
    s.split(g.n, tx, nu, un, guard).split(g.m, ty, mu, um, guard);
    return s;
  };
  threadTile(splitThreads(prod), {});
  threadTile(splitThreads(prod.update()), {ko});
  partial.compute_at(prod, tx).store_in(MemoryType::Register).unroll(g.n).unroll(g.m);
  partial.update().reorder(g.n, g.m, ki).unroll(g.n).unroll(g.m).unroll(ki);
  if (un > 1) {
    partial.vectorize(g.n);
    partial.update().vectorize(g.n);
  }
  // The chunk of each operand, staged by all threads of the block: items
  // (vectors of `vec` along the contiguous dim) numbered with that dim
  // fastest, thread i taking items i, i + threads, ...
  auto stage = [&](Func f, int vec, bool rowsInner) {
    std::vector<Var> a = f.args();
    Var inner = a[0], other = a[1], v("v"), vi("vi"), fu("fu"), fo("fo"),
        fi("fi"), fx("fx"), fy("fy");
    f.compute_at(prod, ko).store_in(MemoryType::GPUShared);
    // lhs chunk [k, m] stored with m innermost: a thread's rows are
    // contiguous (one vector load) and threads differ in banks.
    if (rowsInner)
      f.reorder_storage(other, inner);
    if (vec > 1)
      f.split(inner, v, vi, vec).vectorize(vi);
    f.fuse(vec > 1 ? v : inner, other, fu)
        .split(fu, fo, fi, threadsX * threadsY, guard)
        .split(fi, fy, fx, threadsX);
    if (vec > 1)
      f.reorder(vi, fo, fx, fy);
    else
      f.reorder(fo, fx, fy);
    f.gpu_threads(fx, fy).unroll(fo);
  };
  stage(lhs.in(partial), static_cast<int>(t.loadVector), true);
  stage(rhs.in(partial), un, false);
}

void scheduleGemmGpu(const GpuGemm &g) {
  // buildScheduled has checked TFX_GPU_GEMM; a bad value cannot reach here.
  rt::StatusOr<GpuGemmVariant> variant = gpuGemmVariant();
  GpuGemmTiling t = chooseGpuGemmTiling(g.N, g.K, g.M);
  if (variant && *variant == GpuGemmVariant::Tiled && t.kChunk)
    scheduleGemmGpuTiled(g, t);
  else
    scheduleGemmGpuSimple(g);
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
  // The rows are read clamped: the k-blocked CPU schedule rounds the last
  // row tile of its accumulators up past the input's rows.
  // (A Func, inlined on the CPU: on GPUs the staged input tile is then
  // still the block's rows, a constant extent.)
  Func xRows("x_rows");
  Var kk("kk");
  xRows(kk, m) = x(kk, min(m, x.dim(1).min() + x.dim(1).extent() - 1));
  prod(n, m) += xRows(k, m) * wt(n, k);
  Func out("linear");
  out(n, m) = activation(prod(n, m), p.act);
  b.output = out;
  b.schedule = [=]() mutable {
    GemmTiling t = chooseGemmTiling(N, K, 1, false, scheduleVectorLanes());
    if (t.rowBlock)
      scheduleGemmKBlocked(out, prod, n, m, k, N, t, x.dim(1).extent());
    else
      scheduleGemm(out, prod, n, m, k, N, K, {}, x.dim(1).extent());
  };
  b.gpuSchedule = [=]() {
    scheduleGemmGpu({out, prod, xRows, wt, n, m, {}, k, N, K, -1, x.dim(1).extent()});
  };
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
  int64_t M = extent(d.inputs[0], 1);
  b.gpuSchedule = [=]() {
    scheduleGemmGpu({out, prod, a, bb, n, m, {t}, k, N, K, M, a.dim(1).extent()});
  };
  return b;
}


} // namespace tfx::lowering::detail
