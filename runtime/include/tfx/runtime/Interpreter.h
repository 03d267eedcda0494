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
//===----------------------------------------------------------------------===//

#ifndef TFX_RUNTIME_INTERPRETER_H
#define TFX_RUNTIME_INTERPRETER_H

#include "tfx/runtime/Plan.h"

#include <map>
#include <string>
#include <vector>

namespace tfx::rt {

/// A compiled kernel: binds the inputs and writes the preallocated output.
class Kernel {
public:
  virtual ~Kernel() = default;
  virtual Status run(const std::vector<const Tensor *> &inputs, Tensor &output) = 0;
};

/// Statistics of one run.
struct RunStats {
  size_t kernelLaunches = 0;
  size_t buffersAllocated = 0;
  size_t buffersReused = 0;
  size_t peakBytes = 0;
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
  PlanRunner(Plan plan, std::vector<Kernel *> kernels, std::vector<Tensor> constants);

  const Plan &plan() const { return plan_; }
  /// Runs the function. `inputs` by port name; `outputs` in port order.
  /// The outputs may share storage with the inputs or the constants (a
  /// function that returns an argument); copy them to keep them.
  Status run(const std::map<std::string, Tensor> &inputs, std::vector<Tensor> &outputs);
  const RunStats &lastRunStats() const { return stats_; }

private:
  Status runStep(const PlanStep &step, std::vector<Tensor> &slots, RunStats &stats);

  Plan plan_;
  std::vector<Kernel *> kernels_;
  std::vector<Tensor> constants_;
  BufferPool pool_;
  RunStats stats_;
};

} // namespace tfx::rt

#endif // TFX_RUNTIME_INTERPRETER_H
