//===- Emit.cpp - a model's plans as a generated C++ library ---------------===//
//
// Layout of the output directory (NAME = the library name):
//
//   NAME.h              the C ABI (create / run / destroy / last_error), with
//                       every function's inputs and outputs documented
//   NAME.cpp            the generated driver: support code (DriverSupport.h),
//                       constants made from the weights, and one straight-line
//                       function per model function calling the kernels in
//                       plan order with pooled, reused buffers
//   NAME_weights.cpp    (--embed-weights) the weights file's bytes
//   kernels/kN.cpp|.a   one kernel per distinct KernelDesc (C backend source
//                       for --emit=cpp, Halide AOT objects otherwise)
//   halide_runtime.a    the one Halide runtime the kernels share
//   HalideRuntime.h     the Halide runtime's C header (from Halide)
//   build.sh            compiles all of it into libNAME.a with $CXX (g++)
//
//===----------------------------------------------------------------------===//

#include "tfx/Target/Emit.h"

#include "DriverSupport.h"

#include "tfx/Dialect/Tfx.h"
#include "tfx/Exec/Plan.h"
#include "tfx/Lowering/Kernel.h"
#include "tfx/runtime/Safetensors.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using tfx::exec::ConstantRecipe;
using tfx::exec::Plan;
using tfx::exec::PlanPort;
using tfx::exec::PlanStep;
using tfx::exec::Shape;
using tfx::lowering::KernelDesc;
using tfx::rt::DType;
using tfx::rt::Status;
using tfx::rt::StatusOr;

namespace tfx::target {
namespace {

const char *kHalideRuntimeHeader = "/usr/include/halide14/HalideRuntime.h";

/// A C++ string literal for `s`.
std::string cxxString(const std::string &s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\' || c == '?') { // '?': no trigraphs
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof(buf), "\\%03o", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

/// Text safe inside a /* */ comment (no "*/", no control characters).
std::string commentText(std::string s) {
  for (size_t i; (i = s.find("*/")) != std::string::npos;)
    s.replace(i, 2, "* /");
  for (char &c : s)
    if (static_cast<unsigned char>(c) < 0x20)
      c = ' ';
  return s;
}

std::string shapeInit(const Shape &s) {
  std::string out = "{";
  for (size_t i = 0; i < s.size(); ++i)
    out += (i ? ", " : "") + std::to_string(s[i]);
  return out + "}";
}

const char *dtypeEnum(DType t) {
  switch (t) {
  case DType::F32: return "F32";
  case DType::Bool: return "BOOL";
  case DType::I64: return "I64";
  case DType::I32: return "I32";
  default: return nullptr;
  }
}

std::string describeShape(const Shape &s) {
  std::string out = "[";
  for (size_t i = 0; i < s.size(); ++i)
    out += (i ? ", " : "") + (s[i] < 0 ? std::string("?") : std::to_string(s[i]));
  return out + "]";
}

/// A C identifier from a model name.
std::string identifier(const std::string &name) {
  std::string out;
  for (char c : name)
    out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0])))
    out = "m_" + out;
  return out;
}

Status writeFile(const fs::path &path, const std::string &text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out)
    return Status::error("cannot write '" + path.string() + "'");
  return Status::ok();
}

std::string defaultTarget(EmitKind kind) {
  switch (kind) {
  case EmitKind::Cuda: return "host-cuda-cuda_capability_80";
  // Positional encodings are computed in double precision, as PyTorch does.
  case EmitKind::OpenCL: return "host-opencl-cl_doubles";
  default: return "host";
  }
}

struct KernelInfo {
  KernelDesc desc;
  std::string function; ///< tfx_kN
  std::vector<std::pair<int64_t, int64_t>> windows;
  std::string firstUse; ///< the op that first needs it, for messages
};

class Emitter {
public:
  Emitter(const EmitOptions &options, std::string name, std::string target,
          bool device)
      : options_(options), name_(std::move(name)), target_(std::move(target)),
        device_(device) {}

  Status addPlan(Plan plan);
  Status writeKernels(const fs::path &dir);
  std::string header() const;
  std::string driver() const;

private:
  void emitConstants(std::ostringstream &os, size_t p) const;
  void emitFunction(std::ostringstream &os, size_t p) const;

  const EmitOptions &options_;
  std::string name_, target_;
  bool device_;
  std::vector<Plan> plans_;
  std::vector<std::vector<int>> kernelIds_; ///< per plan: local -> global
  std::vector<KernelInfo> kernels_;
  std::map<std::string, int> kernelByKey_;
};

Status Emitter::addPlan(Plan plan) {
  std::vector<int> ids;
  for (size_t k = 0; k < plan.kernels.size(); ++k) {
    const KernelDesc &d = plan.kernels[k];
    auto [it, inserted] =
        kernelByKey_.emplace(d.key(), static_cast<int>(kernels_.size()));
    if (inserted) {
      KernelInfo info;
      info.desc = d;
      info.function = "tfx_" + name_ + "_k" + std::to_string(kernels_.size());
      StatusOr<std::vector<std::pair<int64_t, int64_t>>> w =
          lowering::kernelOutputWindows(d);
      if (!w)
        return w.status();
      info.windows = *w;
      for (const PlanStep &s : plan.steps)
        if (s.kind == PlanStep::Kind::Kernel && s.kernel == static_cast<int>(k)) {
          info.firstUse = s.what;
          break;
        }
      kernels_.push_back(std::move(info));
    }
    ids.push_back(it->second);
  }
  for (const PlanPort &p : plan.inputs)
    if (!dtypeEnum(p.dtype))
      return Status::error("function '" + plan.function + "': input '" + p.name +
                           "' has a dtype the C ABI does not carry");
  // The C ABI and the driver's buffers carry at most 8 dimensions, and
  // kernels index with 32 bits.
  auto checkRank = [&](const Shape &shape, const std::string &what) -> Status {
    if (shape.size() > 8)
      return Status::error("function '" + plan.function + "': " + what + " has rank " +
                           std::to_string(shape.size()) +
                           "; generated libraries support at most 8 dimensions");
    return Status::ok();
  };
  for (const PlanPort &p : plan.inputs)
    TFX_RETURN_IF_ERROR(checkRank(p.shape, "input '" + p.name + "'"));
  for (const PlanPort &p : plan.outputs)
    TFX_RETURN_IF_ERROR(checkRank(p.shape, "output '" + p.name + "'"));
  for (const PlanStep &st : plan.steps) {
    for (const Shape &v : st.inputViews)
      TFX_RETURN_IF_ERROR(checkRank(v, st.what));
    TFX_RETURN_IF_ERROR(checkRank(st.outputShape, st.what));
    TFX_RETURN_IF_ERROR(checkRank(st.resultView, st.what));
  }
  for (const ConstantRecipe &r : plan.constants) {
    TFX_RETURN_IF_ERROR(checkRank(r.shape, r.what));
    int64_t n = 1;
    for (int64_t e : r.shape)
      n = e > 0 && n > ((int64_t(1) << 31) - 1) / e ? (int64_t(1) << 31) : n * e;
    if (n > (int64_t(1) << 31) - 1)
      return Status::error(r.what + ": constant of shape " + describeShape(r.shape) +
                           " exceeds the 2^31-element limit of the kernels");
  }
  kernelIds_.push_back(std::move(ids));
  plans_.push_back(std::move(plan));
  return Status::ok();
}

Status Emitter::writeKernels(const fs::path &dir) {
  std::error_code dirError;
  fs::create_directories(dir / "kernels", dirError);
  if (dirError)
    return Status::error("cannot create '" + (dir / "kernels").string() + "': " +
                         dirError.message());
  lowering::AotFormat format = options_.kind == EmitKind::Cpp
                                   ? lowering::AotFormat::CSource
                                   : lowering::AotFormat::StaticLibrary;
  for (const KernelInfo &k : kernels_) {
    fs::path prefix = dir / "kernels" / k.function;
    Status s = lowering::compileKernel(k.desc, target_, prefix.string(), k.function,
                                       format);
    if (!s)
      return Status::error(k.firstUse + ": cannot compile kernel '" + k.desc.kind +
                           "' for target " + target_ + ": " + s.message());
  }
  Status s = lowering::compileRuntimeLibrary(target_, (dir / "halide_runtime.a").string());
  if (!s)
    return s;
  std::error_code ec;
  fs::copy_file(kHalideRuntimeHeader, dir / "HalideRuntime.h",
                fs::copy_options::overwrite_existing, ec);
  if (ec)
    return Status::error(std::string("cannot copy ") + kHalideRuntimeHeader + ": " +
                         ec.message());
  return Status::ok();
}

std::string Emitter::header() const {
  std::ostringstream os;
  std::string guard = "TFX_GENERATED_" + name_ + "_H";
  for (char &c : guard)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  os << "/* Generated by tfx-translate; do not edit.\n"
     << " *\n"
     << " * The model as a C library. Build everything in this directory into\n"
     << " * lib" << name_ << ".a with ./build.sh (uses $CXX, default g++; no MLIR,\n"
     << " * LLVM or libHalide needed), then link lib" << name_ << ".a -lpthread -ldl.\n"
     << " *\n"
     << " *   " << name_ << "_model *m = " << name_ << "_create(\"weights.safetensors\");\n"
     << " *   if (!m) { puts(" << name_ << "_last_error()); ... }\n"
     << " *   tfx_tensor in[1] = {{\"src_ids\", TFX_I64, 2, {batch, 50}, ids}};\n"
     << " *   tfx_tensor out[1];\n"
     << " *   if (" << name_ << "_run(m, \"encode\", in, 1, out, 1) != 0) ...\n"
     << " *   // out[0].data is valid until the next run or destroy\n"
     << " *   " << name_ << "_destroy(m);\n"
     << " *\n"
     << " * A model object is not thread-safe: use one per thread. The library\n"
     << " * defines halide_error() (Halide's runtime hook) to turn kernel errors\n"
     << " * into messages; do not define another in the same program.\n"
     << " *\n"
     << " * Target: " << target_ << "\n"
     << " * Functions (? = the batch, any size):\n";
  for (const Plan &p : plans_) {
    os << " *   " << commentText(p.function) << "(";
    for (size_t i = 0; i < p.inputs.size(); ++i)
      os << (i ? ", " : "") << commentText(p.inputs[i].name) << ": "
         << rt::dtypeName(p.inputs[i].dtype) << describeShape(p.inputs[i].shape);
    os << ") -> (";
    for (size_t i = 0; i < p.outputs.size(); ++i)
      os << (i ? ", " : "") << commentText(p.outputs[i].name) << ": "
         << rt::dtypeName(p.outputs[i].dtype) << describeShape(p.outputs[i].shape);
    os << ")\n";
  }
  os << " */\n\n"
     << "#ifndef " << guard << "\n#define " << guard << "\n\n"
     << "#include <stdint.h>\n\n"
     << "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n"
     << "#ifndef TFX_TENSOR_DEFINED\n#define TFX_TENSOR_DEFINED\n"
     << "/* Element types. BOOL is one byte per element (0 or 1). */\n"
     << "enum { TFX_F32 = 0, TFX_BOOL = 1, TFX_I64 = 2, TFX_I32 = 3 };\n\n"
     << "/* A dense row-major tensor; shape[0] is the outermost dimension. */\n"
     << "typedef struct tfx_tensor {\n"
     << "  const char *name; /* the function's argument or result name */\n"
     << "  int32_t dtype;    /* TFX_F32, ... */\n"
     << "  int32_t rank;     /* at most 8 */\n"
     << "  int64_t shape[8];\n"
     << "  void *data;\n"
     << "} tfx_tensor;\n#endif\n\n"
     << "typedef struct " << name_ << "_model " << name_ << "_model;\n\n"
     << "/* Loads the weights (safetensors; NULL = the weights compiled into the\n"
     << " * library, if it was made with --embed-weights) and prepares every\n"
     << " * function. Returns NULL on failure; see " << name_ << "_last_error(). */\n"
     << name_ << "_model *" << name_ << "_create(const char *weights_path);\n\n"
     << "/* Runs `function`. Inputs are matched by name; their dtype and static\n"
     << " * dimensions must be the function's, with one batch for all. `outputs`\n"
     << " * receives the results in order (name, dtype, shape, data); the data\n"
     << " * belongs to the model and stays valid until the next run or destroy.\n"
     << " * Returns 0, or -1 with a message in " << name_ << "_last_error(). */\n"
     << "int " << name_ << "_run(" << name_ << "_model *model, const char *function,\n"
     << "    const tfx_tensor *inputs, int num_inputs, tfx_tensor *outputs,\n"
     << "    int num_outputs);\n\n"
     << "void " << name_ << "_destroy(" << name_ << "_model *model);\n\n"
     << "/* The last error of this thread, or \"\". */\n"
     << "const char *" << name_ << "_last_error(void);\n\n"
     << "#ifdef __cplusplus\n}\n#endif\n\n#endif\n";
  return os.str();
}

void Emitter::emitConstants(std::ostringstream &os, size_t p) const {
  const Plan &plan = plans_[p];
  os << "bool makeConstants" << p << "(std::vector<Tensor> &c, Weights &w) {\n"
     << "  c.resize(" << plan.constants.size() << ");\n";
  for (size_t i = 0; i < plan.constants.size(); ++i) {
    const ConstantRecipe &r = plan.constants[i];
    std::string ci = "c[" + std::to_string(i) + "]";
    switch (r.kind) {
    case ConstantRecipe::Kind::Weight:
      os << "  if (!w.get(" << cxxString(r.weight) << ", " << shapeInit(r.shape) << ", "
         << ci << "))\n    return fail(lastError + \" (\" " << cxxString(r.what)
         << " \")\");\n";
      break;
    case ConstantRecipe::Kind::Transposed:
      os << "  " << ci << " = transposed(c[" << r.parts[0] << "]);\n";
      break;
    case ConstantRecipe::Kind::ConcatColumns: {
      os << "  " << ci << " = concatColumns({";
      for (size_t k = 0; k < r.parts.size(); ++k)
        os << (k ? ", " : "") << "&c[" << r.parts[k] << "]";
      os << "}, " << shapeInit(r.shape) << ");\n";
      break;
    }
    case ConstantRecipe::Kind::Zeros:
      os << "  " << ci << " = zeros(" << dtypeEnum(r.dtype) << ", " << shapeInit(r.shape)
         << ");\n";
      break;
    case ConstantRecipe::Kind::Literal: {
      os << "  {\n    static const unsigned char bytes[] = {";
      const auto *b = static_cast<const unsigned char *>(r.literal.data());
      for (size_t k = 0; k < r.literal.byteSize(); ++k)
        os << (k ? "," : "") << static_cast<int>(b[k]);
      if (r.literal.byteSize() == 0)
        os << "0";
      os << "};\n    " << ci << " = literal(" << dtypeEnum(r.dtype) << ", "
         << shapeInit(r.shape) << ", bytes);\n  }\n";
      break;
    }
    }
    os << "  if (!" << ci << ".storage)\n    return fail(\"out of memory\");\n";
  }
  os << "  return true;\n}\n\n";
}

void Emitter::emitFunction(std::ostringstream &os, size_t p) const {
  const Plan &plan = plans_[p];
  os << "bool run" << p << "(" << name_ << "_model &m, const tfx_tensor *in, int nin,\n"
     << "           tfx_tensor *out, int nout) {\n"
     << "  const std::vector<Tensor> &c = m.constants[" << p << "];\n"
     << "  Pool &pool = m.pool;\n"
     << "  std::vector<Tensor> s(" << plan.numSlots << ");\n";
  for (size_t i = 0; i < plan.constants.size(); ++i)
    if (plan.constantSlots[i] >= 0)
      os << "  s[" << plan.constantSlots[i] << "] = c[" << i << "];\n";
  os << "  int64_t batch = -1;\n";
  for (const PlanPort &in : plan.inputs)
    os << "  if (!bindInput(in, nin, " << cxxString(in.name) << ", " << dtypeEnum(in.dtype)
       << ", " << shapeInit(in.shape) << ", batch, s[" << in.slot << "]))\n"
       << "    return false;\n";
  os << "  if (nout < " << plan.outputs.size() << ")\n"
     << "    return fail(" << cxxString("function '" + plan.function + "' has " +
                                    std::to_string(plan.outputs.size()) +
                                    " results but outputs has room for ")
     << " + std::to_string(nout));\n";
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const PlanStep &st = plan.steps[i];
    std::string where = " (step " + std::to_string(i) + ": " + st.what + ")";
    os << "  { // " << i << ": " << commentText(st.what) << "\n";
    std::string failMsg = "return fail(lastError + " + cxxString(where) + ")";
    switch (st.kind) {
    case PlanStep::Kind::View:
      os << "    if (!view(s[" << st.inputs[0] << "], " << shapeInit(st.resultView)
         << ", s[" << st.output << "]))\n      " << failMsg << ";\n";
      break;
    case PlanStep::Kind::CheckIds:
      os << "    if (!checkIds(s[" << st.inputs[0] << "], " << st.vocab << "))\n      "
         << failMsg << ";\n";
      break;
    case PlanStep::Kind::Kernel: {
      const KernelInfo &k = kernels_[kernelIds_[p][st.kernel]];
      size_t n = st.inputs.size();
      os << "    Tensor v[" << std::max<size_t>(n, 1) << "];\n";
      for (size_t j = 0; j < n; ++j)
        os << "    if (!view(s[" << st.inputs[j] << "], " << shapeInit(st.inputViews[j])
           << ", v[" << j << "]))\n      " << failMsg << ";\n";
      os << "    Shape shape;\n";
      if (st.broadcastOutput) {
        os << "    if (!broadcast(v[0].shape, v[1].shape, shape))\n      " << failMsg
           << ";\n";
      } else {
        os << "    int64_t dyn = -1;\n";
        for (size_t j = 0; j < n; ++j)
          os << "    dyn = dynamicExtent(" << shapeInit(st.inputViews[j]) << ", v[" << j
             << "], dyn);\n";
        os << "    shape = resolve(" << shapeInit(st.outputShape) << ", dyn);\n";
      }
      os << "    Tensor o;\n    if (!pool.take(" << dtypeEnum(st.outputType)
         << ", shape, o))\n      " << failMsg << ";\n";
      std::vector<std::string> args;
      for (size_t j = 0; j < n; ++j) {
        os << "    HB b" << j << "(v[" << j << "]);\n";
        args.push_back("b" + std::to_string(j));
      }
      std::vector<std::string> outs;
      if (k.windows.empty()) {
        os << "    HB o0(o);\n";
        outs.push_back("o0");
      } else {
        for (size_t w = 0; w < k.windows.size(); ++w) {
          os << "    HB o" << w << "(o, " << k.windows[w].first << ", "
             << k.windows[w].second << ");\n";
          outs.push_back("o" + std::to_string(w));
        }
      }
      if (device_)
        for (const std::string &a : args)
          os << "    beforeDevice(" << a << ");\n";
      os << "    clearHalideMessage();\n    int e = " << k.function << "(";
      std::vector<std::string> all = args;
      all.insert(all.end(), outs.begin(), outs.end());
      for (size_t j = 0; j < all.size(); ++j)
        os << (j ? ", " : "") << all[j] << ".get()";
      os << ");\n"
         << "    if (e != 0)\n      return fail(\"kernel " << k.function
         << " failed with Halide error \" + std::to_string(e) + \": \" + takeHalideMessage() + "
         << cxxString(where) << ");\n";
      if (device_)
        for (const std::string &o : outs)
          os << "    if (!afterDevice(" << o << "))\n      " << failMsg << ";\n";
      os << "    if (!view(o, " << shapeInit(st.resultView) << ", s[" << st.output
         << "]))\n      " << failMsg << ";\n";
      break;
    }
    }
    os << "  }\n";
    for (int slot : st.release)
      os << "  pool.give(s[" << slot << "]);\n";
  }
  // Results are copied into storage of their own, kept per function: they
  // never alias the caller's inputs or the weights, and running another
  // function (decode after encode) leaves them valid.
  os << "  std::vector<Tensor> &results = m.outputs[" << p << "];\n"
     << "  results.clear();\n";
  for (size_t i = 0; i < plan.outputs.size(); ++i) {
    const PlanPort &o = plan.outputs[i];
    os << "  {\n    Tensor r = allocate(s[" << o.slot << "].dtype, s[" << o.slot
       << "].shape);\n"
       << "    if (!r.storage)\n      return fail(\"out of memory\");\n"
       << "    std::memcpy(r.data(), s[" << o.slot << "].data(), r.bytes());\n"
       << "    results.push_back(r);\n  }\n"
       << "  out[" << i << "].name = " << cxxString(o.name) << ";\n"
       << "  out[" << i << "].dtype = " << dtypeEnum(o.dtype) << ";\n"
       << "  out[" << i << "].rank = " << o.shape.size() << ";\n"
       << "  for (size_t d = 0; d < " << o.shape.size() << "; ++d)\n"
       << "    out[" << i << "].shape[d] = results.back().shape[d];\n"
       << "  out[" << i << "].data = results.back().data();\n";
  }
  os << "  return true;\n}\n\n";
}

std::string Emitter::driver() const {
  std::ostringstream os;
  bool embedded = !options_.embedWeights.empty();
  os << "// Generated by tfx-translate; do not edit. See " << name_ << ".h.\n"
     << "#include \"" << name_ << ".h\"\n"
     << driverSupportSource() << "\n"
     << "extern \"C\" {\n";
  for (const KernelInfo &k : kernels_) {
    size_t n = k.desc.inputs.size() + std::max<size_t>(1, k.windows.size());
    os << "int " << k.function << "(";
    for (size_t j = 0; j < n; ++j)
      os << (j ? ", " : "") << "halide_buffer_t *";
    os << "); // " << k.desc.kind << "\n";
  }
  if (embedded)
    os << "extern const unsigned char " << name_ << "_weights_data[];\n"
       << "extern const unsigned long long " << name_ << "_weights_size;\n";
  os << "}\n\n"
     << "struct " << name_ << "_model {\n"
     << "  std::vector<std::vector<Tensor>> constants; // per function\n"
     << "  Pool pool;\n"
     << "  std::vector<std::vector<Tensor>> outputs; // per function\n"
     << "};\n\n"
     << "namespace {\n\n";
  for (size_t p = 0; p < plans_.size(); ++p) {
    emitConstants(os, p);
    emitFunction(os, p);
  }
  os << "} // namespace\n\n"
     << "extern \"C\" {\n\n"
     << "static " << name_ << "_model *create(const char *weights_path) {\n"
     << "  Weights w;\n"
     << "  if (weights_path) {\n"
     << "    if (!w.load(weights_path))\n      return nullptr;\n"
     << "  } else {\n";
  if (embedded)
    os << "    w.file.assign(reinterpret_cast<const char *>(" << name_
       << "_weights_data),\n"
       << "                  reinterpret_cast<const char *>(" << name_
       << "_weights_data) + " << name_ << "_weights_size);\n"
       << "    if (!w.parse(\"(embedded)\"))\n      return nullptr;\n";
  else
    os << "    fail(\"this library has no embedded weights: pass a weights file\");\n"
       << "    return nullptr;\n";
  os << "  }\n"
     << "  std::unique_ptr<" << name_ << "_model> m(new (std::nothrow) " << name_
     << "_model);\n"
     << "  if (!m) {\n    fail(\"out of memory\");\n    return nullptr;\n  }\n"
     << "  m->constants.resize(" << plans_.size() << ");\n"
     << "  m->outputs.resize(" << plans_.size() << ");\n";
  for (size_t p = 0; p < plans_.size(); ++p)
    os << "  if (!makeConstants" << p << "(m->constants[" << p << "], w))\n"
       << "    return nullptr;\n";
  os << "  lastError.clear();\n  return m.release();\n}\n\n"
     << name_ << "_model *" << name_ << "_create(const char *weights_path) {\n"
     << "  try {\n    return create(weights_path);\n"
     << "  } catch (const std::bad_alloc &) {\n    fail(\"out of memory\");\n"
     << "  } catch (...) {\n    fail(\"unexpected C++ exception\");\n  }\n"
     << "  return nullptr;\n}\n\n"
     << "static int run(" << name_
     << "_model *m, const char *function, const tfx_tensor *inputs,\n"
     << "    int num_inputs, tfx_tensor *outputs, int num_outputs) {\n"
     << "  if (!m || !function || (num_inputs > 0 && !inputs) ||\n"
     << "      (num_outputs > 0 && !outputs)) {\n"
     << "    fail(\"" << name_ << "_run: null model, function or tensor array\");\n"
     << "    return -1;\n  }\n";
  for (size_t p = 0; p < plans_.size(); ++p)
    os << "  if (std::strcmp(function, " << cxxString(plans_[p].function) << ") == 0)\n"
       << "    return run" << p << "(*m, inputs, num_inputs, outputs, num_outputs) ? 0 : -1;\n";
  std::string names;
  for (const Plan &p : plans_)
    names += (names.empty() ? "" : ", ") + p.function;
  os << "  fail(std::string(\"no function '\") + function + "
     << cxxString("' (the library has: " + names + ")") << ");\n  return -1;\n}\n\n"
     << "int " << name_ << "_run(" << name_
     << "_model *m, const char *function, const tfx_tensor *inputs,\n"
     << "    int num_inputs, tfx_tensor *outputs, int num_outputs) {\n"
     << "  try {\n    return run(m, function, inputs, num_inputs, outputs, num_outputs);\n"
     << "  } catch (const std::bad_alloc &) {\n    fail(\"out of memory\");\n"
     << "  } catch (...) {\n    fail(\"unexpected C++ exception\");\n  }\n"
     << "  return -1;\n}\n\n"
     << "void " << name_ << "_destroy(" << name_ << "_model *m) { delete m; }\n\n"
     << "const char *" << name_ << "_last_error(void) { return lastError.c_str(); }\n\n"
     << "} // extern \"C\"\n";
  return os.str();
}

std::string buildScript(const std::string &name, bool embedded, EmitKind kind) {
  std::ostringstream os;
  os << "#!/bin/sh\n"
     << "# Generated by tfx-translate: builds lib" << name << ".a here with $CXX\n"
     << "# (default g++) and nothing else. Link it with -lpthread -ldl.\n"
     << "set -e\ncd \"$(dirname \"$0\")\"\n"
     << "CXX=${CXX:-g++}\n"
     << "rm -rf build.tmp && mkdir build.tmp\n";
  if (kind == EmitKind::Cpp)
    os << "for f in kernels/*.cpp; do\n"
       << "  $CXX -O2 -std=c++17 -fPIC -Wno-psabi -c \"$f\" -o \"build.tmp/$(basename \"$f\" .cpp).o\"\n"
       << "done\n";
  else
    os << "(cd build.tmp && for a in ../kernels/*.a; do ar x \"$a\"; done)\n";
  // The driver is glue (argument checks, buffer pool, one call per kernel)
  // in a few very long functions: -O2 takes GCC minutes on a 6-layer model
  // for no measurable run-time gain (the work is in the kernels), -O1
  // seconds.
  os << "# The driver: -O1 (glue; the kernels above carry the optimisation).\n"
     << "$CXX -O1 -std=c++17 -fPIC -I. -c " << name << ".cpp -o build.tmp/" << name
     << ".o\n";
  if (embedded)
    os << "$CXX -O2 -fPIC -c " << name << "_weights.cpp -o build.tmp/" << name
       << "_weights.o\n";
  os << "(cd build.tmp && ar x ../halide_runtime.a)\n"
     << "rm -f lib" << name << ".a.tmp\n"
     << "ar rcs lib" << name << ".a.tmp build.tmp/*.o\n"
     << "mv lib" << name << ".a.tmp lib" << name << ".a\n"
     << "rm -rf build.tmp\n";
  return os.str();
}

Status writeEmbeddedWeights(const fs::path &path, const std::string &name,
                            const std::string &weights) {
  std::ifstream in(weights, std::ios::binary);
  if (!in)
    return Status::error("cannot read the weights to embed '" + weights + "'");
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  if (in.bad() || fs::is_directory(weights) || bytes.size() < 8)
    return Status::error("cannot read the weights to embed '" + weights +
                         "' (not a safetensors file)");
  // Validated by the same reader as every other weights file: a truncated
  // or hostile file must not become a library that fails at run time.
  auto parsed = rt::parseSafetensors(reinterpret_cast<const uint8_t *>(bytes.data()),
                                     bytes.size());
  if (!parsed)
    return Status::error("the weights to embed are not a valid safetensors file: " +
                         weights + ": " + parsed.status().message());
  std::ostringstream os;
  os << "// Generated by tfx-translate: the bytes of " << weights << ".\n"
     << "extern \"C\" const unsigned long long " << name << "_weights_size = "
     << bytes.size() << "ULL;\n"
     << "extern \"C\" const unsigned char " << name << "_weights_data[] = {";
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (i % 24 == 0)
      os << "\n";
    os << static_cast<int>(static_cast<unsigned char>(bytes[i])) << ",";
  }
  os << "0};\n";
  return writeFile(path, os.str());
}

} // namespace

StatusOr<EmitKind> parseEmitKind(const std::string &name) {
  if (name == "cpp")
    return EmitKind::Cpp;
  if (name == "static-library")
    return EmitKind::StaticLibrary;
  if (name == "cuda")
    return EmitKind::Cuda;
  if (name == "opencl")
    return EmitKind::OpenCL;
  return Status::error("unknown --emit kind '" + name +
                       "' (expected cpp, static-library, cuda or opencl)");
}

Status emitLibrary(mlir::ModuleOp module, const EmitOptions &options) {
  if (options.outDir.empty())
    return Status::error("no output directory (-o DIR)");
  std::string target = options.target.empty() ? defaultTarget(options.kind) : options.target;
  if (!lowering::isValidTarget(target))
    return Status::error("invalid Halide target '" + target + "'");
  lowering::GpuApi api = lowering::targetGpuApi(target);
  bool device = api != lowering::GpuApi::None;
  if (options.kind == EmitKind::Cpp && device)
    return Status::error("--emit=cpp writes CPU kernels as C++; target " + target +
                         " needs --emit=cuda, --emit=opencl or --emit=static-library");
  if ((options.kind == EmitKind::Cuda && api != lowering::GpuApi::Cuda) ||
      (options.kind == EmitKind::OpenCL && api != lowering::GpuApi::OpenCL))
    return Status::error("--emit=" +
                         std::string(options.kind == EmitKind::Cuda ? "cuda" : "opencl") +
                         " needs a target with that feature, got " + target);
  std::string name = options.name;
  if (name.empty()) {
    auto attr = module->getAttrOfType<mlir::StringAttr>(kModelAttrName);
    name = attr ? attr.str() : "model";
  }
  name = identifier(name);

  std::vector<std::string> functions = options.functions;
  if (functions.empty())
    for (auto f : module.getOps<mlir::func::FuncOp>())
      functions.push_back(f.getName().str());
  if (functions.empty())
    return Status::error("the module has no functions");

  Emitter emitter(options, name, target, device);
  for (const std::string &f : functions) {
    StatusOr<Plan> plan = exec::planFunction(module, f);
    if (!plan)
      return plan.status().withContext("function '" + f + "'");
    TFX_RETURN_IF_ERROR(emitter.addPlan(std::move(*plan)));
  }

  // Everything is written beside the destination and renamed at the end. An
  // existing destination is only ever replaced if tfx-translate made it (it
  // holds the marker file), so `-o .` or `-o model.mlir` cannot destroy
  // anything; the old library is moved aside before the new one moves in.
  std::error_code ec;
  fs::path out = fs::absolute(options.outDir, ec).lexically_normal();
  if (ec)
    return Status::error("bad output directory '" + options.outDir + "': " + ec.message());
  if (!out.has_filename())
    out = out.parent_path(); // "dir/" -> "dir"
  if (out.empty() || out == out.root_path() || out.filename() == "." ||
      out.filename() == "..")
    return Status::error("refusing to write the library to '" + options.outDir +
                         "': give a directory of its own");
  const char *marker = ".tfx-translate";
  bool exists = fs::exists(out, ec);
  if (exists && !(fs::is_directory(out, ec) && fs::exists(out / marker, ec)))
    return Status::error("refusing to replace '" + out.string() +
                         "': it exists and is not a directory written by "
                         "tfx-translate (no " + marker + " file in it)");
  fs::path tmp = out;
  tmp += ".tmp." + std::to_string(getpid());
  fs::path old = out;
  old += ".old." + std::to_string(getpid());
  fs::remove_all(tmp, ec);
  ec.clear();
  fs::create_directories(tmp, ec);
  if (ec)
    return Status::error("cannot create '" + tmp.string() + "': " + ec.message());
  auto cleanup = [&](Status s) {
    std::error_code ignore;
    fs::remove_all(tmp, ignore);
    return s;
  };
  Status s = emitter.writeKernels(tmp);
  if (s)
    s = writeFile(tmp / (name + ".h"), emitter.header());
  if (s)
    s = writeFile(tmp / (name + ".cpp"), emitter.driver());
  if (s && !options.embedWeights.empty())
    s = writeEmbeddedWeights(tmp / (name + "_weights.cpp"), name, options.embedWeights);
  if (s) {
    s = writeFile(tmp / "build.sh",
                  buildScript(name, !options.embedWeights.empty(), options.kind));
    fs::permissions(tmp / "build.sh", fs::perms::owner_exec | fs::perms::group_exec |
                                          fs::perms::others_exec,
                    fs::perm_options::add, ec);
  }
  if (s)
    s = writeFile(tmp / marker, "written by tfx-translate; this directory may be "
                                "replaced by the next run\n");
  if (!s)
    return cleanup(s);
  if (exists) {
    fs::rename(out, old, ec);
    if (ec)
      return cleanup(Status::error("cannot move the old library '" + out.string() +
                                   "' aside: " + ec.message()));
  }
  fs::rename(tmp, out, ec);
  if (ec) {
    std::error_code ignore;
    if (exists)
      fs::rename(old, out, ignore); // put the old library back
    return cleanup(Status::error("cannot move the library to '" + out.string() +
                                 "': " + ec.message()));
  }
  if (exists)
    fs::remove_all(old, ec);
  return Status::ok();
}

} // namespace tfx::target
