//===- Executor.cpp - run execution plans on JIT/cached kernels ------------===//
//
// The executor is the JIT consumer of a Plan (lib/Plan makes it from the
// IR; include/tfx/Plan/Plan.h): it makes the plan's constants from the
// weights (checked by name, shape and dtype before anything runs), compiles
// each distinct kernel once (lib/Lowering's cache), and hands both to the
// runtime's plan interpreter (tfx/runtime/Interpreter.h), the same one
// generated libraries run.
//
//===----------------------------------------------------------------------===//

#include "tfx/Exec/Executor.h"
#include "tfx/Plan/Plan.h"


#include "mlir/IR/BuiltinOps.h"

#include <cstring>

using namespace mlir;

namespace tfx::exec {
namespace {

using lowering::CompiledKernel;
using rt::materializeConstants;
using rt::PlanPort;
using rt::PlanStep;
using rt::Status;
using rt::StatusOr;
using rt::Tensor;

/// A function: the runtime's interpreter over JIT kernels.
class ProgramImpl final : public Program {
public:
  ProgramImpl(plan::Plan plan, std::vector<rt::Kernel *> kernels, std::vector<Tensor> constants,
              rt::Device device) {
    for (const PlanPort &p : plan.inputs)
      inputNames_.push_back(p.name);
    for (const PlanPort &p : plan.outputs)
      outputNames_.push_back(p.name);
    runner_ = std::make_unique<rt::PlanRunner>(static_cast<rt::Plan &&>(std::move(plan)),
                                               std::move(kernels), std::move(constants), device);
  }
  rt::PlanRunner &runner() { return *runner_; }
  const std::vector<std::string> &inputNames() const override { return inputNames_; }
  const std::vector<std::string> &outputNames() const override { return outputNames_; }
  const RunStats &lastRunStats() const override { return runner_->lastRunStats(); }

  Status run(const TensorMap &inputs, TensorMap &outputs) override {
    std::vector<Tensor> results;
    TFX_RETURN_IF_ERROR(runner_->run(inputs, results));
    for (size_t i = 0; i < results.size(); ++i)
      outputs[outputNames_[i]] = std::move(results[i]);
    return Status::ok();
  }

private:
  std::vector<std::string> inputNames_, outputNames_;
  std::unique_ptr<rt::PlanRunner> runner_;
};

} // namespace

struct Executor::Impl {
  ModuleOp module;
  TensorMap weights;
  lowering::KernelCache cache;
  /// GPU targets: the weights on the device, once for all functions.
  rt::DeviceConstants deviceConstants;
  RunStats loadStats;
  std::map<std::string, std::unique_ptr<ProgramImpl>> programs;

  Impl(ModuleOp module, TensorMap weights, ExecOptions options)
      : module(module), weights(std::move(weights)), cache(options.kernels) {}
};

Executor::Executor(ModuleOp module, TensorMap weights, ExecOptions options)
    : impl_(new Impl(module, std::move(weights), std::move(options))) {}

Executor::~Executor() = default;

lowering::KernelCache &Executor::kernels() { return impl_->cache; }

const RunStats &Executor::loadStats() const { return impl_->loadStats; }

StatusOr<Program *> Executor::program(const std::string &name) {
  auto it = impl_->programs.find(name);
  if (it != impl_->programs.end())
    return static_cast<Program *>(it->second.get());
  StatusOr<plan::Plan> planned = plan::planFunction(impl_->module, name);
  if (!planned)
    return planned.status();
  StatusOr<std::vector<Tensor>> constants = materializeConstants(*planned, impl_->weights);
  if (!constants)
    return constants.status();
  StatusOr<rt::Device> device = impl_->cache.device();
  if (!device)
    return device.status();
  // Compile every kernel before anything runs; a failure names the first op
  // that uses the kernel.
  std::vector<rt::Kernel *> kernels;
  for (size_t k = 0; k < planned->kernels.size(); ++k) {
    StatusOr<CompiledKernel *> kernel = impl_->cache.get(planned->kernels[k]);
    if (!kernel) {
      for (const PlanStep &step : planned->steps)
        if (step.kind == PlanStep::Kind::Kernel && step.kernel == static_cast<int>(k))
          return kernel.status().withContext(step.what);
      return kernel.status();
    }
    kernels.push_back(*kernel);
  }
  auto program = std::make_unique<ProgramImpl>(std::move(*planned), std::move(kernels),
                                               std::move(*constants), *device);
  lowering::takeHalideError();
  if (Status s = program->runner().uploadConstants(impl_->deviceConstants, impl_->loadStats); !s)
    return Status::error(s.message() + ": " + lowering::takeHalideError());
  Program *raw = program.get();
  impl_->programs[name] = std::move(program);
  return raw;
}

} // namespace tfx::exec
