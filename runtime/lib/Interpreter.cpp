//===- Interpreter.cpp - running a plan -------------------------------------===//

#include "tfx/runtime/Interpreter.h"

#include <algorithm>

namespace tfx::rt {
namespace {

constexpr int64_t kDyn = -1;

/// Views `t` with `shape`, whose single -1 (if any) absorbs the remainder.
StatusOr<Tensor> viewAs(const Tensor &t, Shape shape) {
  int64_t known = 1, dynIndex = -1;
  for (size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == kDyn)
      dynIndex = static_cast<int64_t>(i);
    else
      known *= shape[i];
  }
  if (dynIndex >= 0) {
    if (known == 0 || t.numel() % known != 0)
      return Status::error("cannot view " + formatShape(t.shape()) + " as " +
                           formatShape(shape));
    shape[dynIndex] = t.numel() / known;
  }
  return t.reshaped(std::move(shape));
}

/// The broadcast of two run-time shapes of one rank.
StatusOr<Shape> broadcast(const Shape &a, const Shape &b) {
  if (a.size() != b.size())
    return Status::error("shapes " + formatShape(a) + " and " + formatShape(b) +
                         " do not broadcast");
  Shape out(a.size());
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i] || b[i] == 1)
      out[i] = a[i];
    else if (a[i] == 1)
      out[i] = b[i];
    else
      return Status::error("shapes " + formatShape(a) + " and " + formatShape(b) +
                           " do not broadcast");
  }
  return out;
}

} // namespace

StatusOr<Tensor> BufferPool::take(DType dtype, Shape shape, RunStats &stats) {
  int64_t n = 1;
  for (int64_t d : shape) {
    if (d < 0 || (d > 0 && n > kMaxKernelElements / d))
      return Status::error("intermediate of shape " + formatShape(shape) +
                           " exceeds the 2^31-element limit of the kernels");
    n *= d;
  }
  size_t bytes = static_cast<size_t>(n) * dtypeSize(dtype);
  auto it = free_.find(bytes);
  if (it != free_.end()) {
    Tensor t = std::move(it->second);
    free_.erase(it);
    ++stats.buffersReused;
    return t.reinterpreted(dtype, std::move(shape));
  }
  StatusOr<Tensor> t = Tensor::allocate(dtype, std::move(shape));
  if (t) {
    ++stats.buffersAllocated;
    allocatedBytes_ += bytes;
    stats.peakBytes = std::max(stats.peakBytes, allocatedBytes_);
  }
  return t;
}

void BufferPool::give(Tensor t) {
  if (!t.empty() && t.storageUseCount() == 1)
    free_.emplace(t.byteSize(), std::move(t));
}

std::string formatPortShape(const Shape &shape) {
  std::string s = "[";
  for (size_t i = 0; i < shape.size(); ++i)
    s += (i ? ", " : "") + (shape[i] < 0 ? std::string("?") : std::to_string(shape[i]));
  return s + "]";
}

Status checkInput(const PlanPort &port, const Tensor &t, int64_t &batch) {
  const std::string &name = port.name;
  if (t.dtype() != port.dtype)
    return Status::error("input '" + name + "' has dtype " + dtypeName(t.dtype()) +
                         " but the function takes " + dtypeName(port.dtype));
  const Shape &want = port.shape;
  bool ok = t.rank() == static_cast<int64_t>(want.size());
  for (size_t d = 0; ok && d < want.size(); ++d) {
    if (want[d] != kDyn && want[d] != t.dim(d))
      ok = false;
    if (ok && want[d] == kDyn) {
      if (batch != kDyn && batch != t.dim(d))
        return Status::error("input '" + name + "' has batch " + std::to_string(t.dim(d)) +
                             " but another input has batch " + std::to_string(batch));
      batch = t.dim(d);
    }
  }
  if (!ok)
    return Status::error("input '" + name + "' has shape " + formatShape(t.shape()) +
                         " but the function takes " + formatPortShape(want) +
                         " (? = any batch)");
  if (t.numel() > kMaxKernelElements)
    return Status::error("input '" + name + "' has " + std::to_string(t.numel()) +
                         " elements; kernels index with 32 bits (at most " +
                         std::to_string(kMaxKernelElements) + ")");
  return Status::ok();
}

PlanRunner::PlanRunner(Plan plan, std::vector<Kernel *> kernels, std::vector<Tensor> constants)
    : plan_(std::move(plan)), kernels_(std::move(kernels)), constants_(std::move(constants)) {}

Status PlanRunner::runStep(const PlanStep &step, std::vector<Tensor> &slots, RunStats &stats) {
  switch (step.kind) {
  case PlanStep::Kind::View: {
    StatusOr<Tensor> v = viewAs(slots[step.inputs[0]], step.resultView);
    if (!v)
      return v.status();
    slots[step.output] = std::move(*v);
    return Status::ok();
  }
  case PlanStep::Kind::CheckIds: {
    const Tensor &t = slots[step.inputs[0]];
    bool wide = t.dtype() == DType::I64;
    for (int64_t i = 0; i < t.numel(); ++i) {
      int64_t id = wide ? t.dataAs<int64_t>()[i] : t.dataAs<int32_t>()[i];
      if (id < 0 || id >= step.vocab)
        return Status::error("token id " + std::to_string(id) + " at flat index " +
                             std::to_string(i) + " is outside the vocabulary [0, " +
                             std::to_string(step.vocab) + ")");
    }
    return Status::ok();
  }
  case PlanStep::Kind::Kernel:
    break;
  }
  std::vector<Tensor> tensors;
  int64_t dynExtent = kDyn;
  for (size_t i = 0; i < step.inputs.size(); ++i) {
    StatusOr<Tensor> t = viewAs(slots[step.inputs[i]], step.inputViews[i]);
    if (!t)
      return t.status();
    for (size_t d = 0; d < step.inputViews[i].size(); ++d)
      if (step.inputViews[i][d] == kDyn && dynExtent == kDyn)
        dynExtent = t->dim(d);
    tensors.push_back(std::move(*t));
  }
  Shape shape = step.outputShape;
  if (step.broadcastOutput) {
    StatusOr<Shape> b = broadcast(tensors[0].shape(), tensors[1].shape());
    if (!b)
      return b.status();
    shape = *b;
  } else {
    for (int64_t &e : shape)
      if (e == kDyn)
        e = dynExtent;
  }
  std::vector<const Tensor *> ptrs;
  for (Tensor &t : tensors)
    ptrs.push_back(&t);
  StatusOr<Tensor> out = pool_.take(step.outputType, std::move(shape), stats);
  if (!out)
    return out.status();
  TFX_RETURN_IF_ERROR(kernels_[step.kernel]->run(ptrs, *out));
  ++stats.kernelLaunches;
  StatusOr<Tensor> view = viewAs(*out, step.resultView);
  if (!view)
    return view.status();
  slots[step.output] = std::move(*view);
  return Status::ok();
}

Status PlanRunner::run(const std::map<std::string, Tensor> &inputs,
                       std::vector<Tensor> &outputs) {
  std::vector<Tensor> slots(plan_.numSlots);
  RunStats stats;
  for (size_t c = 0; c < constants_.size(); ++c)
    if (plan_.constantSlots[c] >= 0)
      slots[plan_.constantSlots[c]] = constants_[c];
  int64_t batch = kDyn;
  for (const PlanPort &port : plan_.inputs) {
    auto it = inputs.find(port.name);
    if (it == inputs.end())
      return Status::error("missing input '" + port.name + "'");
    TFX_RETURN_IF_ERROR(checkInput(port, it->second, batch));
    slots[port.slot] = it->second;
  }
  for (const PlanStep &step : plan_.steps) {
    Status s = runStep(step, slots, stats);
    if (!s)
      return s.withContext(step.what);
    for (int slot : step.release)
      pool_.give(std::move(slots[slot]));
  }
  outputs.clear();
  for (const PlanPort &port : plan_.outputs)
    outputs.push_back(slots[port.slot]);
  stats_ = stats;
  return Status::ok();
}

} // namespace tfx::rt
