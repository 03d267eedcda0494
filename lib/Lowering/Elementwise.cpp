//===- Elementwise.cpp - elementwise ops, masks applied to values -----------===//

#include "KernelBuilders.h"

#include <cmath>
#include <limits>

namespace tfx::lowering::detail {

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

/// Index expressions for an operand broadcast to the output: a dim flagged
/// "bcast_<name>_<i>" (tensor order) reads index 0.
std::vector<Expr> broadcastIndex(const KernelDesc &d, const std::string &name,
                                 const std::vector<Var> &v) {
  int rank = static_cast<int>(v.size());
  std::vector<Expr> idx;
  for (int h = 0; h < rank; ++h) {
    int tensorDim = rank - 1 - h;
    bool bcast = d.intAttr("bcast_" + name + "_" + std::to_string(tensorDim));
    idx.push_back(bcast ? Expr(0) : Expr(v[h]));
  }
  return idx;
}

Built buildBinary(const KernelDesc &d) {
  Built b;
  ImageParam x = param(d, 0, "lhs"), y = param(d, 1, "rhs");
  b.inputs = {x, y};
  int rank = static_cast<int>(d.output.shape.size());
  std::vector<Var> v = makeVars(rank, "v");
  Expr l = x(broadcastIndex(d, "lhs", v)), r = y(broadcastIndex(d, "rhs", v));
  std::string op = d.stringAttr("op");
  Expr e = op == "add" ? l + r : op == "sub" ? l - r : op == "mul" ? l * r : l / r;
  Func out("binary");
  out(toExprs(v)) = activation(e, d);
  b.output = out;
  int64_t inner = rank ? d.output.shape.back() : 1;
  b.schedule = [=]() mutable { scheduleElementwise(out, v, inner); };
  return b;
}

/// unary activations on a flat [N] view.
Built buildUnary(const KernelDesc &d) {
  Built b;
  ImageParam x = param(d, 0, "x");
  b.inputs = {x};
  Var i("i");
  Func out("unary");
  out(i) = activation(x(i), d);
  b.output = out;
  b.schedule = [=]() mutable {
    Var o("o");
    out.vectorize(i, kVec, TailStrategy::GuardWithIf);
  };
  return b;
}

/// apply_mask: x rank r, mask rank r (broadcast flags "bcast_mask_i").
Built buildApplyMask(const KernelDesc &d) {
  Built b;
  ImageParam x = param(d, 0, "x"), mask = param(d, 1, "mask");
  b.inputs = {x, mask};
  int rank = static_cast<int>(d.output.shape.size());
  std::vector<Var> v = makeVars(rank, "v");
  Func out("apply_mask");
  out(toExprs(v)) = select(mask(broadcastIndex(d, "mask", v)) != 0, x(toExprs(v)),
                           static_cast<float>(d.floatAttr("fill")));
  b.output = out;
  int64_t inner = rank ? d.output.shape.back() : 1;
  b.schedule = [=]() mutable { scheduleElementwise(out, v, inner); };
  return b;
}


} // namespace tfx::lowering::detail
