//===- ParseModule.h - parsing tfx IR files safely --------------*- C++ -*-===//
//
// Every tool that reads a .mlir file goes through parseModuleFile. It works
// around an upstream MLIR 19 bug: after some parse errors (a use of a value
// that a later, failing function defines) the parser's own cleanup of the
// partial module writes to freed memory and can abort the process
// (docs/robustness.md has the reproducer). The file is therefore parsed
// first in a forked child process, which stops at the first error; only a
// file that parses is parsed again in the caller's context.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_SUPPORT_PARSEMODULE_H
#define TFX_SUPPORT_PARSEMODULE_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <optional>
#include <string>

namespace llvm {
class MemoryBuffer;
} // namespace llvm

namespace mlir {
class DialectRegistry;
class MLIRContext;
} // namespace mlir

namespace tfx {

/// Parses `buffer` in a child process with the dialects of `registry` and
/// returns its first parse error, printed as MLIR prints it (file:line:col,
/// the source line and a caret), or nullopt when it parses. Verification is
/// not done. When the check cannot run (fork fails, or the child dies
/// without reporting an error) it returns nullopt, so the caller parses as
/// usual and any crash shows where it really happens.
std::optional<std::string> firstParseError(const llvm::MemoryBuffer &buffer,
                                           const mlir::DialectRegistry &registry,
                                           bool allowUnregisteredDialects = false);

/// Reads and parses the module in `path` into `context` (verifying it).
/// On failure returns null and sets `diagnostics` to what went wrong: the
/// file could not be read, or the printed parse / verifier errors.
mlir::OwningOpRef<mlir::ModuleOp> parseModuleFile(const std::string &path,
                                                  mlir::MLIRContext &context,
                                                  std::string &diagnostics);

} // namespace tfx

#endif // TFX_SUPPORT_PARSEMODULE_H
