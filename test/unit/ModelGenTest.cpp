//===- ModelGenTest.cpp - model configs and generated models --------------===//
//
// Parameter counts are checked against closed-form formulas written from the
// papers' layer definitions (REFERENCE.md), not against the generator.
//
//===----------------------------------------------------------------------===//

#include "tfx/Dialect/Tfx/TfxOps.h"
#include "tfx/ModelGen/ModelGen.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringMap.h"

#include <gtest/gtest.h>

using namespace mlir;

namespace {

std::string errorOf(llvm::StringRef json) {
  llvm::Expected<tfx::ModelConfig> config = tfx::parseModelConfig(json);
  if (config)
    return "";
  return llvm::toString(config.takeError());
}

const char *kTeacher = R"({
  "name": "t", "architecture": "transformer", "vocab_size": 1000,
  "d_model": 128, "num_heads": 8, "ffn_dim": 512, "encoder_layers": 6,
  "decoder_layers": 6, "max_len": 50, "dropout": 0.1})";

const char *kLite = R"({
  "name": "l", "architecture": "lite", "vocab_size": 1000, "d_model": 160,
  "num_heads": 4, "ffn_dim": 160, "encoder_layers": 6, "decoder_layers": 6,
  "max_len": 50,
  "lite": {"conv_heads": 4, "kernel_sizes": [3, 7, 15, 31, 31, 31],
           "encoder_conv": "lightweight", "decoder_conv": "dynamic"}})";

TEST(ModelConfig, ParsesTheTeacher) {
  llvm::Expected<tfx::ModelConfig> c = tfx::parseModelConfig(kTeacher);
  ASSERT_TRUE(!!c) << llvm::toString(c.takeError());
  EXPECT_EQ(c->dModel, 128);
  EXPECT_EQ(c->numHeads, 8);
  EXPECT_EQ(c->norm, tfx::ModelConfig::Norm::Pre);
  EXPECT_EQ(c->attentionForm, tfx::ModelConfig::AttentionForm::Fused);
}

TEST(ModelConfig, ReportsWhatIsWrong) {
  EXPECT_NE(errorOf("{").find("not valid JSON"), std::string::npos);
  EXPECT_NE(errorOf("[1]").find("must be a JSON object"), std::string::npos);
  EXPECT_NE(errorOf(R"({"name": "x"})").find("missing required key 'architecture'"),
            std::string::npos);
  std::string typo = kTeacher;
  typo.insert(1, "\"num_head\": 3, ");
  EXPECT_NE(errorOf(typo).find("unknown key 'num_head'"), std::string::npos);
  std::string heads = kTeacher;
  heads.replace(heads.find("\"num_heads\": 8"), 14, "\"num_heads\": 7");
  EXPECT_NE(errorOf(heads).find("'d_model' (128) must be divisible by 'num_heads' (7)"),
            std::string::npos);
  std::string drop = kTeacher;
  drop.replace(drop.find("0.1"), 3, "1.5");
  EXPECT_NE(errorOf(drop).find("'dropout' must be in [0, 1)"), std::string::npos);
  std::string kernels = kLite;
  kernels.replace(kernels.find("3, 7, "), 6, "");
  EXPECT_NE(errorOf(kernels).find("needs one size per layer (6), got 4"),
            std::string::npos);
  std::string arch = kTeacher;
  arch.replace(arch.find("transformer"), 11, "rnn");
  EXPECT_NE(errorOf(arch).find("'architecture' must be one of transformer, lite"),
            std::string::npos);
}

/// Total number of parameter elements, counting each name once.
int64_t countParameters(ModuleOp module) {
  llvm::StringMap<int64_t> sizes;
  module.walk([&](tfx::ParamOp p) {
    sizes[p.getName()] = p.getType().getNumElements();
  });
  int64_t total = 0;
  for (auto &entry : sizes)
    total += entry.second;
  return total;
}

TEST(ModelBuild, TeacherHasThePaperParameterCount) {
  MLIRContext context;
  llvm::Expected<tfx::ModelConfig> c = tfx::parseModelConfig(kTeacher);
  ASSERT_TRUE(!!c);
  OwningOpRef<ModuleOp> module = tfx::buildModel(context, *c);
  ASSERT_TRUE(succeeded(verify(*module)));

  const int64_t V = 1000, d = 128, f = 512, L = 6;
  const int64_t attn = 4 * d * d + 4 * d; // REFERENCE.md: 66,048 at d=128
  ASSERT_EQ(attn, 66048);
  const int64_t ln = 2 * d, ffn = d * f + f + f * d + d;
  const int64_t expected = 2 * V * d + L * (attn + 2 * ln + ffn) +
                           L * (2 * attn + 3 * ln + ffn) + 2 * ln +
                           (d * V + V);
  EXPECT_EQ(countParameters(*module), expected);

  int attentions = 0, causal = 0;
  module->walk([&](tfx::AttentionOp op) {
    ++attentions;
    causal += op.getCausal();
  });
  EXPECT_EQ(attentions, 6 + 2 * 6);
  EXPECT_EQ(causal, 6);
}

TEST(ModelBuild, LiteHasTheLsraParameterCount) {
  MLIRContext context;
  llvm::Expected<tfx::ModelConfig> c = tfx::parseModelConfig(kLite);
  ASSERT_TRUE(!!c) << llvm::toString(c.takeError());
  OwningOpRef<ModuleOp> module = tfx::buildModel(context, *c);
  ASSERT_TRUE(succeeded(verify(*module)));

  const int64_t V = 1000, d = 160, h = d / 2, f = 160, H = 4;
  const int64_t kernels[] = {3, 7, 15, 31, 31, 31};
  auto attn = [](int64_t w) { return 4 * w * w + 4 * w; };
  const int64_t ln = 2 * d, ffn = d * f + f + f * d + d;
  const int64_t convProjections = (h * d + d) + (h * h + h);
  int64_t expected = 2 * V * d + (d * V + V);
  for (int64_t k : kernels) {
    expected += attn(h) + convProjections + H * k + 2 * ln + ffn; // encoder
    expected += attn(h) + convProjections + (H * k * h + H * k) // dynamic
                + attn(d) + 3 * ln + ffn;                        // decoder
  }
  EXPECT_EQ(countParameters(*module), expected);

  int lightweight = 0, dynamic = 0;
  module->walk([&](Operation *op) {
    lightweight += llvm::isa<tfx::LightweightConvOp>(op);
    dynamic += llvm::isa<tfx::DynamicConvOp>(op);
  });
  EXPECT_EQ(lightweight, 6);
  EXPECT_EQ(dynamic, 6);
}

TEST(ModelBuild, FunctionsNameTheirArgumentsAndResults) {
  MLIRContext context;
  llvm::Expected<tfx::ModelConfig> c = tfx::parseModelConfig(kTeacher);
  ASSERT_TRUE(!!c);
  OwningOpRef<ModuleOp> module = tfx::buildModel(context, *c);
  auto decode = module->lookupSymbol<func::FuncOp>("decode");
  ASSERT_TRUE(decode);
  ASSERT_EQ(decode.getNumArguments(), 3u);
  auto name = [&](unsigned i) {
    return decode.getArgAttrOfType<StringAttr>(i, tfx::kNameAttrName).getValue();
  };
  EXPECT_EQ(name(0), "memory");
  EXPECT_EQ(name(1), "src_ids");
  EXPECT_EQ(name(2), "tgt_ids");
  EXPECT_EQ(decode.getResultAttrOfType<StringAttr>(0, tfx::kNameAttrName).getValue(),
            "logits");
  auto logits = llvm::cast<RankedTensorType>(decode.getResultTypes()[0]);
  EXPECT_TRUE(logits.isDynamicDim(0));
  EXPECT_EQ(logits.getDimSize(1), 50);
  EXPECT_EQ(logits.getDimSize(2), 1000);
}

} // namespace
