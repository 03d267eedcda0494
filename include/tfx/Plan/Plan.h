//===- Plan.h - a planned function: the runtime's plan + kernel descs -*- C++ -*-===//
//
// The planner (lib/Plan/Planner.cpp) turns a tfx function into an execution plan: the
// runtime's rt::Plan (runtime/include/tfx/runtime/Plan.h: constants, steps,
// slots, ports; what the interpreter runs), plus what each kernel index
// computes, as lib/Lowering's KernelDescs. The executor compiles those
// descs to JIT kernels (lib/Exec); tfx-translate (lib/Target) compiles them ahead of time and writes
// the rt::Plan into the generated library as a table.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_PLAN_PLAN_H
#define TFX_PLAN_PLAN_H

#include "tfx/Lowering/KernelDesc.h"
#include "tfx/runtime/Plan.h"

#include <string>
#include <vector>

namespace mlir {
class ModuleOp;
} // namespace mlir

namespace tfx::plan {

using Shape = rt::Shape;
using rt::ConstantRecipe;
using rt::kMaxKernelElements;
using rt::materializeConstants;
using rt::PlanPort;
using rt::PlanStep;

struct Plan : rt::Plan {
  std::vector<lowering::KernelDesc> kernels; ///< distinct kernels, by index
};

/// Plans the function `name` of `module`. Errors name the op that cannot be
/// planned (or list the functions when `name` does not exist).
rt::StatusOr<Plan> planFunction(mlir::ModuleOp module, const std::string &name);

/// The plan as text (tfx-translate --emit=plan): kernels with their typed
/// attributes and operand types, constant recipes, steps with slots, views
/// and release points. CPU GEMM tiles are shown as chooseGemmTiling sizes
/// them for `cpuVectorLanes` f32 lanes (lowering::cpuVectorLanes).
std::string printPlan(const Plan &plan, int cpuVectorLanes);

} // namespace tfx::plan

#endif // TFX_PLAN_PLAN_H
