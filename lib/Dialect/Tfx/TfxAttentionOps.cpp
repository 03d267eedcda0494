//===- TfxAttentionOps.cpp - attention and its replacements ---------------===//
//
// Fused attention, the Lite Transformer convolutions, the LSRA block and the
// flattened-sequence MLP that replaces attention.
//
//===----------------------------------------------------------------------===//

#include "tfx/Dialect/Tfx/TfxOps.h"

#include "TfxShapeHelpers.h"

using namespace mlir;
using namespace tfx;
using namespace tfx::shape_helpers;

namespace {

LogicalResult verifyPadding(Operation *op, StringRef padding,
                            int64_t kernelSize) {
  if (padding != "centered" && padding != "causal")
    return op->emitOpError() << "padding must be \"centered\" or \"causal\", "
                             << "got \"" << padding << "\"";
  if (kernelSize < 1 || kernelSize > kMaxTensorElements)
    return op->emitOpError() << "kernel_size must be in [1, " << kMaxTensorElements
                             << "], got " << kernelSize;
  if (padding == "centered" && kernelSize % 2 == 0)
    return op->emitOpError() << "centered padding needs an odd kernel_size, got "
                             << kernelSize;
  return success();
}

/// Shared checks of the two Lite Transformer convolutions.
LogicalResult verifyConvCommon(Operation *op, Value input, Value result,
                               int64_t numHeads, int64_t kernelSize,
                               StringRef padding) {
  if (failed(expectRank(op, "input", input, 3, "[batch, length, channels]")))
    return failure();
  if (failed(verifyPadding(op, padding, kernelSize)))
    return failure();
  int64_t channels = shapeOf(input)[2];
  if (numHeads < 1 || numHeads > kMaxTensorElements)
    return op->emitOpError() << "num_heads must be in [1, " << kMaxTensorElements
                             << "], got " << numHeads;
  if (!ShapedType::isDynamic(channels) && channels % numHeads != 0)
    return op->emitOpError() << "channels (" << channels
                             << ") must be divisible by num_heads ("
                             << numHeads << ")";
  if (input.getType() != result.getType())
    return op->emitOpError() << "result type " << result.getType()
                             << " must equal the input type "
                             << input.getType();
  return success();
}

} // namespace

//===----------------------------------------------------------------------===//
// Attention
//===----------------------------------------------------------------------===//

LogicalResult AttentionOp::verify() {
  if (failed(expectRank(*this, "query", getQuery(), 3,
                        "[batch, query_length, d_model]")) ||
      failed(expectRank(*this, "key_value", getKeyValue(), 3,
                        "[batch, key_length, d_kv]")))
    return failure();
  ArrayRef<int64_t> q = shapeOf(getQuery()), kv = shapeOf(getKeyValue());
  int64_t d = q[2], dkv = kv[2], heads = getNumHeadsAttr().getInt();
  if (ShapedType::isDynamic(d) || ShapedType::isDynamic(dkv))
    return emitOpError() << "feature dimensions must be static";
  if (heads < 1)
    return emitOpError() << "num_heads must be positive, got " << heads;
  if (d % heads != 0)
    return emitOpError() << "d_model (" << d
                         << ") must be divisible by num_heads (" << heads
                         << ")";
  if (!dimsCompatible(q[0], kv[0]))
    return emitOpError() << "query and key_value batch sizes differ: "
                         << formatShape(q) << " vs " << formatShape(kv);
  if (getCausal() && !dimsCompatible(q[1], kv[1]))
    return emitOpError() << "causal attention needs equal query and key "
                            "lengths, got "
                         << q[1] << " and " << kv[1];
  if (failed(expectShape(*this, "q_weight", getQWeight(), {d, d})) ||
      failed(expectShape(*this, "q_bias", getQBias(), {d})) ||
      failed(expectShape(*this, "k_weight", getKWeight(), {d, dkv})) ||
      failed(expectShape(*this, "k_bias", getKBias(), {d})) ||
      failed(expectShape(*this, "v_weight", getVWeight(), {d, dkv})) ||
      failed(expectShape(*this, "v_bias", getVBias(), {d})) ||
      failed(expectShape(*this, "out_weight", getOutWeight(), {d, d})) ||
      failed(expectShape(*this, "out_bias", getOutBias(), {d})))
    return failure();
  if (getKeyPaddingMask() &&
      failed(expectShape(*this, "key_padding_mask", getKeyPaddingMask(),
                         {kv[0], kv[1]})))
    return failure();
  return expectShape(*this, "result", getResult(), q);
}

//===----------------------------------------------------------------------===//
// Lite Transformer convolutions
//===----------------------------------------------------------------------===//

LogicalResult LightweightConvOp::verify() {
  if (failed(verifyConvCommon(*this, getInput(), getResult(), getNumHeadsAttr().getInt(),
                              getKernelSizeAttr().getInt(), getPadding())))
    return failure();
  return expectShape(*this, "weight", getWeight(),
                     {getNumHeadsAttr().getInt(), getKernelSizeAttr().getInt()});
}

LogicalResult DynamicConvOp::verify() {
  if (failed(verifyConvCommon(*this, getInput(), getResult(), getNumHeadsAttr().getInt(),
                              getKernelSizeAttr().getInt(), getPadding())))
    return failure();
  int64_t taps = getNumHeadsAttr().getInt() * getKernelSizeAttr().getInt();
  if (failed(expectShape(*this, "kernel_weight", getKernelWeight(),
                         {taps, shapeOf(getInput())[2]})))
    return failure();
  if (getKernelBias() &&
      failed(expectShape(*this, "kernel_bias", getKernelBias(), {taps})))
    return failure();
  return success();
}

//===----------------------------------------------------------------------===//
// LsraOp
//===----------------------------------------------------------------------===//

LogicalResult LsraOp::verify() {
  if (failed(expectRank(*this, "input", getInput(), 3,
                        "[batch, length, d_model]")))
    return failure();
  ArrayRef<int64_t> in = shapeOf(getInput());
  int64_t d = in[2];
  if (ShapedType::isDynamic(d) || ShapedType::isDynamic(in[1]))
    return emitOpError() << "length and d_model must be static, got input shape "
                         << formatShape(in);
  if (d % 2 != 0)
    return emitOpError() << "d_model (" << d
                         << ") must be even: the block splits it in halves";
  int64_t w = d / 2;
  for (auto [name, offset] :
       {std::pair<StringRef, int64_t>{"attention_input_offset",
                                      getAttentionInputOffset()},
        {"attention_output_offset", getAttentionOutputOffset()}})
    if (offset != 0 && offset != w)
      return emitOpError() << name << " must be 0 or " << w
                           << " (a half of " << d << " channels), got "
                           << offset;
  int64_t heads = getNumHeadsAttr().getInt();
  if (heads < 1 || w % heads != 0)
    return emitOpError() << "num_heads (" << heads
                         << ") must be positive and divide the attention "
                            "width ("
                         << w << ")";
  if (failed(expectShape(*this, "q_weight", getQWeight(), {w, w})) ||
      failed(expectShape(*this, "q_bias", getQBias(), {w})) ||
      failed(expectShape(*this, "k_weight", getKWeight(), {w, w})) ||
      failed(expectShape(*this, "k_bias", getKBias(), {w})) ||
      failed(expectShape(*this, "v_weight", getVWeight(), {w, w})) ||
      failed(expectShape(*this, "v_bias", getVBias(), {w})) ||
      failed(expectShape(*this, "out_weight", getOutWeight(), {w, w})) ||
      failed(expectShape(*this, "out_bias", getOutBias(), {w})) ||
      failed(expectShape(*this, "conv_in_weight", getConvInWeight(), {d, w})) ||
      failed(expectShape(*this, "conv_in_bias", getConvInBias(), {d})) ||
      failed(expectShape(*this, "conv_out_weight", getConvOutWeight(), {w, w})) ||
      failed(expectShape(*this, "conv_out_bias", getConvOutBias(), {w})))
    return failure();
  if (failed(verifyPadding(*this, getPadding(), getKernelSizeAttr().getInt())))
    return failure();
  int64_t convHeads = getConvHeadsAttr().getInt();
  if (convHeads < 1 || w % convHeads != 0)
    return emitOpError() << "conv_heads (" << convHeads
                         << ") must be positive and divide the convolution "
                            "width ("
                         << w << ")";
  // Both factors are bounded (conv_heads <= w, kernel_size by verifyPadding).
  int64_t taps = convHeads * getKernelSizeAttr().getInt();
  if (getConvKind() == "lightweight") {
    if (getKernelBias())
      return emitOpError() << "kernel_bias is only for conv_kind = \"dynamic\"";
    if (failed(expectShape(*this, "conv_weight", getConvWeight(),
                           {convHeads, getKernelSizeAttr().getInt()})))
      return failure();
  } else if (getConvKind() == "dynamic") {
    if (failed(expectShape(*this, "conv_weight", getConvWeight(), {taps, w})) ||
        (getKernelBias() &&
         failed(expectShape(*this, "kernel_bias", getKernelBias(), {taps}))))
      return failure();
  } else {
    return emitOpError() << "conv_kind must be \"lightweight\" or "
                            "\"dynamic\", got \""
                         << getConvKind() << "\"";
  }
  if (getKeyPaddingMask() &&
      failed(expectShape(*this, "key_padding_mask", getKeyPaddingMask(),
                         {in[0], in[1]})))
    return failure();
  if (Value mask = getConvMask()) {
    ArrayRef<int64_t> m = shapeOf(mask);
    if (!shapesCompatible(m, {in[0], in[1]}) &&
        !shapesCompatible(m, {in[0], in[1], 1}))
      return emitOpError() << "conv_mask must have shape "
                           << formatShape({in[0], in[1]}) << " or "
                           << formatShape({in[0], in[1], 1})
                           << " but has shape " << formatShape(m);
  }
  return expectShape(*this, "result", getResult(), in);
}

//===----------------------------------------------------------------------===//
// FlatMlpOp
//===----------------------------------------------------------------------===//

LogicalResult FlatMlpOp::verify() {
  if (failed(expectRank(*this, "input", getInput(), 3,
                        "[batch, positions, features]")) ||
      failed(expectRank(*this, "fc1_weight", getFc1Weight(), 2,
                        "[hidden, positions * features]")) ||
      failed(expectRank(*this, "fc2_weight", getFc2Weight(), 2,
                        "[outputs, hidden]")) ||
      failed(expectRank(*this, "output_mask", getOutputMask(), 2,
                        "[batch, output_length]")) ||
      failed(expectRank(*this, "result", getResult(), 3,
                        "[batch, output_length, output_features]")))
    return failure();
  ArrayRef<int64_t> in = shapeOf(getInput());
  if (ShapedType::isDynamic(in[1]) || ShapedType::isDynamic(in[2]))
    return emitOpError() << "input positions and features must be static, got "
                         << formatShape(in);
  int64_t batch = in[0], flat = in[1] * in[2];
  int64_t hidden = shapeOf(getFc1Weight())[0];
  ArrayRef<int64_t> out = shapeOf(getResult());
  int64_t outLen = out[1], outFeatures = out[2];
  if (ShapedType::isDynamic(outLen) || ShapedType::isDynamic(outFeatures))
    return emitOpError() << "result positions and features must be static, got "
                         << formatShape(out);
  if (getPerPosition() && outLen != in[1])
    return emitOpError() << "per_position form produces one output per input "
                            "position: result length must be "
                         << in[1] << ", got " << outLen;
  int64_t fc2Rows = getPerPosition() ? outFeatures : outLen * outFeatures;
  if (failed(expectShape(*this, "input_mask", getInputMask(), {batch, in[1]})) ||
      failed(expectShape(*this, "output_mask", getOutputMask(),
                         {out[0], outLen})) ||
      failed(expectShape(*this, "in_norm_weight", getInNormWeight(), {flat})) ||
      failed(expectShape(*this, "in_norm_bias", getInNormBias(), {flat})) ||
      failed(expectShape(*this, "fc1_weight", getFc1Weight(), {hidden, flat})) ||
      failed(expectShape(*this, "fc1_bias", getFc1Bias(), {hidden})) ||
      failed(expectShape(*this, "hidden_norm_weight", getHiddenNormWeight(),
                         {hidden})) ||
      failed(expectShape(*this, "hidden_norm_bias", getHiddenNormBias(),
                         {hidden})) ||
      failed(expectShape(*this, "fc2_weight", getFc2Weight(),
                         {fc2Rows, hidden})) ||
      failed(expectShape(*this, "fc2_bias", getFc2Bias(), {fc2Rows})))
    return failure();
  if (!dimsCompatible(out[0], batch))
    return emitOpError() << "result batch " << out[0]
                         << " differs from input batch " << batch;
  if (getNegativeSlope().convertToFloat() < 0.0f ||
      getEpsilon().convertToFloat() <= 0.0f)
    return emitOpError() << "negative_slope must be >= 0 and epsilon > 0";
  return success();
}
