//===- Embedding.cpp - embeddings, positional encoding, masks ---------------===//

#include "KernelBuilders.h"

#include <cmath>
#include <limits>

namespace tfx::lowering::detail {

//===----------------------------------------------------------------------===//
// Embeddings and masks
//===----------------------------------------------------------------------===//

Built buildEmbedding(const KernelDesc &d, const EmbeddingParams &p) {
  Built b;
  ImageParam ids = param(d, 0, "ids"), table = param(d, 1, "table");
  b.inputs = {ids, table};
  int V = static_cast<int>(extent(d.inputs[1], 0));
  Var c("c"), l("l"), n("n");
  Func out("embedding");
  Expr row = clamp(cast<int>(ids(l, n)), 0, V - 1);
  out(c, l, n) = table(c, row) * static_cast<float>(p.scale);
  b.output = out;
  b.schedule = [=]() mutable {
    out.parallel(n).vectorize(c, kVec, TailStrategy::GuardWithIf);
  };
  b.gpuSchedule = [=]() mutable { gpuFlat(out, {c, l, n}, 256); };
  return b;
}

/// x [M, L, D] + sinusoidal PE[L, D].
Built buildPositionalEncoding(const KernelDesc &d, const PositionalEncodingParams &) {
  Built b;
  ImageParam x = param(d, 0, "x");
  b.inputs = {x};
  int D = static_cast<int>(extent(d.inputs[0], 2));
  Var c("c"), l("l"), n("n");
  Func pe("pe"), out("positional_encoding");
  Expr pair = cast<double>((c / 2) * 2) / D;
  Expr angle = cast<double>(l) / pow(Expr(10000.0), pair);
  pe(c, l) = cast<float>(select(c % 2 == 0, sin(angle), cos(angle)));
  out(c, l, n) = x(c, l, n) + pe(c, l);
  b.output = out;
  b.schedule = [=]() mutable {
    pe.compute_root();
    out.parallel(n).vectorize(c, kVec, TailStrategy::GuardWithIf);
  };
  b.gpuSchedule = [=]() mutable { gpuFlat(out, {c, l, n}, 256); };
  return b;
}

Built buildPaddingMask(const KernelDesc &d, const PaddingMaskParams &p) {
  Built b;
  ImageParam ids = param(d, 0, "ids");
  b.inputs = {ids};
  Var l("l"), n("n");
  Func out("padding_mask");
  out(l, n) = cast<uint8_t>(ids(l, n) != cast(ids.type(), Expr(p.padId)));
  b.output = out;
  b.schedule = [] {};
  b.gpuSchedule = [=]() mutable { gpuFlat(out, {l, n}, 256); };
  return b;
}

Built buildCausalMask(const KernelDesc &, const CausalMaskParams &) {
  Built b;
  Var j("j"), i("i");
  Func out("causal_mask");
  out(j, i) = cast<uint8_t>(j <= i);
  b.output = out;
  b.schedule = [] {};
  b.gpuSchedule = [=]() mutable { gpuFlat(out, {j, i}, 256); };
  return b;
}

/// flat_mlp input: x [B, N, D] masked by keep [B, N] and flattened to
/// [B, N*D]; with `causal`, one row per target position i masked by
/// keep & (j <= i): [B, N, N*D].
Built buildMaskRows(const KernelDesc &d, const MaskRowsParams &p) {
  Built b;
  ImageParam x = param(d, 0, "x"), keep = param(d, 1, "keep");
  b.inputs = {x, keep};
  int D = static_cast<int>(extent(d.inputs[0], 2));
  Var f("f"), i("i"), n("n");
  Func out("mask_rows");
  Expr pos = f / D, feat = f % D;
  Expr visible = keep(pos, n) != 0;
  if (p.causal)
    out(f, i, n) = select(visible && pos <= i, x(feat, pos, n), 0.0f);
  else
    out(f, n) = select(visible, x(feat, pos, n), 0.0f);
  b.output = out;
  b.schedule = [=]() mutable {
    out.parallel(n).vectorize(f, kVec, TailStrategy::GuardWithIf);
  };
  b.gpuSchedule = [=]() mutable {
    if (p.causal)
      gpuFlat(out, {f, i, n}, 256);
    else
      gpuFlat(out, {f, n}, 256);
  };
  return b;
}


} // namespace tfx::lowering::detail
