//===- tfx-distill.cpp - distil attention sites into shallow MLPs ---------===//
//
//   tfx-distill TEACHER.mlir --weights W.safetensors --calibration C.safetensors
//       --replace "mode=alr sites=enc-sa size=s" --out-weights MLP.safetensors
//       --out-model REPLACED.mlir [--out-merged-weights ALL.safetensors]
//       [--epochs 21] [--batch-size 2000] [--lr X] [--seed 1] [--holdout 0.1]
//       [--checkpoint-dir DIR] [--threads N]
//
// See docs/distillation.md.
//
//===----------------------------------------------------------------------===//

#include "tfx/Distill/Distill.h"
#include "tfx/Support/CommandLine.h"
#include "tfx/Support/Paths.h"
#include "tfx/runtime/Safetensors.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstdio>
#include <iostream>

namespace cl = llvm::cl;

namespace {
struct Options {
  cl::OptionCategory category{"tfx-distill options"};
  cl::opt<std::string> teacher{cl::Positional, cl::Required, cl::desc("<teacher.mlir>"),
                               cl::cat(category)};
  cl::opt<std::string> weights{"weights", cl::Required, cl::desc("Teacher weights (safetensors)"),
                               cl::value_desc("file"), cl::cat(category)};
  cl::opt<std::string> calibration{
      "calibration", cl::Required,
      cl::desc("Calibration sentences: src_ids (and tgt_ids for decoder sites), "
               "I64 [sentences, length], padded with 0"),
      cl::value_desc("file"), cl::cat(category)};
  cl::opt<std::string> replace{"replace", cl::init("mode=alr"),
                               cl::desc("replace-attention options, e.g. "
                                        "\"mode=alr sites=enc-sa size=s\""),
                               cl::cat(category)};
  cl::opt<std::string> outWeights{"out-weights", cl::Required,
                                  cl::desc("Distilled MLP weights (safetensors)"),
                                  cl::value_desc("file"), cl::cat(category)};
  cl::opt<std::string> outModel{"out-model", cl::Required,
                                cl::desc("The replaced model (.mlir)"),
                                cl::value_desc("file"), cl::cat(category)};
  cl::opt<std::string> outMerged{"out-merged-weights",
                                 cl::desc("All weights the replaced model needs"),
                                 cl::value_desc("file"), cl::cat(category)};
  cl::opt<int64_t> epochs{"epochs", cl::init(21), cl::desc("Epochs per site"),
                          cl::cat(category)};
  cl::opt<int64_t> batchSize{"batch-size", cl::init(2000),
                             cl::desc("Sentences per batch"), cl::cat(category)};
  cl::opt<double> lr{"lr", cl::init(0.0),
                     cl::desc("Learning rate (default: 1e-4 for alr, 1e-3 otherwise)"),
                     cl::cat(category)};
  cl::opt<uint64_t> seed{"seed", cl::init(1), cl::desc("Random seed"), cl::cat(category)};
  cl::opt<double> holdout{"holdout", cl::init(0.1),
                          cl::desc("Held-out fraction of the calibration sentences"),
                          cl::cat(category)};
  cl::opt<std::string> checkpointDir{
      "checkpoint-dir", cl::desc("Checkpoint after every epoch; rerun to resume"),
      cl::value_desc("dir"), cl::cat(category)};
  cl::opt<int> threads{"threads", cl::init(0), cl::desc("Worker threads (0 = all cores)"),
                       cl::cat(category)};
  cl::opt<int64_t> stopAfter{"stop-after-epochs", cl::init(0),
                             cl::desc("Stop after N epochs in this run (tests resumption)"),
                             cl::cat(category), cl::Hidden};
};

int fail(const std::string &message) {
  llvm::WithColor::error(llvm::errs(), "tfx-distill") << message << "\n";
  return 1;
}
} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  for (const char *taken : {"threads"})
    if (cl::Option *o = cl::getRegisteredOptions().lookup(taken))
      o->removeArgument();
  Options opt;
  cl::HideUnrelatedOptions(opt.category);
  if (!tfx::parseCommandLine(argc, argv,
                              "tfx-distill: train attention-replacing MLPs from a "
                              "teacher's own activations\n", "tfx-distill"))
    return 1;
  if (opt.threads < 0)
    return fail("--threads must be >= 0");
  // Numbers: NaN compares false with everything, so check finiteness first.
  if (opt.lr.getNumOccurrences() && (!std::isfinite(opt.lr) || opt.lr <= 0 || opt.lr > 1))
    return fail("--lr must be a finite learning rate in (0, 1], got " +
                std::to_string(opt.lr.getValue()));
  if (!std::isfinite(opt.holdout) || opt.holdout < 0 || opt.holdout >= 1)
    return fail("--holdout must be a fraction in [0, 1), got " +
                std::to_string(opt.holdout.getValue()));
  std::string clash = tfx::pathClash({{"teacher", opt.teacher},
                                      {"--weights", opt.weights},
                                      {"--calibration", opt.calibration}},
                                     {{"--out-weights", opt.outWeights},
                                      {"--out-model", opt.outModel},
                                      {"--out-merged-weights", opt.outMerged}});
  if (!clash.empty())
    return fail(clash);
  tfx::lowering::setKernelThreads(opt.threads);

  auto weights = tfx::rt::readSafetensors(opt.weights);
  if (!weights)
    return fail(weights.status().message());
  auto calibration = tfx::rt::readSafetensors(opt.calibration);
  if (!calibration)
    return fail(calibration.status().message());

  tfx::distill::DistillOptions options;
  options.replace = opt.replace;
  options.epochs = opt.epochs;
  options.batchSize = opt.batchSize;
  options.learningRate = opt.lr;
  options.seed = opt.seed;
  options.holdout = opt.holdout;
  options.checkpointDir = opt.checkpointDir;
  options.stopAfterEpochs = opt.stopAfter;
  options.kernels.cacheDir = tfx::lowering::defaultKernelCacheDir();

  auto report = tfx::distill::distill(opt.teacher, weights->tensors, calibration->tensors,
                                      options, opt.outWeights, opt.outModel, opt.outMerged,
                                      std::cerr);
  if (!report)
    return fail(report.status().message());
  if (!report->complete) {
    llvm::errs() << "tfx-distill: stopped after " << opt.stopAfter
                 << " epoch(s) as asked; rerun with the same --checkpoint-dir to resume\n";
    return 0;
  }
  llvm::outs() << "site                                          hidden  held-out MSE  "
                  "baseline MSE  relative\n";
  for (const auto &s : report->sites)
    llvm::outs() << llvm::format("%-45s %6lld  %12.6g  %12.6g  %8.4f%s\n",
                                 s.prefix.c_str(), static_cast<long long>(s.hidden),
                                 s.heldOutLoss, s.baselineLoss, s.relativeMse(),
                                 s.resumed ? "  (from checkpoint)" : "");
  for (const auto &[name, dev] : report->deviation)
    llvm::outs() << llvm::format("end-to-end deviation of %-20s ||replaced - teacher|| / "
                                 "||teacher|| = %.4f\n",
                                 name.c_str(), dev);
  for (const auto &[name, ms] : report->latency)
    llvm::outs() << llvm::format("latency of %-10s teacher %.2f ms, replaced %.2f ms "
                                 "(%.2fx)\n",
                                 name.c_str(), ms.first, ms.second,
                                 ms.second > 0 ? ms.first / ms.second : 0.0);
  return 0;
}
