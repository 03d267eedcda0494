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

Expr activation(Expr x, const Activation &act) {
  switch (act.kind) {
  case ActivationKind::None:
    return x;
  case ActivationKind::Relu:
    return max(x, 0.0f);
  case ActivationKind::LeakyRelu:
    return select(x >= 0.0f, x, x * static_cast<float>(act.slope));
  case ActivationKind::Gelu:
    return 0.5f * x * (1.0f + erf(x * static_cast<float>(M_SQRT1_2)));
  case ActivationKind::GeluTanh: {
    const float k = std::sqrt(2.0f / static_cast<float>(M_PI));
    return 0.5f * x * (1.0f + tanh(k * (x + 0.044715f * x * x * x)));
  }
  }
  return x;
}

Var gpuFlat(Stage s, const std::vector<Var> &vars, int threads) {
  Var fused = vars.at(0);
  for (size_t i = 1; i < vars.size(); ++i) {
    Var f(fused.name() + "_" + vars[i].name());
    s.fuse(fused, vars[i], f);
    fused = f;
  }
  Var bx("bx"), tx("tx");
  s.gpu_tile(fused, bx, tx, threads, TailStrategy::GuardWithIf);
  return tx;
}

/// Vectorises the innermost dim and parallelises the outermost one of a pure
/// elementwise output of tensor rank `rank`.
void scheduleElementwise(Func f, const std::vector<Var> &v, int64_t inner) {
  if (inner < 0 || inner >= kVec)
    f.vectorize(v[0], kVec, TailStrategy::GuardWithIf);
  if (v.size() > 1)
    f.parallel(v.back());
}


rt::Status checkOperandCount(const KernelDesc &d) {
  size_t want = kernelNumInputs(d.params);
  if (d.inputs.size() == want)
    return rt::Status::ok();
  return rt::Status::error("kernel '" + d.kind() + "' takes " +
                           std::to_string(want) + " inputs, not " +
                           std::to_string(d.inputs.size()));
}

Built build(const KernelDesc &d) {
  struct Dispatch {
    const KernelDesc &d;
    Built operator()(const LinearParams &p) { return buildLinear(d, p); }
    Built operator()(const MatmulParams &p) { return buildMatmul(d, p); }
    Built operator()(const BinaryParams &p) { return buildBinary(d, p); }
    Built operator()(const UnaryParams &p) { return buildUnary(d, p); }
    Built operator()(const ApplyMaskParams &p) { return buildApplyMask(d, p); }
    Built operator()(const SoftmaxParams &p) { return buildSoftmax(d, p); }
    Built operator()(const LayerNormParams &p) { return buildLayerNorm(d, p); }
    Built operator()(const GluParams &p) { return buildGlu(d, p); }
    Built operator()(const TransposeParams &p) { return buildTranspose(d, p); }
    Built operator()(const ConcatParams &p) { return buildConcat(d, p); }
    Built operator()(const SliceParams &p) { return buildSlice(d, p); }
    Built operator()(const EmbeddingParams &p) { return buildEmbedding(d, p); }
    Built operator()(const PositionalEncodingParams &p) {
      return buildPositionalEncoding(d, p);
    }
    Built operator()(const PaddingMaskParams &p) { return buildPaddingMask(d, p); }
    Built operator()(const CausalMaskParams &p) { return buildCausalMask(d, p); }
    Built operator()(const MaskRowsParams &p) { return buildMaskRows(d, p); }
    Built operator()(const SdpaParams &p) { return buildSdpa(d, p); }
    Built operator()(const LightweightConvParams &p) {
      return buildLightweightConv(d, p);
    }
    Built operator()(const DynamicConvParams &p) { return buildDynamicConv(d, p); }
    Built operator()(const LsraParams &p) { return buildLsra(d, p); }
    Built operator()(const MaskedMseGradParams &p) { return buildMaskedMseGrad(d, p); }
    Built operator()(const GemmTNParams &p) { return buildGemmTN(d, p); }
    Built operator()(const ColumnSumParams &p) { return buildColumnSum(d, p); }
    Built operator()(const LayerNormBackwardParams &p) {
      return buildLayerNormBackward(d, p);
    }
    Built operator()(const LayerNormParamGradParams &p) {
      return buildLayerNormParamGrad(d, p);
    }
  };
  return std::visit(Dispatch{d}, d.params);
}

} // namespace tfx::lowering::detail
