//===- ModelGen.h - generate example models as tfx IR -------------*- C++ -*-===//
//
// Builds tfx IR for a Transformer (Vaswani et al.; pre- or post-LN) or a Lite
// Transformer (LSRA) encoder-decoder from a small JSON config. The generated
// module has two functions:
//
//   func.func @encode(src_ids) -> memory
//   func.func @decode(memory, src_ids, tgt_ids) -> logits   (teacher forcing)
//
// Arguments and results carry `tfx.name`; parameters are named as in
// docs/models.md.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_MODELGEN_MODELGEN_H
#define TFX_MODELGEN_MODELGEN_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace tfx {

struct ModelConfig {
  enum class Architecture { Transformer, Lite };
  enum class Norm { Pre, Post };
  enum class AttentionForm { Fused, Decomposed };
  enum class ConvKind { Lightweight, Dynamic };

  std::string name;
  Architecture architecture = Architecture::Transformer;
  int64_t vocabSize = 0;
  int64_t dModel = 0;
  int64_t numHeads = 0;
  int64_t ffnDim = 0;
  int64_t encoderLayers = 0;
  int64_t decoderLayers = 0;
  int64_t maxLen = 0;
  Norm norm = Norm::Pre;
  std::string activation = "relu"; // relu | gelu
  double dropout = 0.0;
  AttentionForm attentionForm = AttentionForm::Fused;
  // Lite Transformer only.
  int64_t convHeads = 0;
  std::vector<int64_t> kernelSizes; // one per layer (encoder and decoder)
  ConvKind encoderConv = ConvKind::Lightweight;
  ConvKind decoderConv = ConvKind::Lightweight;
};

/// Parses and validates a JSON model config. Unknown keys are errors (they are
/// usually typos); every message names the offending key.
llvm::Expected<ModelConfig> parseModelConfig(llvm::StringRef json);

/// Builds the model. The returned module verifies.
mlir::OwningOpRef<mlir::ModuleOp> buildModel(mlir::MLIRContext &context,
                                             const ModelConfig &config);

} // namespace tfx

#endif // TFX_MODELGEN_MODELGEN_H
