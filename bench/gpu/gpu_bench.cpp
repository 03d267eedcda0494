//===- gpu_bench.cpp - times one function of a tfx-translate library ------===//
//
// The timing harness of bench/gpu (issue 12). Compiled against one
// generated library (CUDA or CPU build) with
//   -DTFX_LIB=<name> -include <dir>/<name>.h
// and, for a CUDA build, CudaTraffic.cpp (counts of CUDA driver calls).
//
// Usage: gpu_bench WEIGHTS FUNCTION INPUTS OUTPUTS RESULT_JSON
//                  [--runs N] [--budget-s S] [--kernel-runs K]
//
// Everything goes through the library's C ABI, host to host: NAME_create
// (loads the weights; a GPU build uploads them), one warm-up call (timed
// separately: on CUDA it includes loading the PTX modules, i.e. the
// driver's JIT), then N timed calls (default 20; fewer, at least 3, once
// their total passes S seconds, default 60). Each timed call is
// NAME_run with the inputs in host memory and returns with the outputs in
// host memory. Writes the outputs of the last call to OUTPUTS and the
// times, counts and the runtime's own statistics to RESULT_JSON. Exit 1
// with the library's message on any error.
//
// --kernel-runs K (CUDA builds): K more calls after the timed ones (fewer,
// at least 3, once they pass S seconds), each with CudaTraffic.cpp's
// kernel timer on: CUDA events around every launch, summed per call
// (kernel_ms in the JSON: the median of those sums, the GPU time of the
// call's kernels). Not mixed into the timed calls, whose host clock they
// would disturb. Without the timer (a CPU build) kernel_ms is null.
//
//===----------------------------------------------------------------------===//

#include "DeviceCounts.h"
#include "../../test/Target/LibraryTensors.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#define TFX_STR2(a) #a
#define TFX_STR(a) TFX_STR2(a)

using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

TfxDeviceCounts deviceCounts() {
  TfxDeviceCounts c;
  if (tfx_bench_device_counts)
    tfx_bench_device_counts(&c);
  return c;
}

TfxDeviceCounts operator-(const TfxDeviceCounts &a, const TfxDeviceCounts &b) {
  TfxDeviceCounts d;
  for (int i = 0; i < kNumCounts; ++i)
    d.n[i] = a.n[i] - b.n[i];
  return d;
}

bool operator==(const TfxDeviceCounts &a, const TfxDeviceCounts &b) {
  return std::equal(a.n, a.n + kNumCounts, b.n);
}

/// Every count: {"name": value, ...} (JSON) or name value, ... (the log).
std::string countsText(const TfxDeviceCounts &c, bool json) {
  std::string out;
  for (int i = 0; i < kNumCounts; ++i) {
    out += i ? ", " : "";
    out += json ? "\"" + std::string(kCountNames[i]) + "\": " : std::string(kCountNames[i]) + " ";
    out += std::to_string(c.n[i]);
  }
  return json ? "{" + out + "}" : out;
}

void printCounts(const char *what, const TfxDeviceCounts &c) {
  if (tfx_bench_device_counts)
    std::fprintf(stderr, "cuda calls: %s: %s\n", what, countsText(c, false).c_str());
}

/// The runtime's own account of a call (NAME_last_stats; function NULL:
/// NAME_create), as JSON, or "null" where the library has none.
std::string runtimeStatsJson(TFX_CAT(TFX_LIB, _model) * model, const char *function) {
#ifdef TFX_RUN_STATS_DEFINED
  tfx_run_stats st{};
  if (LIB(_last_stats)(model, function, &st) != 0)
    return "null";
  char buf[400];
  std::snprintf(buf, sizeof(buf),
                "{\"kernel_launches\": %llu, \"uploads\": %llu, \"upload_bytes\": %llu, "
                "\"downloads\": %llu, \"download_bytes\": %llu, \"implicit_copies\": %llu, "
                "\"device_buffers_allocated\": %llu, \"device_peak_bytes\": %llu}",
                (unsigned long long)st.kernel_launches, (unsigned long long)st.uploads,
                (unsigned long long)st.upload_bytes, (unsigned long long)st.downloads,
                (unsigned long long)st.download_bytes, (unsigned long long)st.implicit_copies,
                (unsigned long long)st.device_buffers_allocated,
                (unsigned long long)st.device_peak_bytes);
  return buf;
#else
  (void)model, (void)function;
  return "null";
#endif
}

std::string jsonString(const std::string &s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\')
      out += '\\';
    if (static_cast<unsigned char>(c) >= 0x20)
      out += c;
  }
  return out + "\"";
}

int fail(TFX_CAT(TFX_LIB, _model) * model, const std::string &what) {
  std::fprintf(stderr, "gpu_bench: error: %s\n", what.c_str());
  if (model)
    LIB(_destroy)(model);
  return 1;
}

/// The median of non-empty samples.
double medianOf(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::string jsonList(const std::vector<double> &v) {
  std::string out;
  for (double t : v)
    out += (out.empty() ? "" : ", ") + std::to_string(t);
  return "[" + out + "]";
}

/// What one harness run measured.
struct Measured {
  double createMs = 0, firstMs = 0;
  std::vector<double> times;       // the timed calls, ms
  std::vector<double> kernelTimes; // GPU time of the kernels per kernel-timed call, ms
  int64_t kernelLaunches = -1;     // launches per kernel-timed call (-1: not timed)
  std::string kernelError;         // why kernel_ms is null, if asked for
  TfxDeviceCounts createCounts, firstCounts, steadyCounts;
  bool countsVary = false; // the timed calls' counts differ
  std::string createStats, firstStats, steadyStats;
};

/// Writes RESULT_JSON and the summary line; false if the file cannot be written.
bool writeResult(const char *path, const char *function, int64_t batch, int runsAsked,
                 const Measured &m) {
  std::vector<double> sorted = m.times;
  std::sort(sorted.begin(), sorted.end());
  size_t n = sorted.size();
  double median = medianOf(m.times);
  std::string kernelJson = "\"kernel_ms\": null";
  if (!m.kernelTimes.empty())
    kernelJson = "\"kernel_ms\": " + std::to_string(medianOf(m.kernelTimes)) +
                 ", \"kernel_times_ms\": " + jsonList(m.kernelTimes) +
                 ", \"kernel_launches\": " + std::to_string(m.kernelLaunches);
  else if (!m.kernelError.empty())
    kernelJson += ", \"kernel_error\": " + jsonString(m.kernelError);
  std::string cudaJson = "null";
  if (tfx_bench_device_counts)
    cudaJson = "{\"create\": " + countsText(m.createCounts, true) +
               ",\n   \"first_call\": " + countsText(m.firstCounts, true) +
               ",\n   \"timed_call\": " + countsText(m.steadyCounts, true) +
               ",\n   \"timed_calls_differ\": " + (m.countsVary ? "true" : "false") + "}";
  std::FILE *f = std::fopen(path, "w");
  if (!f)
    return false;
  std::fprintf(f,
               "{\"library\": %s, \"function\": %s, \"batch\": %lld, \"runs\": %zu, "
               "\"runs_asked\": %d, \"create_ms\": %.4f, \"first_call_ms\": %.4f, "
               "\"median_ms\": %.4f, \"min_ms\": %.4f, \"max_ms\": %.4f, \"times_ms\": %s,\n %s,\n"
               " \"cuda_calls\": %s,\n \"runtime_stats\": {\"create\": %s, \"first_call\": %s, "
               "\"last_call\": %s}}\n",
               jsonString(TFX_STR(TFX_LIB)).c_str(), jsonString(function).c_str(),
               (long long)batch, n, runsAsked, m.createMs, m.firstMs, median, sorted.front(),
               sorted.back(), jsonList(m.times).c_str(), kernelJson.c_str(), cudaJson.c_str(), m.createStats.c_str(),
               m.firstStats.c_str(), m.steadyStats.c_str());
  if (std::fclose(f) != 0)
    return false;
  std::fprintf(stderr,
               "gpu_bench: %s %s batch %lld: create %.1f ms, first call %.1f ms, median %.3f ms "
               "of %zu runs (min %.3f, max %.3f)",
               TFX_STR(TFX_LIB), function, (long long)batch, m.createMs, m.firstMs, median, n,
               sorted.front(), sorted.back());
  if (!m.kernelTimes.empty())
    std::fprintf(stderr, ", kernels %.4f ms (%lld launches)", medianOf(m.kernelTimes),
                 (long long)m.kernelLaunches);
  std::fprintf(stderr, "\n");
  return true;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 6) {
    std::fprintf(stderr,
                 "usage: %s WEIGHTS FUNCTION INPUTS OUTPUTS RESULT_JSON [--runs N] "
                 "[--budget-s S] [--kernel-runs K]\n",
                 argv[0]);
    return 2;
  }
  const char *weights = argv[1], *function = argv[2], *inputsPath = argv[3],
             *outputsPath = argv[4], *jsonPath = argv[5];
  int runs = 20, kernelRuns = 0;
  double budgetS = 60;
  for (int i = 6; i < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
      runs = std::atoi(argv[++i]);
    else if (std::strcmp(argv[i], "--budget-s") == 0 && i + 1 < argc)
      budgetS = std::atof(argv[++i]);
    else if (std::strcmp(argv[i], "--kernel-runs") == 0 && i + 1 < argc)
      kernelRuns = std::atoi(argv[++i]);
    else {
      std::fprintf(stderr, "gpu_bench: error: unknown argument '%s'\n", argv[i]);
      return 2;
    }
  }
  if (runs < 1) {
    std::fprintf(stderr, "gpu_bench: error: --runs must be at least 1\n");
    return 2;
  }

  auto file = tfx::rt::readSafetensors(inputsPath);
  if (!file)
    return fail(nullptr, std::string(inputsPath) + ": " + file.status().message());
  std::vector<tfx_tensor> inputs = tfx_harness::abiInputs(*file);
  int64_t batch = !inputs.empty() && inputs[0].rank > 0 ? inputs[0].shape[0] : -1;

  Measured m;
  TfxDeviceCounts c0 = deviceCounts();
  Clock::time_point t0 = Clock::now();
  auto *model = LIB(_create)(weights);
  m.createMs = msSince(t0);
  if (!model)
    return fail(nullptr, std::string("creating the model: ") + LIB(_last_error)());
  m.createCounts = deviceCounts() - c0;
  printCounts("create", m.createCounts);
  m.createStats = runtimeStatsJson(model, nullptr);

  tfx_tensor outputs[16];
  auto call = [&](double &ms, TfxDeviceCounts &counts) {
    std::memset(outputs, 0, sizeof(outputs)); // unused entries keep name == NULL
    TfxDeviceCounts before = deviceCounts();
    Clock::time_point start = Clock::now();
    int rc = LIB(_run)(model, function, inputs.data(), static_cast<int>(inputs.size()),
                       outputs, 16);
    ms = msSince(start);
    counts = deviceCounts() - before;
    return rc == 0;
  };

  if (!call(m.firstMs, m.firstCounts))
    return fail(model, std::string("first call: ") + LIB(_last_error)());
  printCounts("first call", m.firstCounts);
  m.firstStats = runtimeStatsJson(model, function);

  double total = 0;
  for (int r = 0; r < runs; ++r) {
    double ms = 0;
    TfxDeviceCounts counts;
    if (!call(ms, counts))
      return fail(model, "timed call " + std::to_string(r) + ": " + LIB(_last_error)());
    if (r == 0)
      m.steadyCounts = counts;
    else if (!(counts == m.steadyCounts))
      m.countsVary = true;
    m.times.push_back(ms);
    total += ms;
    if (r + 1 >= 3 && total > budgetS * 1e3)
      break; // the budget is spent: fewer runs, and the JSON says how many
  }
  printCounts("timed call", m.steadyCounts);
  m.steadyStats = runtimeStatsJson(model, function);

  bool timer = tfx_bench_kernel_timing_start && tfx_bench_kernel_timing_stop;
  if (kernelRuns > 0 && !timer)
    m.kernelError = "no kernel timer (not a CUDA build)";
  total = 0;
  for (int r = 0; timer && r < kernelRuns; ++r) {
    double ms = 0, kernelMs = 0;
    int64_t launches = 0;
    TfxDeviceCounts counts;
    tfx_bench_kernel_timing_start();
    bool ok = call(ms, counts);
    int timed = tfx_bench_kernel_timing_stop(&kernelMs, &launches);
    if (!ok)
      return fail(model, "kernel-timed call " + std::to_string(r) + ": " + LIB(_last_error)());
    if (timed != 0) {
      m.kernelError = "CUDA event timing failed";
      m.kernelTimes.clear();
      break;
    }
    m.kernelTimes.push_back(kernelMs);
    m.kernelLaunches = launches;
    total += ms;
    if (r + 1 >= 3 && total > budgetS * 1e3)
      break;
  }

  auto results = tfx_harness::copyOutputs(outputs, 16);
  LIB(_destroy)(model);
  if (auto written = tfx::rt::writeSafetensors(outputsPath, results); !written)
    return fail(nullptr, std::string(outputsPath) + ": " + written.message());

  if (!writeResult(jsonPath, function, batch, runs, m))
    return fail(nullptr, std::string("cannot write ") + jsonPath);
  return 0;
}
