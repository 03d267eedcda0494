//===- Emit.cpp - a model's plans as a generated C++ library ---------------===//
//
// Layout of the output directory (NAME = the library name):
//
//   NAME.h              the C ABI (create / run / destroy / last_error), with
//                       every function's inputs and outputs documented
//   NAME.cpp            the library table: every function's execution plan
//                       (JSON), the kernels' entry points, the C ABI wrappers
//   runtime/            the tfx runtime's sources (tensors, the plan
//                       interpreter, the safetensors reader, the C ABI of
//                       tfx_runtime.h), copied from runtime/
//   NAME_weights.cpp    (--embed-weights) the weights file's bytes
//   kernels/kN.cpp|.a   one kernel per distinct KernelDesc (C backend source
//                       for --emit=cpp, Halide AOT objects otherwise)
//   halide_runtime.a    the one Halide runtime the kernels share
//   HalideRuntime.h,    Halide's runtime header and its header-only buffer
//   HalideBuffer.h
//   build.sh            compiles all of it into libNAME.a with $CXX (g++)
//
//===----------------------------------------------------------------------===//

#include "tfx/Target/Emit.h"

#include "RuntimeFiles.h"

#include "tfx/Dialect/Tfx/TfxOps.h"
#include "tfx/Exec/Plan.h"
#include "tfx/Lowering/Kernel.h"
#include "tfx/runtime/Interpreter.h"
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

const char *kHalideIncludeDir = "/usr/include/halide14";

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

const char *dtypeEnum(DType t) {
  switch (t) {
  case DType::F32: return "F32";
  case DType::Bool: return "BOOL";
  case DType::I64: return "I64";
  case DType::I32: return "I32";
  default: return nullptr;
  }
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
  // What the library checks when it loads the table (rank, the kernels'
  // element limit, indices), checked now so that it never fails there.
  TFX_RETURN_IF_ERROR(plan.validate());
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
  for (const char *header : {"HalideRuntime.h", "HalideBuffer.h"}) {
    std::error_code ec;
    fs::copy_file(fs::path(kHalideIncludeDir) / header, dir / header,
                  fs::copy_options::overwrite_existing, ec);
    if (ec)
      return Status::error(std::string("cannot copy ") + kHalideIncludeDir + "/" + header +
                           ": " + ec.message());
  }
  // The runtime the library table runs on, as source (no libHalide, no MLIR).
  for (const auto &[path, text] : runtimeFiles()) {
    fs::path to = dir / "runtime" / path;
    std::error_code ec;
    fs::create_directories(to.parent_path(), ec);
    if (ec)
      return Status::error("cannot create '" + to.parent_path().string() + "': " + ec.message());
    TFX_RETURN_IF_ERROR(writeFile(to, text));
  }
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
         << rt::dtypeName(p.inputs[i].dtype) << rt::formatPortShape(p.inputs[i].shape);
    os << ") -> (";
    for (size_t i = 0; i < p.outputs.size(); ++i)
      os << (i ? ", " : "") << commentText(p.outputs[i].name) << ": "
         << rt::dtypeName(p.outputs[i].dtype) << rt::formatPortShape(p.outputs[i].shape);
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

std::string Emitter::driver() const {
  std::ostringstream os;
  bool embedded = !options_.embedWeights.empty();
  os << "// Generated by tfx-translate; do not edit. See " << name_ << ".h.\n"
     << "//\n"
     << "// The library as a table for the tfx runtime (runtime/, copied here):\n"
     << "// its execution plans, its kernels and its weights. The runtime's plan\n"
     << "// interpreter runs it (runtime/lib/Library.cpp).\n"
     << "#include \"" << name_ << ".h\"\n"
     << "#include \"tfx/runtime/tfx_runtime.h\"\n"
     << "#include \"HalideRuntime.h\"\n\n"
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
  os << "}\n\nnamespace {\n\n";
  for (size_t i = 0; i < kernels_.size(); ++i) {
    const KernelInfo &k = kernels_[i];
    size_t n = k.desc.inputs.size() + std::max<size_t>(1, k.windows.size());
    os << "int k" << i << "(halide_buffer_t **b) { return " << k.function << "(";
    for (size_t j = 0; j < n; ++j)
      os << (j ? ", " : "") << "b[" << j << "]";
    os << "); }\n";
    if (!k.windows.empty()) {
      os << "const int64_t w" << i << "[] = {";
      for (size_t w = 0; w < k.windows.size(); ++w)
        os << (w ? ", " : "") << k.windows[w].first << ", " << k.windows[w].second;
      os << "};\n";
    }
  }
  os << "\nconst tfx_kernel_entry kernels[] = {\n";
  for (size_t i = 0; i < kernels_.size(); ++i) {
    const KernelInfo &k = kernels_[i];
    os << "    {\"" << k.function << "\", k" << i << ", " << k.desc.inputs.size() << ", "
       << k.windows.size() << ", " << (k.windows.empty() ? "nullptr" : "w" + std::to_string(i))
       << "},\n";
  }
  os << "};\n\n";
  // The plans, with kernel indices of this library's table.
  std::vector<rt::Plan> plans;
  std::vector<const rt::Plan *> ptrs;
  for (size_t p = 0; p < plans_.size(); ++p) {
    rt::Plan plan = plans_[p];
    for (PlanStep &st : plan.steps)
      if (st.kind == PlanStep::Kind::Kernel)
        st.kernel = kernelIds_[p][st.kernel];
    plan.numKernels = static_cast<int>(kernels_.size());
    plans.push_back(std::move(plan));
  }
  for (const rt::Plan &p : plans)
    ptrs.push_back(&p);
  std::string json = rt::plansToJson(ptrs);
  os << "const char plans[] =";
  for (size_t i = 0; i < json.size(); i += 4000)
    os << "\n    " << cxxString(json.substr(i, 4000));
  os << ";\n\n"
     << "const tfx_library library = {\n"
     << "    " << cxxString(name_) << ", plans, kernels, " << kernels_.size() << ", "
     << (device_ ? 1 : 0) << ",\n";
  if (embedded)
    os << "    " << name_ << "_weights_data, " << name_ << "_weights_size};\n\n";
  else
    os << "    nullptr, 0};\n\n";
  os << "} // namespace\n\n"
     << "extern \"C\" {\n\n"
     << name_ << "_model *" << name_ << "_create(const char *weights_path) {\n"
     << "  return reinterpret_cast<" << name_
     << "_model *>(tfx_model_create(&library, weights_path));\n}\n\n"
     << "int " << name_ << "_run(" << name_
     << "_model *m, const char *function, const tfx_tensor *inputs,\n"
     << "    int num_inputs, tfx_tensor *outputs, int num_outputs) {\n"
     << "  return tfx_model_run(reinterpret_cast<tfx_model *>(m), function, inputs,\n"
     << "                       num_inputs, outputs, num_outputs);\n}\n\n"
     << "void " << name_ << "_destroy(" << name_ << "_model *m) {\n"
     << "  tfx_model_destroy(reinterpret_cast<tfx_model *>(m));\n}\n\n"
     << "const char *" << name_ << "_last_error(void) { return tfx_last_error(); }\n\n"
     << "} // extern \"C\"\n";
  return os.str();
}

std::string buildScript(const std::string &name, bool embedded, EmitKind kind) {
  std::ostringstream os;
  os << "#!/bin/sh\n"
     << "# Generated by tfx-translate: builds lib" << name << ".a here with $CXX\n"
     << "# (default g++; $JOBS compilations at once, default all cores) and\n"
     << "# nothing else. Link it with -lpthread -ldl. The runtime needs\n"
     << "# nlohmann/json.hpp (Debian: nlohmann-json3-dev) on the include path.\n"
     << "set -e\ncd \"$(dirname \"$0\")\"\n"
     << "CXX=${CXX:-g++}\n"
     << "JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}\n"
     << "rm -rf build.tmp && mkdir build.tmp\n"
     << ": > build.tmp/commands\n"
     << "for f in runtime/lib/*.cpp; do\n"
     << "  echo \"$CXX -O2 -std=c++17 -fPIC -Iruntime/include -I. -c $f -o "
        "build.tmp/tfxrt_$(basename $f .cpp).o\" >> build.tmp/commands\n"
     << "done\n"
     << "echo \"$CXX -O2 -std=c++17 -fPIC -Iruntime/include -I. -c " << name
     << ".cpp -o build.tmp/" << name << ".o\" >> build.tmp/commands\n";
  if (embedded)
    os << "echo \"$CXX -O1 -fPIC -c " << name << "_weights.cpp -o build.tmp/" << name
       << "_weights.o\" >> build.tmp/commands\n";
  if (kind == EmitKind::Cpp)
    os << "for f in kernels/*.cpp; do\n"
       << "  echo \"$CXX -O2 -std=c++17 -fPIC -Wno-psabi -c $f -o "
          "build.tmp/$(basename $f .cpp).o\" >> build.tmp/commands\n"
       << "done\n";
  else
    os << "(cd build.tmp && for a in ../kernels/*.a; do ar x \"$a\"; done)\n";
  os << "xargs -P \"$JOBS\" -I CMD sh -c CMD < build.tmp/commands\n"
     << "(cd build.tmp && ar x ../halide_runtime.a)\n"
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
  if (name == "plan")
    return EmitKind::Plan;
  return Status::error("unknown --emit kind '" + name +
                       "' (expected cpp, static-library, cuda, opencl or plan)");
}

namespace {

std::vector<std::string> functionsOf(mlir::ModuleOp module, std::vector<std::string> wanted) {
  if (wanted.empty())
    for (auto f : module.getOps<mlir::func::FuncOp>())
      wanted.push_back(f.getName().str());
  return wanted;
}

} // namespace

StatusOr<std::string> printPlans(mlir::ModuleOp module,
                                 const std::vector<std::string> &functions) {
  std::string out;
  for (const std::string &f : functionsOf(module, functions)) {
    StatusOr<Plan> plan = exec::planFunction(module, f);
    if (!plan)
      return plan.status().withContext("function '" + f + "'");
    out += exec::printPlan(*plan);
  }
  return out;
}

Status emitLibrary(mlir::ModuleOp module, const EmitOptions &options) {
  if (options.kind == EmitKind::Plan)
    return Status::error("--emit=plan writes no library (use printPlans)");
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

  std::vector<std::string> functions = functionsOf(module, options.functions);
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
