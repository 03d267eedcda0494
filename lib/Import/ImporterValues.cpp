//===- ImporterValues.cpp - graph values into IR --------------------------===//
//
// The GraphImporter members that turn values into IR. Run-time values are
// read through their layout view: arranged (reshape / transpose) into the
// layout an op asks for, with a pending scale applied. Host tensors turn
// into IR only where a run-time op consumes them: initializers as
// `tfx.param` (the same name), small float tensors as `tfx.constant`, other
// float tensors as parameters named after the ONNX value; every parameter's
// data goes into the weight table under one name.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "tfx/Dialect/Tfx/TfxOps.h"

namespace tfx::import::detail {

RankedTensorType GraphImporter::typeOf(const std::vector<Sym> &dims, Type elem) {
  SmallVector<int64_t> shape;
  int dynamic = 0;
  for (const Sym &s : dims) {
    dynamic += s.batch;
    shape.push_back(s.batch ? ShapedType::kDynamic : s.k);
  }
  if (dynamic > 1)
    fail("a run-time value of shape " + dimsString(dims) +
         " has more than one dimension that depends on the batch size");
  return RankedTensorType::get(shape, elem);
}

/// A run-time value `phys` seen through `v`, with `like`'s mask polarity.
Val GraphImporter::viewed(const Val &like, Value phys, View v) {
  Val r = runtime(phys, logicalDims(v), like.negated);
  if (!isTrivial(v))
    r.view = std::move(v);
  return r;
}

/// A float value read as such must not hold Expand-ed (broadcast) axes.
void GraphImporter::requireNoBroadcast(const View &v, const std::string &what) {
  if (hasBroadcast(v))
    fail(what + " is a run-time tensor broadcast by Expand, used other than as a mask "
         "(tfx has no broadcast op; masks broadcast where they are applied)");
}

/// x's physical value (and mask polarity and pending scale) seen through
/// another view: what Transpose, Reshape and Expand produce.
Val GraphImporter::withView(const Val &x, Value phys, View v) {
  Val r = viewed(x, phys, std::move(v));
  r.mul = x.mul, r.div = x.div;
  return r;
}

Value GraphImporter::reshape(Value x, const std::vector<Sym> &dims) {
  return b.create<ReshapeOp>(loc(), typeOf(dims, elemOf(x)), x);
}

/// The view's axes (physical sizes) in `order`, consecutive runs merged
/// by `merge` (a run of 0 axes is a unit dimension). Unscaled.
Value GraphImporter::arrange(const Val &x, const std::vector<int> &order,
                             const std::vector<int> &merge) {
  View v = viewOf(x);
  std::vector<Sym> merged;
  size_t at = 0;
  for (int n : merge) {
    Sym p{1, false};
    for (int k = 0; k < n; ++k)
      p = symArith("Mul", p, v.s[order[at++]]);
    merged.push_back(p);
  }
  bool identity = true;
  for (size_t k = 0; k < order.size(); ++k)
    identity &= order[k] == int(k);
  Value r = x.phys;
  if (identity) {
    if (merged != v.phys)
      r = reshape(r, merged);
    return r;
  }
  if (v.s != v.phys)
    r = reshape(r, v.s);
  std::vector<Sym> t;
  for (int j : order)
    t.push_back(v.s[j]);
  r = b.create<TransposeOp>(loc(), typeOf(t, elemOf(r)), r,
                            b.getDenseI64ArrayAttr(SmallVector<int64_t>(order.begin(), order.end())));
  if (merged != t)
    r = reshape(r, merged);
  return r;
}

Value GraphImporter::splat(float c) {
  auto type = RankedTensorType::get({}, b.getF32Type());
  return b.create<ConstantOp>(loc(), type, DenseElementsAttr::get(type, llvm::ArrayRef<float>(c)));
}

/// `r` (laid out like x's physical value) times x's pending scale.
Value GraphImporter::scaled(Value r, const Val &x) {
  if (x.mul == 1.0f && x.div == 1.0f)
    return r;
  if (x.mul == 1.0f)
    return b.create<DivOp>(loc(), r.getType(), r, splat(x.div));
  return b.create<MulOp>(loc(), r.getType(), r, splat(x.div == 1.0f ? x.mul : x.mul / x.div));
}

/// The logical (ONNX-shaped) value.
Value GraphImporter::logical(const Val &x, const std::string &what) {
  if (x.isAdditive)
    fail(what + " is an additive attention mask (-inf where masked) used other than "
         "by adding it to attention scores");
  View v = viewOf(x);
  requireNoBroadcast(v, what);
  Value r = x.view ? arrange(x, v.perm, v.group) : x.phys;
  return scaled(r, x);
}

/// x arranged with its last logical dimension as the last physical axis
/// and the other axes in physical order (batch stays leading), scaled;
/// `out` is the view of that arrangement. For ops along the last axis.
Value GraphImporter::lastAxis(const Val &x, View &out, const std::string &what) {
  View v = viewOf(x);
  if (!x.view) {
    out = v;
    return scaled(x.phys, x);
  }
  requireNoBroadcast(v, what);
  auto groups = groupsOf(v);
  std::vector<int> others;
  for (size_t g = 0; g + 1 < groups.size(); ++g)
    others.insert(others.end(), groups[g].begin(), groups[g].end());
  std::sort(others.begin(), others.end());
  std::vector<int> order = others, merge(others.size(), 1);
  order.insert(order.end(), groups.back().begin(), groups.back().end());
  merge.push_back(int(groups.back().size()));
  Value r = arrange(x, order, merge);
  out = View();
  for (int j : others)
    out.s.push_back(v.s[j]);
  Sym last{1, false};
  for (int j : groups.back())
    last = symArith("Mul", last, v.s[j]);
  out.s.push_back(last);
  out.phys = out.s;
  out.bcast.assign(out.s.size(), 0);
  std::vector<std::vector<int>> og;
  for (size_t g = 0; g + 1 < groups.size(); ++g) {
    og.emplace_back();
    for (int j : groups[g])
      og.back().push_back(int(std::find(others.begin(), others.end(), j) - others.begin()));
  }
  og.push_back({int(others.size())});
  setGroups(out, og);
  return scaled(r, x);
}

/// A last-axis op's result: `r` in `view`'s layout with the last axis now `n`.
Val GraphImporter::lastAxisResult(const Val &like, Value r, View view, Sym n) {
  view.s.back() = n;
  view.phys.back() = n;
  Val out = viewed(like, r, view);
  out.negated = false;
  return out;
}

/// tfx.linear of x (weight [n, K], optional bias) along its last axis.
Val GraphImporter::linearOf(const Val &x, Value weight, Value bias, int64_t n) {
  View view;
  Value input = lastAxis(x, view, "the input");
  std::vector<Sym> dims = view.phys;
  dims.back() = {n, false};
  Value out = b.create<LinearOp>(loc(), typeOf(dims, b.getF32Type()), input, weight, bias);
  return lastAxisResult(x, out, view, {n, false});
}

/// Registers `data` under `name` (same name twice: the same data).
void GraphImporter::addWeight(const std::string &name, const std::vector<int64_t> &shape,
                              const std::vector<float> &data, bool transposedLayout) {
  if (weights.transposed.count(name) != transposedLayout && weights.index.count(name))
    fail("initializer '" + name + "' is used both as a MatMul weight (stored "
         "transposed as a linear weight) and as a plain tensor");
  auto it = weights.index.find(name);
  if (it != weights.index.end()) {
    const rt::Tensor &t = weights.tensors[it->second].second;
    if (t.shape() != shape ||
        std::memcmp(t.data(), data.data(), data.size() * sizeof(float)) != 0)
      fail("two different tensors are named '" + name + "' (in different graphs)");
    return;
  }
  rt::Tensor t(rt::DType::F32, shape);
  std::memcpy(t.data(), data.data(), data.size() * sizeof(float));
  weights.index[name] = weights.tensors.size();
  weights.tensors.emplace_back(name, std::move(t));
  if (transposedLayout)
    weights.transposed.insert(name);
}

Value GraphImporter::paramOf(const std::string &name, const std::vector<int64_t> &shape,
                             const std::vector<float> &data, bool transposedLayout) {
  addWeight(name, shape, data, transposedLayout);
  return b.create<ParamOp>(
      loc(), RankedTensorType::get(SmallVector<int64_t>(shape.begin(), shape.end()),
                                   b.getF32Type()),
      b.getStringAttr(name));
}

/// A host float tensor as an IR value.
Value GraphImporter::materialize(const Host &h, const char *what) {
  if (h.elem != Elem::Float) {
    // Integer and bool results of import-time computations (Shape, Equal
    // on constants, ...) become i64 / i1 constants.
    bool isBool = h.elem == Elem::Bool;
    auto type = RankedTensorType::get(SmallVector<int64_t>(h.shape.begin(), h.shape.end()),
                                      isBool ? b.getI1Type() : b.getI64Type());
    if (isBool) {
      SmallVector<bool> data;
      for (const Sym &s : h.i)
        data.push_back(s.k != 0);
      return b.create<ConstantOp>(loc(), type,
                                  DenseElementsAttr::get(type, llvm::ArrayRef<bool>(data)));
    }
    SmallVector<int64_t> data;
    for (const Sym &s : h.i)
      data.push_back(staticInt(s, what));
    return b.create<ConstantOp>(loc(), type,
                                DenseElementsAttr::get(type, llvm::ArrayRef<int64_t>(data)));
  }
  if (!h.param.empty())
    return paramOf(h.param, h.shape, h.f);
  if (h.size() <= 64) {
    auto type = RankedTensorType::get(SmallVector<int64_t>(h.shape.begin(), h.shape.end()),
                                      b.getF32Type());
    return b.create<ConstantOp>(loc(), type,
                                DenseElementsAttr::get(type, llvm::ArrayRef<float>(h.f)));
  }
  return paramOf(hint(), h.shape, h.f);
}

Value GraphImporter::valueOf(Val &v, const char *what) {
  if (v.ln == Val::Ln::Normalized || v.ln == Val::Ln::Scaled)
    return layerNormOf(v, nullptr);
  if (v.ln != Val::Ln::None)
    fail(std::string(what) + " is part of a LayerNorm written with primitive ops "
         "(ReduceMean/Sub/Pow/Sqrt/Div) and is used outside that pattern; tfx-import "
         "raises only the whole pattern to tfx.layer_norm");
  if (v.isHost && v.splatDims)
    fail(std::string(what) + " is a constant of batch-dependent shape " +
         dimsString(*v.splatDims) + " (ConstantOfShape) used other than in a mask");
  if (!v.isHost) {
    if (v.negated)
      fail(std::string(what) + " is a negated mask; tfx-import keeps masks as "
           "'true = keep' and only applies negations through Where");
    return logical(v, what);
  }
  return materialize(v.host, what);
}

} // namespace tfx::import::detail
