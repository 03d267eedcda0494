//===- Emitter.cpp - a model's plans and kernels as the library's table ---===//
//
// The Emitter collects the functions' plans, gives every distinct kernel one
// entry in the library's kernel table, compiles the kernels (C++ source or
// Halide AOT objects) and copies the runtime's sources and Halide's headers
// beside them, and renders the library's C header (NAME.h) and table
// (NAME.cpp). Emit.cpp drives it.
//
//===----------------------------------------------------------------------===//

#include "EmitInternal.h"

#include "RuntimeFiles.h"

#include "tfx/runtime/Interpreter.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <sstream>

namespace tfx::target::detail {

using plan::PlanPort;
using plan::PlanStep;
using rt::DType;

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

} // namespace

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
          lowering::kernelOutputWindows(d, target_);
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
      return Status::error(k.firstUse + ": cannot compile kernel '" + k.desc.kind() +
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
     << " * Target: " << target_ << "\n";
  if (api_ != lowering::GpuApi::None) {
    rt::StatusOr<lowering::GpuGemmVariant> gemm = lowering::gpuGemmVariant();
    os << " * GPU GEMM schedule: "
       << (gemm ? lowering::gpuGemmVariantName(*gemm) : "invalid")
       << " (TFX_GPU_GEMM when the library was made)\n";
  }
  os << " * Functions (? = the batch, any size):\n";
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
     << "#ifndef TFX_RUN_STATS_DEFINED\n#define TFX_RUN_STATS_DEFINED\n"
     << "/* What a run did; the device counters are 0 for CPU kernels. */\n"
     << "typedef struct tfx_run_stats {\n"
     << "  uint64_t kernel_launches;\n"
     << "  uint64_t uploads, upload_bytes;     /* host to device, by the runtime */\n"
     << "  uint64_t downloads, download_bytes; /* device to host, by the runtime */\n"
     << "  uint64_t implicit_copies;  /* GPU kernel steps that moved data themselves */\n"
     << "  uint64_t device_buffers_allocated;\n"
     << "  uint64_t device_peak_bytes;\n"
     << "} tfx_run_stats;\n#endif\n\n"
     << "/* The counters of the last run of `function`; NULL: of " << name_ << "_create\n"
     << " * (the weights it put on the GPU). Returns 0, or -1. */\n"
     << "int " << name_ << "_last_stats(" << name_ << "_model *model, const char *function,\n"
     << "    tfx_run_stats *stats);\n\n"
     << "/* The last error of this thread, or \"\". */\n"
     << "const char *" << name_ << "_last_error(void);\n\n"
     << "#ifdef __cplusplus\n}\n#endif\n\n#endif\n";
  return os.str();
}

const char *Emitter::deviceInterfaceFn() const {
  switch (api_) {
  case lowering::GpuApi::Cuda: return "halide_cuda_device_interface";
  case lowering::GpuApi::OpenCL: return "halide_opencl_device_interface";
  default: return nullptr;
  }
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
    os << "); // " << k.desc.kind() << "\n";
  }
  if (const char *fn = deviceInterfaceFn())
    os << "const struct halide_device_interface_t *" << fn << "();\n";
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
     << (deviceInterfaceFn() ? deviceInterfaceFn() : "nullptr") << ",\n";
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
     << "int " << name_ << "_last_stats(" << name_
     << "_model *m, const char *function, tfx_run_stats *stats) {\n"
     << "  return tfx_model_stats(reinterpret_cast<tfx_model *>(m), function, stats);\n}\n\n"
     << "const char *" << name_ << "_last_error(void) { return tfx_last_error(); }\n\n"
     << "} // extern \"C\"\n";
  return os.str();
}

} // namespace tfx::target::detail
