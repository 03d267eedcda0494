//===- tfx-run.cpp - run a tfx model on the CPU through Halide kernels ----===//
//
//   tfx-run MODEL.mlir --weights W.safetensors --inputs IN.safetensors
//           --outputs OUT.safetensors [--entry NAME] [--threads N] [--bench N]
//           [--schedule manual|adams2019|mullapudi2016]
//   tfx-run MODEL.mlir --greedy --weights W --inputs IN --outputs OUT
//
// Inputs and outputs are matched by the `tfx.name` of the entry function's
// arguments and results. Every error is reported with a message and a
// non-zero exit; the output file is written atomically, only on success.
//
//===----------------------------------------------------------------------===//

#include "tfx/Exec/Executor.h"
#include "tfx/Exec/Model.h"
#include "tfx/Support/CommandLine.h"
#include "tfx/Support/Paths.h"
#include "tfx/runtime/Safetensors.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>

namespace cl = llvm::cl;
using tfx::rt::Status;
using tfx::rt::Tensor;

namespace {
/// Options are built in main(), after dropping same-named options that the
/// LLVM inside libHalide registers (it owns a global "-threads").
struct Options {
  cl::OptionCategory category{"tfx-run options"};
  cl::opt<std::string> modelPath{cl::Positional, cl::Required,
                                        cl::desc("<model.mlir>"), cl::cat(category)};
  cl::opt<std::string> weightsPath{"weights", cl::Required,
                                          cl::desc("Weights (safetensors)"),
                                          cl::value_desc("file"), cl::cat(category)};
  cl::opt<std::string> inputsPath{"inputs", cl::Required,
                                         cl::desc("Inputs by argument name (safetensors)"),
                                         cl::value_desc("file"), cl::cat(category)};
  cl::opt<std::string> outputsPath{"outputs",
                                          cl::desc("Where to write the results (safetensors)"),
                                          cl::value_desc("file"), cl::cat(category)};
  cl::opt<std::string> entry{"entry", cl::init("main"),
                                    cl::desc("Function to run (default: main)"), cl::cat(category)};
  cl::opt<int> threads{"threads", cl::init(0),
                              cl::desc("Worker threads (default: all cores)"), cl::cat(category)};
  cl::opt<int> bench{"bench", cl::init(0),
                            cl::desc("Run N more times and print min/median/max latency"), cl::cat(category)};
  cl::opt<std::string> schedule{"schedule", cl::init("manual"),
                                       cl::desc("Schedules: manual | adams2019 | mullapudi2016"), cl::cat(category)};
  cl::opt<bool> greedy{"greedy",
                              cl::desc("Greedy decoding: run `encode` once, then `decode` step "
                                       "by step; writes the token ids as \"tokens\""), cl::cat(category)};
  cl::opt<int64_t> bosId{"bos", cl::init(1), cl::desc("Begin-of-sentence id (greedy)"), cl::cat(category)};
  cl::opt<int64_t> eosId{"eos", cl::init(2), cl::desc("End-of-sentence id (greedy)"), cl::cat(category)};
  cl::opt<int64_t> padId{"pad", cl::init(0), cl::desc("Padding id (greedy)"), cl::cat(category)};
  cl::opt<std::string> cacheDir{"cache-dir",
                                cl::desc("Kernel cache directory (default: $TFX_CACHE_DIR, "
                                         "else ~/.cache/tfx/kernels)"),
                                cl::value_desc("dir"), cl::cat(category)};
  cl::opt<bool> noCache{"no-cache", cl::desc("Compile kernels in memory; do not use the disk cache"),
                        cl::cat(category)};
  cl::opt<bool> verbose{"v", cl::desc("Print kernel and buffer statistics"), cl::cat(category)};

};
Options *opt = nullptr;
} // namespace

static int fail(const std::string &message) {
  llvm::WithColor::error(llvm::errs(), "tfx-run") << message << "\n";
  return 1;
}

static tfx::rt::StatusOr<tfx::exec::TensorMap> readTensors(const std::string &path) {
  auto file = tfx::rt::readSafetensors(path);
  if (!file)
    return file.status();
  return std::move(file->tensors);
}

/// Greedy decoding with the teacher-forcing `decode`: position t+1 gets the
/// argmax of the logits at t; finished sentences (EOS seen) get padding.
static Status runGreedy(tfx::exec::Executor &exec, const tfx::exec::TensorMap &in,
                        tfx::exec::TensorMap &out) {
  auto encode = exec.program("encode");
  if (!encode)
    return encode.status().withContext("--greedy needs an `encode` function");
  auto decode = exec.program("decode");
  if (!decode)
    return decode.status().withContext("--greedy needs a `decode` function");
  auto src = in.find("src_ids");
  if (src == in.end())
    return Status::error("--greedy needs an input named 'src_ids'");
  tfx::exec::TensorMap encoded;
  TFX_RETURN_IF_ERROR((*encode)->run(in, encoded));
  const Tensor &srcIds = src->second;
  if (srcIds.rank() != 2 || srcIds.dtype() != tfx::rt::DType::I64)
    return Status::error("'src_ids' must be I64 [batch, length]");
  int64_t B = srcIds.dim(0), L = srcIds.dim(1);
  Tensor tgt(tfx::rt::DType::I64, {B, L});
  int64_t *ids = tgt.dataAs<int64_t>();
  std::vector<bool> done(B, false);
  // Every position starts as padding, so that the rows are padded after
  // their end-of-sentence also when all finish early and the loop stops.
  std::fill(ids, ids + B * L, opt->padId.getValue());
  for (int64_t b = 0; b < B; ++b)
    ids[b * L] = opt->bosId;
  tfx::exec::TensorMap decodeIn = {{"memory", encoded.begin()->second},
                                   {"src_ids", srcIds}};
  for (int64_t t = 0; t + 1 < L; ++t) {
    decodeIn["tgt_ids"] = tgt;
    tfx::exec::TensorMap logits;
    TFX_RETURN_IF_ERROR((*decode)->run(decodeIn, logits));
    const Tensor &lg = logits.begin()->second;
    int64_t V = lg.dim(2);
    const float *p = lg.dataAs<float>();
    for (int64_t b = 0; b < B; ++b) {
      const float *row = p + (b * L + t) * V;
      int64_t best = std::max_element(row, row + V) - row;
      ids[b * L + t + 1] = done[b] ? opt->padId.getValue() : best;
      if (best == opt->eosId)
        done[b] = true;
    }
    if (std::all_of(done.begin(), done.end(), [](bool d) { return d; }))
      break;
  }
  out["tokens"] = tgt;
  return Status::ok();
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  for (const char *taken : {"threads"})
    if (cl::Option *o = cl::getRegisteredOptions().lookup(taken))
      o->removeArgument();
  Options options;
  opt = &options;
  cl::HideUnrelatedOptions(options.category);
  if (!tfx::parseCommandLine(argc, argv, "tfx-run: run a tfx model through Halide kernels\n", "tfx-run"))
    return 1;
  if (opt->threads < 0)
    return fail("--threads must be >= 0");
  if (opt->bench < 0)
    return fail("--bench must be >= 0");
  if (opt->outputsPath.getNumOccurrences() && opt->outputsPath.empty())
    return fail("--outputs is empty (give a file, or leave the option out)");
  std::string clash = tfx::pathClash({{"model", opt->modelPath},
                                      {"--weights", opt->weightsPath},
                                      {"--inputs", opt->inputsPath}},
                                     {{"--outputs", opt->outputsPath}});
  if (!clash.empty())
    return fail(clash);
  if (!opt->noCache && !opt->cacheDir.empty() && llvm::sys::fs::exists(opt->cacheDir) &&
      !llvm::sys::fs::is_directory(opt->cacheDir))
    return fail("--cache-dir '" + opt->cacheDir + "' exists and is not a directory");
  auto inputs = readTensors(opt->inputsPath);
  if (!inputs)
    return fail(inputs.status().message());

  tfx::ModelOptions modelOptions;
  modelOptions.threads = opt->threads;
  modelOptions.schedule = opt->schedule;
  modelOptions.cacheDir = opt->noCache ? "none" : opt->cacheDir.getValue();
  // Autoschedulers tune for a batch; use the batch of the given inputs.
  for (auto &[name, tensor] : *inputs)
    if (tensor.rank() > 0) {
      modelOptions.estimateBatch = std::max<int64_t>(1, tensor.dim(0));
      break;
    }
  auto model = tfx::Model::load(opt->modelPath, opt->weightsPath, modelOptions);
  if (!model)
    return fail(model.status().message());
  tfx::exec::Executor &exec = (*model)->executor();
  tfx::exec::TensorMap outputs;
  auto start = std::chrono::steady_clock::now();
  Status status = Status::ok();
  tfx::exec::Program *program = nullptr;
  if (opt->greedy) {
    status = runGreedy(exec, *inputs, outputs);
  } else {
    auto p = exec.program(opt->entry);
    if (!p)
      return fail(p.status().message());
    program = *p;
    status = program->run(*inputs, outputs);
  }
  if (!status)
    return fail(status.message());
  double firstSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (opt->verbose) {
    llvm::errs() << "tfx-run: first run " << llvm::format("%.3f", firstSeconds)
                 << " s (" << exec.kernels().size() << " kernels compiled in "
                 << llvm::format("%.3f", exec.kernels().compileSeconds()) << " s, "
                 << exec.kernels().diskHits() << " from the disk cache)\n";
    if (program) {
      const auto &stats = program->lastRunStats();
      llvm::errs() << "tfx-run: " << stats.kernelLaunches << " kernel launches, "
                   << stats.buffersAllocated << " buffers allocated, "
                   << stats.buffersReused << " reused, peak "
                   << stats.peakBytes << " bytes of intermediates\n";
    }
  }

  if (opt->bench > 0) {
    std::vector<double> ms;
    for (int i = 0; i < opt->bench; ++i) {
      tfx::exec::TensorMap scratch;
      auto t0 = std::chrono::steady_clock::now();
      Status s = opt->greedy ? runGreedy(exec, *inputs, scratch) : program->run(*inputs, scratch);
      if (!s)
        return fail(s.message());
      ms.push_back(std::chrono::duration<double, std::milli>(
                       std::chrono::steady_clock::now() - t0)
                       .count());
    }
    std::sort(ms.begin(), ms.end());
    llvm::outs() << llvm::format("latency over %d runs: min %.3f ms, median %.3f ms, max %.3f ms\n",
                                 opt->bench.getValue(), ms.front(), ms[ms.size() / 2], ms.back());
  }

  if (!opt->outputsPath.empty()) {
    std::vector<std::pair<std::string, Tensor>> named(outputs.begin(), outputs.end());
    Status s = tfx::rt::writeSafetensors(opt->outputsPath, named);
    if (!s)
      return fail(s.message());
  }
  return 0;
}
