//===- ConstantOps.cpp - constants, shapes and casts ----------------------===//
//
// The handlers of ops that only make or pass on values: Identity and Dropout
// (inference graphs only), Constant, Shape (symbolic in the batch), Cast,
// and the import-time generators ConstantOfShape (a batch-dependent shape
// gives a splat that only masks may take), Range and Trilu.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include <cmath>

namespace tfx::import::detail {

/// Identity, and Dropout in inference mode (its mask output unused).
void GraphImporter::importIdentity(const std::string &op) {
  if (op == "Dropout" && has(2)) {
    const Host &training = hostIn(2, "training_mode");
    if (training.elem != Elem::Bool || training.size() != 1)
      fail("training_mode must be a bool scalar");
    if (training.i[0].k != 0)
      fail("Dropout in training mode is not supported; export the model in eval mode");
  }
  if (op == "Dropout" && node->output_size() > 1 && !node->output(1).empty() &&
      uses.count(node->output(1)))
    fail("Dropout's mask output is used; only inference graphs are supported");
  set(0, in(0));
}

/// Constant: its one value attribute as a host tensor.
void GraphImporter::importConstant() {
  const onnx::AttributeProto *a = nullptr;
  for (const auto &at : node->attribute())
    a = &at;
  if (!a || node->attribute_size() != 1)
    fail("a Constant needs exactly one value attribute");
  Host h;
  if (a->name() == "value") {
    h = readTensor(a->t());
  } else if (a->name() == "value_float") {
    h = makeHost(Elem::Float, {});
    h.f[0] = a->f();
  } else if (a->name() == "value_floats") {
    h = makeHost(Elem::Float, {a->floats_size()});
    std::copy(a->floats().begin(), a->floats().end(), h.f.begin());
  } else if (a->name() == "value_int") {
    h = makeHost(Elem::Int, {});
    h.i[0] = {a->i(), false};
  } else if (a->name() == "value_ints") {
    h = makeHost(Elem::Int, {a->ints_size()});
    for (int k = 0; k < a->ints_size(); ++k)
      h.i[k] = {a->ints(k), false};
  } else {
    fail("Constant attribute '" + a->name() + "' is not supported");
  }
  set(0, hostVal(std::move(h)));
}

/// Shape (with start / end): symbolic in the batch.
void GraphImporter::importShape() {
  std::vector<Sym> dims = symDims(in(0));
  int64_t r = dims.size();
  int64_t s = intAttr("start", 0), e = intAttr("end", r);
  if (s < 0) s = std::max<int64_t>(0, s + r);
  if (e < 0) e = std::max<int64_t>(0, e + r);
  s = std::min(s, r), e = std::min(e, r);
  Host h = makeHost(Elem::Int, {std::max<int64_t>(0, e - s)});
  for (int64_t k = s; k < e; ++k)
    h.i[k - s] = dims[k];
  set(0, hostVal(std::move(h)));
}

/// Cast: folded on host tensors; a run-time value only to its own type.
void GraphImporter::importCast() {
  int64_t to = intAttr("to", 0);
  Val &x = in(0);
  Elem target;
  switch (to) {
  case onnx::TensorProto::FLOAT:
  case onnx::TensorProto::DOUBLE: target = Elem::Float; break;
  case onnx::TensorProto::INT64:
  case onnx::TensorProto::INT32: target = Elem::Int; break;
  case onnx::TensorProto::BOOL: target = Elem::Bool; break;
  default: fail("Cast to ONNX type " + std::to_string(to) + " is not supported");
  }
  if (!x.isHost) {
    if (x.elem() != target)
      fail(std::string("Cast of a run-time ") + elemName(x.elem()) + " tensor to " +
           elemName(target) + " is not supported");
    set(0, x);
    return;
  }
  Host h = x.host;
  h.param.clear(), h.paramT.clear();
  if (h.elem != target) {
    Host out = makeHost(target, h.shape);
    for (int64_t k = 0; k < h.size(); ++k) {
      if (target == Elem::Float) {
        out.f[k] = float(staticInt(h.i[k], "a value cast to float"));
      } else if (h.elem == Elem::Float) {
        out.i[k] = {target == Elem::Bool ? int64_t(h.f[k] != 0.0f) : int64_t(h.f[k]), false};
      } else {
        out.i[k] = target == Elem::Bool ? Sym{h.i[k].k != 0 || h.i[k].batch, false} : h.i[k];
      }
    }
    h = std::move(out);
  }
  Val out = hostVal(std::move(h));
  out.splatDims = x.splatDims;
  set(0, out);
}

/// ConstantOfShape: a host tensor, or a splat of batch-dependent shape
/// (Val::splatDims).
void GraphImporter::importConstantOfShape() {
  Host shape = shapeInput(0, "the shape");
  Host fill = makeHost(Elem::Float, {});
  if (const auto *a = attr("value"))
    fill = readTensor(a->t());
  if (fill.size() != 1)
    fail("ConstantOfShape's value must hold one element");
  if (std::any_of(shape.i.begin(), shape.i.end(), [](const Sym &d) { return d.batch; })) {
    // Batch-dependent: a scalar that only masks may consume.
    std::vector<Sym> dims(shape.i.begin(), shape.i.end());
    for (const Sym &d : dims)
      if (d.k <= 0)
        fail("ConstantOfShape of shape " + dimsString(dims));
    fill.shape.clear();
    fill.param.clear();
    Val v = hostVal(std::move(fill));
    v.splatDims = dims;
    set(0, v);
    return;
  }
  std::vector<int64_t> s = staticInts(shape, "the shape of ConstantOfShape");
  Host out = makeHost(fill.elem, s);
  for (int64_t k = 0; k < out.size(); ++k)
    copyElem(fill, 0, out, k);
  set(0, hostVal(std::move(out)));
}

/// Range of import-time scalars, folded.
void GraphImporter::importRange() {
  const Host &s = hostIn(0, "start"), &l = hostIn(1, "limit"), &d = hostIn(2, "delta");
  if (s.size() != 1 || l.size() != 1 || d.size() != 1)
    fail("Range takes scalars");
  if (s.elem != l.elem || s.elem != d.elem || s.elem == Elem::Bool)
    fail("Range's start, limit and delta must be numbers of one element type");
  bool ints = s.elem == Elem::Int;
  auto num = [&](const Host &h) {
    return ints ? double(staticInt(h.i[0], "a Range bound")) : double(h.f[0]);
  };
  double a = num(s), lim = num(l), step = num(d);
  if (step == 0)
    fail("Range with delta 0");
  double count = std::max(0.0, std::ceil((lim - a) / step));
  if (count > double(kMaxHostElements))
    fail("Range of " + std::to_string(count) + " elements is too large");
  Host out = makeHost(ints ? Elem::Int : Elem::Float, {int64_t(count)});
  for (int64_t k = 0; k < int64_t(count); ++k) {
    if (ints)
      out.i[k] = {int64_t(a) + k * int64_t(step), false};
    else
      out.f[k] = float(a + k * step);
  }
  set(0, hostVal(std::move(out)));
}

/// Trilu of an import-time tensor, folded.
void GraphImporter::importTrilu() {
  const Host &x = hostIn(0, "the input");
  int64_t k = 0;
  if (has(1)) {
    const Host &kh = hostIn(1, "k");
    if (kh.elem != Elem::Int || kh.size() != 1)
      fail("Trilu's k must be one integer");
    k = staticInt(kh.i[0], "k");
  }
  bool upper = intAttr("upper", 1) != 0;
  if (x.shape.size() < 2)
    fail("Trilu needs rank 2 or more");
  Host out = x;
  out.param.clear(), out.paramT.clear();
  int64_t rows = x.shape[x.shape.size() - 2], cols = x.shape.back();
  for (int64_t e = 0; e < out.size(); ++e) {
    int64_t c = e % cols, r = (e / cols) % rows;
    bool keep = upper ? c - r >= k : c - r <= k;
    if (!keep) {
      if (out.elem == Elem::Float) out.f[e] = 0.0f;
      else out.i[e] = Sym{};
    }
  }
  set(0, hostVal(std::move(out)));
}

} // namespace tfx::import::detail
