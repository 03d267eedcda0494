//===- Embedding.h - parameters of embeddings and mask kernels ----*- C++ -*-===//
//
// Kernels: lib/Lowering/Embedding.cpp. Tests: test/unit/LoweringTest.cpp,
// test/Plan/embedding.mlir.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_LOWERING_PARAMS_EMBEDDING_H
#define TFX_LOWERING_PARAMS_EMBEDDING_H

#include "tfx/Lowering/Params/Common.h"

namespace tfx::lowering {

/// ids [B, L], table [V, D] -> table[ids] * scale, [B, L, D].
struct EmbeddingParams {
  static constexpr const char *kKind = "embedding";
  double scale = 1.0;

  size_t numInputs() const { return 2; }
  template <typename F> void fields(F &&f) const { f("scale", scale); }
};

/// x [B, L, D] + the sinusoidal table PE[L, D].
struct PositionalEncodingParams {
  static constexpr const char *kKind = "positional_encoding";
  size_t numInputs() const { return 1; }
  template <typename F> void fields(F &&) const {}
};

/// ids [B, L] -> ids != padId, as bool.
struct PaddingMaskParams {
  static constexpr const char *kKind = "padding_mask";
  int64_t padId = 0;

  size_t numInputs() const { return 1; }
  template <typename F> void fields(F &&f) const { f("pad_id", padId); }
};

/// -> [L, L] lower-triangular bool.
struct CausalMaskParams {
  static constexpr const char *kKind = "causal_mask";
  size_t numInputs() const { return 0; }
  template <typename F> void fields(F &&) const {}
};

/// flat_mlp's input rows: x [B, N, D] masked by keep [B, N] and flattened
/// to [B, N*D]; `causal`: one row per target position i, masked by
/// keep & (j <= i), [B, N, N*D].
struct MaskRowsParams {
  static constexpr const char *kKind = "mask_rows";
  bool causal = false;

  size_t numInputs() const { return 2; }
  template <typename F> void fields(F &&f) const { f("causal", causal); }
};

} // namespace tfx::lowering

#endif // TFX_LOWERING_PARAMS_EMBEDDING_H
