//===- PlanOps.cpp - planning each tfx op ---------------------------------===//
//
// One Planner member per op (or group of ops sharing a kernel): the
// KernelDesc it needs and the step that reads and writes its slots.
// Attention, flat MLPs and LSRA are in Planner.cpp.
//
//===----------------------------------------------------------------------===//

#include "PlannerImpl.h"

namespace tfx::plan::detail {

Status Planner::planParam(ParamOp p) {
  ConstantRecipe r;
  r.kind = ConstantRecipe::Kind::Weight;
  r.weight = p.getName().str();
  r.shape = typeShape(p.getType());
  r.dtype = DType::F32;
  r.what = locString(p);
  constantOf_[p.getResult()] = addConstant(std::move(r), slotOf(p.getResult()));
  return Status::ok();
}

Status Planner::planConstant(ConstantOp c) {
  auto dense = llvm::dyn_cast<DenseElementsAttr>(c.getValue());
  if (!dense)
    return Status::error("only dense constants are supported");
  Shape shape = typeShape(c.getType());
  DType dtype = dtypeOf(c.getType());
  Tensor t(dtype, shape);
  int64_t i = 0;
  if (dtype == DType::F32) {
    for (float v : dense.getValues<float>())
      t.dataAs<float>()[i++] = v;
  } else if (dtype == DType::Bool) {
    for (bool v : dense.getValues<bool>())
      t.dataAs<uint8_t>()[i++] = v;
  } else if (dtype == DType::I64) {
    for (int64_t v : dense.getValues<int64_t>())
      t.dataAs<int64_t>()[i++] = v;
  } else {
    return Status::error("unsupported constant element type");
  }
  ConstantRecipe r;
  r.kind = ConstantRecipe::Kind::Literal;
  r.dtype = dtype;
  r.shape = shape;
  r.literal = t;
  r.what = locString(c);
  constantOf_[c.getResult()] = addConstant(std::move(r), slotOf(c.getResult()));
  return Status::ok();
}

Status Planner::planView(Operation *o) {
  PlanStep s;
  s.kind = PlanStep::Kind::View;
  s.what = locString(o);
  s.inputs = {slotOf(o->getOperand(0))};
  s.output = slotOf(o->getResult(0));
  s.resultView = typeShape(o->getResult(0).getType());
  plan_.steps.push_back(std::move(s));
  return Status::ok();
}

Status Planner::planEmbedding(EmbeddingOp e) {
  Shape ids = typeShape(e.getIds().getType());
  Shape table = typeShape(e.getTable().getType());
  // Ids outside the vocabulary are a user error, not a clamp.
  PlanStep check;
  check.kind = PlanStep::Kind::CheckIds;
  check.what = locString(e);
  check.inputs = {slotOf(e.getIds())};
  check.vocab = table[0];
  plan_.steps.push_back(std::move(check));
  KernelDesc d(lowering::EmbeddingParams{e.getScale().convertToDouble()});
  d.inputs = {desc(dtypeOf(e.getIds().getType()), ids), desc(DType::F32, table)};
  d.output = desc(DType::F32, typeShape(e.getType()));
  simple(e, d, {e.getIds(), e.getTable()}, e.getResult());
  return Status::ok();
}

Status Planner::planPositionalEncoding(PositionalEncodingOp p) {
  Shape s = typeShape(p.getType());
  Shape v = {product(s, 0, s.size() - 2), s[s.size() - 2], s.back()};
  KernelDesc d(lowering::PositionalEncodingParams{});
  d.inputs = {desc(DType::F32, v)};
  d.output = desc(DType::F32, v);
  simple(p, d, {p.getInput()}, p.getResult());
  return Status::ok();
}

Status Planner::planLinear(LinearOp l) {
  lowering::Activation act;
  Value result = l.getResult();
  if (result.hasOneUse()) {
    Operation *user = *result.getUsers().begin();
    if (std::optional<lowering::Activation> a = activationOf(user))
      act = *a;
    if (act.kind != lowering::ActivationKind::None) {
      fused_[user] = true;
      result = user->getResult(0);
    }
  }
  // K from the weight: the input's feature dimension may be dynamic.
  Shape ws = typeShape(l.getWeight().getType());
  int64_t K = ws[1], N = ws[0];
  return linear(locString(l), slotOf(l.getInput()), l.getWeight(), l.getBias(),
                K, N, act, slotOf(result), typeShape(result.getType()));
}

Status Planner::planMatmul(MatmulOp m) {
  Shape a = typeShape(m.getLhs().getType()), b = typeShape(m.getRhs().getType());
  size_t r = a.size();
  Shape av = {product(a, 0, r - 2), a[r - 2], a[r - 1]};
  Shape bv = {product(b, 0, r - 2), b[r - 2], b[r - 1]};
  KernelDesc d(lowering::MatmulParams{});
  d.inputs = {desc(DType::F32, av), desc(DType::F32, bv)};
  d.output = desc(DType::F32, {av[0], av[1], bv[2]});
  simple(m, d, {m.getLhs(), m.getRhs()}, m.getResult());
  return Status::ok();
}

Status Planner::planActivation(Operation *o) {
  std::optional<lowering::Activation> act = activationOf(o);
  if (!act)
    return Status::error(locString(o) + ": not an activation");
  KernelDesc d(lowering::UnaryParams{*act});
  Shape s = typeShape(o->getResult(0).getType());
  d.inputs = {desc(DType::F32, {product(s, 0, s.size())})};
  d.output = d.inputs[0];
  simple(o, d, {o->getOperand(0)}, o->getResult(0));
  return Status::ok();
}

Status Planner::planSoftmax(SoftmaxOp s) {
  Shape shape = typeShape(s.getType());
  int64_t axis = normalizedAxis(s.getAxisAttr().getInt(), shape.size());
  KernelDesc d(lowering::SoftmaxParams{});
  d.inputs = {desc(DType::F32, collapse3(shape, axis))};
  d.output = d.inputs[0];
  simple(s, d, {s.getInput()}, s.getResult());
  return Status::ok();
}

Status Planner::planGlu(GluOp g) {
  Shape in = typeShape(g.getInput().getType());
  int64_t axis = normalizedAxis(g.getAxisAttr().getInt(), in.size());
  KernelDesc d(lowering::GluParams{});
  d.inputs = {desc(DType::F32, collapse3(in, axis))};
  d.output = desc(DType::F32, collapse3(typeShape(g.getType()), axis));
  simple(g, d, {g.getInput()}, g.getResult());
  return Status::ok();
}

Status Planner::planLayerNorm(LayerNormOp l) {
  Shape s = typeShape(l.getInput().getType());
  KernelDesc d(lowering::LayerNormParams{l.getEpsilon().convertToDouble()});
  d.inputs = {desc(DType::F32, collapse2(s)), desc(DType::F32, {s.back()}),
              desc(DType::F32, {s.back()})};
  d.output = d.inputs[0];
  simple(l, d, {l.getInput(), l.getGamma(), l.getBeta()}, l.getResult());
  return Status::ok();
}

Status Planner::planTranspose(TransposeOp t) {
  lowering::TransposeParams params;
  for (int64_t p : t.getPermutation())
    params.perm.push_back(p);
  KernelDesc d(std::move(params));
  d.inputs = {desc(dtypeOf(t.getInput().getType()), typeShape(t.getInput().getType()))};
  d.output = desc(dtypeOf(t.getType()), typeShape(t.getType()));
  simple(t, d, {t.getInput()}, t.getResult());
  return Status::ok();
}

Status Planner::planConcat(ConcatOp c) {
  Shape out = typeShape(c.getType());
  int64_t axis = normalizedAxis(c.getAxisAttr().getInt(), out.size());
  KernelDesc d(lowering::ConcatParams{
      static_cast<int64_t>(c.getInputs().size())});
  std::vector<Value> ins;
  for (Value v : c.getInputs()) {
    d.inputs.push_back(desc(dtypeOf(v.getType()), collapse3(typeShape(v.getType()), axis)));
    ins.push_back(v);
  }
  d.output = desc(dtypeOf(c.getType()), collapse3(out, axis));
  simple(c, d, ins, c.getResult());
  return Status::ok();
}

Status Planner::planSlice(SliceOp s) {
  Shape in = typeShape(s.getInput().getType());
  int64_t axis = normalizedAxis(s.getAxisAttr().getInt(), in.size());
  KernelDesc d(lowering::SliceParams{s.getStartAttr().getInt()});
  d.inputs = {desc(dtypeOf(s.getInput().getType()), collapse3(in, axis))};
  d.output = desc(dtypeOf(s.getType()), collapse3(typeShape(s.getType()), axis));
  simple(s, d, {s.getInput()}, s.getResult());
  return Status::ok();
}

Status Planner::planPaddingMask(PaddingMaskOp p) {
  KernelDesc d(lowering::PaddingMaskParams{p.getPadIdAttr().getInt()});
  d.inputs = {desc(dtypeOf(p.getIds().getType()), typeShape(p.getIds().getType()))};
  d.output = desc(DType::Bool, typeShape(p.getType()));
  simple(p, d, {p.getIds()}, p.getResult());
  return Status::ok();
}

Status Planner::planCausalMask(CausalMaskOp c) {
  KernelDesc d(lowering::CausalMaskParams{});
  d.output = desc(DType::Bool, typeShape(c.getType()));
  simple(c, d, {}, c.getResult());
  return Status::ok();
}

Status Planner::planLightweightConv(LightweightConvOp c) {
  lowering::LightweightConvParams params;
  TFX_RETURN_IF_ERROR(convParams(c, params));
  KernelDesc d(params);
  d.inputs = {desc(DType::F32, typeShape(c.getInput().getType())),
              desc(DType::F32, typeShape(c.getWeight().getType()))};
  d.output = desc(DType::F32, typeShape(c.getType()));
  simple(c, d, {c.getInput(), c.getWeight()}, c.getResult());
  return Status::ok();
}

Status Planner::planDynamicConv(DynamicConvOp c) {
  std::string what = locString(c);
  Shape x = typeShape(c.getInput().getType());
  int64_t C = x[2];
  int64_t taps = c.getNumHeadsAttr().getInt() * c.getKernelSizeAttr().getInt();
  int logits = newSlot();
  TFX_RETURN_IF_ERROR(linear(what, slotOf(c.getInput()), c.getKernelWeight(),
                             c.getKernelBias(), C, taps, lowering::Activation::none(),
                             logits, {kDyn, taps}));
  lowering::DynamicConvParams params;
  TFX_RETURN_IF_ERROR(convParams(c, params));
  KernelDesc d(params);
  d.inputs = {desc(DType::F32, x), desc(DType::F32, {x[0], x[1], taps})};
  d.output = desc(DType::F32, x);
  kernelStep(what, d, {slotOf(c.getInput()), logits}, {x, {kDyn, x[1], taps}},
             slotOf(c.getResult()), x, x);
  return Status::ok();
}

} // namespace tfx::plan::detail
