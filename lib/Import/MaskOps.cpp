//===- MaskOps.cpp - attention masks: Where, Equal, Not, Or ---------------===//
//
// Boolean run-time values are masks kept with a polarity, so that
// `masked_fill(~keep, -inf)` exports (Not, Equal, Where) become
// `tfx.apply_mask` on `tfx.padding_mask` / `tfx.causal_mask` without
// materialising negations. `ids == pad` is the negation of a padding mask;
// Or of masks is kept as a disjunction, and Where of a run-time condition
// between constants as an additive (0 / -inf) mask, until a fill or an add
// to attention scores applies them term by term.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "tfx/Dialect/Tfx/TfxOps.h"

#include <limits>
#include <numeric>

namespace tfx::import::detail {

/// Where: folded on host tensors; with a run-time condition between
/// constants an additive mask; otherwise a masked fill.
void GraphImporter::where() {
  Val &c = in(0);
  Val &x = in(1);
  Val &y = in(2);
  if (c.isHost && x.isHost && y.isHost && !c.splatDims && !x.splatDims && !y.splatDims)
    return foldElementwise("Where");
  std::vector<Sym> outDims = broadcastDims(broadcastDims(symDims(c), symDims(x)), symDims(y));
  auto isSplat = [](const Val &v) {
    return v.isHost && v.host.elem == Elem::Float && v.host.size() >= 1 && v.host.isSplat();
  };
  const float minusInf = -std::numeric_limits<float>::infinity();
  // A run-time condition choosing between constants: an additive mask
  // (PyTorch turns bool masks into 0 / -inf floats), kept symbolic.
  if (!c.isHost && x.isHost && y.isHost && x.host.elem == Elem::Float &&
      y.host.elem == Elem::Float) {
    if (c.elem() != Elem::Bool)
      fail("the condition must be bool");
    Val r;
    r.isHost = false;
    r.isAdditive = true;
    r.dims = outDims;
    auto condPtr = std::make_shared<const Val>(c);
    if (c.isOr) {
      // (a | b) ? -inf : y  ==  y + (a ? -inf : 0) + (b ? -inf : 0).
      if (!isSplat(x) || x.host.f[0] != minusInf ||
          (isSplat(y) ? y.host.f[0] != 0.0f : bool(y.splatDims)))
        fail("Where of a disjunction of masks (Or) is supported as `mask ? -inf : 0` "
             "(or a 0 / -inf table) only");
      if (!isSplat(y))
        r.additive.push_back({nullptr, 0, 0, y.host});
      for (const auto &d : c.disjuncts)
        r.additive.push_back({d, minusInf, 0.0f, Host()});
    } else if (isSplat(x) && isSplat(y)) {
      r.additive.push_back({condPtr, x.host.f[0], y.host.f[0], Host()});
    } else if (isSplat(x) && x.host.f[0] == minusInf && !y.splatDims) {
      r.additive.push_back({nullptr, 0, 0, y.host});
      r.additive.push_back({condPtr, minusInf, 0.0f, Host()});
    } else if (isSplat(y) && y.host.f[0] == minusInf && !x.splatDims) {
      r.additive.push_back({nullptr, 0, 0, x.host});
      r.additive.push_back({condPtr, 0.0f, minusInf, Host()});
    } else {
      fail("Where of a run-time condition between two constant tensors is supported as "
           "an attention mask (0 / -inf) only");
    }
    set(0, r);
    return;
  }
  // A masked fill: result = cond ? x : y with one branch a constant splat.
  bool xFill = isSplat(x) && !y.isHost, yFill = isSplat(y) && !x.isHost;
  if (!xFill && !yFill)
    fail("only Where(mask, value, constant) and Where(mask, constant, value) are "
         "supported on run-time values (a masked fill)");
  Val &kept = yFill ? x : y;
  float fill = yFill ? y.host.f[0] : x.host.f[0];
  if (kept.dims != outDims)
    fail("a masked fill that broadcasts its kept value (" + dimsString(kept.dims) + " to " +
         dimsString(outDims) + ") is not supported");
  if (c.isOr) {
    // Filled where any term is true: one fill per term.
    if (yFill)
      fail("Where that keeps a value where a disjunction of masks (Or) is true is not "
           "supported (only filling there)");
    Val r = kept;
    for (const auto &d : c.disjuncts)
      r = maskedFill(r, *d, /*keepWhen=*/false, fill);
    set(0, r);
    return;
  }
  set(0, maskedFill(kept, c, /*keepWhen=*/yFill, fill));
}

/// x (run-time f32) where `cond == keepWhen`, `fill` elsewhere, in x's
/// layout. The mask is arranged to x's physical axes, so a padding mask
/// [B, 1, 1, L] reaches tfx.apply_mask as the matcher knows it.
Val GraphImporter::maskedFill(const Val &x, const Val &cond, bool keepWhen, float fill) {
  if (x.elem() != Elem::Float || x.isAdditive)
    fail("a masked fill needs a run-time float tensor to fill");
  std::vector<Sym> maskDims = symDims(cond);
  if (broadcastDims(x.dims, maskDims) != x.dims)
    fail("a mask of shape " + dimsString(maskDims) + " broadcasts the filled value " +
         dimsString(x.dims) + " to a larger shape");
  View vx = viewOf(x);
  requireNoBroadcast(vx, "the filled value");
  Value mask = cond.isHost ? constantMask(x, vx, cond, keepWhen)
                           : runtimeMask(x, vx, cond, keepWhen);
  View out = vx;
  Value input;
  if (x.view) {
    // x's axes in physical order (split if the view splits them).
    std::vector<int> order(vx.s.size()), merge(vx.s.size(), 1);
    std::iota(order.begin(), order.end(), 0);
    input = scaled(arrange(x, order, merge), x);
    out.phys = vx.s;
  } else {
    input = scaled(x.phys, x);
  }
  Value r = b.create<ApplyMaskOp>(loc(), input.getType(), input, mask, b.getF32FloatAttr(fill));
  Val res = viewed(x, r, out);
  res.negated = false;
  return res;
}

/// The i1 mask of an import-time bool condition: true where it equals
/// `keepWhen`. Where x keeps a layout view, the masked dimensions must be
/// its last physical axes.
Value GraphImporter::constantMask(const Val &x, const View &vx, const Val &cond, bool keepWhen) {
  if (cond.host.elem != Elem::Bool)
    fail("the condition must be bool");
  // keep[i] = (cond[i] == keepWhen); leading unit dims dropped; a
  // lower-triangular square is the causal mask.
  Host m = cond.host;
  while (m.shape.size() > 1 && m.shape[0] == 1)
    m.shape.erase(m.shape.begin());
  for (Sym &v : m.i)
    v = Sym{(v.k != 0) == keepWhen ? 1 : 0, false};
  bool tril = m.shape.size() == 2 && m.shape[0] == m.shape[1];
  for (int64_t r = 0; tril && r < m.shape[0]; ++r)
    for (int64_t col = 0; col < m.shape[1]; ++col)
      tril &= (m.i[r * m.shape[1] + col].k != 0) == (col <= r);
  Value mask;
  auto i1 = RankedTensorType::get(SmallVector<int64_t>(m.shape.begin(), m.shape.end()),
                                  b.getI1Type());
  if (tril) {
    mask = b.create<CausalMaskOp>(loc(), i1);
  } else {
    SmallVector<bool> data;
    for (const Sym &v : m.i)
      data.push_back(v.k != 0);
    mask = b.create<ConstantOp>(loc(), i1, DenseElementsAttr::get(i1, llvm::ArrayRef<bool>(data)));
  }
  if (x.view) {
    // The mask covers (at most) the last two logical dimensions: they
    // must be the last two physical axes.
    auto groups = groupsOf(vx);
    size_t r = groups.size(), mr = m.shape.size();
    bool ok = vx.s == vx.phys && mr <= 2 && r >= mr;
    for (size_t k = 0; ok && k < mr; ++k) {
      const auto &g = groups[r - mr + k];
      ok = g.size() == 1 && g[0] == int(vx.s.size() - mr + k);
    }
    if (!ok)
      fail("a constant mask on a value whose layout tfx-import keeps permuted (" +
           dimsString(x.dims) + " over physical " + dimsString(vx.phys) + ")");
  }
  return mask;
}

/// A run-time bool condition as the mask of x, keeping where it is
/// `keepWhen` (which must be its "true = keep" polarity), its axes laid
/// along x's physical axes.
Value GraphImporter::runtimeMask(const Val &x, const View &vx, const Val &cond, bool keepWhen) {
  if (cond.elem() != Elem::Bool)
    fail("the condition must be bool");
  if (keepWhen == cond.negated)
    fail("the mask keeps the positions where a run-time bool tensor is false; "
         "tfx-import keeps masks as 'true = keep' and cannot negate a graph input "
         "(compute the mask inside the model, e.g. `ids == pad`)");
  if (!x.view && !cond.view)
    return cond.phys;
  // Lay the mask's axes along x's physical axes, dimension by dimension.
  View vm = viewOf(cond);
  dropUnitAxes(vm);
  auto gx = groupsOf(vx), gm = groupsOf(vm);
  std::vector<int> map(vx.s.size(), -1);
  size_t off = gx.size() - gm.size();
  auto differ = [&](size_t d) {
    fail("the mask " + dimsString(cond.dims) + " and the masked value " +
         dimsString(x.dims) + " are laid out differently (dimension " +
         std::to_string(d) + ")");
  };
  for (size_t d = 0; d < gm.size(); ++d) {
    const auto &xs = gx[off + d], &ms = gm[d];
    if (ms.empty())
      continue;
    if (ms.size() != xs.size())
      differ(off + d);
    for (size_t k = 0; k < ms.size(); ++k) {
      if (axisSize(vm, ms[k]) != vx.s[xs[k]])
        differ(off + d);
      map[xs[k]] = ms[k];
    }
  }
  std::vector<int> order, merge;
  for (int j : map) {
    if (j >= 0)
      order.push_back(j);
    merge.push_back(j >= 0 ? 1 : 0);
  }
  if (order.size() != vm.s.size())
    fail("the mask " + dimsString(cond.dims) + " does not line up with the masked value " +
         dimsString(x.dims));
  Val m = cond;
  m.view = vm;
  return arrange(m, order, merge);
}

/// x + an additive mask: each term becomes a tfx.apply_mask with -inf.
Val GraphImporter::addMask(const Val &x, const std::vector<MaskTerm> &terms,
                           const std::vector<Sym> &maskDims) {
  if (broadcastDims(x.dims, maskDims) != x.dims)
    fail("an attention mask of shape " + dimsString(maskDims) + " broadcasts the scores " +
         dimsString(x.dims) + " to a larger shape");
  const float minusInf = -std::numeric_limits<float>::infinity();
  Val r = x;
  for (const MaskTerm &t : terms) {
    if (!t.cond) {
      Host keep = makeHost(Elem::Bool, t.table.shape);
      bool any = false;
      for (int64_t k = 0; k < t.table.size(); ++k) {
        float v = t.table.f[k];
        if (v != 0.0f && v != minusInf)
          fail("an additive attention mask holds " + std::to_string(v) +
               " (only 0 and -inf, a boolean mask, are supported)");
        keep.i[k] = Sym{v == 0.0f ? 1 : 0, false};
        any |= v != 0.0f;
      }
      if (!any)
        continue;
      r = maskedFill(r, hostVal(std::move(keep)), true, minusInf);
      continue;
    }
    if (t.onTrue == 0.0f && t.onFalse == 0.0f)
      continue;
    if (t.onTrue == minusInf && t.onFalse == 0.0f)
      r = maskedFill(r, *t.cond, false, minusInf);
    else if (t.onTrue == 0.0f && t.onFalse == minusInf)
      r = maskedFill(r, *t.cond, true, minusInf);
    else
      fail("an additive attention mask of " + std::to_string(t.onTrue) + " / " +
           std::to_string(t.onFalse) + " (only 0 and -inf are supported)");
  }
  return r;
}

/// `ids == pad` on run-time ids: the negation of tfx.padding_mask.
void GraphImporter::importEqual() {
  Val &x = in(0);
  Val &y = in(1);
  if (x.isHost && y.isHost)
    return foldElementwise("Equal");
  Val &ids = x.isHost ? y : x;
  Val &c = x.isHost ? x : y;
  if (!c.isHost || ids.elem() != Elem::Int || c.host.elem != Elem::Int ||
      c.host.size() != 1)
    fail("Equal on run-time values is supported as `ids == constant` (a padding "
         "mask) only");
  int64_t pad = staticInt(c.host.i[0], "the padding id");
  if (broadcastDims(ids.dims, symDims(c)) != ids.dims)
    fail("`ids == constant` broadcasts the ids to a larger shape");
  // On the physical ids, the layout kept.
  auto idsType = llvm::cast<RankedTensorType>(ids.phys.getType());
  Value m = b.create<PaddingMaskOp>(
      loc(), RankedTensorType::get(idsType.getShape(), b.getI1Type()), ids.phys,
      b.getI64IntegerAttr(pad));
  Val r = viewed(ids, m, viewOf(ids));
  r.negated = true;
  set(0, r);
}

/// A run-time mask negated: only its polarity changes (see Val::negated).
void GraphImporter::importNot() {
  Val x = in(0);
  if (x.isHost)
    return foldElementwise("Not");
  if (x.isOr)
    fail("Not of a disjunction of masks (Or) is not supported");
  x.negated = !x.negated;
  set(0, x);
}

/// Masks combined: kept as their disjunction (see Val::isOr).
void GraphImporter::importOr() {
  Val r;
  r.isHost = false;
  r.isOr = true;
  r.dims = broadcastDims(symDims(in(0)), symDims(in(1)));
  for (int i = 0; i < 2; ++i) {
    const Val &v = in(i);
    if (v.elem() != Elem::Bool || v.splatDims || v.isAdditive)
      fail("Or needs bool masks");
    if (v.isOr)
      r.disjuncts.insert(r.disjuncts.end(), v.disjuncts.begin(), v.disjuncts.end());
    else
      r.disjuncts.push_back(std::make_shared<const Val>(v));
  }
  set(0, r);
}

} // namespace tfx::import::detail
