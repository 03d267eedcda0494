//===- PlannerImpl.h - the planner's state and helpers ----------*- C++ -*-===//
//
// Internal to lib/Exec: the Planner class (Planner.cpp: the walk, liveness,
// attention, flat MLP and LSRA; PlanOps.cpp: the other ops, one member
// function each) and the shape helpers both use.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_LIB_EXEC_PLANNERIMPL_H
#define TFX_LIB_EXEC_PLANNERIMPL_H

#include "tfx/Dialect/Tfx/TfxOps.h"
#include "tfx/Plan/Plan.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tfx::plan::detail {

using namespace mlir;
using lowering::KernelDesc;
using lowering::OperandDesc;
using rt::DType;
using rt::Status;
using rt::StatusOr;
using rt::Tensor;

inline constexpr int64_t kDyn = -1;
inline constexpr int64_t kMaxElements = kMaxKernelElements;

inline Shape typeShape(Type type) {
  Shape s;
  for (int64_t d : llvm::cast<RankedTensorType>(type).getShape())
    s.push_back(ShapedType::isDynamic(d) ? kDyn : d);
  return s;
}

inline DType dtypeOf(Type type) {
  Type e = llvm::cast<ShapedType>(type).getElementType();
  if (e.isF32())
    return DType::F32;
  if (e.isInteger(1))
    return DType::Bool;
  if (e.isInteger(64))
    return DType::I64;
  if (e.isInteger(32))
    return DType::I32;
  return DType::F32;
}

inline int64_t product(const Shape &s, size_t begin, size_t end) {
  int64_t n = 1;
  for (size_t i = begin; i < end; ++i) {
    if (s[i] == kDyn)
      return kDyn;
    n *= s[i];
  }
  return n;
}

/// [outer, s[axis], inner] view of a shape.
inline Shape collapse3(const Shape &s, size_t axis) {
  return {product(s, 0, axis), s[axis], product(s, axis + 1, s.size())};
}
/// [rows, last] view of a shape.
inline Shape collapse2(const Shape &s) { return {product(s, 0, s.size() - 1), s.back()}; }

inline std::string locString(Operation *op) {
  std::string out;
  llvm::raw_string_ostream os(out);
  os << op->getName() << " at " << op->getLoc();
  return out;
}

inline OperandDesc desc(DType dtype, Shape shape) { return OperandDesc{dtype, std::move(shape)}; }

/// The dims along which `operand` is broadcast to `result` (both padded
/// to one rank).
inline lowering::BroadcastDims broadcastDims(Shape operand, const Shape &result) {
  operand.insert(operand.begin(), result.size() - operand.size(), 1);
  lowering::BroadcastDims b;
  for (size_t i = 0; i < result.size(); ++i)
    if (operand[i] == 1 && result[i] != 1)
      b.dims.push_back(static_cast<int>(i));
  return b;
}

/// The activation `op` computes (relu, gelu, leaky_relu), if it is one.
inline std::optional<lowering::Activation> activationOf(Operation *op) {
  if (llvm::isa<ReluOp>(op))
    return lowering::Activation::relu();
  if (auto g = llvm::dyn_cast<GeluOp>(op))
    return lowering::Activation{g.getApproximate() == "tanh"
                                    ? lowering::ActivationKind::GeluTanh
                                    : lowering::ActivationKind::Gelu,
                                0.01};
  if (auto l = llvm::dyn_cast<LeakyReluOp>(op))
    return lowering::Activation::leakyRelu(l.getNegativeSlope().convertToDouble());
  return std::nullopt;
}

/// The `padding` attribute of a convolution or LSRA op.
template <typename Op> StatusOr<lowering::ConvPadding> paddingOf(Op op) {
  std::optional<lowering::ConvPadding> padding =
      lowering::parseConvPadding(op.getPadding().str());
  if (!padding)
    return Status::error(locString(op) + ": unknown padding '" +
                         op.getPadding().str() + "'");
  return *padding;
}

/// The parameters lightweight and dynamic convolutions share, from `op`.
template <typename ConvOp>
Status convParams(ConvOp op, lowering::ConvParams &p) {
  StatusOr<lowering::ConvPadding> padding = paddingOf(op);
  if (!padding)
    return padding.status();
  p.heads = op.getNumHeadsAttr().getInt();
  p.kernelSize = op.getKernelSizeAttr().getInt();
  p.padding = *padding;
  p.weightSoftmax = op.getWeightSoftmax();
  return Status::ok();
}

/// An op's `axis` attribute as a dimension of a rank-`rank` tensor
/// (negative axes count from the end; the verifier bounds them).
inline int64_t normalizedAxis(int64_t axis, size_t rank) {
  return axis < 0 ? axis + static_cast<int64_t>(rank) : axis;
}

class Planner {
public:
  StatusOr<Plan> plan(func::FuncOp fn);

private:
  int slotOf(Value v) {
    auto it = slots_.find(v);
    if (it != slots_.end())
      return it->second;
    int s = plan_.numSlots++;
    slots_[v] = s;
    return s;
  }
  int newSlot() { return plan_.numSlots++; }

  int kernelIndex(const KernelDesc &d) {
    std::string key = d.key();
    auto it = kernelIndex_.find(key);
    if (it != kernelIndex_.end())
      return it->second;
    int i = static_cast<int>(plan_.kernels.size());
    plan_.kernels.push_back(d);
    plan_.numKernels = static_cast<int>(plan_.kernels.size());
    kernelIndex_[key] = i;
    return i;
  }

  int addConstant(ConstantRecipe r, int slot) {
    plan_.constants.push_back(std::move(r));
    plan_.constantSlots.push_back(slot);
    return static_cast<int>(plan_.constants.size()) - 1;
  }
  /// The slot of constant `c`, giving it one if it had none.
  int constantSlot(int c) {
    if (plan_.constantSlots[c] < 0)
      plan_.constantSlots[c] = newSlot();
    return plan_.constantSlots[c];
  }
  /// The constant behind `v` (a tfx.param or tfx.constant result).
  StatusOr<int> constantOf(Value v, const std::string &what) {
    auto it = constantOf_.find(v);
    if (it == constantOf_.end())
      return Status::error(what + " must be a tfx.param or tfx.constant value");
    return it->second;
  }
  /// The [in, out] transpose of a [out, in] linear weight (made once).
  StatusOr<int> transposed(Value weight) {
    auto it = transposedOf_.find(weight);
    if (it != transposedOf_.end())
      return it->second;
    StatusOr<int> c = constantOf(weight, "linear weights");
    if (!c)
      return c.status();
    const Shape &s = plan_.constants[*c].shape;
    ConstantRecipe r;
    r.kind = ConstantRecipe::Kind::Transposed;
    r.parts = {*c};
    r.shape = {s[1], s[0]};
    r.what = plan_.constants[*c].what;
    int t = addConstant(std::move(r), -1);
    transposedOf_[weight] = t;
    return t;
  }

  void kernelStep(const std::string &what, const KernelDesc &d,
                  std::vector<int> inputs, std::vector<Shape> views, int output,
                  Shape outputShape, Shape resultView, bool broadcast = false) {
    PlanStep s;
    s.kind = PlanStep::Kind::Kernel;
    s.what = what;
    s.kernel = kernelIndex(d);
    s.inputs = std::move(inputs);
    s.inputViews = std::move(views);
    s.output = output;
    s.outputShape = std::move(outputShape);
    s.outputType = d.output.dtype;
    s.resultView = std::move(resultView);
    s.broadcastOutput = broadcast;
    plan_.steps.push_back(std::move(s));
  }
  /// One kernel whose inputs and output are viewed exactly as its desc says.
  void simple(Operation *op, const KernelDesc &d, std::vector<Value> inputs,
              Value result) {
    std::vector<int> in;
    std::vector<Shape> views;
    for (size_t i = 0; i < inputs.size(); ++i) {
      in.push_back(slotOf(inputs[i]));
      views.push_back(d.inputs[i].shape);
    }
    kernelStep(locString(op), d, in, views, slotOf(result), d.output.shape,
               typeShape(result.getType()));
  }
  /// y = x W^T + b (+ activation) on `x` viewed as [rows, K]; writes `out`
  /// viewed as `resultView`.
  Status linear(const std::string &what, int x, Value weight, Value bias,
                int64_t K, int64_t N, lowering::Activation act, int out,
                Shape resultView) {
    StatusOr<int> wt = transposed(weight);
    if (!wt)
      return wt.status();
    std::vector<int> ins = {x, constantSlot(*wt)};
    std::vector<Shape> views = {{kDyn, K}, {K, N}};
    if (bias) {
      StatusOr<int> b = constantOf(bias, "linear biases");
      if (!b)
        return b.status();
      ins.push_back(constantSlot(*b));
      views.push_back({N});
    }
    kernelStep(what, lowering::linearDesc(K, N, static_cast<bool>(bias), act),
               ins, views, out, {kDyn, N}, std::move(resultView));
    return Status::ok();
  }

  Status planOp(Operation *op);
  // One per op (PlanOps.cpp).
  Status planParam(ParamOp p);
  Status planConstant(ConstantOp c);
  Status planView(Operation *o);
  Status planEmbedding(EmbeddingOp e);
  Status planPositionalEncoding(PositionalEncodingOp p);
  Status planLinear(LinearOp l);
  Status planMatmul(MatmulOp m);
  Status planActivation(Operation *o);
  Status planSoftmax(SoftmaxOp s);
  Status planGlu(GluOp g);
  Status planLayerNorm(LayerNormOp l);
  Status planTranspose(TransposeOp t);
  Status planConcat(ConcatOp c);
  Status planSlice(SliceOp s);
  Status planPaddingMask(PaddingMaskOp p);
  Status planCausalMask(CausalMaskOp c);
  Status planLightweightConv(LightweightConvOp c);
  Status planDynamicConv(DynamicConvOp c);
  Status planElementwise(Operation *op, lowering::KernelParams params, Value lhs,
                         Value rhs);
  Status planBinary(Operation *op, lowering::BinaryOp kind, Value lhs, Value rhs);
  Status planApplyMask(ApplyMaskOp op);
  StatusOr<std::map<lowering::LsraInput, int>>
  packLsraWeights(LsraOp op, const lowering::LsraParams &p);
  Status planAttention(AttentionOp a);
  Status planFlatMlp(FlatMlpOp m);
  Status planLsra(LsraOp op);

  Plan plan_;
  llvm::DenseMap<Value, int> slots_;
  llvm::DenseMap<Value, int> constantOf_;
  llvm::DenseMap<Value, int> transposedOf_;
  std::map<std::string, int> kernelIndex_;
  llvm::DenseMap<Operation *, bool> fused_;
};

} // namespace tfx::plan::detail

#endif // TFX_LIB_EXEC_PLANNERIMPL_H
