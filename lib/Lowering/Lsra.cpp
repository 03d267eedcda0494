//===- Lsra.cpp - the fused LSRA block --------------------------------------===//

#include "KernelBuilders.h"

#include <cmath>
#include <limits>

namespace tfx::lowering::detail {

//===----------------------------------------------------------------------===//
// Fused Long-Short Range Attention block (tfx.lsra)
//===----------------------------------------------------------------------===//

/// One LSRA block in one pipeline. Rows are batch x length, flattened; the
/// input is read in place (each branch indexes its half of the channels) and
/// each branch's output projection writes its half of the result directly
/// (two output Funcs on windows of one buffer). Inputs, in order:
///   0 x [rows, d]          1 wqkv^T [w, 3w]   2 bqkv [3w]
///   3 wo^T [w, w]          4 bo [w]
///   5 win^T [w, 2w]        6 bin [2w]
///   7 lightweight: kernel [H, K]; dynamic: kernel weight^T [w, H*K]
///   8 dynamic only: kernel bias [H*K]
///   then wout^T [w, w], bout [w], keep [rows]? (has_mask),
///   conv_keep [rows]? (has_conv_mask).
/// Output [rows, d]: attention at attn_out, convolution at w - attn_out.
Built buildLsra(const KernelDesc &d) {
  Built b;
  const int T = static_cast<int>(d.intAttr("length"));
  const int D = static_cast<int>(extent(d.inputs[0], 1));
  const int w = D / 2;
  const int H = static_cast<int>(d.intAttr("heads"));
  const int dh = w / H;
  const bool dynamic = d.intAttr("dynamic") != 0;
  const int CH = static_cast<int>(d.intAttr("conv_heads"));
  const int K = static_cast<int>(d.intAttr("kernel_size"));
  const int pad = padLeft(d);
  const int aIn = static_cast<int>(d.intAttr("attn_in"));
  const int cIn = w - aIn;
  const int aOut = static_cast<int>(d.intAttr("attn_out"));
  const int cOut = w - aOut;

  size_t next = 0;
  auto input = [&](const char *name) {
    ImageParam p = param(d, next++, name);
    b.inputs.push_back(p);
    return p;
  };
  ImageParam x = input("x"), wqkv = input("wqkv"), bqkv = input("bqkv"),
             wo = input("wo"), bo = input("bo"), win = input("win"),
             bin = input("bin"), kw = input("conv_weight");
  ImageParam kb;
  if (dynamic)
    kb = input("kernel_bias");
  ImageParam wout = input("wout"), bout = input("bout");
  Expr rows = x.dim(1).extent();
  Var n("n"), m("m"), c("c"), j("j"), h("h"), kk("kk"), hh("hh");
  RDom kw_(0, w, "k");

  // Attention branch: one GEMM for Q, K and V, read from the attention half.
  Func qkvProd("qkv_prod"), qkv("qkv");
  qkvProd(n, m) = bqkv(n);
  qkvProd(n, m) += x(aIn + kw_, m) * wqkv(n, kw_);
  qkv(n, m) = qkvProd(n, m);

  Expr bIdx = m / T, i = m % T;
  Expr keyRow = bIdx * T + j;
  Expr keepIt = Halide::Internal::const_true();
  if (d.intAttr("has_mask")) {
    ImageParam keep = input("keep");
    keepIt = keep(keyRow) != 0;
  }
  if (d.intAttr("causal"))
    keepIt = keepIt && j <= i;
  // Keys transposed once per sentence, so a query row's scores (vectorised
  // over keys) load them contiguously instead of one key at a time.
  Func kT("k_t");
  Var bb("bb");
  kT(j, c, bb) = qkv(w + c, bb * T + j);
  AttentionRows att = attentionRows(
      {m}, H, dh, T, [&](Expr ch) { return qkv(ch, m); },
      [&](Expr ch, Expr key) { return kT(key, ch, bIdx); },
      [&](Expr ch, Expr key) { return qkv(2 * w + ch, bIdx * T + key); },
      keepIt);
  Func ctx = att.ctx;
  Func attnProd("attn_prod"), attnOut("attention_half");
  attnProd(n, m) = bo(n);
  attnProd(n, m) += ctx(kw_, m) * wo(n, kw_);
  attnOut(n, m) = attnProd(n, m);

  // Convolution branch: input projection with the GLU and the mask fused in.
  Func gluA("glu_a"), gluB("glu_b"), g("glu");
  gluA(n, m) = bin(n);
  gluA(n, m) += x(cIn + kw_, m) * win(n, kw_);
  gluB(n, m) = bin(n + w);
  gluB(n, m) += x(cIn + kw_, m) * win(n + w, kw_);
  Expr gated = gluA(n, m) / (1.0f + exp(-gluB(n, m)));
  if (d.intAttr("has_conv_mask")) {
    ImageParam convKeep = input("conv_keep");
    gated = select(convKeep(m) != 0, gated, 0.0f);
  }
  g(n, m) = gated;

  RDom r(0, K, "r");
  Expr t = m % T;
  Expr src = t + r - pad;
  Expr tap = select(src >= 0 && src < T,
                    g(c, clamp(m + r - pad, 0, rows - 1)), 0.0f);
  Expr convHead = c * CH / w;
  Func wn("conv_kernel"), logits("kernel_logits"), logitsProd("kernel_prod"),
      wmax("wmax"), wsum("wsum"), cv("conv");
  const bool softmaxIt = d.intAttr("weight_softmax", 1) != 0;
  if (dynamic) {
    logitsProd(j, m) = kb(j);
    logitsProd(j, m) += g(kw_, m) * kw(j, kw_);
    logits(j, m) = logitsProd(j, m);
    if (softmaxIt) {
      wmax(hh, m) = maximum(logits(hh * K + r, m));
      wsum(hh, m) = Halide::sum(exp(logits(hh * K + r, m) - wmax(hh, m)));
      wn(kk, hh, m) = exp(logits(hh * K + kk, m) - wmax(hh, m)) / wsum(hh, m);
    } else {
      wn(kk, hh, m) = logits(hh * K + kk, m);
    }
    cv(c, m) = Halide::sum(wn(r, convHead, m) * tap);
  } else {
    if (softmaxIt) {
      wmax(hh) = maximum(kw(r, hh));
      wsum(hh) = Halide::sum(exp(kw(r, hh) - wmax(hh)));
      wn(kk, hh) = exp(kw(kk, hh) - wmax(hh)) / wsum(hh);
    } else {
      wn(kk, hh) = kw(kk, hh);
    }
    cv(c, m) = Halide::sum(wn(r, convHead) * tap);
  }
  Func convProd("conv_prod"), convOut("conv_half");
  convProd(n, m) = bout(n);
  convProd(n, m) += cv(kw_, m) * wout(n, kw_);
  convOut(n, m) = convProd(n, m);

  b.outputs = {attnOut, convOut};
  b.windows = {{aOut, w}, {cOut, w}};
  for (Func f : b.outputs) {
    OutputImageParam o = f.output_buffer();
    o.dim(0).set_min(0).set_extent(w).set_stride(1);
    o.dim(1).set_min(0).set_stride(D);
  }

  b.schedule = [=]() mutable {
    // Root stages: the QKV projection and the gated input of the
    // convolution (both needed across rows of a sentence).
    scheduleGemm(qkv, qkvProd, n, m, kw_, 3 * w, w, {}, rows);
    qkv.compute_root();
    scheduleGemm(g, {gluA, gluB}, n, m, kw_, w, w, {}, rows);
    g.compute_root();
    kT.compute_root().parallel(bb).vectorize(j, kVec, TailStrategy::GuardWithIf);
    // Attention rows in parallel, one query row per task (a single short
    // sentence still keeps every thread busy); the convolution rows are
    // computed per row tile of the output projection that consumes them.
    ctx.compute_root().parallel(m);
    scheduleAttentionRows(att, m);
    scheduleGemm(attnOut, attnProd, n, m, kw_, w, w, {}, rows);
    scheduleGemm(convOut, convProd, n, m, kw_, w, w, {}, rows);
    cv.compute_at(convOut, Var("mo")).vectorize(c, kVec, TailStrategy::GuardWithIf);
    if (dynamic) {
      // The per-step kernel projection (w -> H*K) is a GEMM of its own.
      scheduleGemm(logits, logitsProd, j, m, kw_, CH * K, w, {}, rows);
      logits.compute_root();
      if (softmaxIt) {
        wn.compute_at(cv, m);
        wmax.compute_at(cv, m);
        wsum.compute_at(cv, m);
      }
    } else {
      wn.compute_root();
    }
  };

  b.gpuSchedule = [=]() mutable {
    const TailStrategy guard = TailStrategy::GuardWithIf;
    Var bx("bx"), by("by"), tx("tx"), ty("ty");
    auto tile2 = [&](Func f, Var a, Var bb, int ta, int tb) {
      f.compute_root().gpu_tile(a, bb, bx, by, tx, ty, ta, tb, guard);
    };
    // One thread per output element; its accumulator stays in registers.
    for (auto [out, prod] : {std::pair<Func, Func>{qkv, qkvProd},
                             {attnOut, attnProd}, {convOut, convProd}}) {
      tile2(out, n, m, 32, 4);
      prod.compute_at(out, tx);
    }
    tile2(g, n, m, 32, 4);
    gluA.compute_at(g, tx);
    gluB.compute_at(g, tx);
    tile2(att.s, att.j, m, 16, 8);
    att.s.update().gpu_tile(att.j, m, bx, by, tx, ty, 16, 8, guard);
    tile2(att.mx, att.h, m, 4, 16);
    tile2(att.sum, att.h, m, 4, 16);
    tile2(ctx, att.c, m, 32, 4);
    att.pv.compute_at(ctx, tx);
    tile2(cv, c, m, 32, 4);
    if (dynamic) {
      tile2(logits, j, m, 16, 8);
      logitsProd.compute_at(logits, tx);
      if (softmaxIt) {
        tile2(wmax, hh, m, 4, 16);
        tile2(wsum, hh, m, 4, 16);
      }
    } else if (softmaxIt) {
      Var ho("ho"), hi("hi");
      wmax.compute_root().gpu_tile(hh, ho, hi, 4, guard);
      wsum.compute_root().gpu_tile(hh, ho, hi, 4, guard);
      tile2(wn, kk, hh, 8, 4);
    } else {
      tile2(wn, kk, hh, 8, 4);
    }
  };
  return b;
}


} // namespace tfx::lowering::detail
