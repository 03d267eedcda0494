//===- Planner.cpp - a tfx function -> an execution plan (data) ------------===//
//
// Walks the function once. Each op becomes one or more kernel launches
// (KernelDesc -> lib/Lowering) reading and writing slots through views;
// reshape and dropout become views; parameters and constants become constant
// recipes (linear weights are transposed once, the fused LSRA kernel's
// weights packed); intermediates of multi-kernel ops (attention, dynamic
// conv, flat MLP) get slots of their own. Liveness is computed on the
// finished step list, so every slot returns its buffer right after its last
// use. See include/tfx/Exec/Plan.h.
//
//===----------------------------------------------------------------------===//

#include "tfx/Exec/Plan.h"

#include "tfx/Dialect/Tfx.h"

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

namespace tfx::exec {
namespace {

using lowering::KernelDesc;
using lowering::OperandDesc;
using rt::DType;
using rt::Status;
using rt::StatusOr;
using rt::Tensor;

constexpr int64_t kDyn = -1;
constexpr int64_t kMaxElements = kMaxKernelElements;

Shape typeShape(Type type) {
  Shape s;
  for (int64_t d : llvm::cast<RankedTensorType>(type).getShape())
    s.push_back(ShapedType::isDynamic(d) ? kDyn : d);
  return s;
}

DType dtypeOf(Type type) {
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

int64_t product(const Shape &s, size_t begin, size_t end) {
  int64_t n = 1;
  for (size_t i = begin; i < end; ++i) {
    if (s[i] == kDyn)
      return kDyn;
    n *= s[i];
  }
  return n;
}

/// [outer, s[axis], inner] view of a shape.
Shape collapse3(const Shape &s, size_t axis) {
  return {product(s, 0, axis), s[axis], product(s, axis + 1, s.size())};
}
/// [rows, last] view of a shape.
Shape collapse2(const Shape &s) { return {product(s, 0, s.size() - 1), s.back()}; }

std::string locString(Operation *op) {
  std::string out;
  llvm::raw_string_ostream os(out);
  os << op->getName() << " at " << op->getLoc();
  return out;
}

OperandDesc desc(DType dtype, Shape shape) { return OperandDesc{dtype, std::move(shape)}; }

/// Broadcast flags of `operand` against `result` (both padded to one rank).
void broadcastFlags(KernelDesc &d, const std::string &name, Shape operand,
                    const Shape &result) {
  operand.insert(operand.begin(), result.size() - operand.size(), 1);
  for (size_t i = 0; i < result.size(); ++i)
    if (operand[i] == 1 && result[i] != 1)
      d.ints["bcast_" + name + "_" + std::to_string(i)] = 1;
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
                int64_t K, int64_t N, const std::string &act, double slope,
                int out, Shape resultView) {
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
    kernelStep(what, lowering::linearDesc(K, N, static_cast<bool>(bias), act, slope),
               ins, views, out, {kDyn, N}, std::move(resultView));
    return Status::ok();
  }

  Status planOp(Operation *op);
  Status planElementwise(Operation *op, const std::string &kind, Value lhs, Value rhs);
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

Status Planner::planElementwise(Operation *op, const std::string &kind,
                                Value lhs, Value rhs) {
  Value result = op->getResult(0);
  Shape rs = typeShape(result.getType());
  size_t rank = rs.size();
  KernelDesc d;
  d.kind = kind == "apply_mask" ? "apply_mask" : "binary";
  std::string lhsName = kind == "apply_mask" ? "x" : "lhs";
  std::string rhsName = kind == "apply_mask" ? "mask" : "rhs";
  Shape ls = typeShape(lhs.getType()), rsh = typeShape(rhs.getType());
  if (kind == "apply_mask")
    d.floats["fill"] = llvm::cast<ApplyMaskOp>(op).getFill().convertToDouble();
  else
    d.strings["op"] = kind;
  broadcastFlags(d, rhsName, rsh, rs);
  if (kind != "apply_mask")
    broadcastFlags(d, lhsName, ls, rs);
  auto padded = [&](Shape s) {
    s.insert(s.begin(), rank - s.size(), 1);
    return s;
  };
  d.inputs = {desc(dtypeOf(lhs.getType()), padded(ls)),
              desc(dtypeOf(rhs.getType()), padded(rsh))};
  d.output = desc(DType::F32, rs);
  kernelStep(locString(op), d, {slotOf(lhs), slotOf(rhs)},
             {d.inputs[0].shape, d.inputs[1].shape}, slotOf(result), rs, rs,
             /*broadcast=*/true);
  return Status::ok();
}

Status Planner::planAttention(AttentionOp a) {
  std::string what = locString(a);
  Shape q = typeShape(a.getQuery().getType());
  Shape kv = typeShape(a.getKeyValue().getType());
  int64_t D = q[2], Dkv = kv[2];
  int Q = newSlot(), K = newSlot(), V = newSlot(), att = newSlot();
  int query = slotOf(a.getQuery()), keyValue = slotOf(a.getKeyValue());
  TFX_RETURN_IF_ERROR(linear(what, query, a.getQWeight(), a.getQBias(), D, D,
                             "none", 0, Q, {kDyn, D}));
  TFX_RETURN_IF_ERROR(linear(what, keyValue, a.getKWeight(), a.getKBias(), Dkv,
                             D, "none", 0, K, {kDyn, D}));
  TFX_RETURN_IF_ERROR(linear(what, keyValue, a.getVWeight(), a.getVBias(), Dkv,
                             D, "none", 0, V, {kDyn, D}));
  KernelDesc d;
  d.kind = "sdpa";
  d.ints["heads"] = a.getNumHeadsAttr().getInt();
  d.ints["causal"] = a.getCausal();
  d.inputs = {desc(DType::F32, q), desc(DType::F32, {kv[0], kv[1], D}),
              desc(DType::F32, {kv[0], kv[1], D})};
  std::vector<int> ins = {Q, K, V};
  if (Value mask = a.getKeyPaddingMask()) {
    d.ints["has_mask"] = 1;
    d.inputs.push_back(desc(DType::Bool, {kv[0], kv[1]}));
    ins.push_back(slotOf(mask));
  }
  d.output = desc(DType::F32, q);
  std::vector<Shape> views;
  for (const OperandDesc &o : d.inputs)
    views.push_back(o.shape);
  kernelStep(what, d, ins, views, att, q, q);
  return linear(what, att, a.getOutWeight(), a.getOutBias(), D, D, "none", 0,
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
  KernelDesc rows;
  rows.kind = "mask_rows";
  rows.ints["causal"] = perPos;
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
  TFX_RETURN_IF_ERROR(linear(what, n1, m.getFc1Weight(), m.getFc1Bias(), F, hidden,
                             "leaky_relu", m.getNegativeSlope().convertToDouble(),
                             h, {kDyn, hidden}));
  TFX_RETURN_IF_ERROR(norm(h, m.getHiddenNormWeight(), m.getHiddenNormBias(),
                           hidden, n2));
  TFX_RETURN_IF_ERROR(linear(what, n2, m.getFc2Weight(), m.getFc2Bias(), hidden,
                             outRows, "none", 0, y, {kDyn, outRows}));
  // Padded output positions are zeroed.
  KernelDesc mask;
  mask.kind = "apply_mask";
  mask.floats["fill"] = 0.0;
  mask.inputs = {desc(DType::F32, res), desc(DType::Bool, {res[0], res[1], 1})};
  broadcastFlags(mask, "mask", {res[0], res[1], 1}, res);
  mask.output = desc(DType::F32, res);
  kernelStep(what, mask, {y, slotOf(m.getOutputMask())}, {res, {kDyn, res[1], 1}},
             slotOf(m.getResult()), res, res);
  return Status::ok();
}

/// tfx.lsra: one fused kernel (lib/Lowering buildLsra). Its weights are
/// packed at load time: Q, K and V side by side, every projection
/// pre-transposed; masks are viewed per row (batch x length).
Status Planner::planLsra(LsraOp op) {
  std::string what = locString(op);
  Shape in = typeShape(op.getInput().getType());
  int64_t T = in[1], D = in[2];
  bool dynamic = op.getConvKind() == "dynamic";
  int64_t taps = op.getConvHeadsAttr().getInt() * op.getKernelSizeAttr().getInt();
  std::vector<int> packed; // constant indices, in the kernel's input order
  auto concat = [&](std::vector<int> parts) {
    ConstantRecipe r;
    r.kind = ConstantRecipe::Kind::ConcatColumns;
    r.parts = parts;
    r.shape = plan_.constants[parts[0]].shape;
    r.shape.back() = 0;
    for (int p : parts)
      r.shape.back() += plan_.constants[p].shape.back();
    r.what = what;
    return addConstant(std::move(r), -1);
  };
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
  packed.push_back(concat(weights));
  packed.push_back(concat(biases));
  auto add = [&](StatusOr<int> c) -> Status {
    if (!c)
      return c.status();
    packed.push_back(*c);
    return Status::ok();
  };
  TFX_RETURN_IF_ERROR(add(transposed(op.getOutWeight())));
  TFX_RETURN_IF_ERROR(add(constantOf(op.getOutBias(), "lsra biases")));
  TFX_RETURN_IF_ERROR(add(transposed(op.getConvInWeight())));
  TFX_RETURN_IF_ERROR(add(constantOf(op.getConvInBias(), "lsra biases")));
  if (dynamic) {
    TFX_RETURN_IF_ERROR(add(transposed(op.getConvWeight())));
    if (op.getKernelBias()) {
      TFX_RETURN_IF_ERROR(add(constantOf(op.getKernelBias(), "lsra biases")));
    } else {
      ConstantRecipe z;
      z.kind = ConstantRecipe::Kind::Zeros;
      z.shape = {taps};
      z.what = what;
      packed.push_back(addConstant(std::move(z), -1));
    }
  } else {
    TFX_RETURN_IF_ERROR(add(constantOf(op.getConvWeight(), "lsra kernels")));
  }
  TFX_RETURN_IF_ERROR(add(transposed(op.getConvOutWeight())));
  TFX_RETURN_IF_ERROR(add(constantOf(op.getConvOutBias(), "lsra biases")));

  lowering::LsraParams p;
  p.length = T;
  p.dModel = D;
  p.heads = op.getNumHeadsAttr().getInt();
  p.causal = op.getCausal();
  p.dynamic = dynamic;
  p.convHeads = op.getConvHeadsAttr().getInt();
  p.kernelSize = op.getKernelSizeAttr().getInt();
  p.padding = op.getPadding().str();
  p.weightSoftmax = op.getWeightSoftmax();
  p.attentionInputOffset = op.getAttentionInputOffset();
  p.attentionOutputOffset = op.getAttentionOutputOffset();
  p.hasMask = static_cast<bool>(op.getKeyPaddingMask());
  p.hasConvMask = static_cast<bool>(op.getConvMask());
  KernelDesc d = lowering::lsraDesc(p);
  if (d.inputs.size() != 1 + packed.size() + p.hasMask + p.hasConvMask)
    return Status::error("lsra: internal error: packed weights do not match the kernel");
  std::vector<int> ins = {slotOf(op.getInput())};
  std::vector<Shape> views = {{kDyn, D}};
  for (size_t i = 0; i < packed.size(); ++i) {
    if (d.inputs[1 + i].shape != plan_.constants[packed[i]].shape)
      return Status::error("lsra: internal error: packed weight " + std::to_string(i) +
                           " has shape " +
                           rt::formatShape(plan_.constants[packed[i]].shape));
    ins.push_back(constantSlot(packed[i]));
    views.push_back(d.inputs[1 + i].shape);
  }
  for (Value mask : {op.getKeyPaddingMask(), op.getConvMask()})
    if (mask) {
      ins.push_back(slotOf(mask));
      views.push_back({kDyn});
    }
  kernelStep(what, d, ins, views, slotOf(op.getResult()), {kDyn, D},
             typeShape(op.getType()));
  return Status::ok();
}

Status Planner::planOp(Operation *op) {
  if (fused_.count(op))
    return Status::ok();
  return llvm::TypeSwitch<Operation *, Status>(op)
      .Case<ParamOp>([&](ParamOp p) {
        ConstantRecipe r;
        r.kind = ConstantRecipe::Kind::Weight;
        r.weight = p.getName().str();
        r.shape = typeShape(p.getType());
        r.dtype = DType::F32;
        r.what = locString(p);
        constantOf_[p.getResult()] = addConstant(std::move(r), slotOf(p.getResult()));
        return Status::ok();
      })
      .Case<ConstantOp>([&](ConstantOp c) -> Status {
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
      })
      .Case<ReshapeOp, DropoutOp>([&](Operation *o) {
        PlanStep s;
        s.kind = PlanStep::Kind::View;
        s.what = locString(o);
        s.inputs = {slotOf(o->getOperand(0))};
        s.output = slotOf(o->getResult(0));
        s.resultView = typeShape(o->getResult(0).getType());
        plan_.steps.push_back(std::move(s));
        return Status::ok();
      })
      .Case<EmbeddingOp>([&](EmbeddingOp e) {
        Shape ids = typeShape(e.getIds().getType());
        Shape table = typeShape(e.getTable().getType());
        // Ids outside the vocabulary are a user error, not a clamp.
        PlanStep check;
        check.kind = PlanStep::Kind::CheckIds;
        check.what = locString(e);
        check.inputs = {slotOf(e.getIds())};
        check.vocab = table[0];
        plan_.steps.push_back(std::move(check));
        KernelDesc d;
        d.kind = "embedding";
        d.floats["scale"] = e.getScale().convertToDouble();
        d.inputs = {desc(dtypeOf(e.getIds().getType()), ids), desc(DType::F32, table)};
        d.output = desc(DType::F32, typeShape(e.getType()));
        simple(e, d, {e.getIds(), e.getTable()}, e.getResult());
        return Status::ok();
      })
      .Case<PositionalEncodingOp>([&](PositionalEncodingOp p) {
        Shape s = typeShape(p.getType());
        Shape v = {product(s, 0, s.size() - 2), s[s.size() - 2], s.back()};
        KernelDesc d;
        d.kind = "positional_encoding";
        d.inputs = {desc(DType::F32, v)};
        d.output = desc(DType::F32, v);
        simple(p, d, {p.getInput()}, p.getResult());
        return Status::ok();
      })
      .Case<LinearOp>([&](LinearOp l) {
        std::string act = "none";
        double slope = 0;
        Value result = l.getResult();
        if (result.hasOneUse()) {
          Operation *user = *result.getUsers().begin();
          if (isa<ReluOp>(user))
            act = "relu";
          else if (auto g = dyn_cast<GeluOp>(user))
            act = g.getApproximate() == "tanh" ? "gelu_tanh" : "gelu";
          else if (auto lr = dyn_cast<LeakyReluOp>(user)) {
            act = "leaky_relu";
            slope = lr.getNegativeSlope().convertToDouble();
          }
          if (act != "none") {
            fused_[user] = true;
            result = user->getResult(0);
          }
        }
        // K from the weight: the input's feature dimension may be dynamic.
        Shape ws = typeShape(l.getWeight().getType());
        int64_t K = ws[1], N = ws[0];
        return linear(locString(l), slotOf(l.getInput()), l.getWeight(), l.getBias(),
                      K, N, act, slope, slotOf(result), typeShape(result.getType()));
      })
      .Case<MatmulOp>([&](MatmulOp m) {
        Shape a = typeShape(m.getLhs().getType()), b = typeShape(m.getRhs().getType());
        size_t r = a.size();
        Shape av = {product(a, 0, r - 2), a[r - 2], a[r - 1]};
        Shape bv = {product(b, 0, r - 2), b[r - 2], b[r - 1]};
        KernelDesc d;
        d.kind = "matmul";
        d.inputs = {desc(DType::F32, av), desc(DType::F32, bv)};
        d.output = desc(DType::F32, {av[0], av[1], bv[2]});
        simple(m, d, {m.getLhs(), m.getRhs()}, m.getResult());
        return Status::ok();
      })
      .Case<AddOp>([&](AddOp o) { return planElementwise(o, "add", o.getLhs(), o.getRhs()); })
      .Case<SubOp>([&](SubOp o) { return planElementwise(o, "sub", o.getLhs(), o.getRhs()); })
      .Case<MulOp>([&](MulOp o) { return planElementwise(o, "mul", o.getLhs(), o.getRhs()); })
      .Case<DivOp>([&](DivOp o) { return planElementwise(o, "div", o.getLhs(), o.getRhs()); })
      .Case<ApplyMaskOp>([&](ApplyMaskOp o) {
        return planElementwise(o, "apply_mask", o.getInput(), o.getMask());
      })
      .Case<ReluOp, GeluOp, LeakyReluOp>([&](Operation *o) {
        KernelDesc d;
        d.kind = "unary";
        if (isa<ReluOp>(o))
          d.strings["act"] = "relu";
        else if (auto g = dyn_cast<GeluOp>(o))
          d.strings["act"] = g.getApproximate() == "tanh" ? "gelu_tanh" : "gelu";
        else {
          d.strings["act"] = "leaky_relu";
          d.floats["slope"] = cast<LeakyReluOp>(o).getNegativeSlope().convertToDouble();
        }
        Shape s = typeShape(o->getResult(0).getType());
        d.inputs = {desc(DType::F32, {product(s, 0, s.size())})};
        d.output = d.inputs[0];
        simple(o, d, {o->getOperand(0)}, o->getResult(0));
        return Status::ok();
      })
      .Case<SoftmaxOp>([&](SoftmaxOp s) {
        Shape shape = typeShape(s.getType());
        int64_t axis = s.getAxisAttr().getInt();
        if (axis < 0)
          axis += shape.size();
        KernelDesc d;
        d.kind = "softmax";
        d.inputs = {desc(DType::F32, collapse3(shape, axis))};
        d.output = d.inputs[0];
        simple(s, d, {s.getInput()}, s.getResult());
        return Status::ok();
      })
      .Case<GluOp>([&](GluOp g) {
        Shape in = typeShape(g.getInput().getType());
        int64_t axis = g.getAxisAttr().getInt();
        if (axis < 0)
          axis += in.size();
        KernelDesc d;
        d.kind = "glu";
        d.inputs = {desc(DType::F32, collapse3(in, axis))};
        d.output = desc(DType::F32, collapse3(typeShape(g.getType()), axis));
        simple(g, d, {g.getInput()}, g.getResult());
        return Status::ok();
      })
      .Case<LayerNormOp>([&](LayerNormOp l) {
        Shape s = typeShape(l.getInput().getType());
        KernelDesc d;
        d.kind = "layer_norm";
        d.floats["epsilon"] = l.getEpsilon().convertToDouble();
        d.inputs = {desc(DType::F32, collapse2(s)), desc(DType::F32, {s.back()}),
                    desc(DType::F32, {s.back()})};
        d.output = d.inputs[0];
        simple(l, d, {l.getInput(), l.getGamma(), l.getBeta()}, l.getResult());
        return Status::ok();
      })
      .Case<TransposeOp>([&](TransposeOp t) {
        KernelDesc d;
        d.kind = "transpose";
        for (auto [i, p] : llvm::enumerate(t.getPermutation()))
          d.ints["perm_" + std::to_string(i)] = p;
        d.inputs = {desc(dtypeOf(t.getInput().getType()), typeShape(t.getInput().getType()))};
        d.output = desc(dtypeOf(t.getType()), typeShape(t.getType()));
        simple(t, d, {t.getInput()}, t.getResult());
        return Status::ok();
      })
      .Case<ConcatOp>([&](ConcatOp c) {
        Shape out = typeShape(c.getType());
        int64_t axis = c.getAxisAttr().getInt();
        if (axis < 0)
          axis += out.size();
        KernelDesc d;
        d.kind = "concat";
        std::vector<Value> ins;
        for (Value v : c.getInputs()) {
          d.inputs.push_back(desc(dtypeOf(v.getType()), collapse3(typeShape(v.getType()), axis)));
          ins.push_back(v);
        }
        d.output = desc(dtypeOf(c.getType()), collapse3(out, axis));
        simple(c, d, ins, c.getResult());
        return Status::ok();
      })
      .Case<SliceOp>([&](SliceOp s) {
        Shape in = typeShape(s.getInput().getType());
        int64_t axis = s.getAxisAttr().getInt();
        if (axis < 0)
          axis += in.size();
        KernelDesc d;
        d.kind = "slice";
        d.ints["start"] = s.getStartAttr().getInt();
        d.inputs = {desc(dtypeOf(s.getInput().getType()), collapse3(in, axis))};
        d.output = desc(dtypeOf(s.getType()), collapse3(typeShape(s.getType()), axis));
        simple(s, d, {s.getInput()}, s.getResult());
        return Status::ok();
      })
      .Case<PaddingMaskOp>([&](PaddingMaskOp p) {
        KernelDesc d;
        d.kind = "padding_mask";
        d.ints["pad_id"] = p.getPadIdAttr().getInt();
        d.inputs = {desc(dtypeOf(p.getIds().getType()), typeShape(p.getIds().getType()))};
        d.output = desc(DType::Bool, typeShape(p.getType()));
        simple(p, d, {p.getIds()}, p.getResult());
        return Status::ok();
      })
      .Case<CausalMaskOp>([&](CausalMaskOp c) {
        KernelDesc d;
        d.kind = "causal_mask";
        d.output = desc(DType::Bool, typeShape(c.getType()));
        simple(c, d, {}, c.getResult());
        return Status::ok();
      })
      .Case<AttentionOp>([&](AttentionOp a) { return planAttention(a); })
      .Case<LightweightConvOp>([&](LightweightConvOp c) {
        KernelDesc d;
        d.kind = "lightweight_conv";
        d.ints["heads"] = c.getNumHeadsAttr().getInt();
        d.ints["kernel_size"] = c.getKernelSizeAttr().getInt();
        d.ints["weight_softmax"] = c.getWeightSoftmax();
        d.strings["padding"] = c.getPadding().str();
        d.inputs = {desc(DType::F32, typeShape(c.getInput().getType())),
                    desc(DType::F32, typeShape(c.getWeight().getType()))};
        d.output = desc(DType::F32, typeShape(c.getType()));
        simple(c, d, {c.getInput(), c.getWeight()}, c.getResult());
        return Status::ok();
      })
      .Case<DynamicConvOp>([&](DynamicConvOp c) -> Status {
        std::string what = locString(c);
        Shape x = typeShape(c.getInput().getType());
        int64_t C = x[2];
        int64_t taps = c.getNumHeadsAttr().getInt() * c.getKernelSizeAttr().getInt();
        int logits = newSlot();
        TFX_RETURN_IF_ERROR(linear(what, slotOf(c.getInput()), c.getKernelWeight(),
                                   c.getKernelBias(), C, taps, "none", 0, logits,
                                   {kDyn, taps}));
        KernelDesc d;
        d.kind = "dynamic_conv";
        d.ints["heads"] = c.getNumHeadsAttr().getInt();
        d.ints["kernel_size"] = c.getKernelSizeAttr().getInt();
        d.ints["weight_softmax"] = c.getWeightSoftmax();
        d.strings["padding"] = c.getPadding().str();
        d.inputs = {desc(DType::F32, x), desc(DType::F32, {x[0], x[1], taps})};
        d.output = desc(DType::F32, x);
        kernelStep(what, d, {slotOf(c.getInput()), logits}, {x, {kDyn, x[1], taps}},
                   slotOf(c.getResult()), x, x);
        return Status::ok();
      })
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

} // namespace

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

} // namespace tfx::exec
