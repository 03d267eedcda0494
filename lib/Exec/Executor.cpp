//===- Executor.cpp - run execution plans on JIT/cached kernels ------------===//
//
// The executor is the JIT consumer of a Plan (Planner.cpp makes it from the
// IR; include/tfx/Exec/Plan.h): it makes the plan's constants from the
// weights (checked by name, shape and dtype before anything runs), compiles
// each distinct kernel once (lib/Lowering's cache), and interprets the steps:
// views without copies, kernel launches into pooled buffers, and release of
// each slot's buffer after its last use. Shapes are resolved at run time from
// the actual inputs, so one plan serves any batch.
//
//===----------------------------------------------------------------------===//

#include "tfx/Exec/Executor.h"
#include "tfx/Exec/Plan.h"


#include "mlir/IR/BuiltinOps.h"

#include <cstring>

using namespace mlir;

namespace tfx::exec {
namespace {

using lowering::CompiledKernel;
using rt::DType;
using rt::Status;
using rt::StatusOr;
using rt::Tensor;

constexpr int64_t kDyn = -1;
constexpr int64_t kMaxElements = kMaxKernelElements;

/// Recycles intermediate buffers by byte size.
class BufferPool {
public:
  StatusOr<Tensor> take(DType dtype, Shape shape, RunStats &stats) {
    int64_t n = 1;
    for (int64_t d : shape) {
      if (d < 0 || (d > 0 && n > kMaxElements / d))
        return Status::error("intermediate of shape " + rt::formatShape(shape) +
                             " exceeds the 2^31-element limit of the kernels");
      n *= d;
    }
    size_t bytes = static_cast<size_t>(n) * rt::dtypeSize(dtype);
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

  /// Returns a buffer unless another live tensor still shares its storage.
  void give(Tensor t) {
    if (!t.empty() && t.storageUseCount() == 1)
      free_.emplace(t.byteSize(), std::move(t));
  }

private:
  std::multimap<size_t, Tensor> free_;
  size_t allocatedBytes_ = 0;
};

struct Frame {
  std::vector<Tensor> slots;
  RunStats stats;
  BufferPool *pool;
};

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
      return Status::error("cannot view " + rt::formatShape(t.shape()) +
                           " as " + rt::formatShape(shape));
    shape[dynIndex] = t.numel() / known;
  }
  return t.reshaped(std::move(shape));
}

/// Runs a Plan. Kernels are compiled when the program is made.
class ProgramImpl final : public Program {
public:
  const std::vector<std::string> &inputNames() const override { return inputNames_; }
  const std::vector<std::string> &outputNames() const override { return outputNames_; }
  const RunStats &lastRunStats() const override { return stats_; }

  Status run(const TensorMap &inputs, TensorMap &outputs) override;
  Status runStep(const PlanStep &step, Frame &frame);

  Plan plan_;
  std::vector<std::string> inputNames_, outputNames_;
  std::vector<CompiledKernel *> kernels_;
  std::vector<Tensor> constants_;
  BufferPool pool_;
  RunStats stats_;
};

/// The broadcast of two run-time shapes of one rank (already validated by
/// the verifier up to dynamic extents).
StatusOr<Shape> broadcastRuntime(const Shape &a, const Shape &b) {
  Shape out(a.size());
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i] || b[i] == 1)
      out[i] = a[i];
    else if (a[i] == 1)
      out[i] = b[i];
    else
      return Status::error("shapes " + rt::formatShape(a) + " and " +
                           rt::formatShape(b) + " do not broadcast");
  }
  return out;
}

Status ProgramImpl::runStep(const PlanStep &step, Frame &f) {
  switch (step.kind) {
  case PlanStep::Kind::View: {
    StatusOr<Tensor> v = viewAs(f.slots[step.inputs[0]], step.resultView);
    if (!v)
      return v.status();
    f.slots[step.output] = std::move(*v);
    return Status::ok();
  }
  case PlanStep::Kind::CheckIds: {
    const Tensor &t = f.slots[step.inputs[0]];
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
    StatusOr<Tensor> t = viewAs(f.slots[step.inputs[i]], step.inputViews[i]);
    if (!t)
      return t.status();
    for (size_t d = 0; d < step.inputViews[i].size(); ++d)
      if (step.inputViews[i][d] == kDyn && dynExtent == kDyn)
        dynExtent = t->dim(d);
    tensors.push_back(std::move(*t));
  }
  Shape shape = step.outputShape;
  if (step.broadcastOutput) {
    StatusOr<Shape> b = broadcastRuntime(tensors[0].shape(), tensors[1].shape());
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
  StatusOr<Tensor> out = f.pool->take(step.outputType, std::move(shape), f.stats);
  if (!out)
    return out.status();
  TFX_RETURN_IF_ERROR(kernels_[step.kernel]->run(ptrs, *out));
  ++f.stats.kernelLaunches;
  StatusOr<Tensor> view = viewAs(*out, step.resultView);
  if (!view)
    return view.status();
  f.slots[step.output] = std::move(*view);
  return Status::ok();
}

Status ProgramImpl::run(const TensorMap &inputs, TensorMap &outputs) {
  Frame frame;
  frame.slots.resize(plan_.numSlots);
  frame.pool = &pool_;
  for (size_t c = 0; c < constants_.size(); ++c)
    if (plan_.constantSlots[c] >= 0)
      frame.slots[plan_.constantSlots[c]] = constants_[c];
  int64_t batch = kDyn;
  for (const PlanPort &port : plan_.inputs) {
    const std::string &name = port.name;
    auto it = inputs.find(name);
    if (it == inputs.end())
      return Status::error("missing input '" + name + "'");
    const Tensor &t = it->second;
    if (t.dtype() != port.dtype)
      return Status::error("input '" + name + "' has dtype " +
                           rt::dtypeName(t.dtype()) + " but the function takes " +
                           rt::dtypeName(port.dtype));
    const Shape &want = port.shape;
    bool ok = t.rank() == static_cast<int64_t>(want.size());
    for (size_t d = 0; ok && d < want.size(); ++d) {
      if (want[d] != kDyn && want[d] != t.dim(d))
        ok = false;
      if (want[d] == kDyn) {
        if (batch != kDyn && batch != t.dim(d))
          return Status::error("input '" + name + "' has batch " +
                               std::to_string(t.dim(d)) +
                               " but another input has batch " + std::to_string(batch));
        batch = t.dim(d);
      }
    }
    if (ok && t.numel() > kMaxElements)
      return Status::error("input '" + name + "' has " + std::to_string(t.numel()) +
                           " elements; kernels index with 32 bits (at most " +
                           std::to_string(kMaxElements) + ")");
    if (!ok)
      return Status::error("input '" + name + "' has shape " + rt::formatShape(t.shape()) +
                           " but the function takes " + rt::formatShape(want) +
                           " (-1 = any batch)");
    frame.slots[port.slot] = t;
  }
  for (const PlanStep &step : plan_.steps) {
    Status s = runStep(step, frame);
    if (!s)
      return s.withContext(step.what);
    for (int slot : step.release)
      frame.pool->give(std::move(frame.slots[slot]));
  }
  for (const PlanPort &port : plan_.outputs)
    outputs[port.name] = frame.slots[port.slot];
  stats_ = frame.stats;
  return Status::ok();
}

} // namespace

struct Executor::Impl {
  ModuleOp module;
  TensorMap weights;
  lowering::KernelCache cache;
  std::map<std::string, std::unique_ptr<ProgramImpl>> programs;

  Impl(ModuleOp module, TensorMap weights, ExecOptions options)
      : module(module), weights(std::move(weights)), cache(options.kernels) {}
};

Executor::Executor(ModuleOp module, TensorMap weights, ExecOptions options)
    : impl_(new Impl(module, std::move(weights), std::move(options))) {}

Executor::~Executor() = default;

lowering::KernelCache &Executor::kernels() { return impl_->cache; }

StatusOr<Program *> Executor::program(const std::string &name) {
  auto it = impl_->programs.find(name);
  if (it != impl_->programs.end())
    return static_cast<Program *>(it->second.get());
  StatusOr<Plan> plan = planFunction(impl_->module, name);
  if (!plan)
    return plan.status();
  auto program = std::make_unique<ProgramImpl>();
  StatusOr<std::vector<Tensor>> constants = materializeConstants(*plan, impl_->weights);
  if (!constants)
    return constants.status();
  program->constants_ = std::move(*constants);
  // Compile every kernel before anything runs; a failure names the first op
  // that uses the kernel.
  for (size_t k = 0; k < plan->kernels.size(); ++k) {
    StatusOr<CompiledKernel *> kernel = impl_->cache.get(plan->kernels[k]);
    if (!kernel) {
      for (const PlanStep &step : plan->steps)
        if (step.kind == PlanStep::Kind::Kernel && step.kernel == static_cast<int>(k))
          return kernel.status().withContext(step.what);
      return kernel.status();
    }
    program->kernels_.push_back(*kernel);
  }
  for (const PlanPort &p : plan->inputs)
    program->inputNames_.push_back(p.name);
  for (const PlanPort &p : plan->outputs)
    program->outputNames_.push_back(p.name);
  program->plan_ = std::move(*plan);
  Program *raw = program.get();
  impl_->programs[name] = std::move(program);
  return raw;
}

} // namespace tfx::exec
