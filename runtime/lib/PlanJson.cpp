//===- PlanJson.cpp - plans to and from JSON --------------------------------===//
//
// A generated library carries its plans as one JSON document (tfx-translate
// writes it with plansToJson; the library reads it back with plansFromJson
// when a model is created). Reading is strict: a missing or mistyped field
// is an error naming it, and every plan is validated before use.
//
//===----------------------------------------------------------------------===//

#include "tfx/runtime/Plan.h"

#include <nlohmann/json.hpp>

#include <cstring>
#include <optional>

namespace tfx::rt {
namespace {

using json = nlohmann::json;

/// The kinds by name: the inverse of the two functions above.
std::optional<PlanStep::Kind> stepKind(const std::string &name) {
  for (PlanStep::Kind k : {PlanStep::Kind::Kernel, PlanStep::Kind::View, PlanStep::Kind::CheckIds})
    if (name == stepKindName(k))
      return k;
  return std::nullopt;
}

std::optional<ConstantRecipe::Kind> constantKind(const std::string &name) {
  for (ConstantRecipe::Kind k :
       {ConstantRecipe::Kind::Weight, ConstantRecipe::Kind::Transposed,
        ConstantRecipe::Kind::ConcatColumns, ConstantRecipe::Kind::Zeros,
        ConstantRecipe::Kind::Literal})
    if (name == constantKindName(k))
      return k;
  return std::nullopt;
}

std::string hex(const Tensor &t) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  const auto *b = static_cast<const unsigned char *>(t.data());
  for (size_t i = 0; i < t.byteSize(); ++i) {
    out += digits[b[i] >> 4];
    out += digits[b[i] & 15];
  }
  return out;
}

json portJson(const PlanPort &p) {
  return {{"name", p.name}, {"slot", p.slot}, {"dtype", dtypeName(p.dtype)}, {"shape", p.shape}};
}

json planJson(const Plan &p) {
  json constants = json::array();
  for (const ConstantRecipe &r : p.constants) {
    json c = {{"kind", constantKindName(r.kind)}, {"what", r.what},
              {"dtype", dtypeName(r.dtype)}, {"shape", r.shape}};
    if (r.kind == ConstantRecipe::Kind::Weight)
      c["weight"] = r.weight;
    if (!r.parts.empty())
      c["parts"] = r.parts;
    if (r.kind == ConstantRecipe::Kind::Literal)
      c["bytes"] = hex(r.literal);
    constants.push_back(std::move(c));
  }
  json steps = json::array();
  for (const PlanStep &s : p.steps) {
    json j = {{"kind", stepKindName(s.kind)}, {"what", s.what}, {"inputs", s.inputs}};
    if (s.kind == PlanStep::Kind::Kernel) {
      j["kernel"] = s.kernel;
      j["input_views"] = s.inputViews;
      j["output_shape"] = s.outputShape;
      if (s.broadcastOutput)
        j["broadcast"] = true;
      j["output_dtype"] = dtypeName(s.outputType);
    }
    if (s.kind != PlanStep::Kind::CheckIds) {
      j["output"] = s.output;
      j["result_view"] = s.resultView;
    } else {
      j["vocab"] = s.vocab;
    }
    if (!s.release.empty())
      j["release"] = s.release;
    steps.push_back(std::move(j));
  }
  json inputs = json::array(), outputs = json::array();
  for (const PlanPort &port : p.inputs)
    inputs.push_back(portJson(port));
  for (const PlanPort &port : p.outputs)
    outputs.push_back(portJson(port));
  return {{"function", p.function}, {"kernels", p.numKernels}, {"slots", p.numSlots},
          {"constant_slots", p.constantSlots}, {"constants", constants},
          {"inputs", inputs}, {"outputs", outputs}, {"steps", steps}};
}

/// Reading: every accessor checks presence and type and says which field.
struct Reader {
  std::string error;

  const json *field(const json &j, const char *key, bool required = true) {
    if (!j.is_object()) {
      fail(std::string("expected an object holding '") + key + "'");
      return nullptr;
    }
    auto it = j.find(key);
    if (it == j.end()) {
      if (required)
        fail(std::string("missing field '") + key + "'");
      return nullptr;
    }
    return &*it;
  }
  void fail(const std::string &why) {
    if (error.empty())
      error = why;
  }
  std::string str(const json &j, const char *key) {
    const json *f = field(j, key);
    if (f && !f->is_string())
      fail(std::string("field '") + key + "' is not a string");
    return f && f->is_string() ? f->get<std::string>() : std::string();
  }
  int64_t integer(const json &j, const char *key, bool required = true, int64_t def = 0) {
    const json *f = field(j, key, required);
    if (!f)
      return def;
    if (!f->is_number_integer()) {
      fail(std::string("field '") + key + "' is not an integer");
      return def;
    }
    return f->get<int64_t>();
  }
  int small(const json &j, const char *key, bool required = true, int def = -1) {
    int64_t v = integer(j, key, required, def);
    if (v < -1 || v > (int64_t(1) << 30)) {
      fail(std::string("field '") + key + "' is out of range");
      return def;
    }
    return static_cast<int>(v);
  }
  std::vector<int64_t> ints(const json &j, const char *key, bool required = true) {
    std::vector<int64_t> out;
    const json *f = field(j, key, required);
    if (!f)
      return out;
    if (!f->is_array() || f->size() > 4096) {
      fail(std::string("field '") + key + "' is not a list of integers");
      return out;
    }
    for (const json &e : *f) {
      if (!e.is_number_integer()) {
        fail(std::string("field '") + key + "' is not a list of integers");
        return {};
      }
      out.push_back(e.get<int64_t>());
    }
    return out;
  }
  std::vector<int> indices(const json &j, const char *key, bool required = true) {
    std::vector<int> out;
    for (int64_t v : ints(j, key, required)) {
      if (v < -1 || v > (int64_t(1) << 30)) {
        fail(std::string("field '") + key + "' holds an index out of range");
        return {};
      }
      out.push_back(static_cast<int>(v));
    }
    return out;
  }
  DType dtype(const json &j, const char *key) {
    std::optional<DType> t = parseDType(str(j, key));
    if (!t)
      fail(std::string("field '") + key + "' is not a dtype");
    return t.value_or(DType::F32);
  }
  const json &list(const json &j, const char *key) {
    static const json empty = json::array();
    const json *f = field(j, key);
    if (f && !f->is_array())
      fail(std::string("field '") + key + "' is not a list");
    return f && f->is_array() ? *f : empty;
  }

  PlanPort port(const json &j) {
    PlanPort p;
    p.name = str(j, "name");
    p.slot = small(j, "slot");
    p.dtype = dtype(j, "dtype");
    p.shape = ints(j, "shape");
    return p;
  }

  ConstantRecipe constant(const json &j) {
    ConstantRecipe r;
    std::string kind = str(j, "kind");
    r.what = str(j, "what");
    r.dtype = dtype(j, "dtype");
    r.shape = ints(j, "shape");
    r.parts = indices(j, "parts", false);
    std::optional<ConstantRecipe::Kind> k = constantKind(kind);
    if (!k) {
      fail("unknown constant kind '" + kind + "'");
      return r;
    }
    r.kind = *k;
    if (r.kind == ConstantRecipe::Kind::Weight)
      r.weight = str(j, "weight");
    if (r.kind == ConstantRecipe::Kind::Literal) {
      std::string bytes = str(j, "bytes");
      for (int64_t d : r.shape)
        if (d < 1 || d > kMaxKernelElements)
          fail("literal '" + r.what + "' has a bad shape");
      if (!error.empty())
        return r;
      StatusOr<Tensor> t = Tensor::allocate(r.dtype, r.shape, size_t(1) << 32);
      if (!t || bytes.size() != 2 * t->byteSize()) {
        fail("literal '" + r.what + "' does not match its shape");
        return r;
      }
      auto nibble = [&](char c) -> int {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
      };
      auto *b = static_cast<unsigned char *>(t->data());
      for (size_t i = 0; i < t->byteSize(); ++i) {
        int hi = nibble(bytes[2 * i]), lo = nibble(bytes[2 * i + 1]);
        if (hi < 0 || lo < 0) {
          fail("literal '" + r.what + "' is not hexadecimal");
          return r;
        }
        b[i] = static_cast<unsigned char>(hi * 16 + lo);
      }
      r.literal = std::move(*t);
    }
    return r;
  }

  PlanStep step(const json &j) {
    PlanStep s;
    std::string kind = str(j, "kind");
    s.what = str(j, "what");
    s.inputs = indices(j, "inputs");
    s.release = indices(j, "release", false);
    std::optional<PlanStep::Kind> k = stepKind(kind);
    if (!k) {
      fail("unknown step kind '" + kind + "'");
      return s;
    }
    s.kind = *k;
    if (s.kind == PlanStep::Kind::Kernel) {
      s.kernel = small(j, "kernel");
      for (const json &v : list(j, "input_views")) {
        if (!v.is_array()) {
          fail("field 'input_views' is not a list of shapes");
          break;
        }
        json wrapped = {{"v", v}};
        s.inputViews.push_back(ints(wrapped, "v"));
      }
      s.outputShape = ints(j, "output_shape");
      const json *b = field(j, "broadcast", false);
      s.broadcastOutput = b && b->is_boolean() && b->get<bool>();
      s.outputType = dtype(j, "output_dtype");
    } else if (s.kind == PlanStep::Kind::CheckIds) {
      s.vocab = integer(j, "vocab");
    }
    if (s.kind != PlanStep::Kind::CheckIds) {
      s.output = small(j, "output");
      s.resultView = ints(j, "result_view");
    }
    return s;
  }

  Plan plan(const json &j) {
    Plan p;
    p.function = str(j, "function");
    p.numKernels = small(j, "kernels");
    p.numSlots = small(j, "slots");
    p.constantSlots = indices(j, "constant_slots");
    for (const json &c : list(j, "constants"))
      p.constants.push_back(constant(c));
    for (const json &i : list(j, "inputs"))
      p.inputs.push_back(port(i));
    for (const json &o : list(j, "outputs"))
      p.outputs.push_back(port(o));
    for (const json &s : list(j, "steps"))
      if (error.empty())
        p.steps.push_back(step(s));
    return p;
  }
};

} // namespace

const char *stepKindName(PlanStep::Kind k) {
  switch (k) {
  case PlanStep::Kind::Kernel: return "kernel";
  case PlanStep::Kind::View: return "view";
  case PlanStep::Kind::CheckIds: return "check_ids";
  }
  return "?";
}

const char *constantKindName(ConstantRecipe::Kind k) {
  switch (k) {
  case ConstantRecipe::Kind::Weight: return "weight";
  case ConstantRecipe::Kind::Transposed: return "transposed";
  case ConstantRecipe::Kind::ConcatColumns: return "concat_columns";
  case ConstantRecipe::Kind::Zeros: return "zeros";
  case ConstantRecipe::Kind::Literal: return "literal";
  }
  return "?";
}

std::string plansToJson(const std::vector<const Plan *> &plans) {
  json all = json::array();
  for (const Plan *p : plans)
    all.push_back(planJson(*p));
  return json({{"tfx_plans", 1}, {"plans", all}}).dump();
}

StatusOr<std::vector<Plan>> plansFromJson(const std::string &text) {
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded())
    return Status::error("the plan table is not valid JSON");
  Reader r;
  if (r.integer(doc, "tfx_plans") != 1 && r.error.empty())
    r.fail("unknown plan table version");
  std::vector<Plan> plans;
  for (const json &p : r.list(doc, "plans")) {
    plans.push_back(r.plan(p));
    if (!r.error.empty())
      break;
  }
  if (!r.error.empty())
    return Status::error("the plan table is malformed: " + r.error);
  for (const Plan &p : plans)
    TFX_RETURN_IF_ERROR(p.validate());
  return plans;
}

} // namespace tfx::rt
