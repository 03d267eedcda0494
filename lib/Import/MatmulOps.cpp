//===- MatmulOps.cpp - MatMul and Gemm ------------------------------------===//
//
// MatMul by a 2-D constant weight becomes tfx.linear (PyTorch's [out, in]
// weight: the transpose of the ONNX operand, stored under the name its bias
// suggests), with a bias Add that is its only consumer fused in; MatMul of
// two run-time values becomes tfx.matmul on their physical layouts where the
// batch axes line up, keeping pending scales; Gemm becomes tfx.linear.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"

#include "tfx/Dialect/Tfx/TfxOps.h"

namespace tfx::import::detail {

/// tfx.linear takes PyTorch's [out, in] weight: the transpose of a MatMul's
/// [K, N] operand. The transpose of an initializer is that initializer;
/// anything else is stored transposed under its own name.
Value GraphImporter::linearWeight(const Host &w, const std::string &biasName) {
  if (!w.paramT.empty()) {
    const Host &orig = values.at(w.paramT).host;
    return paramOf(w.paramT, orig.shape, orig.f);
  }
  int64_t K = w.shape[0], N = w.shape[1];
  std::vector<float> t(size_t(K * N));
  for (int64_t k = 0; k < K; ++k)
    for (int64_t n = 0; n < N; ++n)
      t[n * K + k] = w.f[k * N + n];
  // PyTorch's exporter folds Transpose(weight) into an anonymous
  // initializer ("onnx::MatMul_123"); the bias still has the module's name
  // ("....in_proj_bias", "....bias"), so the weight gets the matching one.
  std::string name = w.param.empty() ? hint() : w.param;
  if (llvm::StringRef(name).starts_with("onnx::")) {
    llvm::StringRef bn(biasName);
    if (bn.ends_with("_bias"))
      name = bn.drop_back(5).str() + "_weight";
    else if (bn.ends_with(".bias"))
      name = bn.drop_back(5).str() + ".weight";
    auto taken = weights.index.find(name);
    if (name != w.param &&
        (values.count(name) ||
         (taken != weights.index.end() &&
          (weights.tensors[taken->second].second.shape() != std::vector<int64_t>{N, K} ||
           std::memcmp(weights.tensors[taken->second].second.data(), t.data(),
                       t.size() * sizeof(float)) != 0))))
      name = w.param;  // taken by another tensor: keep the exporter's name
  }
  return paramOf(name, {N, K}, t, /*transposed=*/true);
}

/// Both operands of a batched MatMul arranged as [batch axes..., M, K] and
/// [batch axes..., K, N] with the batch axes in physical order; false when
/// their layouts differ. `out` gets the result's view (N to be set).
bool GraphImporter::matmulOperands(const Val &a, const Val &w, Value &A, Value &B, View &out) {
  View va = viewOf(a), vw = viewOf(w);
  if (hasBroadcast(va) || hasBroadcast(vw))
    return false;
  auto ga = groupsOf(va), gw = groupsOf(vw);
  size_t n = ga.size();
  if (gw.size() != n || n < 2)
    return false;
  std::vector<int> batchA, batchW;
  for (size_t g = 0; g + 2 < n; ++g) {
    if (ga[g].size() != gw[g].size())
      return false;
    batchA.insert(batchA.end(), ga[g].begin(), ga[g].end());
    batchW.insert(batchW.end(), gw[g].begin(), gw[g].end());
  }
  std::vector<int> sortedA = batchA, sortedW = batchW;
  std::sort(sortedA.begin(), sortedA.end());
  std::sort(sortedW.begin(), sortedW.end());
  auto rankIn = [](const std::vector<int> &sorted, int j) {
    return int(std::find(sorted.begin(), sorted.end(), j) - sorted.begin());
  };
  for (size_t k = 0; k < batchA.size(); ++k)
    if (rankIn(sortedA, batchA[k]) != rankIn(sortedW, batchW[k]) ||
        va.s[batchA[k]] != vw.s[batchW[k]])
      return false;
  auto operand = [&](const Val &x, const std::vector<int> &sorted,
                     const std::vector<std::vector<int>> &g) {
    std::vector<int> order = sorted, merge(sorted.size(), 1);
    for (size_t d = n - 2; d < n; ++d) {
      order.insert(order.end(), g[d].begin(), g[d].end());
      merge.push_back(int(g[d].size()));
    }
    return arrange(x, order, merge);
  };
  A = operand(a, sortedA, ga);
  B = operand(w, sortedW, gw);
  out = View();
  for (int j : sortedA)
    out.s.push_back(va.s[j]);
  out.s.push_back(a.dims[n - 2]);
  out.s.push_back(w.dims[n - 1]);
  out.phys = out.s;
  out.bcast.assign(out.s.size(), 0);
  std::vector<std::vector<int>> groups;
  size_t at = 0;
  for (size_t g = 0; g + 2 < n; ++g) {
    groups.emplace_back();
    for (size_t k = 0; k < ga[g].size(); ++k)
      groups.back().push_back(rankIn(sortedA, batchA[at++]));
  }
  groups.push_back({int(sortedA.size())});
  groups.push_back({int(sortedA.size()) + 1});
  setGroups(out, groups);
  return true;
}

/// MatMul: tfx.matmul of two run-time values, or tfx.linear by a constant
/// weight with a following bias Add fused.
void GraphImporter::matmul() {
  Val &a = in(0);
  Val &w = in(1);
  if (a.isHost && w.isHost)
    fail("MatMul of two import-time tensors is not folded (it would be a weight "
         "computed at import time); export with constant folding on");
  if (a.isHost)
    fail("MatMul with an import-time left operand is not supported");
  if (!w.isHost) {
    if (a.dims.size() != w.dims.size() || a.dims.size() < 2)
      fail("MatMul of run-time values needs operands of the same rank (at least 2), "
           "got " + dimsString(a.dims) + " and " + dimsString(w.dims));
    if (a.elem() != Elem::Float || w.elem() != Elem::Float || a.isAdditive || w.isAdditive)
      fail("MatMul of run-time values needs float tensors");
    size_t r = a.dims.size();
    for (size_t d = 0; d + 2 < r; ++d)
      if (a.dims[d] != w.dims[d])
        fail("MatMul with broadcast batch dimensions " + dimsString(a.dims) + " x " +
             dimsString(w.dims) + " is not supported");
    if (a.dims[r - 1] != w.dims[r - 2])
      fail("MatMul shapes " + dimsString(a.dims) + " and " + dimsString(w.dims) +
           " do not agree");
    std::vector<Sym> dims = a.dims;
    dims[r - 1] = w.dims[r - 1];
    Value A, B;
    View out;
    if (matmulOperands(a, w, A, B, out)) {
      // Scales stay pending through the product: (q / c) k^T = (q k^T) / c.
      std::vector<Sym> pd = out.phys;
      Value prod = b.create<MatmulOp>(loc(), typeOf(pd, b.getF32Type()), A, B);
      Val res = viewed(a, prod, out);
      res.mul = a.mul * w.mul, res.div = a.div * w.div;
      set(0, res);
      return;
    }
    Value prod = b.create<MatmulOp>(loc(), typeOf(dims, b.getF32Type()), valueOf(a, "lhs"),
                                    valueOf(w, "rhs"));
    set(0, runtime(prod, dims));
    return;
  }
  const Host &wh = w.host;
  if (wh.elem != Elem::Float || wh.shape.size() != 2 || w.splatDims)
    fail("MatMul by an import-time tensor needs a 2-D float weight, got " +
         shapeString(wh.shape));
  int64_t K = wh.shape[0], N = wh.shape[1];
  if (a.dims.empty() || a.dims.back() != Sym{K, false} || a.elem() != Elem::Float ||
      a.isAdditive)
    fail("MatMul shapes " + dimsString(a.dims) + " and " + shapeString(wh.shape) +
         " do not agree");
  // A bias Add that is the MatMul's only consumer becomes the linear's bias.
  Value bias;
  const onnx::NodeProto *add = nullptr;
  std::string biasName;
  auto it = soleConsumer.find(node->output(0));
  if (it != soleConsumer.end() && it->second->op_type() == "Add" &&
      it->second->input_size() == 2 && it->second->output_size() >= 1 &&
      !it->second->output(0).empty() && !values.count(it->second->output(0))) {
    const onnx::NodeProto *cand = it->second;
    const std::string &other =
        cand->input(0) == node->output(0) ? cand->input(1) : cand->input(0);
    auto ov = values.find(other);
    if (ov != values.end() && ov->second.isHost && !ov->second.splatDims &&
        ov->second.host.elem == Elem::Float &&
        ov->second.host.shape == std::vector<int64_t>{N}) {
      bias = materialize(ov->second.host, "the bias");
      biasName = ov->second.host.param;
      add = cand;
    }
  }
  Val res = linearOf(a, linearWeight(wh, biasName), bias, N);
  set(0, res);
  if (add) {
    values[add->output(0)] = res;
    absorbed.insert(add);
  }
}

/// Gemm (no transA, alpha = beta = 1): tfx.linear.
void GraphImporter::gemm() {
  if (intAttr("transA", 0) != 0 || floatAttr("alpha", 1.0f) != 1.0f ||
      floatAttr("beta", 1.0f) != 1.0f)
    fail("Gemm with transA, alpha != 1 or beta != 1 is not supported");
  Val &a = in(0);
  if (a.isHost || a.dims.size() != 2 || a.elem() != Elem::Float || a.isAdditive)
    fail("Gemm needs a 2-D run-time float input");
  const Host &w = hostIn(1, "the weight");
  if (w.elem != Elem::Float || w.shape.size() != 2)
    fail("Gemm needs a 2-D float weight");
  bool transB = intAttr("transB", 0) != 0;
  int64_t K = transB ? w.shape[1] : w.shape[0], N = transB ? w.shape[0] : w.shape[1];
  if (a.dims[1] != Sym{K, false})
    fail("Gemm shapes " + dimsString(a.dims) + " and " + shapeString(w.shape) +
         " do not agree");
  Value bias;
  std::string biasName;
  if (has(2)) {
    const Host &c = hostIn(2, "the bias");
    if (c.elem != Elem::Float || c.shape != std::vector<int64_t>{N})
      fail("Gemm's C must be a float vector of " + std::to_string(N) + " (got " +
           shapeString(c.shape) + ")");
    bias = materialize(c, "the bias");
    biasName = c.param;
  }
  Value weight = transB ? materialize(w, "the weight") : linearWeight(w, biasName);
  set(0, linearOf(a, weight, bias, N));
}

} // namespace tfx::import::detail
