//===- DataMovement.h - parameters of the data-movement kernels ---*- C++ -*-===//
//
// Kernels: lib/Lowering/DataMovement.cpp. Tests: test/unit/LoweringTest.cpp,
// test/Plan/data-movement.mlir.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_LOWERING_PARAMS_DATAMOVEMENT_H
#define TFX_LOWERING_PARAMS_DATAMOVEMENT_H

#include "tfx/Lowering/Params/Common.h"

namespace tfx::lowering {

/// GLU over the middle axis of [outer, 2C, inner].
struct GluParams {
  static constexpr const char *kKind = "glu";
  size_t numInputs() const { return 1; }
  template <typename F> void fields(F &&) const {}
};

/// out[i0, ..] = x[i_perm[0], ..]: result dim i is input dim perm[i].
struct TransposeParams {
  static constexpr const char *kKind = "transpose";
  std::vector<int64_t> perm;

  size_t numInputs() const { return 1; }
  template <typename F> void fields(F &&f) const { f("perm", perm); }
};

/// `operands` tensors viewed as [outer, Ci, inner], joined along C.
struct ConcatParams {
  static constexpr const char *kKind = "concat";
  int64_t operands = 2;

  size_t numInputs() const { return static_cast<size_t>(operands); }
  template <typename F> void fields(F &&f) const { f("operands", operands); }
};

/// [outer, C, inner] -> [outer, width, inner] from channel `start`.
struct SliceParams {
  static constexpr const char *kKind = "slice";
  int64_t start = 0;

  size_t numInputs() const { return 1; }
  template <typename F> void fields(F &&f) const { f("start", start); }
};

} // namespace tfx::lowering

#endif // TFX_LOWERING_PARAMS_DATAMOVEMENT_H
