//===- Emit.h - tfx-translate: a model as a library apps compile in -*- C++ -*-===//
//
// The ahead-of-time consumer of the execution plan (include/tfx/Plan/Plan.h):
// a model becomes a library: its functions' plans as a table, ahead-of-time
// Halide kernels, and the tfx runtime's sources that interpret the table
// behind a small C ABI (tfx_runtime.h). No MLIR, LLVM or libHalide at run
// time.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_TARGET_EMIT_H
#define TFX_TARGET_EMIT_H

#include "tfx/runtime/Status.h"

#include <string>
#include <vector>

namespace mlir {
class ModuleOp;
} // namespace mlir

namespace tfx::target {

enum class EmitKind {
  Cpp,           ///< kernels as C++ from Halide's C backend; builds with g++ alone
  StaticLibrary, ///< kernels as Halide AOT objects for `target`
  Cuda,          ///< GPU schedules, Halide CUDA target (PTX embedded)
  OpenCL,        ///< GPU schedules, Halide OpenCL target
  Plan,          ///< no library: the execution plans as text (printPlans)
};

/// Parses "cpp" | "static-library" | "cuda" | "opencl" | "plan".
rt::StatusOr<EmitKind> parseEmitKind(const std::string &name);

struct EmitOptions {
  EmitKind kind = EmitKind::Cpp;
  /// Halide target; empty = the kind's default (host; host-cuda with
  /// cuda_capability_80; host-opencl).
  std::string target;
  /// Output directory; written atomically (built beside it, then renamed).
  std::string outDir;
  /// Library name: prefix of the C ABI and of the files; default: the
  /// module's `tfx.model` name.
  std::string name;
  /// Functions to emit; default: every function of the module.
  std::vector<std::string> functions;
  /// Safetensors file whose bytes are compiled into the library, so
  /// `<name>_create(NULL)` needs no file at run time.
  std::string embedWeights;
};

/// Writes the library. Errors name the op and the target that cannot be
/// handled; nothing is left at `outDir` on failure.
rt::Status emitLibrary(mlir::ModuleOp module, const EmitOptions &options);

/// The execution plans of `functions` (default: all) as text
/// (exec::printPlan): what `--emit=plan` prints, CPU schedules as on
/// `target` (a Halide target string; "" = this machine).
rt::StatusOr<std::string> printPlans(mlir::ModuleOp module,
                                     const std::vector<std::string> &functions,
                                     const std::string &target);

} // namespace tfx::target

#endif // TFX_TARGET_EMIT_H
