//===- ModelConfig.cpp - JSON model configs for the generator -------------===//

#include "tfx/ModelGen/ModelGen.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <set>

using json = nlohmann::json;

namespace tfx {
namespace {

llvm::Error configError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "model config: " + message);
}

std::string formatNumber(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%g", v);
  return buffer;
}

/// Reads keys of one JSON object and remembers which were consumed, so that
/// unknown (misspelt) keys can be reported.
class Reader {
public:
  explicit Reader(const json &object) : object(object) {}

  llvm::Error integer(const char *key, int64_t &out, bool required,
                      int64_t min) {
    seen.insert(key);
    auto it = object.find(key);
    if (it == object.end())
      return required ? configError(llvm::Twine("missing required key '") +
                                    key + "'")
                      : llvm::Error::success();
    if (!it->is_number_integer())
      return configError(llvm::Twine("'") + key + "' must be an integer");
    out = it->get<int64_t>();
    if (out < min)
      return configError(llvm::Twine("'") + key + "' must be at least " +
                         llvm::Twine(min) + ", got " + llvm::Twine(out));
    return llvm::Error::success();
  }

  llvm::Error string(const char *key, std::string &out, bool required,
                     std::initializer_list<const char *> allowed) {
    seen.insert(key);
    auto it = object.find(key);
    if (it == object.end())
      return required ? configError(llvm::Twine("missing required key '") +
                                    key + "'")
                      : llvm::Error::success();
    if (!it->is_string())
      return configError(llvm::Twine("'") + key + "' must be a string");
    out = it->get<std::string>();
    if (allowed.size() == 0)
      return llvm::Error::success();
    std::string choices;
    for (const char *choice : allowed) {
      if (out == choice)
        return llvm::Error::success();
      choices += choices.empty() ? "" : ", ";
      choices += choice;
    }
    return configError(llvm::Twine("'") + key + "' must be one of " + choices +
                       "; got '" + out + "'");
  }

  llvm::Error number(const char *key, double &out, double lo, double hi) {
    seen.insert(key);
    auto it = object.find(key);
    if (it == object.end())
      return llvm::Error::success();
    if (!it->is_number())
      return configError(llvm::Twine("'") + key + "' must be a number");
    out = it->get<double>();
    if (!(out >= lo && out < hi))
      return configError(llvm::Twine("'") + key + "' must be in [" +
                         formatNumber(lo) + ", " + formatNumber(hi) + ")");
    return llvm::Error::success();
  }

  llvm::Error integerList(const char *key, std::vector<int64_t> &out) {
    seen.insert(key);
    auto it = object.find(key);
    if (it == object.end())
      return configError(llvm::Twine("missing required key '") + key + "'");
    if (!it->is_array())
      return configError(llvm::Twine("'") + key + "' must be a list");
    for (const json &v : *it) {
      if (!v.is_number_integer() || v.get<int64_t>() < 1)
        return configError(llvm::Twine("'") + key +
                           "' must hold positive integers");
      out.push_back(v.get<int64_t>());
    }
    return llvm::Error::success();
  }

  void markSeen(const char *key) { seen.insert(key); }

  llvm::Error rejectUnknown(const char *where) const {
    for (auto it = object.begin(); it != object.end(); ++it)
      if (!seen.count(it.key()))
        return configError(llvm::Twine("unknown key '") + it.key() + "' in " +
                           where);
    return llvm::Error::success();
  }

private:
  const json &object;
  std::set<std::string> seen;
};

} // namespace

llvm::Expected<ModelConfig> parseModelConfig(llvm::StringRef text) {
  json root = json::parse(text.begin(), text.end(), /*cb=*/nullptr,
                          /*allow_exceptions=*/false);
  if (root.is_discarded())
    return configError("not valid JSON");
  if (!root.is_object())
    return configError("the top level must be a JSON object");

  ModelConfig c;
  Reader r(root);
  std::string arch, norm = "pre", form = "fused";
  if (auto e = r.string("name", c.name, true, {}))
    return std::move(e);
  if (c.name.empty())
    return configError("'name' must not be empty");
  if (auto e = r.string("architecture", arch, true, {"transformer", "lite"}))
    return std::move(e);
  c.architecture = arch == "lite" ? ModelConfig::Architecture::Lite
                                  : ModelConfig::Architecture::Transformer;
  c.norm = c.architecture == ModelConfig::Architecture::Lite
               ? ModelConfig::Norm::Post
               : ModelConfig::Norm::Pre;
  norm = c.norm == ModelConfig::Norm::Pre ? "pre" : "post";
  if (auto e = r.integer("vocab_size", c.vocabSize, true, 2))
    return std::move(e);
  if (auto e = r.integer("d_model", c.dModel, true, 2))
    return std::move(e);
  if (auto e = r.integer("num_heads", c.numHeads, true, 1))
    return std::move(e);
  c.ffnDim = 0;
  if (auto e = r.integer("ffn_dim", c.ffnDim, true, 1))
    return std::move(e);
  if (auto e = r.integer("encoder_layers", c.encoderLayers, true, 1))
    return std::move(e);
  if (auto e = r.integer("decoder_layers", c.decoderLayers, true, 1))
    return std::move(e);
  if (auto e = r.integer("max_len", c.maxLen, true, 1))
    return std::move(e);
  if (auto e = r.string("norm", norm, false, {"pre", "post"}))
    return std::move(e);
  c.norm = norm == "pre" ? ModelConfig::Norm::Pre : ModelConfig::Norm::Post;
  if (auto e = r.string("activation", c.activation, false, {"relu", "gelu"}))
    return std::move(e);
  if (auto e = r.number("dropout", c.dropout, 0.0, 1.0))
    return std::move(e);
  if (auto e = r.string("attention_form", form, false, {"fused", "decomposed"}))
    return std::move(e);
  c.attentionForm = form == "fused" ? ModelConfig::AttentionForm::Fused
                                    : ModelConfig::AttentionForm::Decomposed;
  if (c.dModel % 2 != 0)
    return configError("'d_model' must be even (sinusoidal positions), got " +
                       llvm::Twine(c.dModel));

  bool lite = c.architecture == ModelConfig::Architecture::Lite;
  if (root.contains("lite") && !lite)
    return configError("'lite' is only valid with architecture 'lite'");
  if (lite) {
    if (!root.contains("lite") || !root["lite"].is_object())
      return configError("architecture 'lite' needs a 'lite' object");
    r.markSeen("lite");
    Reader lr(root["lite"]);
    std::string enc = "lightweight", dec = "lightweight";
    if (auto e = lr.integer("conv_heads", c.convHeads, true, 1))
      return std::move(e);
    if (auto e = lr.integerList("kernel_sizes", c.kernelSizes))
      return std::move(e);
    if (auto e = lr.string("encoder_conv", enc, false,
                           {"lightweight", "dynamic"}))
      return std::move(e);
    if (auto e = lr.string("decoder_conv", dec, false,
                           {"lightweight", "dynamic"}))
      return std::move(e);
    if (auto e = lr.rejectUnknown("'lite'"))
      return std::move(e);
    c.encoderConv = enc == "dynamic" ? ModelConfig::ConvKind::Dynamic
                                     : ModelConfig::ConvKind::Lightweight;
    c.decoderConv = dec == "dynamic" ? ModelConfig::ConvKind::Dynamic
                                     : ModelConfig::ConvKind::Lightweight;
    int64_t layers = std::max(c.encoderLayers, c.decoderLayers);
    if (static_cast<int64_t>(c.kernelSizes.size()) != layers)
      return configError("'lite.kernel_sizes' needs one size per layer (" +
                         llvm::Twine(layers) + "), got " +
                         llvm::Twine(c.kernelSizes.size()));
    for (int64_t k : c.kernelSizes)
      if (k % 2 == 0)
        return configError("'lite.kernel_sizes' must be odd (centred "
                           "encoder padding), got " +
                           llvm::Twine(k));
    int64_t half = c.dModel / 2;
    if (half % c.numHeads != 0)
      return configError("the attention branch width d_model/2 (" +
                         llvm::Twine(half) +
                         ") must be divisible by 'num_heads' (" +
                         llvm::Twine(c.numHeads) + ")");
    if (half % c.convHeads != 0)
      return configError("the convolution branch width d_model/2 (" +
                         llvm::Twine(half) +
                         ") must be divisible by 'lite.conv_heads' (" +
                         llvm::Twine(c.convHeads) + ")");
  } else if (c.dModel % c.numHeads != 0) {
    return configError("'d_model' (" + llvm::Twine(c.dModel) +
                       ") must be divisible by 'num_heads' (" +
                       llvm::Twine(c.numHeads) + ")");
  }
  if (auto e = r.rejectUnknown("the config"))
    return std::move(e);
  return c;
}

} // namespace tfx
