//===- ElementwiseOps.cpp - elementwise arithmetic ------------------------===//
//
// Elementwise ops: folded at import time on host tensors (foldElementwise,
// with integers kept symbolic in the batch), and at run time the float
// arithmetic Add / Sub / Mul / Div (binary) and Relu / LeakyRelu. Binary
// arithmetic is where several spellings are raised: a constant scale stays
// pending on the value (Val::mul), additive masks are summed and applied,
// an embedding times a constant becomes tfx.embedding's scale, and x plus
// the sinusoidal table becomes tfx.positional_encoding.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "tfx/Dialect/Tfx/TfxOps.h"

#include <cmath>
#include <limits>

namespace tfx::import::detail {

//===----------------------------------------------------------------------===//
// Folding
//===----------------------------------------------------------------------===//

/// One element of a folded float (or mixed) elementwise op.
static double foldScalar(const std::string &op, double x, double y) {
  if (op == "Add") return x + y;
  if (op == "Sub") return x - y;
  if (op == "Mul") return x * y;
  if (op == "Div") return float(x) / float(y);
  if (op == "Pow") return std::pow(float(x), float(y));
  if (op == "Sqrt") return std::sqrt(float(x));
  if (op == "Reciprocal") return 1.0f / float(x);
  if (op == "Neg") return -x;
  if (op == "Exp") return std::exp(float(x));
  if (op == "Log") return std::log(float(x));
  if (op == "Tanh") return std::tanh(float(x));
  if (op == "Sigmoid") return 1.0f / (1.0f + std::exp(-float(x)));
  if (op == "Erf") return std::erf(float(x));
  if (op == "Relu") return std::max(x, 0.0);
  if (op == "Equal") return x == y;
  if (op == "Less") return x < y;
  if (op == "Greater") return x > y;
  if (op == "And") return (x != 0) && (y != 0);
  if (op == "Or") return (x != 0) || (y != 0);
  if (op == "Xor") return (x != 0) != (y != 0);
  if (op == "Max") return std::max(x, y);
  if (op == "Min") return std::min(x, y);
  fail("internal error: no folder for " + op);
}

/// Import-time evaluation of an elementwise op on host tensors.
void GraphImporter::foldElementwise(const std::string &op) {
  int n = node->input_size();
  std::vector<const Host *> ins;
  for (int i = 0; i < n; ++i)
    ins.push_back(&hostIn(i, "operand"));
  bool logical = op == "Not" || op == "And" || op == "Or" || op == "Xor";
  for (int i = 0; i < n; ++i) {
    bool wantBool = logical || (op == "Where" && i == 0);
    if (wantBool && ins[i]->elem != Elem::Bool)
      fail(op + " input " + std::to_string(i) + " must be bool, got " + elemName(ins[i]->elem));
    if (!wantBool && ins[i]->elem == Elem::Bool && op != "Equal")
      fail(op + " input " + std::to_string(i) + " is bool; a number is expected");
  }
  if (op == "Where" && ins[1]->elem != ins[2]->elem)
    fail("Where branches have different element types");
  if (n == 2 && !logical && op != "Where" && ins[0]->elem != ins[1]->elem)
    fail(op + " of " + elemName(ins[0]->elem) + " and " + elemName(ins[1]->elem) +
         " tensors (ONNX requires one element type)");
  std::vector<int64_t> shape = ins[0]->shape;
  for (int i = 1; i < n; ++i)
    shape = broadcastShapes(shape, ins[i]->shape);
  bool compare = op == "Equal" || op == "Less" || op == "Greater" || op == "Not" ||
                 op == "And" || op == "Or" || op == "Xor";
  Elem outElem = compare ? Elem::Bool
                 : op == "Where" ? ins[1]->elem
                                 : ins[0]->elem;
  Host out = makeHost(outElem, shape);
  int64_t total = numel(shape);
  auto fval = [&](const Host &h, int64_t k) -> double {
    int64_t idx = broadcastIndex(h.shape, shape, k);
    if (h.elem == Elem::Float)
      return h.f[idx];
    return double(staticInt(h.i[idx], "this value"));
  };
  auto sval = [&](const Host &h, int64_t k) -> Sym {
    return h.i[broadcastIndex(h.shape, shape, k)];
  };
  for (int64_t k = 0; k < total; ++k) {
    if (op == "Where") {
      bool c = staticInt(sval(*ins[0], k), "the condition");
      const Host &src = c ? *ins[1] : *ins[2];
      if (src.elem != ins[1]->elem || ins[1]->elem != ins[2]->elem)
        fail("Where branches have different element types");
      copyElem(src, broadcastIndex(src.shape, shape, k), out, k);
      continue;
    }
    if (op == "Not") {
      out.i[k] = {!staticInt(sval(*ins[0], k), "a bool"), false};
      continue;
    }
    bool ints = ins[0]->elem != Elem::Float && (n < 2 || ins[1]->elem != Elem::Float);
    if (ints && !compare && op != "Pow" && op != "Sqrt" && op != "Reciprocal") {
      out.i[k] = n == 1 ? (op == "Neg" ? Sym{-sval(*ins[0], k).k, sval(*ins[0], k).batch}
                                       : (fail(op + " on integers is not supported"), Sym{}))
                        : symArith(op, sval(*ins[0], k), sval(*ins[1], k));
      continue;
    }
    if (compare && ints && op == "Equal") {
      Sym x = sval(*ins[0], k), y = sval(*ins[1], k);
      out.i[k] = {x == y, false};
      if (x.batch != y.batch)
        fail("comparing " + symString(x) + " with " + symString(y) +
             " depends on the batch size");
      continue;
    }
    double x = fval(*ins[0], k), y = n > 1 ? fval(*ins[1], k) : 0.0;
    double r = foldScalar(op, x, y);
    if (out.elem == Elem::Float)
      out.f[k] = static_cast<float>(r);
    else
      out.i[k] = {static_cast<int64_t>(r), false};
  }
  set(0, hostVal(std::move(out)));
}

void GraphImporter::importFolded(const std::string &op) {
  for (int i = 0; i < node->input_size(); ++i)
    if (!in(i).isHost)
      fail(op + " on run-time values is not supported yet (tfx-import folds it "
           "on import-time values only)");
  foldElementwise(op);
}

//===----------------------------------------------------------------------===//
// Run-time arithmetic
//===----------------------------------------------------------------------===//

static bool isHostScalar(const Val &v) {
  return v.isHost && v.host.elem == Elem::Float && v.host.size() == 1;
}

/// A constant table of 0 and -inf (at least one): an additive mask.
static bool isMaskTable(const Val &v) {
  const float minusInf = -std::numeric_limits<float>::infinity();
  if (!v.isHost || v.splatDims || v.host.elem != Elem::Float || v.host.size() < 2)
    return false;
  bool any = false;
  for (float f : v.host.f) {
    if (f != 0.0f && f != minusInf)
      return false;
    any |= f == minusInf;
  }
  return any;
}

/// True when `h` is the sinusoidal table of tfx.positional_encoding for
/// [length, d] (or [1, length, d]), to float32 rounding.
static bool isSinusoidTable(const Host &h, int64_t length, int64_t d) {
  std::vector<int64_t> s = h.shape;
  if (s.size() == 3 && s[0] == 1)
    s.erase(s.begin());
  if (h.elem != Elem::Float || s != std::vector<int64_t>{length, d} || d % 2 != 0)
    return false;
  for (int64_t p = 0; p < length; ++p)
    for (int64_t c = 0; c < d; ++c) {
      double angle = double(p) / std::pow(10000.0, double((c / 2) * 2) / double(d));
      double pe = c % 2 == 0 ? std::sin(angle) : std::cos(angle);
      if (std::fabs(double(h.f[p * d + c]) - pe) > 1e-5)
        return false;
    }
  return true;
}

void GraphImporter::binary(const std::string &op) {
  Val &x = in(0);
  Val &y = in(1);
  if (x.isHost && y.isHost) {
    if (!x.splatDims && !y.splatDims)
      return foldElementwise(op);
    // A batch-dependent splat with a scalar: still a splat.
    if (x.host.size() != 1 || y.host.size() != 1)
      fail(op + " of a constant of batch-dependent shape with a non-scalar constant");
    std::vector<Sym> dims = broadcastDims(symDims(x), symDims(y));
    foldElementwise(op);
    values[node->output(0)].splatDims = dims;
    return;
  }
  if (x.isAdditive || y.isAdditive)
    return additiveBinary(op, x, y);
  if (raiseWithConstant(op, x, y))
    return;
  emitBinary(op, x, y);
}

/// An additive mask (0 / -inf) in arithmetic: scaled by constants, summed,
/// and finally added to scores (one tfx.apply_mask per term).
void GraphImporter::additiveBinary(const std::string &op, Val &x, Val &y) {
  Val &m = x.isAdditive ? x : y;
  Val &o = x.isAdditive ? y : x;
  std::vector<Sym> dims = broadcastDims(symDims(x), symDims(y));
  if (op == "Mul" && isHostScalar(o) && o.host.f[0] > 0.0f) {
    Val r = m;
    r.dims = dims;
    for (MaskTerm &t : r.additive) {
      t.onTrue *= o.host.f[0], t.onFalse *= o.host.f[0];
      for (float &f : t.table.f)
        f *= o.host.f[0];
    }
    set(0, r);
    return;
  }
  if (op == "Add" && (o.isAdditive || (o.isHost && !o.splatDims && o.host.elem == Elem::Float))) {
    Val r = m;
    r.dims = dims;
    if (o.isAdditive)
      r.additive.insert(r.additive.end(), o.additive.begin(), o.additive.end());
    else
      r.additive.push_back({nullptr, 0, 0, o.host});
    set(0, r);
    return;
  }
  if (op == "Add" && !o.isHost && o.elem() == Elem::Float) {
    set(0, addMask(o, m.additive, m.dims));
    return;
  }
  fail(op + " of an additive attention mask (0 / -inf) with " +
       (o.isHost ? std::string("a constant") : std::string("a run-time value")) +
       " is not supported; such masks are added to attention scores");
}

/// A run-time float with a constant, raised at import time where it is one
/// of the spellings below; false if none applies.
bool GraphImporter::raiseWithConstant(const std::string &op, Val &x, Val &y) {
  Val &rt = x.isHost ? y : x;
  Val &host = x.isHost ? x : y;
  if (rt.isHost || !host.isHost || rt.elem() != Elem::Float || host.splatDims)
    return false;
  // Import-time raises that keep one spelling per computation:
  //  * table[ids] * c, the embedding's only use -> tfx.embedding {scale = c};
  //  * x + PE[:L] with the sinusoidal table -> tfx.positional_encoding.
  bool plain = !rt.view && rt.mul == 1.0f && rt.div == 1.0f;
  auto embedding = plain ? rt.phys.getDefiningOp<EmbeddingOp>() : EmbeddingOp();
  if (op == "Mul" && embedding && host.host.size() == 1 && host.host.shape.size() <= 1 &&
      embedding.getScale().convertToFloat() == 1.0f && rt.phys.use_empty()) {
    auto it = soleConsumer.find(x.isHost ? node->input(1) : node->input(0));
    if (it != soleConsumer.end() && it->second == node) {
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPoint(embedding);
      Value scaledEmb = b.create<EmbeddingOp>(embedding.getLoc(), embedding.getType(),
                                              embedding.getIds(), embedding.getTable(),
                                              b.getF32FloatAttr(host.host.f[0]));
      // The unscaled op is left for canonicalization to drop: an Identity
      // may alias it under another name.
      set(0, runtime(scaledEmb, rt.dims));
      return true;
    }
  }
  if (plain && op == "Add" && rt.dims.size() == 3 && !rt.dims[1].batch && !rt.dims[2].batch &&
      isSinusoidTable(host.host, rt.dims[1].k, rt.dims[2].k)) {
    Value r = b.create<PositionalEncodingOp>(loc(), rt.phys.getType(), rt.phys);
    set(0, runtime(r, rt.dims));
    return true;
  }
  // Scaling by a constant stays pending (see Val::mul).
  if (isHostScalar(host) && std::isfinite(host.host.f[0]) && host.host.f[0] != 0.0f &&
      host.host.shape.size() <= rt.dims.size() &&
      (op == "Mul" || (op == "Div" && !x.isHost))) {
    Val r = rt;
    (op == "Mul" ? r.mul : r.div) *= host.host.f[0];
    if (std::isfinite(r.mul) && std::isfinite(r.div) && r.mul != 0.0f && r.div != 0.0f) {
      set(0, r);
      return true;
    }
  }
  // Scores plus a 0 / -inf table: a mask.
  if (op == "Add" && isMaskTable(host)) {
    set(0, addMask(rt, {MaskTerm{nullptr, 0, 0, host.host}}, symDims(host)));
    return true;
  }
  return false;
}

/// Float arithmetic at run time: on the physical values where both sides
/// share a layout (or one is a scalar), else on the logical values.
void GraphImporter::emitBinary(const std::string &op, Val &x, Val &y) {
  Val &rt = x.isHost ? y : x;
  Val &host = x.isHost ? x : y;
  if (x.elem() != Elem::Float || y.elem() != Elem::Float)
    fail(op + " of run-time " + elemName(x.elem()) + " and " + elemName(y.elem()) +
         " tensors is not supported (only float arithmetic runs at run time)");
  std::vector<Sym> dims = broadcastDims(symDims(x), symDims(y));
  RankedTensorType t;
  auto emit = [&](Value l, Value r) -> Value {
    if (op == "Add") return b.create<AddOp>(loc(), t, l, r);
    if (op == "Sub") return b.create<SubOp>(loc(), t, l, r);
    if (op == "Mul") return b.create<MulOp>(loc(), t, l, r);
    return b.create<DivOp>(loc(), t, l, r);
  };
  // Same layout on both sides, or a scalar: elementwise on the physical
  // values, the layout kept.
  bool sameView = !x.isHost && !y.isHost && x.view && y.view && x.dims == y.dims &&
                  sameLayout(*x.view, *y.view) && !hasBroadcast(*x.view);
  bool scalarSide = (rt.view && isHostScalar(host) && host.host.shape.size() <= rt.dims.size() &&
                     !hasBroadcast(*rt.view));
  if (sameView || scalarSide) {
    View v = *rt.view;
    Value l = x.isHost ? splat(x.host.f[0]) : scaled(x.phys, x);
    Value r = y.isHost ? splat(y.host.f[0]) : scaled(y.phys, y);
    t = typeOf(v.phys, b.getF32Type());
    set(0, viewed(rt, emit(l, r), v));
    return;
  }
  Value l = valueOf(x, "the left operand"), r = valueOf(y, "the right operand");
  t = typeOf(dims, b.getF32Type());
  set(0, runtime(emit(l, r), dims));
}

void GraphImporter::importRelu(const std::string &op) {
  Val &x = in(0);
  if (x.isHost) {
    if (op == "LeakyRelu")
      fail("LeakyRelu of an import-time tensor is not folded");
    return foldElementwise(op);
  }
  if (x.elem() != Elem::Float || x.isAdditive)
    fail(op + " needs a float tensor");
  requireNoBroadcast(viewOf(x), "the input");
  // Elementwise: on the physical value, the layout kept.
  Value p = scaled(x.phys, x);
  Value r = op == "Relu" ? b.create<ReluOp>(loc(), p.getType(), p).getResult()
                         : b.create<LeakyReluOp>(loc(), p.getType(), p,
                                                 b.getF32FloatAttr(floatAttr("alpha", 0.01f)))
                               .getResult();
  set(0, viewed(x, r, viewOf(x)));
}

} // namespace tfx::import::detail
