//===- Plan.cpp - plan validation and constants ---------------------------===//

#include "tfx/runtime/Plan.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace tfx::rt {

std::vector<std::string> Plan::weightNames() const {
  std::vector<std::string> names;
  for (const ConstantRecipe &r : constants)
    if (r.kind == ConstantRecipe::Kind::Weight)
      names.push_back(r.weight);
  return names;
}

namespace {

/// What is wrong with a shape ("" when nothing): at most kMaxRank dims,
/// each >= 1 or -1 (at most one -1 when `oneDynamic`, none when
/// `!allowDynamic`), with a static element count within the kernels' limit.
std::string shapeProblem(const Shape &s, bool allowDynamic = true) {
  if (s.size() > static_cast<size_t>(kMaxRank))
    return "has rank " + std::to_string(s.size()) + "; at most " +
           std::to_string(kMaxRank) + " dimensions are supported";
  int64_t n = 1;
  int dynamic = 0;
  for (int64_t d : s) {
    if (d == -1) {
      ++dynamic;
      continue;
    }
    if (d < 1)
      return "has a bad dimension in " + formatShape(s);
    if (n > kMaxKernelElements / d)
      return "of shape " + formatShape(s) + " exceeds the 2^31-element limit of the kernels";
    n *= d;
  }
  if (dynamic > (allowDynamic ? 1 : 0))
    return "has too many dynamic dimensions in " + formatShape(s);
  return "";
}

} // namespace

Status Plan::validate() const {
  auto slotOk = [&](int s) { return s >= 0 && s < numSlots; };
  if (numSlots < 0 || numKernels < 0 || constantSlots.size() != constants.size())
    return Status::error("plan of '" + function + "': inconsistent sizes");
  for (size_t c = 0; c < constants.size(); ++c) {
    const ConstantRecipe &r = constants[c];
    auto bad = [&](const std::string &why) {
      return Status::error("plan of '" + function + "', constant " + std::to_string(c) +
                           " (" + r.what + "): " + why);
    };
    if (std::string why = shapeProblem(r.shape, false); !why.empty())
      return bad("constant " + why);
    if (constantSlots[c] != -1 && !slotOk(constantSlots[c]))
      return bad("slot out of range");
    for (int p : r.parts)
      if (p < 0 || static_cast<size_t>(p) >= c)
        return bad("refers to a constant not made before it");
    switch (r.kind) {
    case ConstantRecipe::Kind::Transposed:
      if (r.parts.size() != 1 || constants[r.parts[0]].shape.size() != 2 ||
          r.shape != Shape{constants[r.parts[0]].shape[1], constants[r.parts[0]].shape[0]})
        return bad("bad transpose");
      break;
    case ConstantRecipe::Kind::ConcatColumns: {
      if (r.shape.empty() || r.shape.size() > 2)
        return bad("bad concatenation");
      int64_t cols = 0;
      for (int p : r.parts) {
        const Shape &s = constants[p].shape;
        if (s.size() != r.shape.size() || (s.size() == 2 && s[0] != r.shape[0]))
          return bad("bad concatenation");
        cols += s.back();
      }
      if (cols != r.shape.back())
        return bad("bad concatenation");
      break;
    }
    case ConstantRecipe::Kind::Literal:
      if (r.literal.dtype() != r.dtype || r.literal.shape() != r.shape)
        return bad("literal does not match its shape");
      break;
    case ConstantRecipe::Kind::Weight:
    case ConstantRecipe::Kind::Zeros:
      break;
    }
  }
  for (const std::vector<PlanPort> *ports : {&inputs, &outputs})
    for (const PlanPort &p : *ports) {
      std::string port = (ports == &inputs ? "input '" : "output '") + p.name + "'";
      if (!slotOk(p.slot))
        return Status::error("plan of '" + function + "': " + port + ": slot out of range");
      if (std::string why = shapeProblem(p.shape); !why.empty())
        return Status::error("plan of '" + function + "': " + port + " " + why);
    }
  // Inputs, outputs and constants live for the whole call; releasing one
  // would hand the caller's memory (or a weight) to the buffer pool.
  std::vector<bool> pinned(static_cast<size_t>(numSlots), false);
  for (const std::vector<PlanPort> *ports : {&inputs, &outputs})
    for (const PlanPort &p : *ports)
      pinned[p.slot] = true;
  for (int c : constantSlots)
    if (c >= 0)
      pinned[c] = true;
  for (size_t i = 0; i < steps.size(); ++i) {
    const PlanStep &s = steps[i];
    auto bad = [&](const std::string &why) {
      return Status::error("plan of '" + function + "', step " + std::to_string(i) +
                           " (" + s.what + "): " + why);
    };
    for (int in : s.inputs)
      if (!slotOk(in))
        return bad("input slot out of range");
    for (int r : s.release)
      if (!slotOk(r) || pinned[r])
        return bad("releases a slot out of range or one that lives for the whole call");
    if (s.inputs.empty())
      return bad("no inputs");
    switch (s.kind) {
    case PlanStep::Kind::Kernel:
      if (s.kernel < 0 || s.kernel >= numKernels)
        return bad("kernel out of range");
      if (s.inputViews.size() != s.inputs.size())
        return bad("one view per input needed");
      for (const Shape &v : s.inputViews)
        if (std::string why = shapeProblem(v); !why.empty())
          return bad("bad input view: view " + why);
      if (std::string why = shapeProblem(s.outputShape); !why.empty())
        return bad("output " + why);
      if (std::string why = shapeProblem(s.resultView); !why.empty())
        return bad("result view " + why);
      if (!slotOk(s.output))
        return bad("bad output slot");
      if (s.broadcastOutput &&
          (s.inputs.size() < 2 || s.inputViews[0].size() != s.inputViews[1].size()))
        return bad("a broadcast needs two inputs of one rank");
      break;
    case PlanStep::Kind::View:
      if (std::string why = shapeProblem(s.resultView); !why.empty())
        return bad("view " + why);
      if (!slotOk(s.output))
        return bad("bad output slot");
      break;
    case PlanStep::Kind::CheckIds:
      if (s.vocab < 1)
        return bad("bad vocabulary size");
      break;
    }
  }
  return Status::ok();
}

StatusOr<std::vector<Tensor>>
materializeConstants(const Plan &plan, const std::map<std::string, Tensor> &weights) {
  std::vector<Tensor> out;
  out.reserve(plan.constants.size());
  for (const ConstantRecipe &r : plan.constants) {
    switch (r.kind) {
    case ConstantRecipe::Kind::Weight: {
      auto it = weights.find(r.weight);
      Status error = Status::ok();
      if (it == weights.end())
        error = Status::error("weight '" + r.weight +
                              "' is declared by the model but missing from the weights file");
      else if (it->second.dtype() != DType::F32)
        error = Status::error("weight '" + r.weight + "' has dtype " +
                              dtypeName(it->second.dtype()) + ", expected F32");
      else if (it->second.shape() != r.shape)
        error = Status::error("weight '" + r.weight + "' has shape " +
                              formatShape(it->second.shape()) + " in the weights file but " +
                              formatShape(r.shape) + " in the model");
      else if (it->second.numel() > kMaxKernelElements)
        error = Status::error("weight '" + r.weight + "' has more than 2^31 elements");
      if (error) {
        // NaN or Inf in a weight would flow silently into every output.
        const float *v = it->second.dataAs<float>();
        for (int64_t i = 0, n = it->second.numel(); i < n; ++i)
          if (!std::isfinite(v[i])) {
            error = Status::error("weight '" + r.weight + "' holds " +
                                  (std::isnan(v[i]) ? "NaN" : "an infinity") +
                                  " at flat index " + std::to_string(i));
            break;
          }
      }
      if (!error)
        return error.withContext(r.what);
      out.push_back(it->second);
      break;
    }
    case ConstantRecipe::Kind::Transposed: {
      const Tensor &w = out[r.parts[0]];
      int64_t N = w.dim(0), K = w.dim(1);
      StatusOr<Tensor> t = Tensor::allocate(DType::F32, {K, N});
      if (!t)
        return t.status().withContext(r.what);
      const float *src = w.dataAs<float>();
      float *dst = t->dataAs<float>();
      for (int64_t n = 0; n < N; ++n)
        for (int64_t k = 0; k < K; ++k)
          dst[k * N + n] = src[n * K + k];
      out.push_back(std::move(*t));
      break;
    }
    case ConstantRecipe::Kind::ConcatColumns: {
      StatusOr<Tensor> t = Tensor::allocate(DType::F32, r.shape);
      if (!t)
        return t.status().withContext(r.what);
      int64_t rows = r.shape.size() == 2 ? r.shape[0] : 1, cols = r.shape.back();
      float *dst = t->dataAs<float>();
      int64_t offset = 0;
      for (int p : r.parts) {
        const Tensor &part = out[p];
        int64_t n = part.dim(part.rank() - 1);
        const float *src = part.dataAs<float>();
        for (int64_t row = 0; row < rows; ++row)
          std::copy(src + row * n, src + (row + 1) * n, dst + row * cols + offset);
        offset += n;
      }
      out.push_back(std::move(*t));
      break;
    }
    case ConstantRecipe::Kind::Zeros: {
      StatusOr<Tensor> t = Tensor::allocate(r.dtype, r.shape);
      if (!t)
        return t.status().withContext(r.what);
      out.push_back(std::move(*t));
      break;
    }
    case ConstantRecipe::Kind::Literal:
      out.push_back(r.literal);
      break;
    }
  }
  return out;
}

} // namespace tfx::rt
