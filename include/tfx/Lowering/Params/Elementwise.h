//===- Elementwise.h - parameters of the elementwise kernels ------*- C++ -*-===//
//
// Kernels: lib/Lowering/Elementwise.cpp. Tests: test/unit/LoweringTest.cpp,
// test/Plan/elementwise.mlir.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_LOWERING_PARAMS_ELEMENTWISE_H
#define TFX_LOWERING_PARAMS_ELEMENTWISE_H

#include "tfx/Lowering/Params/Common.h"

namespace tfx::lowering {

enum class BinaryOp { Add, Sub, Mul, Div };
const char *binaryOpName(BinaryOp op);

/// out = lhs <op> rhs, both operands padded to the output's rank and
/// broadcast along `lhsBroadcast` / `rhsBroadcast`.
struct BinaryParams {
  static constexpr const char *kKind = "binary";
  BinaryOp op = BinaryOp::Add;
  BroadcastDims lhsBroadcast, rhsBroadcast;

  size_t numInputs() const { return 2; }
  template <typename F> void fields(F &&f) const {
    f("op", op);
    f("lhs_broadcast", lhsBroadcast);
    f("rhs_broadcast", rhsBroadcast);
  }
};

/// An activation on a flat [N] view.
struct UnaryParams {
  static constexpr const char *kKind = "unary";
  Activation act;

  size_t numInputs() const { return 1; }
  template <typename F> void fields(F &&f) const { f("act", act); }
};

/// out = mask != 0 ? x : fill; the mask is broadcast along `maskBroadcast`.
struct ApplyMaskParams {
  static constexpr const char *kKind = "apply_mask";
  double fill = 0;
  BroadcastDims maskBroadcast;

  size_t numInputs() const { return 2; }
  template <typename F> void fields(F &&f) const {
    f("fill", fill);
    f("mask_broadcast", maskBroadcast);
  }
};

} // namespace tfx::lowering

#endif // TFX_LOWERING_PARAMS_ELEMENTWISE_H
