//===- KernelParams.h - the typed parameters of every kernel ------*- C++ -*-===//
//
// The seam between lowering (lib/Exec's planner, lib/Distill's trainer) and
// the kernels (lib/Lowering/<Family>.cpp): a kernel is requested with one of
// the parameter structs below, one header per family in Params/. The kind
// of a kernel is the type of its parameters, so a request cannot name a
// kernel that does not exist or set a parameter the kernel does not read.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_LOWERING_KERNELPARAMS_H
#define TFX_LOWERING_KERNELPARAMS_H

#include "tfx/Lowering/Params/Attention.h"
#include "tfx/Lowering/Params/DataMovement.h"
#include "tfx/Lowering/Params/Elementwise.h"
#include "tfx/Lowering/Params/Embedding.h"
#include "tfx/Lowering/Params/Gemm.h"
#include "tfx/Lowering/Params/Lsra.h"
#include "tfx/Lowering/Params/Normalization.h"
#include "tfx/Lowering/Params/Training.h"

#include <string>
#include <variant>

namespace tfx::lowering {

using KernelParams =
    std::variant<LinearParams, MatmulParams,                          // Gemm
                 BinaryParams, UnaryParams, ApplyMaskParams,          // Elementwise
                 SoftmaxParams, LayerNormParams,                      // Normalization
                 GluParams, TransposeParams, ConcatParams, SliceParams, // DataMovement
                 EmbeddingParams, PositionalEncodingParams, PaddingMaskParams,
                 CausalMaskParams, MaskRowsParams,                    // Embedding
                 SdpaParams, LightweightConvParams, DynamicConvParams, // Attention
                 LsraParams,                                          // Lsra
                 MaskedMseGradParams, GemmTNParams, ColumnSumParams,
                 LayerNormBackwardParams, LayerNormParamGradParams>;  // Training

/// The kernel kind the parameters select ("linear", "sdpa", ...).
const char *kernelKind(const KernelParams &params);
/// How many inputs the kernel takes.
size_t kernelNumInputs(const KernelParams &params);
/// The fields as `name=value` pairs joined by ", " (doubles in full
/// precision): the plan printer's text and part of the kernel cache key.
std::string formatKernelParams(const KernelParams &params);

} // namespace tfx::lowering

#endif // TFX_LOWERING_KERNELPARAMS_H
