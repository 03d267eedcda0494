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
/// (two output Funcs on windows of one buffer). The inputs are those
/// lsraInputs(p) lists (include/tfx/Lowering/Params/Lsra.h), in that order.
/// Output [rows, d]: attention at attn_out, convolution at w - attn_out.
Built buildLsra(const KernelDesc &d, const LsraParams &p) {
  Built b;
  const int T = static_cast<int>(p.length);
  const int D = static_cast<int>(extent(d.inputs[0], 1));
  const int w = D / 2;
  const int H = static_cast<int>(p.heads);
  const int dh = w / H;
  const bool dynamic = p.dynamic;
  const int CH = static_cast<int>(p.convHeads);
  const int K = static_cast<int>(p.kernelSize);
  const int pad = static_cast<int>(p.padLeft());
  const int aIn = static_cast<int>(p.attentionInputOffset);
  const int cIn = w - aIn;
  const int aOut = static_cast<int>(p.attentionOutputOffset);
  const int cOut = w - aOut;

  // Bind the inputs in the one packed order.
  std::map<LsraInput, ImageParam> in;
  std::vector<LsraOperand> operands = lsraInputs(p);
  for (size_t i = 0; i < operands.size(); ++i) {
    ImageParam ip = param(d, i, lsraInputName(operands[i].input));
    b.inputs.push_back(ip);
    in[operands[i].input] = ip;
  }
  ImageParam x = in[LsraInput::X], wqkv = in[LsraInput::QkvWeight],
             bqkv = in[LsraInput::QkvBias], wo = in[LsraInput::OutWeight],
             bo = in[LsraInput::OutBias], win = in[LsraInput::ConvInWeight],
             bin = in[LsraInput::ConvInBias], kw = in[LsraInput::ConvWeight],
             kb = in[LsraInput::KernelBias], wout = in[LsraInput::ConvOutWeight],
             bout = in[LsraInput::ConvOutBias];
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
  if (p.hasMask)
    keepIt = in[LsraInput::Keep](keyRow) != 0;
  if (p.causal)
    keepIt = keepIt && j <= i;
  // Keys transposed once per sentence, so a query row's scores (vectorised
  // over keys) load them contiguously instead of one key at a time.
  Func kT("k_t");
  Var bb("bb");
  // Clamped to the sentence: the scores run over whole vectors of keys
  // (scheduleAttentionRows' keysPadded).
  kT(j, c, bb) = qkv(w + c, bb * T + min(j, T - 1));
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
  if (p.hasConvMask)
    gated = select(in[LsraInput::ConvKeep](m) != 0, gated, 0.0f);
  g(n, m) = gated;

  RDom r(0, K, "r");
  Expr t = m % T;
  Expr src = t + r - pad;
  Expr tap = select(src >= 0 && src < T,
                    g(c, clamp(m + r - pad, 0, rows - 1)), 0.0f);
  Expr convHead = c * CH / w;
  Func wn("conv_kernel"), logits("kernel_logits"), logitsProd("kernel_prod"),
      wmax("wmax"), wsum("wsum"), cv("conv");
  const bool softmaxIt = p.weightSoftmax;
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
  // GPU form: both halves are stages of their own, and one launch writes
  // the whole result from them.
  Func first = aOut == 0 ? attnOut : convOut, second = aOut == 0 ? convOut : attnOut;
  Func whole("lsra");
  whole(c, m) = select(c < w, first(min(c, w - 1), m), second(max(c - w, 0), m));
  b.gpuOutput = whole;
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
    scheduleAttentionRows(att, m, /*keysPadded=*/true);
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
    whole.gpu_tile(c, m, bx, by, tx, ty, 32, 4, guard);
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
