//===- NormalizationOps.cpp - LayerNorm and Softmax -----------------------===//
//
// LayerNormalization and Softmax along the last axis (arranged with
// lastAxis, so a layout view survives them), and LayerNorm written with
// primitive ops by older exporters (ReduceMean, Sub, Pow, ReduceMean, Add,
// Sqrt, Div, Mul, Add): each step is kept symbolic on the value (Val::ln)
// until the pattern completes as one tfx.layer_norm.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "tfx/Dialect/Tfx/TfxOps.h"

namespace tfx::import::detail {

/// tfx.layer_norm of a completed pattern: gamma from the Scaled step (else
/// ones), beta given (else zeros).
Value GraphImporter::layerNormOf(const Val &v, const Host *beta) {
  int64_t d = v.dims.back().k;
  Host ones = makeHost(Elem::Float, {d}), zeros = makeHost(Elem::Float, {d});
  std::fill(ones.f.begin(), ones.f.end(), 1.0f);
  Value g = v.ln == Val::Ln::Scaled ? materialize(v.lnGamma, "the LayerNorm scale")
                                    : paramOf(hint() + ".ln_weight", {d}, ones.f);
  Value bv = beta ? materialize(*beta, "the LayerNorm bias")
                  : paramOf(hint() + ".ln_bias", {d}, zeros.f);
  Val src = v;
  src.ln = Val::Ln::None;
  Value x = logical(src, "the normalized value");
  return b.create<LayerNormOp>(loc(), x.getType(), x, g, bv, b.getF32FloatAttr(v.lnEps));
}

/// a and c are the same run-time value (same physical value, layout, scale).
static bool sameValue(const Val &a, const Val &c) {
  if (a.isHost || c.isHost || a.phys != c.phys || a.mul != c.mul || a.div != c.div ||
      a.view.has_value() != c.view.has_value())
    return false;
  return !a.view || sameLayout(*a.view, *c.view);
}

/// One step of LayerNorm written with primitive ops; true if `node` was one.
bool GraphImporter::layerNormStep() {
  using Ln = Val::Ln;
  const std::string &op = node->op_type();
  auto lazy = [&](const Val &from, Ln step) {
    Val v = from;
    v.ln = step;
    return v;
  };
  auto hostScalar = [&](int i, float &out) {
    if (!has(i) || !in(i).isHost || in(i).host.elem != Elem::Float || in(i).host.size() != 1)
      return false;
    out = in(i).host.f[0];
    return true;
  };
  auto hostVector = [&](int i, int64_t d) {
    return has(i) && in(i).isHost && in(i).host.elem == Elem::Float &&
           (in(i).host.shape == std::vector<int64_t>{d});
  };
  if (op == "ReduceMean" && node->input_size() == 1 && !in(0).isHost) {
    const Val &x = in(0);
    int64_t r = x.dims.size();
    auto axes = intsAttr("axes");
    if (!axes || axes->size() != 1 || normAxis((*axes)[0], r) != r - 1 ||
        intAttr("keepdims", 1) != 1)
      fail("ReduceMean on run-time values is supported only as part of LayerNorm "
           "(ReduceMean over the last axis, keepdims)");
    if (x.ln == Ln::None) {
      set(0, lazy(x, Ln::Mean));
      return true;
    }
    if (x.ln == Ln::Square) {
      set(0, lazy(x, Ln::Var));
      return true;
    }
    fail("ReduceMean of part of a LayerNorm pattern that is not its squared deviation");
  }
  if (node->input_size() == 2 && has(0) && has(1)) {
    Val &a = in(0);
    Val &c = in(1);
    if (op == "Sub" && !a.isHost && a.ln == Ln::None && c.ln == Ln::Mean && sameValue(a, c)) {
      set(0, lazy(a, Ln::Centered));
      return true;
    }
    float k;
    if (op == "Pow" && a.ln == Ln::Centered && hostScalar(1, k) && k == 2.0f) {
      set(0, lazy(a, Ln::Square));
      return true;
    }
    if (op == "Mul" && a.ln == Ln::Centered && c.ln == Ln::Centered && sameValue(a, c)) {
      set(0, lazy(a, Ln::Square));
      return true;
    }
    if (op == "Add" && a.ln == Ln::Var && hostScalar(1, k)) {
      Val v = lazy(a, Ln::VarEps);
      v.lnEps = k;
      set(0, v);
      return true;
    }
    if (op == "Div" && a.ln == Ln::Centered && c.ln == Ln::Std && sameValue(a, c)) {
      Val v = lazy(a, Ln::Normalized);
      v.lnEps = c.lnEps;
      set(0, v);
      return true;
    }
    int64_t d = a.isHost || a.dims.empty() ? 0 : a.dims.back().k;
    if (op == "Mul" && a.ln == Ln::Normalized && hostVector(1, d)) {
      Val v = lazy(a, Ln::Scaled);
      v.lnGamma = c.host;
      set(0, v);
      return true;
    }
    if (op == "Add" && (a.ln == Ln::Scaled || a.ln == Ln::Normalized) && hostVector(1, d)) {
      set(0, runtime(layerNormOf(a, &c.host), a.dims));
      return true;
    }
  }
  if (op == "Sqrt" && has(0) && in(0).ln == Ln::VarEps) {
    set(0, lazy(in(0), Ln::Std));
    return true;
  }
  return false;
}

/// Softmax: along the last axis in the layout lastAxis gives, else on the
/// logical value.
void GraphImporter::importSoftmax() {
  Val &x = in(0);
  if (x.isHost)
    fail("Softmax of an import-time tensor is not folded");
  if (x.elem() != Elem::Float || x.isAdditive)
    fail("Softmax needs a float tensor");
  int64_t axis = normAxis(intAttr("axis", -1), x.dims.size());
  if (axis == int64_t(x.dims.size()) - 1) {
    View view;
    Value in = lastAxis(x, view, "the input");
    Value r = b.create<SoftmaxOp>(loc(), in.getType(), in, b.getI64IntegerAttr(-1));
    set(0, lastAxisResult(x, r, view, x.dims.back()));
    return;
  }
  Value in = valueOf(x, "the input");
  Value r = b.create<SoftmaxOp>(loc(), in.getType(), in, b.getI64IntegerAttr(axis));
  set(0, runtime(r, x.dims));
}

/// LayerNormalization over the last axis (no Mean / InvStdDev outputs).
void GraphImporter::importLayerNormalization() {
  Val &x = in(0);
  if (x.isHost)
    fail("LayerNormalization of an import-time tensor is not folded");
  int64_t axis = normAxis(intAttr("axis", -1), x.dims.size());
  if (axis != int64_t(x.dims.size()) - 1)
    fail("LayerNormalization over more than the last axis is not supported");
  if (node->output_size() > 1)
    for (int o = 1; o < node->output_size(); ++o)
      if (!node->output(o).empty() && uses.count(node->output(o)))
        fail("LayerNormalization's mean / inverse-std outputs are not supported");
  if (x.dims.back().batch)
    fail("LayerNormalization over the batch dimension is not supported");
  int64_t d = x.dims.back().k;
  const Host &g = hostIn(1, "the scale");
  Host beta;
  if (has(2)) {
    beta = hostIn(2, "the bias");
  } else {
    beta = makeHost(Elem::Float, {d});
  }
  if (g.shape != std::vector<int64_t>{d} || beta.shape != std::vector<int64_t>{d})
    fail("LayerNormalization scale and bias must be vectors of " + std::to_string(d));
  Value gv = materialize(g, "the scale");
  Value bv = beta.param.empty() && !has(2) ? paramOf(hint() + ".bias", {d}, beta.f)
                                           : materialize(beta, "the bias");
  if (x.elem() != Elem::Float || x.isAdditive)
    fail("LayerNormalization needs a float tensor");
  View view;
  Value in = lastAxis(x, view, "the input");
  Value r = b.create<LayerNormOp>(loc(), in.getType(), in, gv, bv,
                                  b.getF32FloatAttr(floatAttr("epsilon", 1e-5f)));
  set(0, lastAxisResult(x, r, view, x.dims.back()));
}

} // namespace tfx::import::detail
