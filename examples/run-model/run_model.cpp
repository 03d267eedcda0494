//===- run_model.cpp - embedding tfx in an application --------------------===//
//
// A complete application that runs a tfx model through the C++ API
// (include/tfx/Exec/Model.h):
//
//   run_model MODEL.mlir WEIGHTS.safetensors OUT.safetensors TOKEN...
//
// It encodes one sentence (the token ids given on the command line, padded
// with 0 to the model's length), prints a summary, and saves the encoder
// output as "memory".
//
//===----------------------------------------------------------------------===//

#include "tfx/Exec/Model.h"
#include "tfx/runtime/Safetensors.h"

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char **argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: %s MODEL.mlir WEIGHTS.safetensors OUT.safetensors TOKEN...\n",
                 argv[0]);
    return 2;
  }
  // 1. Load: parse + verify the model, read the weights.
  auto model = tfx::Model::load(argv[1], argv[2]);
  if (!model) {
    std::fprintf(stderr, "error: %s\n", model.status().message().c_str());
    return 1;
  }

  // 2. Bind inputs by the names the model gives its arguments (tfx.name).
  const int64_t length = 8; // the tiny teacher's maximum length
  tfx::rt::Tensor ids(tfx::rt::DType::I64, {1, length});
  for (int i = 4; i < argc && i - 4 < length; ++i)
    ids.dataAs<int64_t>()[i - 4] = std::strtoll(argv[i], nullptr, 10);

  // 3. Run the `encode` function.
  auto outputs = (*model)->run("encode", {{"src_ids", ids}});
  if (!outputs) {
    std::fprintf(stderr, "error: %s\n", outputs.status().message().c_str());
    return 1;
  }

  // 4. Read outputs by name.
  const tfx::rt::Tensor &memory = outputs->at("memory");
  std::printf("memory %s, first values:", tfx::rt::formatShape(memory.shape()).c_str());
  for (int i = 0; i < 4; ++i)
    std::printf(" %.5f", memory.dataAs<float>()[i]);
  std::printf("\n");
  tfx::rt::Status saved = tfx::rt::writeSafetensors(argv[3], {{"memory", memory}});
  if (!saved) {
    std::fprintf(stderr, "error: %s\n", saved.message().c_str());
    return 1;
  }
  return 0;
}
