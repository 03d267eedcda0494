//===- DialectTest.cpp - verifier and builder behaviour of tfx ops --------===//
//
// Builds ops through the C++ API (as importers and passes do) and checks that
// verifiers accept valid IR and reject invalid IR with a message naming the
// problem.
//
//===----------------------------------------------------------------------===//

#include "tfx/Dialect/Tfx/TfxOps.h"
#include "tfx/InitTfx.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"

#include <gtest/gtest.h>

using namespace mlir;

namespace {

class TfxDialectTest : public ::testing::Test {
protected:
  TfxDialectTest() {
    DialectRegistry registry;
    tfx::registerTfxDialects(registry);
    context.appendDialectRegistry(registry);
    context.loadAllAvailableDialects();
  }

  /// Verifies `op` and returns the concatenated diagnostics ("" if valid).
  std::string verifyMessages(Operation *op) {
    std::string messages;
    ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
      messages += diag.str();
      messages += "\n";
      return success();
    });
    if (succeeded(verify(op)))
      EXPECT_TRUE(messages.empty());
    else
      EXPECT_FALSE(messages.empty());
    return messages;
  }

  RankedTensorType f32(ArrayRef<int64_t> shape) {
    return RankedTensorType::get(shape, FloatType::getF32(&context));
  }

  MLIRContext context;
};

constexpr int64_t kDyn = ShapedType::kDynamic;

TEST_F(TfxDialectTest, LinearAcceptsPyTorchLayoutAndRejectsTransposedWeight) {
  OpBuilder b(&context);
  Location loc = b.getUnknownLoc();
  OwningOpRef<ModuleOp> module = ModuleOp::create(loc);
  b.setInsertionPointToEnd(module->getBody());
  Value w = b.create<tfx::ParamOp>(loc, f32({32, 16}), b.getStringAttr("w"));
  Value wt = b.create<tfx::ParamOp>(loc, f32({16, 32}), b.getStringAttr("wt"));
  Value x = b.create<tfx::ParamOp>(loc, f32({4, 16}), b.getStringAttr("x"));
  auto good = b.create<tfx::LinearOp>(loc, f32({4, 32}), x, w, Value());
  EXPECT_EQ(verifyMessages(good), "");
  auto bad = b.create<tfx::LinearOp>(loc, f32({4, 32}), x, wt, Value());
  EXPECT_NE(verifyMessages(bad).find(
                "input feature size 16 does not match weight [out, in] = [16, 32]"),
            std::string::npos);
}

TEST_F(TfxDialectTest, NegativeAxesResolveFromTheEnd) {
  OpBuilder b(&context);
  Location loc = b.getUnknownLoc();
  OwningOpRef<ModuleOp> module = ModuleOp::create(loc);
  b.setInsertionPointToEnd(module->getBody());
  Value x = b.create<tfx::ParamOp>(loc, f32({2, 6}), b.getStringAttr("x"));
  auto glu = b.create<tfx::GluOp>(loc, f32({2, 3}), x, b.getI64IntegerAttr(-1));
  EXPECT_EQ(verifyMessages(glu), "");
  auto gluFirst =
      b.create<tfx::GluOp>(loc, f32({1, 6}), x, b.getI64IntegerAttr(-2));
  EXPECT_EQ(verifyMessages(gluFirst), "");
  auto outOfRange =
      b.create<tfx::SoftmaxOp>(loc, f32({2, 6}), x, b.getI64IntegerAttr(-3));
  EXPECT_NE(verifyMessages(outOfRange).find(
                "axis -3 is out of range for a tensor of rank 2"),
            std::string::npos);
}

TEST_F(TfxDialectTest, BroadcastingFollowsNumPy) {
  OpBuilder b(&context);
  Location loc = b.getUnknownLoc();
  OwningOpRef<ModuleOp> module = ModuleOp::create(loc);
  b.setInsertionPointToEnd(module->getBody());
  auto fn = b.create<func::FuncOp>(
      loc, "f", b.getFunctionType({f32({kDyn, 5, 4})}, {}));
  b.setInsertionPointToStart(fn.addEntryBlock());
  Value x = fn.getArgument(0);
  Value row = b.create<tfx::ParamOp>(loc, f32({4}), b.getStringAttr("row"));
  Value col = b.create<tfx::ParamOp>(loc, f32({5, 1}), b.getStringAttr("col"));
  Value wrong = b.create<tfx::ParamOp>(loc, f32({3}), b.getStringAttr("bad"));
  EXPECT_EQ(verifyMessages(b.create<tfx::AddOp>(loc, f32({kDyn, 5, 4}), x, row)),
            "");
  EXPECT_EQ(verifyMessages(b.create<tfx::MulOp>(loc, f32({kDyn, 5, 4}), x, col)),
            "");
  EXPECT_EQ(verifyMessages(b.create<tfx::AddOp>(loc, f32({5, 4}), col, row)), "");
  EXPECT_NE(verifyMessages(b.create<tfx::SubOp>(loc, f32({kDyn, 5, 4}), x, wrong))
                .find("operand shapes [?, 5, 4] and [3] do not broadcast"),
            std::string::npos);
}

TEST_F(TfxDialectTest, ModuleRejectsOneParameterNameWithTwoTypes) {
  const char *ir = R"mlir(
    module attributes {tfx.model = "m"} {
      func.func @a() -> tensor<4xf32> {
        %0 = tfx.param "shared" : tensor<4xf32>
        return %0 : tensor<4xf32>
      }
      func.func @b() -> tensor<8xf32> {
        %0 = tfx.param "shared" : tensor<8xf32>
        return %0 : tensor<8xf32>
      }
    })mlir";
  std::string messages;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    messages += diag.str();
    return success();
  });
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(ir, &context);
  EXPECT_FALSE(module);
  EXPECT_NE(messages.find("parameter 'shared' is declared as 'tensor<8xf32>' "
                          "here but as 'tensor<4xf32>' elsewhere"),
            std::string::npos)
      << messages;
}

TEST_F(TfxDialectTest, ConstantsFoldAndMaterialise) {
  const char *ir = R"mlir(
    func.func @f() -> tensor<f32> {
      %c = tfx.constant dense<2.5> : tensor<f32>
      return %c : tensor<f32>
    })mlir";
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(ir, &context);
  ASSERT_TRUE(module);
  auto fn = *module->getOps<func::FuncOp>().begin();
  auto constant = *fn.getOps<tfx::ConstantOp>().begin();
  auto value = llvm::cast<DenseElementsAttr>(constant.getValue());
  EXPECT_FLOAT_EQ(value.getSplatValue<float>(), 2.5f);
  OpBuilder b(&context);
  Operation *materialised =
      context.getLoadedDialect<tfx::TfxDialect>()->materializeConstant(
          b, value, value.getType(), b.getUnknownLoc());
  ASSERT_NE(materialised, nullptr);
  EXPECT_TRUE(llvm::isa<tfx::ConstantOp>(materialised));
  materialised->destroy();
}

} // namespace
