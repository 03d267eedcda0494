//===- RunLibrary.cpp - run a tfx-translate library on safetensors files --===//
//
// Test harness for generated libraries. Compiled against one library with
//   -DTFX_LIB=<name> -include <dir>/<name>.h
// Usage: run-library WEIGHTS|--embedded FUNCTION INPUTS OUTPUTS [--repeat N]
// Reads every tensor of INPUTS as a named input (tfx runtime's safetensors
// reader), runs FUNCTION through the library's C ABI only, and writes the
// results to OUTPUTS. With --repeat, runs N more times (buffer reuse across
// runs must not change the result). Exit 1 with the library's message on
// error.
//
//===----------------------------------------------------------------------===//

#include "LibraryTensors.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using tfx::rt::Tensor;

/// Defined when the harness is linked with OpenclTraffic.cpp (device
/// traffic per call, issue 12); null otherwise.
extern "C" void tfx_test_traffic_mark(const char *what) __attribute__((weak));

/// What the runtime says it moved (NAME_last_stats), beside what
/// OpenclTraffic.cpp saw the OpenCL API do.
static void printStats(TFX_CAT(TFX_LIB, _model) * model, const char *function,
                       const char *what) {
  tfx_run_stats st{};
  if (LIB(_last_stats)(model, function, &st) != 0) {
    std::fprintf(stderr, "runtime stats: %s: error: %s\n", what, LIB(_last_error)());
    return;
  }
  std::fprintf(stderr,
               "runtime stats: %s: uploads %llu (%llu B), downloads %llu (%llu B), "
               "implicit %llu, device buffers %llu, launches %llu\n",
               what, (unsigned long long)st.uploads, (unsigned long long)st.upload_bytes,
               (unsigned long long)st.downloads, (unsigned long long)st.download_bytes,
               (unsigned long long)st.implicit_copies,
               (unsigned long long)st.device_buffers_allocated,
               (unsigned long long)st.kernel_launches);
}

int main(int argc, char **argv) {
  if (argc != 5 && !(argc == 7 && std::strcmp(argv[5], "--repeat") == 0)) {
    std::fprintf(stderr, "usage: %s WEIGHTS|--embedded FUNCTION INPUTS OUTPUTS [--repeat N]\n",
                 argv[0]);
    return 2;
  }
  int repeat = argc == 7 ? std::atoi(argv[6]) : 0;
  const char *weights = std::strcmp(argv[1], "--embedded") == 0 ? nullptr : argv[1];
  auto *model = LIB(_create)(weights);
  if (!model) {
    std::fprintf(stderr, "error: %s\n", LIB(_last_error)());
    return 1;
  }
  if (tfx_test_traffic_mark) {
    tfx_test_traffic_mark("create");
    printStats(model, nullptr, "create");
  }
  auto file = tfx::rt::readSafetensors(argv[3]);
  if (!file) {
    std::fprintf(stderr, "error: %s\n", file.status().message().c_str());
    return 1;
  }
  std::vector<tfx_tensor> inputs = tfx_harness::abiInputs(*file);
  if (tfx_test_traffic_mark) {
    size_t bytes = 0;
    for (const std::string &name : file->names)
      bytes += file->tensors[name].byteSize();
    std::fprintf(stderr, "io: inputs %zu (%zu B)\n", file->names.size(), bytes);
  }
  tfx_tensor outputs[16];
  for (int r = 0; r <= repeat; ++r) {
    std::memset(outputs, 0, sizeof(outputs)); // unused entries keep name == NULL
    if (LIB(_run)(model, argv[2], inputs.data(), static_cast<int>(inputs.size()),
                  outputs, 16) != 0) {
      std::fprintf(stderr, "error: %s\n", LIB(_last_error)());
      LIB(_destroy)(model);
      return 1;
    }
    if (tfx_test_traffic_mark) {
      std::string what = "call " + std::to_string(r);
      tfx_test_traffic_mark(what.c_str());
      printStats(model, argv[2], what.c_str());
    }
  }
  std::vector<std::pair<std::string, Tensor>> results = tfx_harness::copyOutputs(outputs, 16);
  if (tfx_test_traffic_mark) {
    size_t bytes = 0;
    for (const auto &r : results)
      bytes += r.second.byteSize();
    std::fprintf(stderr, "io: outputs %zu (%zu B)\n", results.size(), bytes);
  }
  LIB(_destroy)(model);
  auto written = tfx::rt::writeSafetensors(argv[4], results);
  if (!written) {
    std::fprintf(stderr, "error: %s\n", written.message().c_str());
    return 1;
  }
  return 0;
}
