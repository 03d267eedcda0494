//===- Executor.h - run a tfx function through compiled kernels ---*- C++ -*-===//
//
// The JIT consumer of lib/Lowering: plans a func.func of tfx ops (Plan.h),
// makes the plan's constants from a weights map by name (checking dtype,
// shape and finiteness), compiles its kernels with lib/Lowering's cache and
// runs it with the runtime's plan interpreter (tfx/runtime/Interpreter.h).
//
//===----------------------------------------------------------------------===//

#ifndef TFX_EXEC_EXECUTOR_H
#define TFX_EXEC_EXECUTOR_H

#include "tfx/Lowering/Kernel.h"
#include "tfx/runtime/Interpreter.h"
#include "tfx/runtime/Status.h"
#include "tfx/runtime/Tensor.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace mlir {
class ModuleOp;
} // namespace mlir

namespace tfx::exec {

using TensorMap = std::map<std::string, rt::Tensor>;

struct ExecOptions {
  lowering::KernelOptions kernels;
};

/// Statistics of the last run of a Program.
using RunStats = rt::RunStats;

/// One compiled entry function.
class Program {
public:
  virtual ~Program() = default;
  /// Argument and result names (the `tfx.name` attributes, or argN/resultN).
  virtual const std::vector<std::string> &inputNames() const = 0;
  virtual const std::vector<std::string> &outputNames() const = 0;
  /// Runs the function. Inputs are matched by name; dtype and static dims
  /// must match the function's argument types.
  virtual rt::Status run(const TensorMap &inputs, TensorMap &outputs) = 0;
  virtual const RunStats &lastRunStats() const = 0;
};

/// Owns the kernel cache and the programs of one module.
class Executor {
public:
  /// `module` must outlive the executor. `weights` is copied by reference
  /// counting (tensors share storage).
  Executor(mlir::ModuleOp module, TensorMap weights, ExecOptions options = {});
  ~Executor();

  /// Plans the function `name` (once) and returns it; errors name the op.
  rt::StatusOr<Program *> program(const std::string &name);

  lowering::KernelCache &kernels();
  /// GPU targets: the weight uploads so far (once per weight, for all
  /// functions); zero on the CPU.
  const RunStats &loadStats() const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace tfx::exec

#endif // TFX_EXEC_EXECUTOR_H
