//===- DataMovement.cpp - transpose, concat, slice, GLU ---------------------===//

#include "KernelBuilders.h"

#include <cmath>
#include <limits>

namespace tfx::lowering::detail {

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

/// Schedule of a [O, C, I] view op working along the middle axis (glu,
/// concat, slice): parallel over O, vectorised along I when it is wide
/// enough, else along the middle axis.
void scheduleMiddleAxis(Func out, Var i, Var c, Var o, int64_t inner) {
  out.parallel(o);
  if (inner >= kVec)
    out.vectorize(i, kVec, TailStrategy::GuardWithIf);
  else
    out.vectorize(c, kVec, TailStrategy::GuardWithIf);
}

/// glu over the middle dim of [O, 2H, I] -> [O, H, I].
Built buildGlu(const KernelDesc &d, const GluParams &) {
  Built b;
  ImageParam x = param(d, 0, "x");
  b.inputs = {x};
  int H = static_cast<int>(extent(d.output, 1));
  Var i("i"), h("h"), o("o");
  Func out("glu");
  out(i, h, o) = x(i, h, o) / (1.0f + exp(-x(i, h + H, o)));
  b.output = out;
  int64_t inner = extent(d.output, 2);
  b.schedule = [=]() mutable { scheduleMiddleAxis(out, i, h, o, inner); };
  b.gpuSchedule = [=]() mutable { gpuFlat(out, {i, h, o}, 256); };
  return b;
}

Built buildTranspose(const KernelDesc &d, const TransposeParams &p) {
  Built b;
  ImageParam x = param(d, 0, "x");
  b.inputs = {x};
  int rank = static_cast<int>(d.output.shape.size());
  std::vector<Var> v = makeVars(rank, "v");
  // Output tensor dim i reads input tensor dim perm[i].
  std::vector<Expr> idx(rank);
  for (int i = 0; i < rank; ++i) {
    int src = static_cast<int>(p.perm.at(i));
    idx[rank - 1 - src] = v[rank - 1 - i];
  }
  Func out("transpose");
  out(toExprs(v)) = x(idx);
  b.output = out;
  int64_t inner = d.output.shape.back();
  // Which output dim reads the input's innermost (contiguous) dim.
  int readsInner = -1;
  for (int i = 0; i < rank; ++i)
    if (p.perm.at(i) == rank - 1)
      readsInner = rank - 1 - i;
  int64_t other = readsInner > 0 ? d.output.shape[rank - 1 - readsInner] : -1;
  b.schedule = [=]() mutable {
    if (readsInner > 0 && inner >= kVec && other >= kVec) {
      // Blocked transpose: a 16x16 tile is read along the input's rows and
      // written along the output's, so both sides use whole cache lines.
      Var xo("xo"), yo("yo"), xi("xi"), yi("yi");
      out.tile(v[0], v[readsInner], xo, yo, xi, yi, kVec, kVec,
               TailStrategy::GuardWithIf)
          .vectorize(xi)
          .unroll(yi);
      if (readsInner == static_cast<int>(v.size()) - 1)
        out.parallel(yo);
      else
        out.parallel(v.back());
    } else {
      scheduleElementwise(out, v, inner);
    }
  };
  b.gpuSchedule = [=]() mutable { gpuFlat(out, v, 256); };
  return b;
}

/// concat along the middle dim of [O, Ci, I] inputs.
Built buildConcat(const KernelDesc &d, const ConcatParams &) {
  Built b;
  Var i("i"), c("c"), o("o");
  std::vector<int64_t> offsets;
  int64_t offset = 0;
  for (size_t n = 0; n < d.inputs.size(); ++n) {
    b.inputs.push_back(param(d, n, "in" + std::to_string(n)));
    offsets.push_back(offset);
    offset += extent(d.inputs[n], 1);
  }
  Expr value = 0.0f;
  for (size_t n = d.inputs.size(); n-- > 0;) {
    int size = static_cast<int>(extent(d.inputs[n], 1));
    Expr local = clamp(c - static_cast<int>(offsets[n]), 0, size - 1);
    Expr v = cast(b.inputs[0].type(), b.inputs[n](i, local, o));
    value = n + 1 == d.inputs.size() ? v
                                     : select(c < static_cast<int>(offsets[n + 1]), v, value);
  }
  Func out("concat");
  out(i, c, o) = value;
  b.output = out;
  int64_t inner = extent(d.output, 2);
  b.schedule = [=]() mutable { scheduleMiddleAxis(out, i, c, o, inner); };
  b.gpuSchedule = [=]() mutable { gpuFlat(out, {i, c, o}, 256); };
  return b;
}

/// slice of the middle dim of [O, C, I].
Built buildSlice(const KernelDesc &d, const SliceParams &p) {
  Built b;
  ImageParam x = param(d, 0, "x");
  b.inputs = {x};
  Var i("i"), c("c"), o("o");
  Func out("slice");
  out(i, c, o) = x(i, c + static_cast<int>(p.start), o);
  b.output = out;
  int64_t inner = extent(d.output, 2);
  b.schedule = [=]() mutable { scheduleMiddleAxis(out, i, c, o, inner); };
  b.gpuSchedule = [=]() mutable { gpuFlat(out, {i, c, o}, 256); };
  return b;
}


} // namespace tfx::lowering::detail
