//===- SafetensorsFuzzer.cpp - libFuzzer harness for parseSafetensors -----===//
//
// Built with clang's -fsanitize=fuzzer,address,undefined (see CMakeLists.txt).
// Besides "no crash, no UB", it checks what a successful parse promises, so
// that a reader that accepts nonsense is a finding too.
//
//===----------------------------------------------------------------------===//

#include "tfx/runtime/Safetensors.h"

#include <cstdio>
#include <cstdlib>

using namespace tfx::rt;

namespace {

void require(bool condition, const char *what) {
  if (!condition) {
    std::fprintf(stderr, "invariant violated: %s\n", what);
    std::abort();
  }
}

void checkParsed(const TensorFile &file, size_t inputSize,
                 const ReadOptions &options) {
  require(file.names.size() == file.tensors.size(),
          "names and tensors disagree (duplicate name accepted?)");
  size_t fileBytes = 0;
  for (const std::string &name : file.names) {
    auto it = file.tensors.find(name);
    require(it != file.tensors.end(), "listed name without a tensor");
    const Tensor &t = it->second;
    require(!t.empty(), "tensor without storage");
    require(t.dtype() != DType::F16 && t.dtype() != DType::BF16,
            "half-precision tensor not converted");
    for (int64_t d : t.shape())
      require(d >= 0, "negative dimension accepted");
    require(t.byteSize() <= options.maxTensorBytes, "maxTensorBytes ignored");
    // Half data doubles on load, so allow 2x the input overall.
    fileBytes += t.byteSize();
    require(fileBytes <= 2 * inputSize, "tensors larger than the file");
    if (t.dtype() == DType::Bool)
      for (size_t i = 0; i < t.byteSize(); ++i)
        require(t.dataAs<uint8_t>()[i] <= 1, "BOOL value other than 0/1");
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ReadOptions defaults;
  StatusOr<TensorFile> file = parseSafetensors(data, size, defaults);
  if (file)
    checkParsed(*file, size, defaults);
  else
    require(!file.status().message().empty(), "error without a message");

  // Tight limits and no conversion reach the other refusals.
  ReadOptions strict;
  strict.convertHalfToF32 = false;
  strict.maxHeaderBytes = 256;
  strict.maxTensorBytes = 64;
  StatusOr<TensorFile> strictFile = parseSafetensors(data, size, strict);
  if (strictFile)
    checkParsed(*strictFile, size, strict);
  return 0;
}
