//===- Planner.cpp - a tfx function -> an execution plan (data) ------------===//
//
// Walks the function once. Each op becomes one or more kernel launches
// (KernelDesc -> lib/Lowering) reading and writing slots through views;
// reshape and dropout become views; parameters and constants become constant
// recipes (linear weights are transposed once, the fused LSRA kernel's
// weights packed); intermediates of multi-kernel ops (attention, dynamic
// conv, flat MLP) get slots of their own. Liveness is computed on the
// finished step list, so every slot returns its buffer right after its last
// use. See include/tfx/Plan/Plan.h.
//
//===----------------------------------------------------------------------===//

#include "PlannerImpl.h"

#include "tfx/Dialect/Tfx/TfxOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <set>

using namespace mlir;

namespace tfx::plan {
namespace detail {

/// A binary elementwise op or apply_mask: both operands are padded to the
/// result's rank and broadcast by the kernel (`params` says along which dims).
Status Planner::planElementwise(Operation *op, lowering::KernelParams params,
                                Value lhs, Value rhs) {
  Value result = op->getResult(0);
  Shape rs = typeShape(result.getType());
  size_t rank = rs.size();
  KernelDesc d(std::move(params));
  auto padded = [&](Shape s) {
    s.insert(s.begin(), rank - s.size(), 1);
    return s;
  };
  d.inputs = {desc(dtypeOf(lhs.getType()), padded(typeShape(lhs.getType()))),
              desc(dtypeOf(rhs.getType()), padded(typeShape(rhs.getType())))};
  d.output = desc(DType::F32, rs);
  kernelStep(locString(op), d, {slotOf(lhs), slotOf(rhs)},
             {d.inputs[0].shape, d.inputs[1].shape}, slotOf(result), rs, rs,
             /*broadcast=*/true);
  return Status::ok();
}

Status Planner::planBinary(Operation *op, lowering::BinaryOp kind, Value lhs,
                           Value rhs) {
  Shape rs = typeShape(op->getResult(0).getType());
  lowering::BinaryParams p{kind, broadcastDims(typeShape(lhs.getType()), rs),
                           broadcastDims(typeShape(rhs.getType()), rs)};
  return planElementwise(op, p, lhs, rhs);
}

Status Planner::planApplyMask(ApplyMaskOp op) {
  Shape rs = typeShape(op.getType());
  lowering::ApplyMaskParams p{op.getFill().convertToDouble(),
                              broadcastDims(typeShape(op.getMask().getType()), rs)};
  return planElementwise(op, p, op.getInput(), op.getMask());
}

Status Planner::planAttention(AttentionOp a) {
  std::string what = locString(a);
  Shape q = typeShape(a.getQuery().getType());
  Shape kv = typeShape(a.getKeyValue().getType());
  int64_t D = q[2], Dkv = kv[2];
  int Q = newSlot(), K = newSlot(), V = newSlot(), att = newSlot();
  int query = slotOf(a.getQuery()), keyValue = slotOf(a.getKeyValue());
  const lowering::Activation none = lowering::Activation::none();
  TFX_RETURN_IF_ERROR(linear(what, query, a.getQWeight(), a.getQBias(), D, D,
                             none, Q, {kDyn, D}));
  TFX_RETURN_IF_ERROR(linear(what, keyValue, a.getKWeight(), a.getKBias(), Dkv,
                             D, none, K, {kDyn, D}));
  TFX_RETURN_IF_ERROR(linear(what, keyValue, a.getVWeight(), a.getVBias(), Dkv,
                             D, none, V, {kDyn, D}));
  Value mask = a.getKeyPaddingMask();
  KernelDesc d(lowering::SdpaParams{a.getNumHeadsAttr().getInt(), a.getCausal(),
                                    static_cast<bool>(mask)});
  d.inputs = {desc(DType::F32, q), desc(DType::F32, {kv[0], kv[1], D}),
              desc(DType::F32, {kv[0], kv[1], D})};
  std::vector<int> ins = {Q, K, V};
  if (mask) {
    d.inputs.push_back(desc(DType::Bool, {kv[0], kv[1]}));
    ins.push_back(slotOf(mask));
  }
  d.output = desc(DType::F32, q);
  std::vector<Shape> views;
  for (const OperandDesc &o : d.inputs)
    views.push_back(o.shape);
  kernelStep(what, d, ins, views, att, q, q);
  return linear(what, att, a.getOutWeight(), a.getOutBias(), D, D, none,
                slotOf(a.getResult()), typeShape(a.getType()));
}

Status Planner::planFlatMlp(FlatMlpOp m) {
  std::string what = locString(m);
  Shape x = typeShape(m.getInput().getType());
  Shape res = typeShape(m.getType());
  int64_t N = x[1], Din = x[2], F = N * Din;
  int64_t hidden = typeShape(m.getFc1Weight().getType())[0];
  int64_t outRows = typeShape(m.getFc2Weight().getType())[0];
  bool perPos = m.getPerPosition();
  double eps = m.getEpsilon().convertToDouble();
  // Rows: one flattened, masked sentence per row (per position: one per
  // causal prefix).
  KernelDesc rows(lowering::MaskRowsParams{perPos});
  rows.inputs = {desc(DType::F32, x), desc(DType::Bool, {x[0], N})};
  rows.output = perPos ? desc(DType::F32, {x[0], N, F}) : desc(DType::F32, {x[0], F});
  int r = newSlot(), n1 = newSlot(), h = newSlot(), n2 = newSlot(), y = newSlot();
  kernelStep(what, rows, {slotOf(m.getInput()), slotOf(m.getInputMask())},
             {x, {x[0], N}}, r, rows.output.shape, {kDyn, F});
  auto norm = [&](int in, Value gamma, Value beta, int64_t width, int out) -> Status {
    StatusOr<int> g = constantOf(gamma, "flat_mlp norm weights");
    StatusOr<int> b = constantOf(beta, "flat_mlp norm weights");
    if (!g || !b)
      return !g ? g.status() : b.status();
    KernelDesc d = lowering::layerNormDesc(width, eps);
    kernelStep(what, d, {in, constantSlot(*g), constantSlot(*b)},
               {{kDyn, width}, {width}, {width}}, out, {kDyn, width}, {kDyn, width});
    return Status::ok();
  };
  TFX_RETURN_IF_ERROR(norm(r, m.getInNormWeight(), m.getInNormBias(), F, n1));
  TFX_RETURN_IF_ERROR(linear(
      what, n1, m.getFc1Weight(), m.getFc1Bias(), F, hidden,
      lowering::Activation::leakyRelu(m.getNegativeSlope().convertToDouble()), h,
      {kDyn, hidden}));
  TFX_RETURN_IF_ERROR(norm(h, m.getHiddenNormWeight(), m.getHiddenNormBias(),
                           hidden, n2));
  TFX_RETURN_IF_ERROR(linear(what, n2, m.getFc2Weight(), m.getFc2Bias(), hidden,
                             outRows, lowering::Activation::none(), y,
                             {kDyn, outRows}));
  // Padded output positions are zeroed.
  KernelDesc mask(lowering::ApplyMaskParams{0.0, broadcastDims({res[0], res[1], 1}, res)});
  mask.inputs = {desc(DType::F32, res), desc(DType::Bool, {res[0], res[1], 1})};
  mask.output = desc(DType::F32, res);
  kernelStep(what, mask, {y, slotOf(m.getOutputMask())}, {res, {kDyn, res[1], 1}},
             slotOf(m.getResult()), res, res);
  return Status::ok();
}

/// tfx.lsra: one fused kernel (lib/Lowering buildLsra). Its weights are
/// packed at load time in the order lsraInputs() defines: Q, K and V side
/// by side, every projection pre-transposed; masks are viewed per row
/// (batch x length).
Status Planner::planLsra(LsraOp op) {
  std::string what = locString(op);
  Shape in = typeShape(op.getInput().getType());
  StatusOr<lowering::ConvPadding> padding = paddingOf(op);
  if (!padding)
    return padding.status();
  lowering::LsraParams p;
  p.length = in[1];
  p.dModel = in[2];
  p.heads = op.getNumHeadsAttr().getInt();
  p.causal = op.getCausal();
  p.dynamic = op.getConvKind() == "dynamic";
  p.convHeads = op.getConvHeadsAttr().getInt();
  p.kernelSize = op.getKernelSizeAttr().getInt();
  p.padding = *padding;
  p.weightSoftmax = op.getWeightSoftmax();
  p.attentionInputOffset = op.getAttentionInputOffset();
  p.attentionOutputOffset = op.getAttentionOutputOffset();
  p.hasMask = static_cast<bool>(op.getKeyPaddingMask());
  p.hasConvMask = static_cast<bool>(op.getConvMask());

  StatusOr<std::map<lowering::LsraInput, int>> packed = packLsraWeights(op, p);
  if (!packed)
    return packed.status();
  KernelDesc d = lowering::lsraDesc(p);
  std::vector<int> ins;
  std::vector<Shape> views;
  for (const lowering::LsraOperand &o : lowering::lsraInputs(p)) {
    switch (o.input) {
    case lowering::LsraInput::X:
      ins.push_back(slotOf(op.getInput()));
      views.push_back(o.shape);
      continue;
    case lowering::LsraInput::Keep:
      ins.push_back(slotOf(op.getKeyPaddingMask()));
      views.push_back(o.shape);
      continue;
    case lowering::LsraInput::ConvKeep:
      ins.push_back(slotOf(op.getConvMask()));
      views.push_back(o.shape);
      continue;
    default:
      break;
    }
    int c = packed->at(o.input);
    if (plan_.constants[c].shape != o.shape)
      return Status::error(what + ": the " + lowering::lsraInputName(o.input) +
                           " weights have shape " +
                           rt::formatShape(plan_.constants[c].shape) + ", expected " +
                           rt::formatShape(o.shape));
    ins.push_back(constantSlot(c));
    views.push_back(o.shape);
  }
  kernelStep(what, d, ins, views, slotOf(op.getResult()), {kDyn, p.dModel},
             typeShape(op.getType()));
  return Status::ok();
}

/// The LSRA kernel's constant inputs, made from the op's weights.
StatusOr<std::map<lowering::LsraInput, int>>
Planner::packLsraWeights(LsraOp op, const lowering::LsraParams &p) {
  using lowering::LsraInput;
  std::string what = locString(op);
  std::map<LsraInput, int> packed;
  std::vector<int> weights, biases;
  for (auto [wv, bv] : {std::pair<Value, Value>{op.getQWeight(), op.getQBias()},
                        {op.getKWeight(), op.getKBias()},
                        {op.getVWeight(), op.getVBias()}}) {
    StatusOr<int> wt = transposed(wv);
    StatusOr<int> bt = constantOf(bv, "lsra biases");
    if (!wt || !bt)
      return !wt ? wt.status() : bt.status();
    weights.push_back(*wt);
    biases.push_back(*bt);
  }
  auto concat = [&](const std::vector<int> &parts) {
    ConstantRecipe r;
    r.kind = ConstantRecipe::Kind::ConcatColumns;
    r.parts = parts;
    r.shape = plan_.constants[parts[0]].shape;
    r.shape.back() = 0;
    for (int part : parts)
      r.shape.back() += plan_.constants[part].shape.back();
    r.what = what;
    return addConstant(std::move(r), -1);
  };
  packed[LsraInput::QkvWeight] = concat(weights);
  packed[LsraInput::QkvBias] = concat(biases);
  auto add = [&](LsraInput input, StatusOr<int> c) -> Status {
    if (!c)
      return c.status();
    packed[input] = *c;
    return Status::ok();
  };
  TFX_RETURN_IF_ERROR(add(LsraInput::OutWeight, transposed(op.getOutWeight())));
  TFX_RETURN_IF_ERROR(add(LsraInput::OutBias, constantOf(op.getOutBias(), "lsra biases")));
  TFX_RETURN_IF_ERROR(add(LsraInput::ConvInWeight, transposed(op.getConvInWeight())));
  TFX_RETURN_IF_ERROR(
      add(LsraInput::ConvInBias, constantOf(op.getConvInBias(), "lsra biases")));
  if (p.dynamic) {
    TFX_RETURN_IF_ERROR(add(LsraInput::ConvWeight, transposed(op.getConvWeight())));
    if (op.getKernelBias()) {
      TFX_RETURN_IF_ERROR(
          add(LsraInput::KernelBias, constantOf(op.getKernelBias(), "lsra biases")));
    } else {
      ConstantRecipe z;
      z.kind = ConstantRecipe::Kind::Zeros;
      z.shape = {p.taps()};
      z.what = what;
      packed[LsraInput::KernelBias] = addConstant(std::move(z), -1);
    }
  } else {
    TFX_RETURN_IF_ERROR(
        add(LsraInput::ConvWeight, constantOf(op.getConvWeight(), "lsra kernels")));
  }
  TFX_RETURN_IF_ERROR(add(LsraInput::ConvOutWeight, transposed(op.getConvOutWeight())));
  TFX_RETURN_IF_ERROR(
      add(LsraInput::ConvOutBias, constantOf(op.getConvOutBias(), "lsra biases")));
  return packed;
}

Status Planner::planOp(Operation *op) {
  if (fused_.count(op))
    return Status::ok();
  return llvm::TypeSwitch<Operation *, Status>(op)
      .Case<ParamOp>([&](ParamOp p) { return planParam(p); })
      .Case<ConstantOp>([&](ConstantOp c) { return planConstant(c); })
      .Case<ReshapeOp, DropoutOp>([&](Operation *o) { return planView(o); })
      .Case<EmbeddingOp>([&](EmbeddingOp e) { return planEmbedding(e); })
      .Case<PositionalEncodingOp>([&](PositionalEncodingOp p) { return planPositionalEncoding(p); })
      .Case<LinearOp>([&](LinearOp l) { return planLinear(l); })
      .Case<MatmulOp>([&](MatmulOp m) { return planMatmul(m); })
      .Case<AddOp>([&](AddOp o) { return planBinary(o, lowering::BinaryOp::Add, o.getLhs(), o.getRhs()); })
      .Case<SubOp>([&](SubOp o) { return planBinary(o, lowering::BinaryOp::Sub, o.getLhs(), o.getRhs()); })
      .Case<MulOp>([&](MulOp o) { return planBinary(o, lowering::BinaryOp::Mul, o.getLhs(), o.getRhs()); })
      .Case<DivOp>([&](DivOp o) { return planBinary(o, lowering::BinaryOp::Div, o.getLhs(), o.getRhs()); })
      .Case<ApplyMaskOp>([&](ApplyMaskOp o) { return planApplyMask(o); })
      .Case<ReluOp, GeluOp, LeakyReluOp>([&](Operation *o) { return planActivation(o); })
      .Case<SoftmaxOp>([&](SoftmaxOp s) { return planSoftmax(s); })
      .Case<GluOp>([&](GluOp g) { return planGlu(g); })
      .Case<LayerNormOp>([&](LayerNormOp l) { return planLayerNorm(l); })
      .Case<TransposeOp>([&](TransposeOp t) { return planTranspose(t); })
      .Case<ConcatOp>([&](ConcatOp c) { return planConcat(c); })
      .Case<SliceOp>([&](SliceOp s) { return planSlice(s); })
      .Case<PaddingMaskOp>([&](PaddingMaskOp p) { return planPaddingMask(p); })
      .Case<CausalMaskOp>([&](CausalMaskOp c) { return planCausalMask(c); })
      .Case<AttentionOp>([&](AttentionOp a) { return planAttention(a); })
      .Case<LightweightConvOp>([&](LightweightConvOp c) { return planLightweightConv(c); })
      .Case<DynamicConvOp>([&](DynamicConvOp c) { return planDynamicConv(c); })
      .Case<FlatMlpOp>([&](FlatMlpOp m) { return planFlatMlp(m); })
      .Case<LsraOp>([&](LsraOp l) { return planLsra(l); })
      .Case<func::ReturnOp>([&](func::ReturnOp) { return Status::ok(); })
      .Default([&](Operation *o) {
        return Status::error("op '" + o->getName().getStringRef().str() +
                             "' has no lowering to Halide");
      });
}

StatusOr<Plan> Planner::plan(func::FuncOp fn) {
  plan_.function = fn.getName().str();
  if (fn.getBody().getBlocks().size() != 1)
    return Status::error("function '" + fn.getName().str() +
                         "' must have a single block");
  for (auto [i, arg] : llvm::enumerate(fn.getArguments())) {
    auto name = fn.getArgAttrOfType<StringAttr>(i, kNameAttrName);
    if (!isa<RankedTensorType>(arg.getType()))
      return Status::error("argument " + std::to_string(i) + " must be a ranked tensor");
    Shape shape = typeShape(arg.getType());
    if (std::count(shape.begin(), shape.end(), kDyn) > 1)
      return Status::error("argument " + std::to_string(i) + " has shape " +
                           rt::formatShape(shape) +
                           ": only one dimension (the batch) may be dynamic");
    plan_.inputs.push_back({name ? name.str() : "arg" + std::to_string(i),
                            slotOf(arg), dtypeOf(arg.getType()),
                            typeShape(arg.getType())});
  }
  for (Operation &op : fn.getBody().front()) {
    Status s = planOp(&op);
    if (!s)
      return s.withContext(locString(&op));
  }
  auto ret = cast<func::ReturnOp>(fn.getBody().front().getTerminator());
  for (auto [i, v] : llvm::enumerate(ret.getOperands())) {
    auto name = fn.getResultAttrOfType<StringAttr>(i, kNameAttrName);
    plan_.outputs.push_back({name ? name.str() : "result" + std::to_string(i),
                             slotOf(v), dtypeOf(v.getType()), typeShape(v.getType())});
  }
  // Liveness on the finished steps: a slot's buffer is released after the
  // last step reading it. Never released: inputs, outputs and constants
  // (their storage belongs to the caller or the plan). A view shares its
  // source's storage; the pool only recycles storage nobody else holds.
  std::vector<int> lastUse(plan_.numSlots, -1);
  for (size_t i = 0; i < plan_.steps.size(); ++i)
    for (int slot : plan_.steps[i].inputs)
      lastUse[slot] = static_cast<int>(i);
  for (size_t i = 0; i < plan_.steps.size(); ++i) {
    int out = plan_.steps[i].output;
    if (out >= 0 && lastUse[out] < static_cast<int>(i))
      lastUse[out] = static_cast<int>(i); // written but never read
  }
  std::set<int> kept;
  for (const PlanPort &p : plan_.inputs)
    kept.insert(p.slot);
  for (const PlanPort &p : plan_.outputs)
    kept.insert(p.slot);
  for (int slot : plan_.constantSlots)
    if (slot >= 0)
      kept.insert(slot);
  for (int slot = 0; slot < plan_.numSlots; ++slot)
    if (lastUse[slot] >= 0 && !kept.count(slot))
      plan_.steps[lastUse[slot]].release.push_back(slot);
  return std::move(plan_);
}

} // namespace detail

using detail::Planner;
using rt::Status;
using rt::StatusOr;

StatusOr<Plan> planFunction(ModuleOp module, const std::string &name) {
  auto fn = module.lookupSymbol<func::FuncOp>(name);
  if (!fn) {
    std::string available;
    for (auto f : module.getOps<func::FuncOp>())
      available += (available.empty() ? "" : ", ") + f.getName().str();
    return Status::error("no function '" + name + "' in the model (it has: " +
                         available + ")");
  }
  Planner planner;
  return planner.plan(fn);
}

} // namespace tfx::plan
