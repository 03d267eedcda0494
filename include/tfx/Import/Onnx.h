//===- Onnx.h - ONNX graphs into the tfx dialect ------------------*- C++ -*-===//
//
// Reads ONNX models (opsets 13-17) with ONNX's own C++ library and writes
// them as tfx IR: one func.func per graph, parameters as `tfx.param` bound by
// name to the returned tensors (the IR never holds weights). Shape
// computations (Shape, Gather, Concat, Range, ...) are evaluated at import
// time with the batch size as the only symbol, so every dimension but the
// batch is static in the result. See docs/import.md.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_IMPORT_ONNX_H
#define TFX_IMPORT_ONNX_H

#include "tfx/runtime/Tensor.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <utility>
#include <vector>

namespace tfx {

/// One ONNX file and the function it becomes.
struct OnnxSource {
  std::string path;
  std::string functionName;
};

struct OnnxImport {
  mlir::OwningOpRef<mlir::ModuleOp> module;
  /// Every tensor a `tfx.param` of the module names, in first-use order.
  std::vector<std::pair<std::string, rt::Tensor>> weights;
};

/// Imports `sources` into one module named `modelName` (`tfx.model`).
/// Errors name the file, the node (name, op type, opset, inputs) and why.
llvm::Expected<OnnxImport> importOnnx(mlir::MLIRContext &context,
                                      const std::vector<OnnxSource> &sources,
                                      const std::string &modelName);

} // namespace tfx

#endif // TFX_IMPORT_ONNX_H
