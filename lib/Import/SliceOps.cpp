//===- SliceOps.cpp - Gather, Slice, Split and Concat ---------------------===//
//
// Ops that select or join parts of tensors. On host tensors they are folded
// (rows of an initializer keep a name derived from it, "w[0:32]"); Gather of
// a constant table by run-time ids is tfx.embedding; a slice of a linear's
// output along its last axis slices the linear itself, so that a packed
// Q/K/V projection becomes one linear each; other slices are tfx.slice and
// joins tfx.concat.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "tfx/Dialect/Tfx/TfxOps.h"

#include <limits>
#include <tuple>

namespace tfx::import::detail {

/// The name of rows [start, end) of the tensor `name`: "w[0:32]"; a slice
/// of a slice composes ("w[32:96]" rows [0:32] is "w[32:64]").
static std::string sliceName(const std::string &name, int64_t start, int64_t end) {
  llvm::StringRef n(name);
  if (n.ends_with("]")) {
    size_t open = n.rfind('[');
    int64_t a = 0, b = 0;
    if (open != llvm::StringRef::npos) {
      auto [lo, hi] = n.slice(open + 1, n.size() - 1).split(':');
      if (!lo.getAsInteger(10, a) && !hi.getAsInteger(10, b) && a + end <= b)
        return n.take_front(open).str() + "[" + std::to_string(a + start) + ":" +
               std::to_string(a + end) + "]";
    }
  }
  return name + "[" + std::to_string(start) + ":" + std::to_string(end) + "]";
}

/// Gather: folded on host tensors, an embedding lookup of a constant table
/// by run-time ids, or one import-time index of a run-time tensor.
void GraphImporter::gather() {
  int64_t axisAttr = intAttr("axis", 0);
  Val &data = in(0);
  Val &idx = in(1);
  if (data.isHost && idx.isHost) {
    const Host &d = data.host;
    const Host &ix = idx.host;
    if (ix.elem != Elem::Int)
      fail("Gather indices must be integers");
    int64_t axis = normAxis(axisAttr, d.shape.size());
    std::vector<int64_t> shape(d.shape.begin(), d.shape.begin() + axis);
    shape.insert(shape.end(), ix.shape.begin(), ix.shape.end());
    shape.insert(shape.end(), d.shape.begin() + axis + 1, d.shape.end());
    Host out = makeHost(d.elem, shape);
    int64_t outer = 1, inner = 1, n = d.shape[axis];
    for (int64_t k = 0; k < axis; ++k) outer *= d.shape[k];
    for (size_t k = axis + 1; k < d.shape.size(); ++k) inner *= d.shape[k];
    int64_t m = ix.size();
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t j = 0; j < m; ++j) {
        int64_t at = staticInt(ix.i[j], "a Gather index");
        if (at < -n || at >= n)
          fail("Gather index " + std::to_string(at) + " is out of range for a dimension of " +
               std::to_string(n));
        if (at < 0) at += n;
        for (int64_t q = 0; q < inner; ++q)
          copyElem(d, (o * n + at) * inner + q, out, (o * m + j) * inner + q);
      }
    set(0, hostVal(std::move(out)));
    return;
  }
  if (data.isHost) {
    // Embedding lookup: a float table indexed by run-time ids along axis 0.
    if (data.host.elem != Elem::Float || data.host.shape.size() != 2 ||
        normAxis(axisAttr, 2) != 0 || idx.elem() != Elem::Int)
      fail("Gather of an import-time tensor by run-time indices is supported as an "
           "embedding lookup only (a 2-D float table, axis 0, integer ids)");
    Value table = materialize(data.host, "the embedding table");
    std::vector<Sym> dims = idx.dims;
    dims.push_back({data.host.shape[1], false});
    Value out = b.create<EmbeddingOp>(loc(), typeOf(dims, b.getF32Type()),
                                      valueOf(idx, "the ids"), table,
                                      b.getF32FloatAttr(1.0f));
    set(0, runtime(out, dims));
    return;
  }
  // A run-time tensor indexed by an import-time scalar: a slice of one.
  const Host &ix = idx.host;
  if (!idx.isHost || ix.elem != Elem::Int || ix.size() != 1 || ix.shape.size() > 1)
    fail("Gather of a run-time tensor is supported with one import-time index only");
  int64_t axis = normAxis(axisAttr, data.dims.size());
  if (data.dims[axis].batch)
    fail("Gather along the batch dimension is not supported");
  int64_t n = data.dims[axis].k, at = staticInt(ix.i[0], "a Gather index");
  if (at < -n || at >= n)
    fail("Gather index " + std::to_string(at) + " is out of range for a dimension of " +
         std::to_string(n));
  if (at < 0) at += n;
  Val sliced = sliceAxis(data, axis, at, 1);
  std::vector<Sym> dims = sliced.dims;
  if (ix.shape.empty())
    dims.erase(dims.begin() + axis);
  reshapeTo(sliced, dims);
}

/// Slice with import-time starts, ends, axes and steps (steps of 1).
void GraphImporter::slice() {
  Val &x = in(0);
  std::vector<int64_t> starts = staticInts(hostIn(1, "starts"), "starts");
  std::vector<int64_t> ends = staticInts(hostIn(2, "ends"), "ends");
  size_t r = x.rank();
  std::vector<int64_t> axes, steps(starts.size(), 1);
  if (has(3)) {
    axes = staticInts(hostIn(3, "axes"), "axes");
  } else {
    for (size_t k = 0; k < starts.size(); ++k)
      axes.push_back(k);
  }
  if (has(4))
    steps = staticInts(hostIn(4, "steps"), "steps");
  if (ends.size() != starts.size() || axes.size() != starts.size() ||
      steps.size() != starts.size())
    fail("starts, ends, axes and steps differ in length");
  std::vector<Sym> dims = symDims(x);
  // Per axis: [start, start + size) after clamping (ONNX semantics, step 1).
  std::vector<std::tuple<int64_t, int64_t, int64_t>> cuts;
  std::set<int64_t> seenAxes;
  for (size_t k = 0; k < starts.size(); ++k) {
    int64_t axis = normAxis(axes[k], r);
    if (!seenAxes.insert(axis).second)
      fail("Slice axes repeat axis " + std::to_string(axis));
    if (steps[k] != 1)
      fail("Slice with step " + std::to_string(steps[k]) + " is not supported (only 1)");
    if (dims[axis].batch) {
      if (starts[k] != 0 || ends[k] < std::numeric_limits<int32_t>::max())
        fail("Slice along the batch dimension is supported only as the full range");
      continue;
    }
    int64_t n = dims[axis].k;
    auto clampIdx = [&](int64_t v) {
      if (v < 0) v = v < -n ? 0 : v + n;
      return std::min(v, n);
    };
    int64_t s = clampIdx(starts[k]), e = clampIdx(ends[k]);
    int64_t size = std::max<int64_t>(0, e - s);
    if (size == 0)
      fail("Slice produces an empty tensor along axis " + std::to_string(axis));
    cuts.emplace_back(axis, s, size);
  }
  if (x.isHost) {
    Host cur = x.host;
    // Rows of an initializer keep a name derived from it ("w[0:32]"), so
    // that a weight sliced at import time is still bound by name.
    std::string rowsOf;
    if (!cur.param.empty() && cur.elem == Elem::Float && cuts.size() == 1 &&
        std::get<0>(cuts[0]) == 0 &&
        std::get<2>(cuts[0]) != (cur.shape.empty() ? 0 : cur.shape[0])) {
      rowsOf = sliceName(cur.param, std::get<1>(cuts[0]),
                         std::get<1>(cuts[0]) + std::get<2>(cuts[0]));
      if (values.count(rowsOf) && values.at(rowsOf).host.param != rowsOf)
        rowsOf.clear();  // the name is taken by a graph value
    }
    for (auto [axis, s, size] : cuts) {
      if (s == 0 && size == cur.shape[axis])
        continue;
      std::vector<int64_t> shape = cur.shape;
      shape[axis] = size;
      Host out = makeHost(cur.elem, shape);
      int64_t outer = 1, inner = 1, n = cur.shape[axis];
      for (int64_t q = 0; q < axis; ++q) outer *= cur.shape[q];
      for (size_t q = axis + 1; q < cur.shape.size(); ++q) inner *= cur.shape[q];
      for (int64_t o = 0; o < outer; ++o)
        for (int64_t j = 0; j < size; ++j)
          for (int64_t q = 0; q < inner; ++q)
            copyElem(cur, (o * n + s + j) * inner + q, out, (o * size + j) * inner + q);
      cur = std::move(out);
    }
    if (!rowsOf.empty()) {
      cur.param = rowsOf;
      values[rowsOf] = hostVal(cur);  // for the transposed view (Host::paramT)
    }
    set(0, hostVal(std::move(cur)));
    return;
  }
  Val cur = x;
  for (auto [axis, s, size] : cuts) {
    if (s == 0 && size == dims[axis].k)
      continue;
    cur = sliceAxis(cur, axis, s, size);
  }
  set(0, cur);
}

/// x[..., start : start + size, ...] along logical `axis`. Along the last
/// axis of a linear's output, the linear itself is sliced (rows of its
/// weight and bias): a packed projection (nn.MultiheadAttention's
/// in_proj) becomes one linear per Q, K and V, as the matcher expects.
Val GraphImporter::sliceAxis(const Val &x, int64_t axis, int64_t start, int64_t size) {
  if (x.isAdditive)
    fail("slicing an additive attention mask is not supported");
  View v = viewOf(x);
  auto groups = groupsOf(v);
  bool lastPhys = axis == int64_t(groups.size()) - 1 && groups.back().size() == 1 &&
                  groups.back()[0] == int(v.s.size()) - 1 && v.s.back() == v.phys.back() &&
                  !hasBroadcast(v);
  if (!x.view || lastPhys) {
    int64_t physAxis = x.view ? int64_t(v.phys.size()) - 1 : axis;
    std::vector<Sym> pd = v.phys;
    pd[physAxis] = {size, false};
    Value r;
    auto lin = x.phys.getDefiningOp<LinearOp>();
    auto wp = lin ? lin.getWeight().getDefiningOp<ParamOp>() : ParamOp();
    auto bp = lin && lin.getBias() ? lin.getBias().getDefiningOp<ParamOp>() : ParamOp();
    auto bc = lin && lin.getBias() ? lin.getBias().getDefiningOp<ConstantOp>() : ConstantOp();
    if (physAxis == int64_t(pd.size()) - 1 && wp && (!lin.getBias() || bp || bc) &&
        weights.index.count(wp.getName().str()) &&
        (!bp || weights.index.count(bp.getName().str()))) {
      auto rows = [&](const std::string &name) -> Value {
        const rt::Tensor &t = weights.tensors[weights.index.at(name)].second;
        std::vector<int64_t> shape = t.shape();
        int64_t inner = 1;
        for (size_t k = 1; k < shape.size(); ++k)
          inner *= shape[k];
        const float *src = static_cast<const float *>(t.data());
        std::vector<float> part(src + start * inner, src + (start + size) * inner);
        shape[0] = size;
        return paramOf(sliceName(name, start, start + size), shape, part,
                       weights.transposed.count(name) != 0);
      };
      Value w = rows(wp.getName().str());
      Value bias = bp ? rows(bp.getName().str()) : Value();
      if (bc) {
        auto dense = llvm::cast<DenseElementsAttr>(bc.getValue());
        std::vector<float> all(dense.getValues<float>().begin(), dense.getValues<float>().end());
        std::vector<float> part(all.begin() + start, all.begin() + start + size);
        auto type = RankedTensorType::get({size}, b.getF32Type());
        bias = b.create<ConstantOp>(loc(), type, DenseElementsAttr::get(type, llvm::ArrayRef<float>(part)));
      }
      r = b.create<LinearOp>(loc(), typeOf(pd, b.getF32Type()), lin.getInput(), w, bias);
    } else {
      r = b.create<SliceOp>(loc(), typeOf(pd, elemOf(x.phys)), x.phys,
                            b.getI64IntegerAttr(physAxis), b.getI64IntegerAttr(start),
                            b.getI64IntegerAttr(size));
    }
    View out = v;
    out.phys = pd;
    if (x.view)
      out.s.back() = {size, false};
    else
      out = trivialView(pd);
    return withView(x, r, out);
  }
  std::vector<Sym> dims = x.dims;
  dims[axis] = {size, false};
  Value l = logical(x, "the sliced value");
  Value r = b.create<SliceOp>(loc(), typeOf(dims, elemOf(l)), l, b.getI64IntegerAttr(axis),
                              b.getI64IntegerAttr(start), b.getI64IntegerAttr(size));
  return runtime(r, dims, x.negated);
}

/// Concat: folded on host tensors, else tfx.concat of the logical values.
void GraphImporter::importConcat() {
  int64_t axisAttr = intAttr("axis", 0);
  bool allHost = true;
  for (int i = 0; i < node->input_size(); ++i)
    allHost &= in(i).isHost;
  size_t r = in(0).rank();
  int64_t axis = normAxis(axisAttr, r);
  if (allHost) {
    std::vector<int64_t> shape = in(0).host.shape;
    shape[axis] = 0;
    for (int i = 0; i < node->input_size(); ++i) {
      const Host &h = in(i).host;
      if (h.shape.size() != r || h.elem != in(0).host.elem)
        fail("Concat inputs differ in rank or element type");
      shape[axis] = checkedAdd(shape[axis], h.shape[axis]);
    }
    Host out = makeHost(in(0).host.elem, shape);
    int64_t outer = 1, inner = 1;
    for (int64_t q = 0; q < axis; ++q) outer *= shape[q];
    for (size_t q = axis + 1; q < r; ++q) inner *= shape[q];
    int64_t off = 0;
    for (int i = 0; i < node->input_size(); ++i) {
      const Host &h = in(i).host;
      for (size_t q = 0; q < r; ++q)
        if (int64_t(q) != axis && h.shape[q] != shape[q])
          fail("Concat inputs differ outside the axis");
      int64_t n = h.shape[axis];
      for (int64_t o = 0; o < outer; ++o)
        for (int64_t j = 0; j < n; ++j)
          for (int64_t q = 0; q < inner; ++q)
            copyElem(h, (o * n + j) * inner + q, out, (o * shape[axis] + off + j) * inner + q);
      off += n;
    }
    set(0, hostVal(std::move(out)));
    return;
  }
  SmallVector<Value> parts;
  std::vector<Sym> dims = symDims(in(0));
  dims[axis] = {0, false};
  for (int i = 0; i < node->input_size(); ++i) {
    Val &v = in(i);
    std::vector<Sym> d = symDims(v);
    if (d.size() != r)
      fail("Concat inputs differ in rank");
    for (size_t q = 0; q < r; ++q)
      if (int64_t(q) != axis && d[q] != dims[q])
        fail("Concat inputs differ outside the axis: " + dimsString(symDims(in(0))) +
             " and " + dimsString(d));
    dims[axis] = symArith("Add", dims[axis], d[axis]);
    parts.push_back(valueOf(v, "a Concat input"));
  }
  Type elem = llvm::cast<RankedTensorType>(parts[0].getType()).getElementType();
  Value v = b.create<ConcatOp>(loc(), typeOf(dims, elem), parts, b.getI64IntegerAttr(axis));
  set(0, runtime(v, dims));
}

/// Split of a run-time value: one sliceAxis per output.
void GraphImporter::importSplit() {
  Val x = in(0);
  std::vector<Sym> dims = symDims(x);
  int64_t axis = normAxis(intAttr("axis", 0), dims.size());
  if (dims[axis].batch)
    fail("Split along the batch dimension is not supported");
  std::vector<int64_t> sizes;
  if (has(1)) {
    sizes = staticInts(hostIn(1, "split"), "split");
  } else {
    int64_t n = node->output_size();
    if (n == 0)
      fail("Split has no outputs");
    if (dims[axis].k % n != 0)
      fail("cannot split " + std::to_string(dims[axis].k) + " into " + std::to_string(n) +
           " equal parts");
    sizes.assign(n, dims[axis].k / n);
  }
  if (int64_t(sizes.size()) != node->output_size())
    fail("split sizes and outputs differ in number");
  int64_t start = 0;
  for (size_t o = 0; o < sizes.size(); ++o) {
    if (sizes[o] <= 0)
      fail("split size " + std::to_string(sizes[o]) + " is not positive");
    start = checkedAdd(start, sizes[o]);
  }
  if (start != dims[axis].k)
    fail("split sizes add up to " + std::to_string(start) + ", not " +
         std::to_string(dims[axis].k));
  start = 0;
  for (size_t o = 0; o < sizes.size(); ++o) {
    // Reuse Slice's logic through a host-side description.
    std::vector<Sym> d = dims;
    d[axis] = {sizes[o], false};
    if (x.isHost) {
      fail("Split of an import-time tensor is not folded");
    }
    set(o, sliceAxis(x, axis, start, sizes[o]));
    start += sizes[o];
  }
}

} // namespace tfx::import::detail
