//===- Library.cpp - the C ABI: generated libraries on the interpreter ----===//
//
// tfx_model_create / run / destroy for a tfx_library table (tfx_runtime.h):
// the weights are read by the runtime's safetensors reader, the plans by
// plansFromJson (validated), constants made by materializeConstants, and
// every call runs the plan interpreter (Interpreter.h) with the library's
// ahead-of-time kernels behind the rt::Kernel interface. Only generated
// libraries compile this file (it defines Halide's halide_error hook, which
// a process using libHalide's JIT must not replace).
//
//===----------------------------------------------------------------------===//

#include "tfx/runtime/tfx_runtime.h"

#include "tfx/runtime/HalideArgs.h"
#include "tfx/runtime/Interpreter.h"
#include "tfx/runtime/Plan.h"
#include "tfx/runtime/Safetensors.h"

#include <HalideRuntime.h>

#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <vector>

using namespace tfx::rt;

namespace {

thread_local std::string lastError;

int fail(const std::string &message) {
  lastError = message;
  return -1;
}

// Halide reports errors through halide_error(), possibly from a worker
// thread of a parallel loop: the first message is kept under a lock,
// cleared before each kernel call and taken when the kernel fails.
std::mutex halideMessageLock;
std::string halideMessage;

void clearHalideMessage() {
  std::lock_guard<std::mutex> lock(halideMessageLock);
  halideMessage.clear();
}

std::string takeHalideMessage() {
  std::lock_guard<std::mutex> lock(halideMessageLock);
  std::string m = halideMessage.empty() ? "(no message)" : halideMessage;
  halideMessage.clear();
  return m;
}

} // namespace

// Halide's runtime functions are weak symbols: this replaces its default
// error handler (print + abort), so a failing kernel returns its error code
// and the message becomes part of the library's error.
extern "C" void halide_error(void *, const char *message) {
  std::lock_guard<std::mutex> lock(halideMessageLock);
  if (!halideMessage.empty())
    return; // keep the first error
  halideMessage = message ? message : "";
  while (!halideMessage.empty() && halideMessage.back() == '\n')
    halideMessage.pop_back();
}

namespace {

/// An ahead-of-time kernel of the library's table. With a device interface
/// (a GPU library) it runs on device-resident operands (Interpreter.h): the
/// runner uploads and downloads, the kernel only launches.
class AotKernel final : public Kernel {
public:
  AotKernel(const tfx_kernel_entry &entry, bool device) : entry_(entry), device_(device) {}

  Placement placement() const override { return device_ ? Placement::Device : Placement::Host; }

  Status run(const std::vector<const Tensor *> &inputs, Tensor &output) override {
    if (static_cast<int32_t>(inputs.size()) != entry_.num_inputs)
      return Status::error(std::string("kernel ") + entry_.name + " takes " +
                           std::to_string(entry_.num_inputs) + " inputs, the plan passes " +
                           std::to_string(inputs.size()));
    HalideArgs args;
    for (const Tensor *t : inputs)
      TFX_RETURN_IF_ERROR(args.addInput(*t));
    if (entry_.num_windows == 0)
      TFX_RETURN_IF_ERROR(args.addOutput(output));
    for (int32_t w = 0; w < entry_.num_windows; ++w)
      TFX_RETURN_IF_ERROR(
          args.addOutput(output, entry_.windows[2 * w], entry_.windows[2 * w + 1]));
    clearHalideMessage();
    int e = entry_.run(args.buffers());
    if (e != 0)
      return Status::error(std::string("kernel ") + entry_.name +
                           " failed with Halide error " + std::to_string(e) + ": " +
                           takeHalideMessage());
    return args.commit();
  }

private:
  tfx_kernel_entry entry_;
  bool device_;
};

struct Function {
  std::unique_ptr<PlanRunner> runner;
  std::vector<Tensor> results; ///< the last results, owned by the model
};

StatusOr<DType> dtypeFromAbi(int32_t dtype) {
  switch (dtype) {
  case TFX_F32: return DType::F32;
  case TFX_BOOL: return DType::Bool;
  case TFX_I64: return DType::I64;
  case TFX_I32: return DType::I32;
  }
  return Status::error("unknown dtype code " + std::to_string(dtype));
}

int32_t dtypeToAbi(DType dtype) {
  switch (dtype) {
  case DType::Bool: return TFX_BOOL;
  case DType::I64: return TFX_I64;
  case DType::I32: return TFX_I32;
  default: return TFX_F32;
  }
}

} // namespace

struct tfx_model {
  // Declared first, destroyed last: the runners' device buffers go before
  // the constants they may share a device interface with.
  DeviceConstants constants;
  RunStats loadStats; ///< the constant uploads
  std::vector<std::unique_ptr<AotKernel>> kernels;
  std::vector<std::string> names;
  std::vector<Function> functions;
};

namespace {

StatusOr<std::unique_ptr<tfx_model>> create(const tfx_library &lib, const char *weightsPath) {
  StatusOr<TensorFile> file = Status::error("");
  if (weightsPath) {
    file = readSafetensors(weightsPath);
    if (!file) {
      // The reader's message starts with the path ("PATH: why"); the
      // library's names it as the weights file, as for embedded weights.
      std::string why = file.status().message();
      std::string prefix = std::string(weightsPath) + ": ";
      if (why.compare(0, prefix.size(), prefix) == 0)
        why.erase(0, prefix.size());
      return Status::error(std::string("weights '") + weightsPath + "': " + why);
    }
  } else if (lib.embedded_weights) {
    file = parseSafetensors(lib.embedded_weights, lib.embedded_weights_size);
    if (!file)
      return file.status().withContext("weights (embedded)");
  } else {
    return Status::error("this library has no embedded weights: pass a weights file");
  }
  StatusOr<std::vector<Plan>> plans = plansFromJson(lib.plans_json ? lib.plans_json : "");
  if (!plans)
    return plans.status();
  auto model = std::make_unique<tfx_model>();
  Device device{lib.device_interface ? lib.device_interface() : nullptr};
  if (lib.device_interface && !device)
    return Status::error("the library's GPU runtime gave no device interface");
  std::vector<Kernel *> kernels;
  for (int32_t k = 0; k < lib.num_kernels; ++k) {
    model->kernels.push_back(std::make_unique<AotKernel>(lib.kernels[k], bool(device)));
    kernels.push_back(model->kernels.back().get());
  }
  for (Plan &plan : *plans) {
    if (plan.numKernels > lib.num_kernels)
      return Status::error("plan of '" + plan.function + "' uses more kernels than the library has");
    StatusOr<std::vector<Tensor>> constants = materializeConstants(plan, file->tensors);
    if (!constants)
      return constants.status();
    model->names.push_back(plan.function);
    Function f;
    f.runner = std::make_unique<PlanRunner>(std::move(plan), kernels, std::move(*constants),
                                            device);
    clearHalideMessage();
    if (Status s = f.runner->uploadConstants(model->constants, model->loadStats); !s) {
      std::string halide = takeHalideMessage();
      return Status::error(halide == "(no message)" ? s.message() : s.message() + ": " + halide);
    }
    model->functions.push_back(std::move(f));
  }
  return model;
}

Status bindInputs(const Plan &plan, const tfx_tensor *inputs, int count,
                  std::map<std::string, Tensor> &bound) {
  for (const PlanPort &port : plan.inputs) {
    const tfx_tensor *t = nullptr;
    for (int i = 0; i < count; ++i)
      if (inputs[i].name && port.name == inputs[i].name)
        t = &inputs[i];
    if (!t)
      return Status::error("missing input '" + port.name + "'");
    StatusOr<DType> dtype = dtypeFromAbi(t->dtype);
    if (!dtype)
      return dtype.status().withContext("input '" + port.name + "'");
    if (t->rank < 0 || t->rank > kMaxRank || !t->data)
      return Status::error("input '" + port.name + "' has rank " + std::to_string(t->rank) +
                           (t->data ? "" : " and no data") + " (at most " +
                           std::to_string(kMaxRank) + " dimensions, with data)");
    Shape shape(t->shape, t->shape + t->rank);
    int64_t n = 1;
    for (int64_t d : shape) {
      if (d < 0)
        return Status::error("input '" + port.name + "' has shape " + formatShape(shape) +
                             " (negative dimension)");
      if (d > 0 && n > kMaxKernelElements / d)
        return Status::error("input '" + port.name + "' exceeds 2^31 elements");
      n *= d;
    }
    bound[port.name] = Tensor::borrowed(*dtype, std::move(shape), t->data);
  }
  return Status::ok();
}

int run(tfx_model &m, const char *function, const tfx_tensor *inputs, int numInputs,
        tfx_tensor *outputs, int numOutputs) {
  size_t f = 0;
  while (f < m.names.size() && m.names[f] != function)
    ++f;
  if (f == m.names.size()) {
    std::string names;
    for (const std::string &n : m.names)
      names += (names.empty() ? "" : ", ") + n;
    return fail(std::string("no function '") + function + "' (the library has: " + names + ")");
  }
  Function &fn = m.functions[f];
  const Plan &plan = fn.runner->plan();
  std::map<std::string, Tensor> bound;
  if (Status s = bindInputs(plan, inputs, numInputs, bound); !s)
    return fail(s.message());
  if (numOutputs < static_cast<int>(plan.outputs.size()))
    return fail("function '" + plan.function + "' has " + std::to_string(plan.outputs.size()) +
                " results but outputs has room for " + std::to_string(numOutputs));
  std::vector<Tensor> results;
  if (Status s = fn.runner->run(bound, results); !s)
    return fail(s.message());
  // Results are copied into storage of their own, kept per function: they
  // never alias the caller's inputs or the weights, and running another
  // function (decode after encode) leaves them valid.
  // A result nothing else holds (a fresh download, a buffer the run made)
  // is moved rather than copied.
  fn.results.clear();
  for (size_t i = 0; i < results.size(); ++i) {
    fn.results.push_back(results[i].storageUseCount() == 1 ? std::move(results[i])
                                                            : results[i].clone());
    fn.results.back().setResidency(nullptr);
    const Tensor &r = fn.results.back();
    outputs[i].name = plan.outputs[i].name.c_str();
    outputs[i].dtype = dtypeToAbi(r.dtype());
    outputs[i].rank = static_cast<int32_t>(r.rank());
    for (int64_t d = 0; d < r.rank() && d < kMaxRank; ++d)
      outputs[i].shape[d] = r.dim(d);
    outputs[i].data = fn.results.back().data();
  }
  lastError.clear();
  return 0;
}

} // namespace

extern "C" {

tfx_model *tfx_model_create(const tfx_library *library, const char *weights_path) {
  try {
    if (!library) {
      fail("tfx_model_create: null library");
      return nullptr;
    }
    StatusOr<std::unique_ptr<tfx_model>> m = create(*library, weights_path);
    if (!m) {
      fail(m.status().message());
      return nullptr;
    }
    lastError.clear();
    return m->release();
  } catch (const std::bad_alloc &) {
    fail("out of memory");
  } catch (...) {
    fail("unexpected C++ exception");
  }
  return nullptr;
}

int tfx_model_run(tfx_model *model, const char *function, const tfx_tensor *inputs,
                  int num_inputs, tfx_tensor *outputs, int num_outputs) {
  if (!model || !function || (num_inputs > 0 && !inputs) || (num_outputs > 0 && !outputs))
    return fail("tfx_model_run: null model, function or tensor array");
  try {
    return run(*model, function, inputs, num_inputs, outputs, num_outputs);
  } catch (const std::bad_alloc &) {
    return fail("out of memory");
  } catch (...) {
    return fail("unexpected C++ exception");
  }
}

int tfx_model_stats(tfx_model *model, const char *function, tfx_run_stats *stats) {
  if (!model || !stats)
    return fail("tfx_model_stats: null model or stats");
  const RunStats *r = function ? nullptr : &model->loadStats;
  for (size_t f = 0; !r && f < model->names.size(); ++f)
    if (model->names[f] == function)
      r = &model->functions[f].runner->lastRunStats();
  if (!r)
    return fail(std::string("no function '") + function + "'");
  *stats = tfx_run_stats{r->kernelLaunches, r->uploads, r->uploadBytes,
                         r->downloads, r->downloadBytes, r->implicitCopies,
                         r->deviceBuffersAllocated, r->devicePeakBytes};
  lastError.clear();
  return 0;
}

void tfx_model_destroy(tfx_model *model) { delete model; }

const char *tfx_last_error(void) { return lastError.c_str(); }

} // extern "C"
