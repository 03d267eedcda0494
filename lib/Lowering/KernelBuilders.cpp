//===- KernelBuilders.cpp - helpers the kernel families share ----------===//

#include "KernelBuilders.h"

namespace tfx::lowering::detail {

Type halideTypeOf(rt::DType dtype) {
  switch (dtype) {
  case rt::DType::F32: return Float(32);
  case rt::DType::F64: return Float(64);
  case rt::DType::I64: return Int(64);
  case rt::DType::I32: return Int(32);
  case rt::DType::I8: return Int(8);
  case rt::DType::U8:
  case rt::DType::Bool: return UInt(8);
  default: return Float(32);
  }
}


ImageParam param(const KernelDesc &d, size_t i, const std::string &name) {
  const OperandDesc &op = d.inputs.at(i);
  ImageParam p(halideTypeOf(op.dtype), static_cast<int>(op.shape.size()), name);
  constrainDense(p, op.shape);
  return p;
}

/// Static extent of tensor dim `i` of operand `op` (-1 if dynamic).
int64_t extent(const OperandDesc &op, size_t i) { return op.shape.at(i); }

/// Vars named `<prefix>_<i>`. Never `v<i>`: Halide names the anonymous vars
/// it creates (e.g. the inner var of vectorize) `v<counter>` from a global
/// counter, and a schedule then fails with "v1 is already used".
std::vector<Var> makeVars(int rank, const std::string &prefix) {
  std::vector<Var> v;
  for (int i = 0; i < rank; ++i)
    v.emplace_back(prefix + "_" + std::to_string(i));
  return v;
}

std::vector<Expr> toExprs(const std::vector<Var> &vars) {
  return std::vector<Expr>(vars.begin(), vars.end());
}

Expr activation(Expr x, const KernelDesc &d) {
  std::string act = d.stringAttr("act", "none");
  if (act == "relu")
    return max(x, 0.0f);
  if (act == "leaky_relu")
    return select(x >= 0.0f, x, x * static_cast<float>(d.floatAttr("slope", 0.01)));
  if (act == "gelu")
    return 0.5f * x * (1.0f + erf(x * static_cast<float>(M_SQRT1_2)));
  if (act == "gelu_tanh") {
    const float k = std::sqrt(2.0f / static_cast<float>(M_PI));
    return 0.5f * x * (1.0f + tanh(k * (x + 0.044715f * x * x * x)));
  }
  return x;
}

/// Vectorises the innermost dim and parallelises the outermost one of a pure
/// elementwise output of tensor rank `rank`.
void scheduleElementwise(Func f, const std::vector<Var> &v, int64_t inner) {
  if (inner < 0 || inner >= kVec)
    f.vectorize(v[0], kVec, TailStrategy::GuardWithIf);
  if (v.size() > 1)
    f.parallel(v.back());
}


const std::map<std::string, Builder> &registry() {
  static const std::map<std::string, Builder> builders = {
      {"linear", buildLinear},
      {"matmul", buildMatmul},
      {"binary", buildBinary},
      {"unary", buildUnary},
      {"apply_mask", buildApplyMask},
      {"softmax", buildSoftmax},
      {"layer_norm", buildLayerNorm},
      {"glu", buildGlu},
      {"transpose", buildTranspose},
      {"concat", buildConcat},
      {"slice", buildSlice},
      {"embedding", buildEmbedding},
      {"positional_encoding", buildPositionalEncoding},
      {"padding_mask", buildPaddingMask},
      {"causal_mask", buildCausalMask},
      {"mask_rows", buildMaskRows},
      {"sdpa", buildSdpa},
      {"lightweight_conv", buildLightweightConv},
      {"dynamic_conv", buildDynamicConv},
      {"lsra", buildLsra},
      {"masked_mse_grad", buildMaskedMseGrad},
      {"gemm_tn", buildGemmTN},
      {"column_sum", buildColumnSum},
      {"layer_norm_backward", buildLayerNormBackward},
      {"layer_norm_param_grad", buildLayerNormParamGrad},
  };
  return builders;
}

} // namespace tfx::lowering::detail
