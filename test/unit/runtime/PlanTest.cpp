//===- PlanTest.cpp - the plan, its JSON form and the interpreter ---------===//
//
// The interpreter runs on a test kernel (naive elementwise add); expected
// values are computed here with plain loops. Hostile plan tables must be
// refused with a message, never run.
//
//===----------------------------------------------------------------------===//

#include "tfx/runtime/Interpreter.h"
#include "tfx/runtime/Plan.h"

#include "TestPlans.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace tfx::rt;
using namespace tfx::rt::test;

namespace {

/// out = a + b, broadcasting b's size-1 dims (same rank).
class AddKernel final : public Kernel {
public:
  Status run(const std::vector<const Tensor *> &in, Tensor &out) override {
    ++calls;
    const Tensor &a = *in[0], &b = *in[1];
    if (a.rank() != 2 || b.rank() != 2 || out.shape() != a.shape())
      return Status::error("add: unexpected shapes");
    for (int64_t i = 0; i < a.dim(0); ++i)
      for (int64_t j = 0; j < a.dim(1); ++j)
        out.dataAs<float>()[i * a.dim(1) + j] =
            a.dataAs<float>()[i * a.dim(1) + j] +
            b.dataAs<float>()[(b.dim(0) == 1 ? 0 : i) * b.dim(1) + (b.dim(1) == 1 ? 0 : j)];
    return Status::ok();
  }
  int calls = 0;
};

TEST(Interpreter, RunsAPlanAgainstNaiveLoops) {
  Plan plan = addTwicePlan();
  ASSERT_TRUE(plan.validate()) << plan.validate().message();
  std::map<std::string, Tensor> weights = {{"bias", floats({1, 3}, {1, 2, 3})}};
  auto constants = materializeConstants(plan, weights);
  ASSERT_TRUE(constants) << constants.status().message();
  AddKernel add;
  PlanRunner runner(plan, {&add}, *constants);
  for (int64_t batch : {1, 4}) {
    Tensor x(DType::F32, {batch, 3});
    for (int64_t i = 0; i < 3 * batch; ++i)
      x.dataAs<float>()[i] = 0.5f * static_cast<float>(i);
    std::vector<Tensor> out;
    ASSERT_TRUE(runner.run({{"x", x}}, out));
    ASSERT_EQ(out.size(), 1u);
    ASSERT_EQ(out[0].shape(), (Shape{batch, 3}));
    for (int64_t i = 0; i < batch; ++i)
      for (int64_t j = 0; j < 3; ++j)
        EXPECT_FLOAT_EQ(out[0].dataAs<float>()[i * 3 + j],
                        0.5f * static_cast<float>(i * 3 + j) + 2.0f * static_cast<float>(j + 1));
    EXPECT_EQ(runner.lastRunStats().kernelLaunches, 2u);
  }
  // The second run of batch 4 finds the released buffer of the first.
  Tensor x(DType::F32, {4, 3});
  std::vector<Tensor> out;
  ASSERT_TRUE(runner.run({{"x", x}}, out));
  EXPECT_GE(runner.lastRunStats().buffersReused, 1u);
}

TEST(Interpreter, InputsAreCheckedWithTheirNames) {
  Plan plan = addTwicePlan();
  std::map<std::string, Tensor> weights = {{"bias", floats({1, 3}, {1, 2, 3})}};
  AddKernel add;
  PlanRunner runner(plan, {&add}, *materializeConstants(plan, weights));
  std::vector<Tensor> out;
  Status missing = runner.run({}, out);
  EXPECT_EQ(missing.message(), "missing input 'x'");
  Status shape = runner.run({{"x", Tensor(DType::F32, {2, 5})}}, out);
  EXPECT_EQ(shape.message(),
            "input 'x' has shape [2, 5] but the function takes [?, 3] (? = any batch)");
  Status dtype = runner.run({{"x", Tensor(DType::I64, {2, 3})}}, out);
  EXPECT_EQ(dtype.message(), "input 'x' has dtype I64 but the function takes F32");
  EXPECT_EQ(add.calls, 0);
}

TEST(Interpreter, ConstantsAreCheckedAndMade) {
  Plan plan = addTwicePlan();
  auto missing = materializeConstants(plan, {});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.status().message(),
            "tfx.param: weight 'bias' is declared by the model but missing from the weights file");
  auto nan = materializeConstants(
      plan, {{"bias", floats({1, 3}, {1, std::numeric_limits<float>::quiet_NaN(), 3})}});
  ASSERT_FALSE(nan);
  EXPECT_EQ(nan.status().message(), "tfx.param: weight 'bias' holds NaN at flat index 1");
  auto shape = materializeConstants(plan, {{"bias", floats({3}, {1, 2, 3})}});
  ASSERT_FALSE(shape);

  Plan t;
  t.function = "t";
  ConstantRecipe w;
  w.weight = "w";
  w.shape = {2, 3};
  ConstantRecipe tr;
  tr.kind = ConstantRecipe::Kind::Transposed;
  tr.parts = {0};
  tr.shape = {3, 2};
  t.constants = {w, tr};
  t.constantSlots = {-1, -1};
  ASSERT_TRUE(t.validate()) << t.validate().message();
  auto made = materializeConstants(t, {{"w", floats({2, 3}, {1, 2, 3, 4, 5, 6})}});
  ASSERT_TRUE(made);
  const float *m = (*made)[1].dataAs<float>();
  EXPECT_EQ((std::vector<float>(m, m + 6)), (std::vector<float>{1, 4, 2, 5, 3, 6}));
}

TEST(PlanJson, RoundTrips) {
  Plan plan = addTwicePlan();
  ConstantRecipe lit;
  lit.kind = ConstantRecipe::Kind::Literal;
  lit.dtype = DType::I64;
  lit.shape = {2};
  lit.literal = Tensor(DType::I64, {2});
  lit.literal.dataAs<int64_t>()[0] = -7;
  lit.literal.dataAs<int64_t>()[1] = int64_t(1) << 40;
  lit.what = "tfx.constant \"quoted\"";
  plan.constants.push_back(lit);
  plan.constantSlots.push_back(-1);
  PlanStep check;
  check.kind = PlanStep::Kind::CheckIds;
  check.what = "ids";
  check.inputs = {0};
  check.vocab = 9;
  plan.steps.insert(plan.steps.begin(), check);
  auto back = plansFromJson(plansToJson({&plan}));
  ASSERT_TRUE(back) << back.status().message();
  ASSERT_EQ(back->size(), 1u);
  const Plan &q = (*back)[0];
  EXPECT_EQ(q.function, "f");
  EXPECT_EQ(q.numSlots, 4);
  EXPECT_EQ(q.constantSlots, plan.constantSlots);
  ASSERT_EQ(q.constants.size(), 2u);
  EXPECT_EQ(q.constants[1].what, lit.what);
  EXPECT_EQ(q.constants[1].literal.dataAs<int64_t>()[1], int64_t(1) << 40);
  ASSERT_EQ(q.steps.size(), 3u);
  EXPECT_EQ(q.steps[0].kind, PlanStep::Kind::CheckIds);
  EXPECT_EQ(q.steps[0].vocab, 9);
  EXPECT_EQ(q.steps[2].release, std::vector<int>{2});
  EXPECT_EQ(q.steps[2].inputViews, plan.steps[2].inputViews);
  EXPECT_EQ(q.inputs[0].shape, (Shape{-1, 3}));
}

/// Hostile tables: each is refused with a message.
TEST(PlanJson, RefusesHostileTables) {
  Plan good = addTwicePlan();
  std::string json = plansToJson({&good});
  auto refused = [](const std::string &text) {
    auto r = plansFromJson(text);
    return r ? std::string() : r.status().message();
  };
  EXPECT_NE(refused(json.substr(0, json.size() / 2)), "");
  EXPECT_NE(refused("[]"), "");
  EXPECT_NE(refused("{\"tfx_plans\": 2, \"plans\": []}"), "");

  Plan badKernel = good;
  badKernel.steps[0].kernel = 5;
  EXPECT_NE(refused(plansToJson({&badKernel})).find("kernel out of range"), std::string::npos);

  Plan badSlot = good;
  badSlot.steps[1].inputs[0] = 99;
  EXPECT_NE(refused(plansToJson({&badSlot})).find("input slot out of range"), std::string::npos);

  Plan releasesInput = good;
  releasesInput.steps[1].release = {0};
  EXPECT_NE(refused(plansToJson({&releasesInput})).find("lives for the whole call"),
            std::string::npos);

  Plan badView = good;
  badView.steps[0].inputViews[0] = {-1, -1};
  EXPECT_NE(refused(plansToJson({&badView})).find("bad input view"), std::string::npos);

  Plan forward = good;
  ConstantRecipe tr;
  tr.kind = ConstantRecipe::Kind::Transposed;
  tr.parts = {3};
  tr.shape = {3, 1};
  forward.constants.push_back(tr);
  forward.constantSlots.push_back(-1);
  EXPECT_NE(refused(plansToJson({&forward})).find("not made before it"), std::string::npos);

  std::string mistyped = json;
  size_t at = mistyped.find("\"slots\":4");
  ASSERT_NE(at, std::string::npos);
  mistyped.replace(at, 9, "\"slots\":\"4\"");
  EXPECT_NE(refused(mistyped).find("field 'slots' is not an integer"), std::string::npos);
}

} // namespace
