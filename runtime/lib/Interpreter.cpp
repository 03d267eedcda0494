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

Status DeviceConstants::upload(Device device, Tensor &t, RunStats &stats) {
  auto key = std::make_pair(static_cast<const void *>(t.data()), t.byteSize());
  auto it = byHost_.find(key);
  if (it == byHost_.end()) {
    Entry e{t, std::make_shared<Residency>()};
    e.keep.setResidency(e.residency);
    size_t bytes = 0;
    bool allocated = false;
    TFX_RETURN_IF_ERROR(ensureOnDevice(device, e.keep, bytes, allocated));
    ++stats.uploads;
    stats.uploadBytes += bytes;
    stats.deviceBuffersAllocated += allocated ? 1 : 0;
    it = byHost_.emplace(key, std::move(e)).first;
  }
  t.setResidency(it->second.residency);
  return Status::ok();
}

PlanRunner::PlanRunner(Plan plan, std::vector<Kernel *> kernels, std::vector<Tensor> constants,
                       Device device)
    : plan_(std::move(plan)), kernels_(std::move(kernels)), constants_(std::move(constants)),
      device_(device) {}

Status PlanRunner::uploadConstants(DeviceConstants &cache, RunStats &stats) {
  if (!device_)
    return Status::ok();
  // Only the constants that a Device kernel reads (directly or through a
  // view) go up; the others keep a host-only residency.
  std::vector<char> onDevice(plan_.numSlots, 0);
  for (auto step = plan_.steps.rbegin(); step != plan_.steps.rend(); ++step) {
    bool reads = step->kind == PlanStep::Kind::View ? onDevice[step->output] != 0
                 : step->kind == PlanStep::Kind::Kernel &&
                       kernels_[step->kernel]->placement() == Placement::Device;
    if (reads)
      for (int in : step->inputs)
        onDevice[in] = 1;
  }
  for (size_t c = 0; c < constants_.size(); ++c) {
    int slot = plan_.constantSlots[c];
    Status s = slot >= 0 && onDevice[slot]
                   ? cache.upload(device_, constants_[c], stats)
                   : (constants_[c].setResidency(std::make_shared<Residency>()), Status::ok());
    if (!s)
      return s.withContext("uploading constant '" + plan_.constants[c].what + "' to the device");
  }
  return Status::ok();
}

void PlanRunner::trackDevice(RunStats &stats, const std::shared_ptr<DeviceAllocation> &a) {
  ++stats.deviceBuffersAllocated;
  deviceBytes_ += a->bytes();
  stats.devicePeakBytes = std::max(stats.devicePeakBytes, deviceBytes_);
}

Status PlanRunner::place(const Tensor &t, Placement where, RunStats &stats) {
  if (!device_)
    return Status::ok();
  Residency *r = t.residency();
  if (!r)
    return Status::error("internal error: an operand without a residency (were the "
                         "constants uploaded?)");
  if (where == Placement::Host) {
    bool wasValid = r->hostValid;
    size_t bytes = 0;
    TFX_RETURN_IF_ERROR(ensureOnHost(t, bytes));
    stats.downloads += wasValid ? 0 : 1;
    stats.downloadBytes += bytes;
    return Status::ok();
  }
  if (!r->deviceValid && !r->device) {
    auto spare = spare_.find(DeviceAllocation::roundedSize(t.byteSize()));
    if (spare != spare_.end()) {
      r->device = std::move(spare->second);
      spare_.erase(spare);
    } else {
      StatusOr<std::shared_ptr<DeviceAllocation>> a =
          DeviceAllocation::allocate(device_, t.byteSize());
      if (!a)
        return a.status();
      r->device = std::move(*a);
      trackDevice(stats, r->device);
    }
  }
  size_t bytes = 0;
  bool allocated = false;
  bool wasValid = r->deviceValid;
  TFX_RETURN_IF_ERROR(ensureOnDevice(device_, t, bytes, allocated));
  stats.uploads += wasValid ? 0 : 1;
  stats.uploadBytes += bytes;
  return Status::ok();
}

Status PlanRunner::prepareOutput(Tensor &out, Placement where, RunStats &stats) {
  if (!device_)
    return Status::ok();
  if (!out.residency())
    out.setResidency(std::make_shared<Residency>());
  Residency &r = *out.residency();
  // The kernel writes the whole buffer: no copy is current until it has.
  r.hostValid = where == Placement::Host;
  r.deviceValid = false;
  if (where == Placement::Device && !r.device) {
    StatusOr<std::shared_ptr<DeviceAllocation>> a =
        DeviceAllocation::allocate(device_, out.byteSize());
    if (!a)
      return a.status();
    r.device = std::move(*a);
    trackDevice(stats, r.device);
  }
  return Status::ok();
}

Status PlanRunner::runKernel(const PlanStep &step, std::vector<Tensor> &slots, RunStats &stats) {
  Kernel &kernel = *kernels_[step.kernel];
  Placement where = device_ ? kernel.placement() : Placement::Host;
  std::vector<Tensor> tensors;
  int64_t dynExtent = kDyn;
  for (size_t i = 0; i < step.inputs.size(); ++i) {
    StatusOr<Tensor> t = viewAs(slots[step.inputs[i]], step.inputViews[i]);
    if (!t)
      return t.status();
    for (size_t d = 0; d < step.inputViews[i].size(); ++d)
      if (step.inputViews[i][d] == kDyn && dynExtent == kDyn)
        dynExtent = t->dim(d);
    TFX_RETURN_IF_ERROR(place(*t, where, stats));
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
  std::vector<char> hostBefore;
  for (Tensor &t : tensors) {
    ptrs.push_back(&t);
    hostBefore.push_back(t.residency() && t.residency()->hostValid);
  }
  StatusOr<Tensor> out = pool_.take(step.outputType, std::move(shape), stats);
  if (!out)
    return out.status();
  TFX_RETURN_IF_ERROR(prepareOutput(*out, where, stats));
  TFX_RETURN_IF_ERROR(kernel.run(ptrs, *out));
  ++stats.kernelLaunches;
  if (where == Placement::Device) {
    // What the kernel's own code moved shows in the residencies it set.
    bool moved = out->residency()->hostValid;
    for (size_t i = 0; i < tensors.size(); ++i)
      moved = moved || (!hostBefore[i] && tensors[i].residency()->hostValid);
    stats.implicitCopies += moved ? 1 : 0;
  }
  StatusOr<Tensor> view = viewAs(*out, step.resultView);
  if (!view)
    return view.status();
  slots[step.output] = std::move(*view);
  return Status::ok();
}

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
    TFX_RETURN_IF_ERROR(place(t, Placement::Host, stats));
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
    return runKernel(step, slots, stats);
  }
  return Status::error("internal error: unknown plan step");
}

Status PlanRunner::takeOutputs(std::vector<Tensor> &slots, std::vector<Tensor> &outputs,
                               RunStats &stats) {
  outputs.clear();
  for (const PlanPort &port : plan_.outputs) {
    const Tensor &s = slots[port.slot];
    Residency *r = s.residency();
    if (!device_ || !r || r->hostValid) {
      outputs.push_back(s);
      continue;
    }
    // Device-only result: straight into host memory of its own, so the
    // slot's buffers (host and device) go back to the pool.
    StatusOr<Tensor> host = Tensor::allocate(s.dtype(), s.shape());
    if (!host)
      return host.status();
    TFX_RETURN_IF_ERROR(downloadInto(s, *host));
    ++stats.downloads;
    stats.downloadBytes += s.byteSize();
    outputs.push_back(std::move(*host));
  }
  if (!device_)
    return Status::ok();
  // Kernel results still held (outputs, views of them) go back to the pool,
  // with their device memory, and the inputs' device memory to the spares.
  // (A view of an input or a constant is never taken: the caller's map and
  // the constants keep their storage shared, and give() takes sole owners.)
  for (const PlanStep &step : plan_.steps)
    if (step.kind != PlanStep::Kind::CheckIds)
      pool_.give(std::move(slots[step.output]));
  for (const PlanPort &port : plan_.inputs)
    if (Residency *r = slots[port.slot].residency(); r && r->device) {
      spare_.emplace(r->device->bytes(), std::move(r->device));
      r->deviceValid = false; // an output aliasing the input keeps this record
    }
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
    if (device_)
      slots[port.slot].setResidency(std::make_shared<Residency>());
  }
  for (const PlanStep &step : plan_.steps) {
    Status s = runStep(step, slots, stats);
    if (!s)
      return s.withContext(step.what);
    for (int slot : step.release)
      pool_.give(std::move(slots[slot]));
  }
  TFX_RETURN_IF_ERROR(takeOutputs(slots, outputs, stats));
  stats_ = stats;
  return Status::ok();
}

} // namespace tfx::rt
