//===- Model.cpp - the embedding API --------------------------------------===//

#include "tfx/Exec/Model.h"

#include "tfx/Dialect/Tfx/TfxOps.h"
#include "tfx/InitTfx.h"
#include "tfx/Support/ParseModule.h"
#include "tfx/runtime/Safetensors.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

namespace tfx {

struct Model::Impl {
  mlir::MLIRContext context;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  std::unique_ptr<exec::Executor> executor;

  explicit Impl(mlir::DialectRegistry &registry) : context(registry) {}
};

Model::Model() = default;
Model::~Model() = default;

rt::StatusOr<std::unique_ptr<Model>> Model::load(const std::string &modelPath,
                                                 const std::string &weightsPath,
                                                 const ModelOptions &options) {
  auto schedule = lowering::parseScheduleSource(options.schedule);
  if (!schedule)
    return schedule.status();
  if (options.threads < 0)
    return rt::Status::error("threads must be >= 0");
  lowering::setKernelThreads(options.threads);

  mlir::DialectRegistry registry;
  registerTfxDialects(registry);
  std::unique_ptr<Model> model(new Model);
  model->impl_ = std::make_unique<Impl>(registry);
  mlir::MLIRContext &context = model->impl_->context;

  // Parse errors (with file:line:col) become the returned status.
  std::string diagnostics;
  model->impl_->module = parseModuleFile(modelPath, context, diagnostics);
  if (!model->impl_->module)
    return rt::Status::error("cannot load model '" + modelPath + "'" +
                             (diagnostics.empty() ? "" : ":\n" + diagnostics));

  auto weights = rt::readSafetensors(weightsPath);
  if (!weights)
    return weights.status();

  if (!options.target.empty() && !lowering::isValidTarget(options.target))
    return rt::Status::error("invalid Halide target '" + options.target + "'");
  exec::ExecOptions execOptions;
  execOptions.kernels.target = options.target;
  execOptions.kernels.schedule = *schedule;
  execOptions.kernels.estimateBatch = options.estimateBatch;
  if (options.cacheDir != "none")
    execOptions.kernels.cacheDir = options.cacheDir.empty()
                                       ? lowering::defaultKernelCacheDir()
                                       : options.cacheDir;
  model->impl_->executor = std::make_unique<exec::Executor>(
      *model->impl_->module, std::move(weights->tensors), execOptions);
  return model;
}

rt::StatusOr<exec::TensorMap> Model::run(const std::string &entry,
                                         const exec::TensorMap &inputs) {
  auto program = impl_->executor->program(entry);
  if (!program)
    return program.status();
  exec::TensorMap outputs;
  TFX_RETURN_IF_ERROR((*program)->run(inputs, outputs));
  return outputs;
}

std::vector<std::string> Model::entries() const {
  std::vector<std::string> names;
  for (auto fn : impl_->module->getOps<mlir::func::FuncOp>())
    names.push_back(fn.getName().str());
  return names;
}

exec::Executor &Model::executor() { return *impl_->executor; }

} // namespace tfx
