//===- PlanPrinter.cpp - a planned function as text ------------------------===//
//
// `tfx-translate --emit=plan` prints this: what each kernel index computes
// (kind, typed attributes, operand types), how each constant is made from the
// weights, and every step with its slots, views and release points. Slots
// print as %N, shapes with ? for the dynamic extent.
//
//===----------------------------------------------------------------------===//

#include "tfx/Plan/Plan.h"

#include <sstream>

namespace tfx::plan {
namespace {

std::string shape(const Shape &s) {
  std::string out = "[";
  for (size_t i = 0; i < s.size(); ++i)
    out += (i ? "x" : "") + (s[i] < 0 ? std::string("?") : std::to_string(s[i]));
  return out + "]";
}

std::string type(rt::DType dtype, const Shape &s) {
  std::string name = rt::dtypeName(dtype);
  for (char &c : name)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name + shape(s);
}

std::string slots(const std::vector<int> &list) {
  std::string out;
  for (size_t i = 0; i < list.size(); ++i)
    out += (i ? ", %" : "%") + std::to_string(list[i]);
  return out;
}

void printKernel(std::ostream &os, size_t index, const lowering::KernelDesc &d,
                 int lanes) {
  os << "  kernel " << index << ": " << d.kind() << " {"
     << lowering::formatKernelParams(d.params) << "} (";
  for (size_t i = 0; i < d.inputs.size(); ++i)
    os << (i ? ", " : "") << type(d.inputs[i].dtype, d.inputs[i].shape);
  os << ") -> " << type(d.output.dtype, d.output.shape) << "\n";
  if (std::string schedule = lowering::describeCpuSchedule(d, lanes); !schedule.empty())
    os << "    cpu schedule: " << schedule << "\n";
  if (std::string schedule = lowering::describeGpuSchedule(d); !schedule.empty())
    os << "    gpu schedule: " << schedule << "\n";
  if (const auto *lsra = d.get<lowering::LsraParams>()) {
    os << "    inputs:";
    for (const lowering::LsraOperand &o : lowering::lsraInputs(*lsra))
      os << ' ' << lowering::lsraInputName(o.input);
    os << "\n";
  }
}

} // namespace

std::string printPlan(const Plan &plan, int cpuVectorLanes) {
  std::ostringstream os;
  os << "func " << plan.function << ": " << plan.kernels.size() << " kernels, "
     << plan.constants.size() << " constants, " << plan.steps.size() << " steps, "
     << plan.numSlots << " slots\n";
  for (const PlanPort &p : plan.inputs)
    os << "  input %" << p.slot << " '" << p.name << "': " << type(p.dtype, p.shape) << "\n";
  for (size_t k = 0; k < plan.kernels.size(); ++k)
    printKernel(os, k, plan.kernels[k], cpuVectorLanes);
  for (size_t c = 0; c < plan.constants.size(); ++c) {
    const ConstantRecipe &r = plan.constants[c];
    os << "  constant " << c;
    if (plan.constantSlots[c] >= 0)
      os << " -> %" << plan.constantSlots[c];
    os << ": " << rt::constantKindName(r.kind);
    if (r.kind == ConstantRecipe::Kind::Weight)
      os << " '" << r.weight << "'";
    if (!r.parts.empty()) {
      os << "(";
      for (size_t i = 0; i < r.parts.size(); ++i)
        os << (i ? ", " : "") << "c" << r.parts[i];
      os << ")";
    }
    os << " " << type(r.dtype, r.shape) << "\n";
  }
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const PlanStep &s = plan.steps[i];
    os << "  step " << i << ": ";
    switch (s.kind) {
    case PlanStep::Kind::Kernel:
      os << "%" << s.output << " = kernel " << s.kernel << "(";
      for (size_t j = 0; j < s.inputs.size(); ++j)
        os << (j ? ", " : "") << "%" << s.inputs[j] << " as " << shape(s.inputViews[j]);
      os << ") -> " << type(s.outputType, s.outputShape)
         << (s.broadcastOutput ? " (broadcast)" : "") << " as " << shape(s.resultView);
      break;
    case PlanStep::Kind::View:
      os << "%" << s.output << " = view %" << s.inputs[0] << " as " << shape(s.resultView);
      break;
    case PlanStep::Kind::CheckIds:
      os << "check_ids %" << s.inputs[0] << " < " << s.vocab;
      break;
    }
    if (!s.release.empty())
      os << "; release " << slots(s.release);
    os << "  // " << s.what << "\n";
  }
  for (const PlanPort &p : plan.outputs)
    os << "  output %" << p.slot << " '" << p.name << "': " << type(p.dtype, p.shape) << "\n";
  return os.str();
}

} // namespace tfx::plan
