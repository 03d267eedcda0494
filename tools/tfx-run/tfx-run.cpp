//===- tfx-run.cpp - run a tfx model through Halide kernels ----------------===//
//
//   tfx-run MODEL.mlir --weights W.safetensors --inputs IN.safetensors
//           --outputs OUT.safetensors [--entry NAME] [--threads N] [--bench N]
//           [--schedule manual|adams2019|mullapudi2016] [--stats-json FILE|-]
//           [--target host-cuda|host-opencl|...]
//   tfx-run MODEL.mlir --greedy --weights W --inputs IN --outputs OUT
//
// Inputs and outputs are matched by the `tfx.name` of the entry function's
// arguments and results. Every error is reported with a message and a
// non-zero exit; the output file is written atomically, only on success.
// --stats-json writes the run's statistics as JSON (schema in kOverview, the
// --help text, and in docs/running.md), also atomically and only on success.
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
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>

namespace cl = llvm::cl;
using tfx::rt::Status;
using tfx::rt::Tensor;
using Json = nlohmann::ordered_json;

/// The --help overview, with the --stats-json schema (docs/running.md has it
/// too). Bump "version" when a key changes meaning or goes away.
static const char kOverview[] = R"(tfx-run: run a tfx model through Halide kernels

--stats-json=FILE ('-': stdout, and the `latency over` line goes to stderr)
writes one JSON object after a successful run (version 1):
  tool "tfx-run", version 1, model (path as given), entry (the function run;
  null with --greedy), greedy (bool), schedule, threads (--threads; 0 = all
  cores), target (the kernels' Halide target; "host" for the CPU),
  cache_dir (kernel cache directory; null with --no-cache),
  first_run_s (seconds: the first run, which compiles or loads the kernels),
  kernels: {count, compile_s (seconds compiling), disk_hits (loaded from the
    disk cache)} after the first run,
  device_load: {uploads, upload_bytes}: the weights put on the GPU (0 on
    the CPU),
  functions: {NAME: {kernel_launches, buffers_allocated, buffers_reused,
    peak_intermediate_bytes, device: {uploads, upload_bytes, downloads,
    download_bytes, implicit_copies, buffers_allocated, peak_bytes}}} of the
    first run (--greedy: encode and decode, decode's last step; device
    counters are 0 on the CPU),
  bench: {runs, samples_ms (each run, in run order), min_ms, median_ms
    (the sorted samples' element runs/2, as printed), max_ms}; null without
    --bench.
)";

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
  cl::opt<std::string> target{"target",
                              cl::desc("Halide target of the kernels (default: the host CPU); "
                                       "host-cuda or host-opencl run them on the GPU with "
                                       "weights and intermediates kept on the device"),
                              cl::value_desc("target"), cl::cat(category)};
  cl::opt<bool> verbose{"v", cl::desc("Print kernel and buffer statistics"), cl::cat(category)};
  cl::opt<std::string> statsJson{"stats-json",
                                 cl::desc("Write the run's statistics as JSON ('-' for stdout; "
                                          "keys above)"),
                                 cl::value_desc("file"), cl::cat(category)};

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

/// Counters of one run of a function, for --stats-json.
static Json runStatsJson(const tfx::exec::RunStats &stats) {
  Json device = Json::object({{"uploads", stats.uploads},
                              {"upload_bytes", stats.uploadBytes},
                              {"downloads", stats.downloads},
                              {"download_bytes", stats.downloadBytes},
                              {"implicit_copies", stats.implicitCopies},
                              {"buffers_allocated", stats.deviceBuffersAllocated},
                              {"peak_bytes", stats.devicePeakBytes}});
  return Json::object({{"kernel_launches", stats.kernelLaunches},
                       {"buffers_allocated", stats.buffersAllocated},
                       {"buffers_reused", stats.buffersReused},
                       {"peak_intermediate_bytes", stats.peakBytes},
                       {"device", std::move(device)}});
}

/// The --stats-json object after the first run (kOverview); "bench" is
/// filled in after the timed runs.
static Json firstRunStats(tfx::exec::Executor &exec, tfx::exec::Program *program,
                          double firstSeconds) {
  Json functions = Json::object();
  if (program) {
    functions[opt->entry.getValue()] = runStatsJson(program->lastRunStats());
  } else {
    for (const char *name : {"encode", "decode"}) // --greedy; planned by runGreedy
      if (auto p = exec.program(name); p)
        functions[name] = runStatsJson((*p)->lastRunStats());
  }
  Json cacheDir; // null: --no-cache
  if (!opt->noCache)
    cacheDir = opt->cacheDir.empty() ? tfx::lowering::defaultKernelCacheDir()
                                     : opt->cacheDir.getValue();
  Json gpuGemm; // null on the CPU; else the GEMM variant the kernels have
  if (!opt->target.empty() &&
      tfx::lowering::targetGpuApi(opt->target) != tfx::lowering::GpuApi::None)
    if (auto variant = tfx::lowering::gpuGemmVariant())
      gpuGemm = Json(tfx::lowering::gpuGemmVariantName(*variant));
  tfx::lowering::KernelCache &kernels = exec.kernels();
  return Json::object({{"tool", "tfx-run"},
                       {"version", 1},
                       {"model", opt->modelPath.getValue()},
                       {"entry", opt->greedy ? Json() : Json(opt->entry.getValue())},
                       {"greedy", opt->greedy.getValue()},
                       {"schedule", opt->schedule.getValue()},
                       {"threads", opt->threads.getValue()},
                       {"target", opt->target.empty() ? "host" : opt->target.getValue()},
                       {"gpu_gemm", std::move(gpuGemm)},
                       {"cache_dir", std::move(cacheDir)},
                       {"first_run_s", firstSeconds},
                       {"kernels", Json::object({{"count", kernels.size()},
                                                 {"compile_s", kernels.compileSeconds()},
                                                 {"disk_hits", kernels.diskHits()}})},
                       {"device_load", Json::object({{"uploads", exec.loadStats().uploads},
                                                     {"upload_bytes",
                                                      exec.loadStats().uploadBytes}})},
                       {"functions", std::move(functions)},
                       {"bench", Json()}});
}

/// A --stats-json file that cannot be written fails now, not after the run.
static std::string checkStatsPath(const std::string &path) {
  if (llvm::sys::fs::is_directory(path))
    return "--stats-json '" + path + "' is a directory";
  llvm::StringRef dir = llvm::sys::path::parent_path(path);
  if (!dir.empty() && !llvm::sys::fs::is_directory(dir))
    return "--stats-json '" + path + "': directory '" + dir.str() + "' does not exist";
  return "";
}

/// Writes `stats` to `path` ('-': stdout): a file through a temporary file
/// renamed into place, so that a failed write leaves no partial file.
static std::string writeStats(const std::string &path, const Json &stats) {
  // Paths need not be UTF-8; invalid bytes become U+FFFD instead of throwing.
  std::string text = stats.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
  if (path == "-") {
    llvm::outs() << text;
    llvm::outs().flush();
    if (!llvm::outs().has_error())
      return "";
    llvm::outs().clear_error();
    return "cannot write the statistics to standard output";
  }
  if (llvm::Error err = llvm::writeToOutput(path, [&](llvm::raw_ostream &os) -> llvm::Error {
        os << text;
        return llvm::Error::success();
      }))
    return "cannot write --stats-json " + llvm::toString(std::move(err)); // names the file
  return "";
}

/// The checks on flags their parser cannot make: "" when all is well, else
/// the message.
std::string checkFlags() {
  if (opt->threads < 0)
    return "--threads must be >= 0";
  if (opt->bench < 0)
    return "--bench must be >= 0";
  if (opt->outputsPath.getNumOccurrences() && opt->outputsPath.empty())
    return "--outputs is empty (give a file, or leave the option out)";
  if (opt->statsJson.getNumOccurrences() && opt->statsJson.empty())
    return "--stats-json is empty (give a file or '-', or leave the option out)";
  std::string statsFile = opt->statsJson == "-" ? std::string() : opt->statsJson.getValue();
  std::string clash = tfx::pathClash({{"model", opt->modelPath},
                                      {"--weights", opt->weightsPath},
                                      {"--inputs", opt->inputsPath}},
                                     {{"--outputs", opt->outputsPath},
                                      {"--stats-json", statsFile}});
  if (!clash.empty())
    return clash;
  if (!statsFile.empty()) {
    std::string bad = checkStatsPath(statsFile);
    if (!bad.empty())
      return bad;
  }
  if (!opt->noCache && !opt->cacheDir.empty() && llvm::sys::fs::exists(opt->cacheDir) &&
      !llvm::sys::fs::is_directory(opt->cacheDir))
    return "--cache-dir '" + opt->cacheDir + "' exists and is not a directory";
  return "";
}

/// Times --bench runs and prints the latency line (on stderr when stdout
/// carries --stats-json=-); with `report`, adds its "bench" object.
Status runBench(tfx::exec::Executor &exec, tfx::exec::Program *program,
                const tfx::exec::TensorMap &inputs, bool statsToStdout, Json *report) {
  std::vector<double> ms; // per run, in run order until sorted below
  for (int i = 0; i < opt->bench; ++i) {
    tfx::exec::TensorMap scratch;
    auto t0 = std::chrono::steady_clock::now();
    Status s = opt->greedy ? runGreedy(exec, inputs, scratch) : program->run(inputs, scratch);
    if (!s)
      return s;
    ms.push_back(std::chrono::duration<double, std::milli>(
                     std::chrono::steady_clock::now() - t0)
                     .count());
  }
  Json samples = ms;
  std::sort(ms.begin(), ms.end());
  (statsToStdout ? llvm::errs() : llvm::outs())
      << llvm::format("latency over %d runs: min %.3f ms, median %.3f ms, max %.3f ms\n",
                      opt->bench.getValue(), ms.front(), ms[ms.size() / 2], ms.back());
  if (report)
    (*report)["bench"] = Json::object({{"runs", opt->bench.getValue()},
                                       {"samples_ms", std::move(samples)},
                                       {"min_ms", ms.front()},
                                       {"median_ms", ms[ms.size() / 2]},
                                       {"max_ms", ms.back()}});
  return Status::ok();
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  // LLVM registers -threads and -stats-json itself (libLLVM's own options).
  for (const char *taken : {"threads", "stats-json"})
    if (cl::Option *o = cl::getRegisteredOptions().lookup(taken))
      o->removeArgument();
  Options options;
  opt = &options;
  cl::HideUnrelatedOptions(options.category);
  if (!tfx::parseCommandLine(argc, argv, kOverview, "tfx-run"))
    return 1;
  if (std::string bad = checkFlags(); !bad.empty())
    return fail(bad);
  const bool wantStats = !opt->statsJson.empty();
  const bool statsToStdout = opt->statsJson == "-";
  auto inputs = readTensors(opt->inputsPath);
  if (!inputs)
    return fail(inputs.status().message());

  tfx::ModelOptions modelOptions;
  modelOptions.threads = opt->threads;
  modelOptions.schedule = opt->schedule;
  modelOptions.target = opt->target;
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
  Json report = wantStats ? firstRunStats(exec, program, firstSeconds) : Json(); // --stats-json
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
    Status s = runBench(exec, program, *inputs, statsToStdout,
                        wantStats ? &report : nullptr);
    if (!s)
      return fail(s.message());
  }

  if (!opt->outputsPath.empty()) {
    std::vector<std::pair<std::string, Tensor>> named(outputs.begin(), outputs.end());
    Status s = tfx::rt::writeSafetensors(opt->outputsPath, named);
    if (!s)
      return fail(s.message());
  }
  if (wantStats) {
    std::string error = writeStats(opt->statsJson, report);
    if (!error.empty())
      return fail(error);
  }
  return 0;
}
