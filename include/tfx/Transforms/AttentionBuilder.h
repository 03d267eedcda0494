//===- AttentionBuilder.h - build attention from primitive ops ----*- C++ -*-===//
//
// One place that knows how multi-head attention is written with primitive tfx
// ops. Used by the decompose-attention pass and by the example-model generator
// (decomposed form), so both produce the same graph.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_TRANSFORMS_ATTENTIONBUILDER_H
#define TFX_TRANSFORMS_ATTENTIONBUILDER_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/Value.h"

namespace tfx {

struct AttentionOperands {
  mlir::Value query, keyValue;
  mlir::Value qWeight, qBias, kWeight, kBias, vWeight, vBias, outWeight,
      outBias;
  mlir::Value keyPaddingMask; // optional: [batch, key_length] i1
  int64_t numHeads = 1;
  bool causal = false;
};

/// Emits the decomposed attention at the builder's insertion point and returns
/// its result, of the same type as the query.
mlir::Value buildDecomposedAttention(mlir::OpBuilder &builder,
                                     mlir::Location loc,
                                     const AttentionOperands &operands);

} // namespace tfx

#endif // TFX_TRANSFORMS_ATTENTIONBUILDER_H
