//===- Plan.h - an execution plan as data ---------------------------*- C++ -*-===//
//
// What running a tfx function means, computed once from the IR by the
// planner (lib/Exec) and run by the plan interpreter (Interpreter.h): the
// constants and how each is made from the model's weights, the kernel
// launches in order with how each reads and writes its slots, and when each
// slot's buffer is free again. Kernels are referred to by index; what a
// kernel computes is the planner's business (include/tfx/Plan/Plan.h adds the
// kernel descriptions). A plan is also what a generated library carries:
// planToJson / planFromJson write and read it (PlanJson.cpp).
//
// Shapes list the outermost dimension first; -1 is the one dynamic extent
// (the batch, or rows = batch x something in a collapsed view), resolved at
// run time from the tensor being viewed.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_RUNTIME_PLAN_H
#define TFX_RUNTIME_PLAN_H

#include "tfx/runtime/Limits.h"
#include "tfx/runtime/Status.h"
#include "tfx/runtime/Tensor.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tfx::rt {

using Shape = std::vector<int64_t>;

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
  DType dtype = DType::F32;
  Shape shape;
  Tensor literal;
  std::string what; ///< the op it comes from, for messages
};

struct PlanStep {
  enum class Kind {
    Kernel,   ///< run kernel `kernel` on `inputs` into `output`
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
  DType outputType = DType::F32;
  /// How the output slot holds the result (the IR type's shape).
  Shape resultView;
  int64_t vocab = 0;        ///< CheckIds
  std::vector<int> release; ///< slots whose last use is this step
};

struct PlanPort {
  std::string name; ///< the `tfx.name` of the argument/result (or argN/resultN)
  int slot = -1;
  DType dtype = DType::F32;
  Shape shape;
};

struct Plan {
  std::string function;
  int numKernels = 0;                    ///< kernels are 0 .. numKernels-1
  std::vector<ConstantRecipe> constants; ///< in dependency order
  std::vector<int> constantSlots;        ///< slot of each constant, or -1
  std::vector<PlanPort> inputs, outputs;
  std::vector<PlanStep> steps;
  int numSlots = 0;

  /// Names of the weights the plan reads.
  std::vector<std::string> weightNames() const;
  /// Checks that every index is in range and every shape is sane, so that
  /// a plan read from outside (a generated library's table) cannot make the
  /// interpreter read out of bounds. Messages name the step or constant.
  Status validate() const;
};

/// The kinds' names, as the JSON table and the plan printer write them.
const char *constantKindName(ConstantRecipe::Kind kind);
const char *stepKindName(PlanStep::Kind kind);

/// Makes every constant of `plan` from `weights` (by name; shape, dtype and
/// finiteness checked, messages name the tensor).
StatusOr<std::vector<Tensor>>
materializeConstants(const Plan &plan, const std::map<std::string, Tensor> &weights);

/// The plans as JSON (literals as hex), and back; planFromJson validates.
std::string plansToJson(const std::vector<const Plan *> &plans);
StatusOr<std::vector<Plan>> plansFromJson(const std::string &json);

} // namespace tfx::rt

#endif // TFX_RUNTIME_PLAN_H
