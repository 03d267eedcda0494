//===- Elementwise.cpp - elementwise ops, masks applied to values -----------===//

#include "KernelBuilders.h"

#include <cmath>
#include <limits>

namespace tfx::lowering::detail {

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

/// Index expressions for an operand broadcast to the output: a dim in
/// `bcast` (tensor order) reads index 0.
std::vector<Expr> broadcastIndex(const BroadcastDims &bcast,
                                 const std::vector<Var> &v) {
  int rank = static_cast<int>(v.size());
  std::vector<Expr> idx;
  for (int h = 0; h < rank; ++h)
    idx.push_back(bcast.contains(rank - 1 - h) ? Expr(0) : Expr(v[h]));
  return idx;
}

Built buildBinary(const KernelDesc &d, const BinaryParams &p) {
  Built b;
  ImageParam x = param(d, 0, "lhs"), y = param(d, 1, "rhs");
  b.inputs = {x, y};
  int rank = static_cast<int>(d.output.shape.size());
  std::vector<Var> v = makeVars(rank, "v");
  Expr l = x(broadcastIndex(p.lhsBroadcast, v)), r = y(broadcastIndex(p.rhsBroadcast, v));
  Expr e;
  switch (p.op) {
  case BinaryOp::Add: e = l + r; break;
  case BinaryOp::Sub: e = l - r; break;
  case BinaryOp::Mul: e = l * r; break;
  case BinaryOp::Div: e = l / r; break;
  }
  Func out("binary");
  out(toExprs(v)) = e;
  b.output = out;
  int64_t inner = rank ? d.output.shape.back() : 1;
  b.schedule = [=]() mutable { scheduleElementwise(out, v, inner); };
  b.gpuSchedule = [=]() mutable { gpuFlat(out, v, 256); };
  return b;
}

/// unary activations on a flat [N] view.
Built buildUnary(const KernelDesc &d, const UnaryParams &p) {
  Built b;
  ImageParam x = param(d, 0, "x");
  b.inputs = {x};
  Var i("i");
  Func out("unary");
  out(i) = activation(x(i), p.act);
  b.output = out;
  b.schedule = [=]() mutable {
    Var o("o");
    out.vectorize(i, kVec, TailStrategy::GuardWithIf);
  };
  b.gpuSchedule = [=]() mutable { gpuFlat(out, {i}, 256); };
  return b;
}

/// apply_mask: x rank r, mask rank r (broadcast along p.maskBroadcast).
Built buildApplyMask(const KernelDesc &d, const ApplyMaskParams &p) {
  Built b;
  ImageParam x = param(d, 0, "x"), mask = param(d, 1, "mask");
  b.inputs = {x, mask};
  int rank = static_cast<int>(d.output.shape.size());
  std::vector<Var> v = makeVars(rank, "v");
  Func out("apply_mask");
  out(toExprs(v)) = select(mask(broadcastIndex(p.maskBroadcast, v)) != 0,
                           x(toExprs(v)), static_cast<float>(p.fill));
  b.output = out;
  int64_t inner = rank ? d.output.shape.back() : 1;
  b.schedule = [=]() mutable { scheduleElementwise(out, v, inner); };
  b.gpuSchedule = [=]() mutable { gpuFlat(out, v, 256); };
  return b;
}


} // namespace tfx::lowering::detail
