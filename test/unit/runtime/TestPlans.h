//===- TestPlans.h - plans shared by the runtime's tests --------*- C++ -*-===//

#ifndef TFX_TEST_UNIT_RUNTIME_TESTPLANS_H
#define TFX_TEST_UNIT_RUNTIME_TESTPLANS_H

#include "tfx/runtime/Plan.h"

#include <algorithm>

namespace tfx::rt::test {

/// f(x: [?, 3]) = (x + bias) + bias, with bias a [1, 3] weight; the first
/// sum is released after the second step reads it.
inline Plan addTwicePlan() {
  Plan p;
  p.function = "f";
  p.numKernels = 1;
  p.numSlots = 4;
  ConstantRecipe bias;
  bias.kind = ConstantRecipe::Kind::Weight;
  bias.weight = "bias";
  bias.shape = {1, 3};
  bias.what = "tfx.param";
  p.constants = {bias};
  p.constantSlots = {1};
  p.inputs = {{"x", 0, DType::F32, {-1, 3}}};
  p.outputs = {{"y", 3, DType::F32, {-1, 3}}};
  PlanStep add;
  add.kind = PlanStep::Kind::Kernel;
  add.what = "tfx.add #1";
  add.kernel = 0;
  add.inputs = {0, 1};
  add.inputViews = {{-1, 3}, {1, 3}};
  add.outputShape = {-1, 3};
  add.resultView = {-1, 3};
  add.output = 2;
  PlanStep again = add;
  again.what = "tfx.add #2";
  again.inputs = {2, 1};
  again.output = 3;
  again.release = {2};
  p.steps = {add, again};
  return p;
}

inline Tensor floats(Shape shape, std::vector<float> values) {
  Tensor t(DType::F32, std::move(shape));
  std::copy(values.begin(), values.end(), t.dataAs<float>());
  return t;
}

} // namespace tfx::rt::test

#endif // TFX_TEST_UNIT_RUNTIME_TESTPLANS_H
