//===- Gemm.h - parameters of the GEMM kernels --------------------*- C++ -*-===//
//
// Kernels: lib/Lowering/Gemm.cpp. Tests: test/unit/LoweringTest.cpp
// (Linear*, Matmul*), test/Plan/gemm.mlir.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_LOWERING_PARAMS_GEMM_H
#define TFX_LOWERING_PARAMS_GEMM_H

#include "tfx/Lowering/Params/Common.h"

namespace tfx::lowering {

/// y[rows, N] = act(x[rows, K] * wt[K, N] + bias[N]); the weight comes
/// pre-transposed, the bias is optional.
struct LinearParams {
  static constexpr const char *kKind = "linear";
  bool bias = false;
  Activation act;

  size_t numInputs() const { return bias ? 3 : 2; }
  template <typename F> void fields(F &&f) const {
    f("bias", bias);
    f("act", act);
  }
};

/// Batched matrix product: [..., M, K] x [..., K, N] -> [..., M, N].
struct MatmulParams {
  static constexpr const char *kKind = "matmul";
  size_t numInputs() const { return 2; }
  template <typename F> void fields(F &&) const {}
};

/// The register-blocked CPU schedule's decisions for one GEMM
/// out[rows, N] = in[rows, K] x w[K, N] (lib/Lowering/Gemm.cpp scheduleGemm).
struct GemmTiling {
  int64_t columnTile = 0; ///< output columns per tile (vector lanes x 1 or 2)
  int64_t rowTile = 0;    ///< rows per tile (unrolled accumulators)
  /// Column tiles outermost, so each K x columnTile panel of a weight
  /// larger than L2 is reused by every row tile while it is cached.
  bool panelOuter = false;
  /// The last column tile is shifted inwards (else predicated).
  bool shiftColumnTail = false;
  int64_t kSplit = 0; ///< the reduction is split by this (0: not split)
};

/// `products`: accumulators feeding one output tile (2 for a fused GLU);
/// `batched`: an outer batch loop is fused with the row tiles (matmul).
GemmTiling chooseGemmTiling(int64_t N, int64_t K, int products, bool batched);
/// e.g. "tile 32x6, rows outer, k-split 256".
std::string formatGemmTiling(const GemmTiling &t);

} // namespace tfx::lowering

#endif // TFX_LOWERING_PARAMS_GEMM_H
