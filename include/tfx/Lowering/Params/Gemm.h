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
  int64_t lanes = 0;  ///< f32 lanes of the target's vectors (8: AVX2, 16: AVX-512)
  /// k-blocked (linear layers with K split): rows per block, a multiple of
  /// rowTile; 0 when not k-blocked (scheduleGemmKBlocked in Gemm.cpp).
  int64_t rowBlock = 0;
  /// k-blocked, one row: output columns per register tile (a multiple of
  /// lanes).
  int64_t wideColumns = 0;
};

/// `products`: accumulators feeding one output tile (2 for a fused GLU);
/// `batched`: an outer batch loop is fused with the row tiles (matmul);
/// `lanes`: f32 lanes of the target's vector registers (cpuVectorLanes).
/// The tile is sized to the register file: two vectors x 6 rows, 12
/// accumulators of the 16 (AVX2) or 32 (AVX-512) registers.
GemmTiling chooseGemmTiling(int64_t N, int64_t K, int products, bool batched,
                            int lanes);
/// e.g. "tile 32x6, rows outer, k-split 256".
std::string formatGemmTiling(const GemmTiling &t);

/// The tiled GPU schedule's decisions for one GEMM out[M, N] = in[M, K] x
/// w[K, N] (lib/Lowering/Gemm.cpp scheduleGemmGpu): a thread block computes
/// rowTile x columnTile outputs, each of its threads a micro-tile of
/// microRows x microColumns accumulators in registers; the reduction runs
/// in chunks of kChunk, each chunk of both operands staged in shared memory.
struct GpuGemmTiling {
  int64_t columnTile = 0, rowTile = 0;
  int64_t microColumns = 4, microRows = 4;
  /// 0: the simple schedule is used instead (no chunk divides K, or a block
  /// would have fewer than 32 or more than 512 threads)
  int64_t kChunk = 0;
  /// Staged operand loads of this many floats (4 when the chunk allows).
  int64_t loadVector = 1;
  int64_t threads() const {
    return (columnTile / microColumns) * (rowTile / microRows);
  }
  /// Floats of shared memory per block: the accumulator tile and one chunk
  /// of each operand.
  int64_t sharedFloats() const {
    return rowTile * columnTile + kChunk * (rowTile + columnTile);
  }
};

/// `M`: rows per matrix, or -1 when dynamic (linear: batch x length).
GpuGemmTiling chooseGpuGemmTiling(int64_t N, int64_t K, int64_t M);
/// e.g. "block 64x32, thread 4x4, k-chunk 32 (128 threads, 20480 B shared)".
std::string formatGpuGemmTiling(const GpuGemmTiling &t);

} // namespace tfx::lowering

#endif // TFX_LOWERING_PARAMS_GEMM_H
