//===- TfxDialect.cpp - tfx dialect registration and module checks --------===//

#include "tfx/Dialect/Tfx/TfxOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringMap.h"

using namespace mlir;
using namespace tfx;

#include "tfx/Dialect/Tfx/TfxDialect.cpp.inc"

void TfxDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "tfx/Dialect/Tfx/TfxOps.cpp.inc"
      >();
}

Operation *TfxDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                           Type type, Location loc) {
  auto elements = llvm::dyn_cast<ElementsAttr>(value);
  if (!elements || elements.getType() != type)
    return nullptr;
  return builder.create<ConstantOp>(loc, type, elements);
}

/// `tfx.model` on a module: every parameter name must have one type across the
/// whole module, since a weights file holds exactly one tensor per name.
static LogicalResult verifyModelParams(ModuleOp module) {
  // Runs before the ops' own verifiers: a malformed tfx.param (no name, no
  // single result) is skipped here and reported by its verifier.
  llvm::StringMap<ParamOp> first;
  WalkResult result = module.walk([&](ParamOp param) {
    auto name = param->getAttrOfType<StringAttr>(param.getNameAttrName());
    if (!name || param->getNumResults() != 1 ||
        !llvm::isa<RankedTensorType>(param->getResult(0).getType()))
      return WalkResult::advance();
    auto [it, inserted] = first.try_emplace(name.getValue(), param);
    if (inserted || it->second.getType() == param.getType())
      return WalkResult::advance();
    InFlightDiagnostic diag = param.emitOpError()
                              << "parameter '" << param.getName()
                              << "' is declared as " << param.getType()
                              << " here but as " << it->second.getType()
                              << " elsewhere";
    diag.attachNote(it->second.getLoc()) << "first declared here";
    return WalkResult::interrupt();
  });
  return failure(result.wasInterrupted());
}

LogicalResult TfxDialect::verifyOperationAttribute(Operation *op,
                                                   NamedAttribute attr) {
  if (attr.getName() == kModelAttrName) {
    auto module = llvm::dyn_cast<ModuleOp>(op);
    if (!module)
      return op->emitError() << "'" << kModelAttrName
                             << "' may only be set on a builtin.module";
    if (!llvm::isa<StringAttr>(attr.getValue()))
      return op->emitError() << "'" << kModelAttrName
                             << "' must be a string (the model's name)";
    return verifyModelParams(module);
  }
  return op->emitError() << "unknown tfx attribute '" << attr.getName().getValue()
                         << "'";
}
