//===- ModelBuilder.cpp - Transformer / Lite Transformer as tfx IR --------===//
//
// Parameter names follow PyTorch module paths (docs/models.md), so a weights
// file exported from the matching PyTorch module binds without renaming.
//
//===----------------------------------------------------------------------===//

#include "tfx/ModelGen/ModelGen.h"

#include "tfx/Dialect/Tfx/TfxOps.h"
#include "tfx/Transforms/AttentionBuilder.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"

#include <cmath>

using namespace mlir;

namespace tfx {
namespace {

class ModelBuilder {
public:
  ModelBuilder(MLIRContext &ctx, const ModelConfig &config)
      : cfg(config), b(&ctx), loc(b.getUnknownLoc()) {}

  OwningOpRef<ModuleOp> build() {
    OwningOpRef<ModuleOp> module = ModuleOp::create(loc);
    (*module)->setAttr(kModelAttrName, b.getStringAttr(cfg.name));
    b.setInsertionPointToEnd(module->getBody());
    buildEncode();
    b.setInsertionPointToEnd(module->getBody());
    buildDecode();
    return module;
  }

private:
  bool lite() const { return cfg.architecture == ModelConfig::Architecture::Lite; }

  RankedTensorType f32(ArrayRef<int64_t> shape) {
    return RankedTensorType::get(shape, b.getF32Type());
  }
  RankedTensorType i1(ArrayRef<int64_t> shape) {
    return RankedTensorType::get(shape, b.getI1Type());
  }
  RankedTensorType act(int64_t features) {
    return f32({ShapedType::kDynamic, cfg.maxLen, features});
  }
  RankedTensorType idsType() {
    return RankedTensorType::get({ShapedType::kDynamic, cfg.maxLen},
                                 b.getI64Type());
  }

  Value param(const std::string &name, ArrayRef<int64_t> shape) {
    return b.create<ParamOp>(loc, f32(shape), b.getStringAttr(name));
  }

  Value linear(Value x, const std::string &prefix, int64_t in, int64_t out) {
    auto type = llvm::cast<RankedTensorType>(x.getType());
    SmallVector<int64_t> shape(type.getShape());
    shape.back() = out;
    Value w = param(prefix + ".weight", {out, in});
    Value bias = param(prefix + ".bias", {out});
    return b.create<LinearOp>(loc, f32(shape), x, w, bias);
  }

  Value layerNorm(Value x, const std::string &prefix) {
    int64_t d = llvm::cast<RankedTensorType>(x.getType()).getShape().back();
    Value g = param(prefix + ".weight", {d});
    Value beta = param(prefix + ".bias", {d});
    return b.create<LayerNormOp>(loc, x.getType(), x, g, beta,
                                 b.getF32FloatAttr(1e-5f));
  }

  Value dropout(Value x) {
    if (cfg.dropout <= 0.0)
      return x;
    return b.create<DropoutOp>(loc, x.getType(), x,
                               b.getF32FloatAttr(static_cast<float>(cfg.dropout)));
  }

  Value add(Value x, Value y) { return b.create<AddOp>(loc, x.getType(), x, y); }

  Value attention(Value q, Value kv, Value keyMask, bool causal,
                  const std::string &prefix, int64_t heads) {
    int64_t d = llvm::cast<RankedTensorType>(q.getType()).getShape().back();
    AttentionOperands ops;
    ops.query = q;
    ops.keyValue = kv;
    ops.qWeight = param(prefix + ".q_proj.weight", {d, d});
    ops.qBias = param(prefix + ".q_proj.bias", {d});
    ops.kWeight = param(prefix + ".k_proj.weight", {d, d});
    ops.kBias = param(prefix + ".k_proj.bias", {d});
    ops.vWeight = param(prefix + ".v_proj.weight", {d, d});
    ops.vBias = param(prefix + ".v_proj.bias", {d});
    ops.outWeight = param(prefix + ".out_proj.weight", {d, d});
    ops.outBias = param(prefix + ".out_proj.bias", {d});
    ops.keyPaddingMask = keyMask;
    ops.numHeads = heads;
    ops.causal = causal;
    if (cfg.attentionForm == ModelConfig::AttentionForm::Decomposed)
      return buildDecomposedAttention(b, loc, ops);
    return b.create<AttentionOp>(
        loc, q.getType(), ops.query, ops.keyValue, ops.qWeight, ops.qBias,
        ops.kWeight, ops.kBias, ops.vWeight, ops.vBias, ops.outWeight,
        ops.outBias, ops.keyPaddingMask, b.getI64IntegerAttr(heads),
        causal ? b.getUnitAttr() : UnitAttr());
  }

  Value ffn(Value x, const std::string &prefix) {
    Value h = linear(x, prefix + ".fc1", cfg.dModel, cfg.ffnDim);
    if (cfg.activation == "gelu")
      h = b.create<GeluOp>(loc, h.getType(), h, b.getStringAttr("none"));
    else
      h = b.create<ReluOp>(loc, h.getType(), h);
    h = dropout(h);
    return linear(h, prefix + ".fc2", cfg.ffnDim, cfg.dModel);
  }

  /// Sublayer wrapper: pre-LN `x + drop(f(LN(x)))` or post-LN
  /// `LN(x + drop(f(x)))`.
  template <typename Fn>
  Value sublayer(Value x, const std::string &normPrefix, Fn f) {
    if (cfg.norm == ModelConfig::Norm::Pre)
      return add(x, dropout(f(layerNorm(x, normPrefix))));
    return layerNorm(add(x, dropout(f(x))), normPrefix);
  }

  /// Lite Transformer's Long-Short Range Attention: attention on the first
  /// half of the channels, a GLU + convolution branch on the second half.
  Value lsra(Value x, Value keyMask, Value keep3, bool decoder,
             const std::string &prefix, int64_t kernelSize) {
    int64_t half = cfg.dModel / 2;
    auto slice = [&](int64_t start) {
      return b.create<SliceOp>(loc, act(half), x, b.getI64IntegerAttr(2),
                               b.getI64IntegerAttr(start),
                               b.getI64IntegerAttr(half));
    };
    Value attnIn = slice(0);
    Value attn = attention(attnIn, attnIn, keyMask, decoder, prefix + ".attn",
                           cfg.numHeads);
    // Convolution branch.
    std::string convPrefix = prefix + ".conv";
    Value c = linear(slice(half), convPrefix + ".in_proj", half, cfg.dModel);
    c = b.create<GluOp>(loc, act(half), c, b.getI64IntegerAttr(-1));
    c = b.create<ApplyMaskOp>(loc, c.getType(), c, keep3, b.getF32FloatAttr(0));
    ModelConfig::ConvKind kind = decoder ? cfg.decoderConv : cfg.encoderConv;
    StringAttr padding = b.getStringAttr(decoder ? "causal" : "centered");
    IntegerAttr heads = b.getI64IntegerAttr(cfg.convHeads);
    IntegerAttr k = b.getI64IntegerAttr(kernelSize);
    if (kind == ModelConfig::ConvKind::Lightweight) {
      Value w = param(convPrefix + ".weight", {cfg.convHeads, kernelSize});
      c = b.create<LightweightConvOp>(loc, c.getType(), c, w, heads, k, padding,
                                      b.getBoolAttr(true));
    } else {
      int64_t taps = cfg.convHeads * kernelSize;
      Value w = param(convPrefix + ".weight_linear.weight", {taps, half});
      Value bias = param(convPrefix + ".weight_linear.bias", {taps});
      c = b.create<DynamicConvOp>(loc, c.getType(), c, w, bias, heads, k,
                                  padding, b.getBoolAttr(true));
    }
    c = linear(c, convPrefix + ".out_proj", half, half);
    return b.create<ConcatOp>(loc, act(cfg.dModel), ValueRange{attn, c},
                              b.getI64IntegerAttr(2));
  }

  /// Embedding * sqrt(d) + positions, then dropout.
  Value embed(Value ids, const std::string &prefix) {
    Value table = param(prefix + ".embed_tokens.weight", {cfg.vocabSize, cfg.dModel});
    Value x = b.create<EmbeddingOp>(
        loc, act(cfg.dModel), ids, table,
        b.getF32FloatAttr(static_cast<float>(std::sqrt(double(cfg.dModel)))));
    x = b.create<PositionalEncodingOp>(loc, x.getType(), x);
    return dropout(x);
  }

  struct Masks {
    Value keep;  // [B, L] i1
    Value keep3; // [B, L, 1] i1, for zeroing padded positions
  };
  Masks masks(Value ids) {
    Masks m;
    m.keep = b.create<PaddingMaskOp>(loc, i1({ShapedType::kDynamic, cfg.maxLen}),
                                     ids, b.getI64IntegerAttr(0));
    if (lite())
      m.keep3 = b.create<ReshapeOp>(
          loc, i1({ShapedType::kDynamic, cfg.maxLen, 1}), m.keep);
    return m;
  }

  func::FuncOp startFunction(StringRef name, ArrayRef<Type> args,
                             ArrayRef<StringRef> argNames, Type result,
                             StringRef resultName) {
    auto fn = b.create<func::FuncOp>(loc, name,
                                     b.getFunctionType(args, {result}));
    for (auto [i, argName] : llvm::enumerate(argNames))
      fn.setArgAttr(i, kNameAttrName, b.getStringAttr(argName));
    fn.setResultAttr(0, kNameAttrName, b.getStringAttr(resultName));
    b.setInsertionPointToStart(fn.addEntryBlock());
    return fn;
  }

  void buildEncode() {
    func::FuncOp fn = startFunction("encode", {idsType()}, {"src_ids"},
                                    act(cfg.dModel), "memory");
    Value ids = fn.getArgument(0);
    Masks m = masks(ids);
    Value x = embed(ids, "encoder");
    for (int64_t i = 0; i < cfg.encoderLayers; ++i) {
      std::string p = "encoder.layers." + std::to_string(i);
      if (lite()) {
        x = sublayer(x, p + ".self_attn_layer_norm", [&](Value h) {
          return lsra(h, m.keep, m.keep3, false, p + ".self_attn",
                      cfg.kernelSizes[i]);
        });
      } else {
        x = sublayer(x, p + ".self_attn_layer_norm", [&](Value h) {
          return attention(h, h, m.keep, false, p + ".self_attn", cfg.numHeads);
        });
      }
      x = sublayer(x, p + ".final_layer_norm",
                   [&](Value h) { return ffn(h, p + ".ffn"); });
    }
    if (cfg.norm == ModelConfig::Norm::Pre)
      x = layerNorm(x, "encoder.layer_norm");
    b.create<func::ReturnOp>(loc, x);
  }

  void buildDecode() {
    func::FuncOp fn = startFunction(
        "decode", {act(cfg.dModel), idsType(), idsType()},
        {"memory", "src_ids", "tgt_ids"},
        act(cfg.vocabSize), "logits");
    Value memory = fn.getArgument(0);
    Value srcKeep = masks(fn.getArgument(1)).keep;
    Masks tgt = masks(fn.getArgument(2));
    Value x = embed(fn.getArgument(2), "decoder");
    for (int64_t i = 0; i < cfg.decoderLayers; ++i) {
      std::string p = "decoder.layers." + std::to_string(i);
      x = sublayer(x, p + ".self_attn_layer_norm", [&](Value h) {
        if (lite())
          return lsra(h, tgt.keep, tgt.keep3, true, p + ".self_attn",
                      cfg.kernelSizes[i]);
        return attention(h, h, tgt.keep, true, p + ".self_attn", cfg.numHeads);
      });
      x = sublayer(x, p + ".encoder_attn_layer_norm", [&](Value h) {
        return attention(h, memory, srcKeep, false, p + ".encoder_attn",
                         cfg.numHeads);
      });
      x = sublayer(x, p + ".final_layer_norm",
                   [&](Value h) { return ffn(h, p + ".ffn"); });
    }
    if (cfg.norm == ModelConfig::Norm::Pre)
      x = layerNorm(x, "decoder.layer_norm");
    x = linear(x, "decoder.output_projection", cfg.dModel, cfg.vocabSize);
    b.create<func::ReturnOp>(loc, x);
  }

  const ModelConfig &cfg;
  OpBuilder b;
  Location loc;
};

} // namespace

OwningOpRef<ModuleOp> buildModel(MLIRContext &context,
                                 const ModelConfig &config) {
  context.loadDialect<TfxDialect, func::FuncDialect>();
  return ModelBuilder(context, config).build();
}

} // namespace tfx
