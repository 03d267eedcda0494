//===- Plan.h - an execution plan as data ---------------------------*- C++ -*-===//
//
// What running a tfx function means, computed once from the IR: the distinct
// kernels (KernelDescs for lib/Lowering), the constants and how each is made
// from the model's weights, the kernel launches in order with how each reads
// and writes its slots, and when each slot's buffer is free again. Both
// consumers read it: the executor (lib/Exec, JIT kernels) interprets it, and
// tfx-translate (lib/Target) turns it into a generated driver around AOT
// kernels. No MLIR and no Halide here.
//
// Shapes list the outermost dimension first; -1 is the one dynamic extent
// (the batch, or rows = batch x something in a collapsed view), resolved at
// run time from the tensor being viewed.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_EXEC_PLAN_H
#define TFX_EXEC_PLAN_H

#include "tfx/Lowering/Kernel.h"
#include "tfx/runtime/Status.h"
#include "tfx/runtime/Tensor.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mlir {
class ModuleOp;
} // namespace mlir

namespace tfx::exec {

using Shape = std::vector<int64_t>;

/// Kernels index with 32 bits: no tensor may have more elements.
constexpr int64_t kMaxKernelElements = (int64_t(1) << 31) - 1;

/// How one constant of the plan is made (at load time) from the weights.
struct ConstantRecipe {
  enum class Kind {
    Weight,        ///< the weight `weight` as is (checked: shape, F32)
    Transposed,    ///< a [N, K] constant `parts[0]` transposed to [K, N]
    ConcatColumns, ///< constants `parts` side by side along the last dim
    Zeros,         ///< zeros of `shape`
    Literal,       ///< `literal` (a tfx.constant)
  };
  Kind kind = Kind::Weight;
  std::string weight;
  std::vector<int> parts;
  rt::DType dtype = rt::DType::F32;
  Shape shape;
  rt::Tensor literal;
  std::string what; ///< the op it comes from, for messages
};

struct PlanStep {
  enum class Kind {
    Kernel,   ///< run plan.kernels[kernel] on `inputs` into `output`
    View,     ///< output = inputs[0] viewed as `resultView` (no copy)
    CheckIds, ///< fail unless every id in inputs[0] is in [0, vocab)
  };
  Kind kind = Kind::Kernel;
  std::string what; ///< the op and its location, for messages
  int kernel = -1;
  std::vector<int> inputs;       ///< slots
  std::vector<Shape> inputViews; ///< Kernel: how each input is viewed
  int output = -1;               ///< slot written (Kernel, View)
  /// Kernel: the output's allocated shape; its -1 takes the first dynamic
  /// extent of the viewed inputs. With `broadcastOutput` the shape is the
  /// broadcast of the two viewed inputs instead (elementwise kernels).
  Shape outputShape;
  bool broadcastOutput = false;
  rt::DType outputType = rt::DType::F32;
  /// How the output slot holds the result (the IR type's shape).
  Shape resultView;
  int64_t vocab = 0;        ///< CheckIds
  std::vector<int> release; ///< slots whose last use is this step
};

struct PlanPort {
  std::string name; ///< the `tfx.name` of the argument/result (or argN/resultN)
  int slot = -1;
  rt::DType dtype = rt::DType::F32;
  Shape shape;
};

struct Plan {
  std::string function;
  std::vector<lowering::KernelDesc> kernels; ///< distinct kernels
  std::vector<ConstantRecipe> constants;     ///< in dependency order
  std::vector<int> constantSlots;            ///< slot of each constant, or -1
  std::vector<PlanPort> inputs, outputs;
  std::vector<PlanStep> steps;
  int numSlots = 0;

  /// Names of the weights the plan reads.
  std::vector<std::string> weightNames() const;
};

/// Plans the function `name` of `module`. Errors name the op that cannot be
/// planned (or list the functions when `name` does not exist).
rt::StatusOr<Plan> planFunction(mlir::ModuleOp module, const std::string &name);

/// Makes every constant of `plan` from `weights` (by name; shape and dtype
/// checked, messages name the tensor).
rt::StatusOr<std::vector<rt::Tensor>>
materializeConstants(const Plan &plan,
                     const std::map<std::string, rt::Tensor> &weights);

} // namespace tfx::exec

#endif // TFX_EXEC_PLAN_H
