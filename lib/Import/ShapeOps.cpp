//===- ShapeOps.cpp - Reshape, Transpose, Expand and friends --------------===//
//
// Ops that change only the shape or the layout of a value: Reshape (with 0
// and -1 resolved symbolically in the batch), Flatten, Squeeze, Unsqueeze,
// Transpose and Expand. On host tensors they are folded; on run-time values
// they edit the layout view (View), and data moves only where the view
// cannot express the result.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "tfx/Dialect/Tfx/TfxOps.h"

namespace tfx::import::detail {

/// Output 0 is x reshaped to `dims`: folded on host tensors, a view edit
/// on run-time values where the view can express it.
void GraphImporter::reshapeTo(Val &x, std::vector<Sym> dims) {
  if (x.isHost) {
    Host h = x.host;
    std::vector<int64_t> shape;
    for (const Sym &s : dims)
      shape.push_back(staticInt(s, "the shape of an import-time tensor"));
    if (numel(shape) != h.size())
      fail("cannot reshape " + shapeString(h.shape) + " to " + shapeString(shape));
    h.shape = shape;
    if (h.shape != x.host.shape)
      h.param.clear(), h.paramT.clear();
    set(0, hostVal(std::move(h)));
    return;
  }
  if (x.isAdditive)
    fail("reshaping an additive attention mask is not supported");
  if (dims == x.dims) {
    set(0, x);
    return;
  }
  View v = viewOf(x);
  std::string why;
  if (reshapeView(v, dims, why)) {
    set(0, withView(x, x.phys, v));
    return;
  }
  // Not expressible as a view: move the data.
  Value r = reshape(logical(x, "the reshaped value (" + why + ")"), dims);
  set(0, runtime(r, dims, x.negated));
}

/// The target of Reshape / Expand / ConstantOfShape as symbolic dims.
Host GraphImporter::shapeInput(int i, const char *what) {
  const Host &h = hostIn(i, what);
  if (h.elem != Elem::Int || h.shape.size() != 1)
    fail(std::string(what) + " must be a 1-D integer tensor");
  return h;
}

/// Reshape: 0 copies the input dimension (unless allowzero), -1 is inferred.
void GraphImporter::importReshape() {
  Val x = in(0);
  Host target = shapeInput(1, "the target shape");
  bool allowZero = intAttr("allowzero", 0) != 0;
  std::vector<Sym> src = symDims(x), dims;
  int minusOne = -1;
  for (size_t k = 0; k < target.i.size(); ++k) {
    Sym s = target.i[k];
    if (!s.batch && s.k == 0 && !allowZero) {
      if (k >= src.size())
        fail("target dimension " + std::to_string(k) + " copies an input dimension "
             "that does not exist");
      s = src[k];
    } else if (!s.batch && s.k == -1) {
      if (minusOne >= 0)
        fail("the target shape has more than one -1");
      minusOne = k;
    } else if (s.k < 0 || (s.batch && s.k == 0)) {
      fail("target dimension " + std::to_string(k) + " is " + symString(s));
    }
    dims.push_back(s);
  }
  // Element counts as k * batch^e.
  auto count = [&](const std::vector<Sym> &v, int skip) {
    Sym c{1, false};
    for (size_t k = 0; k < v.size(); ++k)
      if (int(k) != skip)
        c = symArith("Mul", c, v[k]);
    return c;
  };
  Sym total = count(src, -1);
  if (minusOne >= 0) {
    Sym rest = count(dims, minusOne);
    if (rest.k == 0 || (rest.batch && !total.batch) || total.k % rest.k != 0)
      fail("cannot infer -1 of target " + dimsString(dims) + " for input " + dimsString(src));
    dims[minusOne] = {total.k / rest.k, total.batch && !rest.batch};
    if (dims[minusOne].k <= 0)
      fail("cannot infer -1 of target " + dimsString(dims) + " for input " + dimsString(src));
  }
  if (count(dims, -1) != total)
    fail("cannot reshape " + dimsString(src) + " to " + dimsString(dims));
  return reshapeTo(x, dims);
}

/// Flatten to 2-D around `axis`.
void GraphImporter::importFlatten() {
  Val x = in(0);
  std::vector<Sym> src = symDims(x);
  int64_t axis = intAttr("axis", 1);
  if (axis < 0) axis += src.size();
  if (axis < 0 || axis > int64_t(src.size()))
    fail("axis " + std::to_string(axis) + " is out of range");
  Sym a{1, false}, c{1, false};
  for (int64_t k = 0; k < int64_t(src.size()); ++k)
    (k < axis ? a : c) = symArith("Mul", k < axis ? a : c, src[k]);
  return reshapeTo(x, {a, c});
}

/// Unsqueeze and Squeeze: reshapes that add or drop unit dimensions.
void GraphImporter::importSqueeze(const std::string &op) {
  Val x = in(0);
  std::vector<Sym> dims = symDims(x);
  std::vector<int64_t> axes;
  if (has(1))
    axes = staticInts(hostIn(1, "axes"), "axes");
  if (op == "Unsqueeze") {
    int64_t r = dims.size() + axes.size();
    for (int64_t &a : axes)
      a = normAxis(a, r);
    std::sort(axes.begin(), axes.end());
    if (std::adjacent_find(axes.begin(), axes.end()) != axes.end())
      fail("Unsqueeze axes repeat an axis");
    for (int64_t a : axes)
      dims.insert(dims.begin() + a, Sym{1, false});
  } else {
    int64_t r = dims.size();
    std::vector<bool> drop(r, false);
    if (axes.empty())
      for (int64_t k = 0; k < r; ++k)
        drop[k] = dims[k] == Sym{1, false};
    for (int64_t a : axes) {
      a = normAxis(a, r);
      if (dims[a] != Sym{1, false})
        fail("Squeeze of dimension " + std::to_string(a) + " of size " + symString(dims[a]));
      drop[a] = true;
    }
    std::vector<Sym> kept;
    for (int64_t k = 0; k < r; ++k)
      if (!drop[k])
        kept.push_back(dims[k]);
    dims = kept;
  }
  return reshapeTo(x, dims);
}

/// Transpose: folded on host tensors (a 2-D initializer's transpose is
/// named after it, Host::paramT); on run-time values a view edit.
void GraphImporter::importTranspose() {
  Val &x = in(0);
  size_t r = x.rank();
  std::vector<int64_t> perm;
  if (auto p = intsAttr("perm")) {
    perm = *p;
  } else {
    for (size_t k = 0; k < r; ++k)
      perm.push_back(r - 1 - k);
  }
  std::vector<bool> seen(r, false);
  if (perm.size() != r)
    fail("perm has " + std::to_string(perm.size()) + " entries for rank " + std::to_string(r));
  for (int64_t &p : perm) {
    p = normAxis(p, r, "perm entry");
    if (seen[p])
      fail("perm is not a permutation");
    seen[p] = true;
  }
  if (x.isHost) {
    const Host &h = x.host;
    std::vector<int64_t> shape;
    for (int64_t p : perm)
      shape.push_back(h.shape[p]);
    Host out = makeHost(h.elem, shape);
    std::vector<int64_t> st = stridesOf(h.shape), ost = stridesOf(shape);
    for (int64_t k = 0; k < out.size(); ++k) {
      int64_t rem = k, src = 0;
      for (size_t d = 0; d < r; ++d) {
        int64_t c = rem / ost[d];
        rem %= ost[d];
        src += c * st[perm[d]];
      }
      copyElem(h, src, out, k);
    }
    if (r == 2 && perm[0] == 1 && !h.param.empty())
      out.paramT = h.param;
    if (r == 2 && perm[0] == 1 && !h.paramT.empty())
      out.param = h.paramT;
    set(0, hostVal(std::move(out)));
    return;
  }
  if (x.isAdditive)
    fail("transposing an additive attention mask is not supported");
  // A view edit: no data moves until an op needs another layout.
  View v = viewOf(x);
  transposeView(v, perm);
  set(0, withView(x, x.phys, v));
}

/// Expand: folded on host tensors; on run-time values the broadcast axes
/// are view axes of physical size 1, which only masks may take.
void GraphImporter::importExpand() {
  Val x = in(0);
  Host shape = shapeInput(1, "the shape");
  std::vector<Sym> target(shape.i.begin(), shape.i.end());
  std::vector<Sym> dims = broadcastDims(symDims(x), target);
  if (x.splatDims) {
    Val r = x;
    r.splatDims = dims;
    set(0, r);
    return;
  }
  if (!x.isHost) {
    if (x.isAdditive)
      fail("Expand of an additive attention mask is not supported");
    if (dims == x.dims) {
      set(0, x);
      return;
    }
    // Broadcast dimensions become view axes of physical size 1: fine for
    // masks (tfx.apply_mask broadcasts); anything else fails where read.
    View v = viewOf(x);
    dropUnitAxes(v);
    size_t lead = dims.size() - x.dims.size();
    if (lead) {
      auto groups = groupsOf(v);
      groups.insert(groups.begin(), lead, std::vector<int>());
      setGroups(v, groups);
    }
    for (size_t d = 0; d < dims.size(); ++d) {
      Sym from = d < lead ? Sym{1, false} : x.dims[d - lead];
      if (from == dims[d])
        continue;
      if (dims[d].batch)
        fail("Expand of a run-time value along the batch dimension is not supported");
      broadcastDim(v, d, dims[d].k);
    }
    set(0, withView(x, x.phys, v));
    return;
  }
  std::vector<int64_t> s;
  for (const Sym &d : dims)
    s.push_back(staticInt(d, "the shape of an expanded import-time tensor"));
  Host out = makeHost(x.host.elem, s);
  for (int64_t k = 0; k < out.size(); ++k)
    copyElem(x.host, broadcastIndex(x.host.shape, s, k), out, k);
  set(0, hostVal(std::move(out)));
}

} // namespace tfx::import::detail
