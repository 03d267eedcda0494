//===- Interpreter.h - running a plan ---------------------------*- C++ -*-===//
//
// The one interpreter of execution plans (Plan.h), shared by the JIT
// executor (lib/Exec: kernels compiled by lib/Lowering) and by generated
// libraries (Library.cpp: ahead-of-time kernels). It checks the inputs
// against the function's ports, makes views without copies, takes each
// kernel's output from a buffer pool, and gives a slot's buffer back after
// its last use. Shapes are resolved at run time, so one plan serves any
// batch.
//
// With a Device (Device.h) the runner keeps GPU kernels' operands in device
// memory across steps: constants go up once (uploadConstants), a function's
// inputs go up when a GPU kernel first reads them, its outputs come down at
// the end, and nothing else crosses unless a host kernel sits between GPU
// kernels. Every crossing is counted in RunStats.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_RUNTIME_INTERPRETER_H
#define TFX_RUNTIME_INTERPRETER_H

#include "tfx/runtime/Device.h"
#include "tfx/runtime/Plan.h"

#include <map>
#include <string>
#include <vector>

namespace tfx::rt {

/// Where a kernel reads and writes its operands.
enum class Placement { Host, Device };

/// A compiled kernel: binds the inputs and writes the preallocated output.
/// A Device kernel is handed tensors whose residency (Tensor::residency) has
/// a current device copy, and an output with a device allocation; it sets
/// the residencies from Halide's dirty flags after the call (HalideArgs.h).
class Kernel {
public:
  virtual ~Kernel() = default;
  virtual Placement placement() const { return Placement::Host; }
  virtual Status run(const std::vector<const Tensor *> &inputs, Tensor &output) = 0;
};

/// Statistics of one run (or of uploading the constants).
struct RunStats {
  size_t kernelLaunches = 0;
  size_t buffersAllocated = 0;
  size_t buffersReused = 0;
  size_t peakBytes = 0;
  // Device residency: all 0 on host execution.
  size_t uploads = 0, uploadBytes = 0;     ///< host to device, made by the runner
  size_t downloads = 0, downloadBytes = 0; ///< device to host, made by the runner
  /// GPU kernel steps that moved an operand between host and device inside
  /// the kernel (a host stage, a host-only window): 0 when all is resident.
  size_t implicitCopies = 0;
  size_t deviceBuffersAllocated = 0;
  size_t devicePeakBytes = 0; ///< device memory the runner holds (not the constants)
};

/// Constants on the device, once per host buffer: shared by the functions
/// of one model, so encode and decode upload a shared weight once.
class DeviceConstants {
public:
  /// Gives `t` the residency of its host bytes, uploading them the first
  /// time (counted in `stats`).
  Status upload(Device device, Tensor &t, RunStats &stats);

private:
  struct Entry {
    Tensor keep; ///< keeps the host bytes (the key) alive
    std::shared_ptr<Residency> residency;
  };
  std::map<std::pair<const void *, size_t>, Entry> byHost_;
};

/// Recycles intermediate buffers by byte size.
class BufferPool {
public:
  /// A buffer of `shape`; fails beyond the kernels' 2^31-element limit.
  StatusOr<Tensor> take(DType dtype, Shape shape, RunStats &stats);
  /// Returns a buffer unless another live tensor still shares its storage.
  void give(Tensor t);

private:
  std::multimap<size_t, Tensor> free_;
  size_t allocatedBytes_ = 0;
};

/// `shape` with -1 printed as "?", as messages about ports show it.
std::string formatPortShape(const Shape &shape);

/// Checks `t` against the port (dtype, static dims, the element limit) and
/// the batch shared by all inputs (`batch`: -1 until the first input sets
/// it). Messages name the input.
Status checkInput(const PlanPort &port, const Tensor &t, int64_t &batch);

/// One function: its plan, kernels (by the plan's kernel index; not owned)
/// and constants.
class PlanRunner {
public:
  PlanRunner(Plan plan, std::vector<Kernel *> kernels, std::vector<Tensor> constants,
             Device device = {});

  /// With a device: puts the constants that Device kernels read on it, once
  /// per host buffer across the model (`cache`). Call once, before run().
  Status uploadConstants(DeviceConstants &cache, RunStats &stats);

  const Plan &plan() const { return plan_; }
  /// Runs the function. `inputs` by port name; `outputs` in port order.
  /// The outputs may share storage with the inputs or the constants (a
  /// function that returns an argument); copy them to keep them.
  Status run(const std::map<std::string, Tensor> &inputs, std::vector<Tensor> &outputs);
  const RunStats &lastRunStats() const { return stats_; }

private:
  Status runStep(const PlanStep &step, std::vector<Tensor> &slots, RunStats &stats);
  Status runKernel(const PlanStep &step, std::vector<Tensor> &slots, RunStats &stats);
  // Device residency (no-ops on host execution).
  Status place(const Tensor &t, Placement where, RunStats &stats);
  Status prepareOutput(Tensor &out, Placement where, RunStats &stats);
  Status takeOutputs(std::vector<Tensor> &slots, std::vector<Tensor> &outputs, RunStats &stats);
  void trackDevice(RunStats &stats, const std::shared_ptr<DeviceAllocation> &a);

  Plan plan_;
  std::vector<Kernel *> kernels_;
  std::vector<Tensor> constants_;
  BufferPool pool_;
  RunStats stats_;
  Device device_;
  /// Device memory of the inputs, kept between runs by byte size.
  std::multimap<size_t, std::shared_ptr<DeviceAllocation>> spare_;
  size_t deviceBytes_ = 0;
};

} // namespace tfx::rt

#endif // TFX_RUNTIME_INTERPRETER_H
