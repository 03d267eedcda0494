//===- main.cpp - an application that embeds a tfx-translate library ------===//
//
// Built by examples/embed/CMakeLists.txt, which runs tfx-translate at build
// time on model/teacher-tiny-alr.mlir (teacher-tiny with every attention
// replaced by distilled ALR MLPs) with the weights compiled in, builds the
// generated library with its build.sh and links it here. At run time this
// program needs nothing else: no MLIR, LLVM, libHalide or weights file.
//
// Usage: tfx-embed-example INPUT.txt [OUTPUT.txt]
// Runs encode, then decode (teacher forcing), and prints each sentence's
// greedy next-token predictions; OUTPUT.txt gets every logit (text) for
// comparison with tfx-run.
//
//===----------------------------------------------------------------------===//

#include "tiny_alr.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Ids {
  int64_t rows = 0, cols = 0;
  std::vector<int64_t> values;
};

/// Reads "name rows cols" followed by rows lines of ids, for src_ids and
/// tgt_ids ('#' lines are comments).
bool readInput(const char *path, Ids &src, Ids &tgt) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "error: cannot open '%s'\n", path);
    return false;
  }
  std::string line;
  Ids *current = nullptr;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#')
      continue;
    std::istringstream ss(line);
    if (line.rfind("src_ids", 0) == 0 || line.rfind("tgt_ids", 0) == 0) {
      std::string name;
      current = line[0] == 's' ? &src : &tgt;
      ss >> name >> current->rows >> current->cols;
      if (!ss || current->rows <= 0 || current->cols <= 0 ||
          current->rows * current->cols > (1 << 20)) {
        std::fprintf(stderr, "error: bad header line '%s'\n", line.c_str());
        return false;
      }
      continue;
    }
    int64_t v;
    while (current && ss >> v)
      current->values.push_back(v);
  }
  for (Ids *ids : {&src, &tgt})
    if (ids->rows == 0 || static_cast<int64_t>(ids->values.size()) != ids->rows * ids->cols) {
      std::fprintf(stderr, "error: '%s' needs src_ids and tgt_ids with rows x cols ids\n",
                   path);
      return false;
    }
  return true;
}

tfx_tensor ids(const char *name, Ids &v) {
  tfx_tensor t{};
  t.name = name;
  t.dtype = TFX_I64;
  t.rank = 2;
  t.shape[0] = v.rows;
  t.shape[1] = v.cols;
  t.data = v.values.data();
  return t;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: %s INPUT.txt [OUTPUT.txt]\n", argv[0]);
    return 2;
  }
  Ids src, tgt;
  if (!readInput(argv[1], src, tgt))
    return 1;
  tiny_alr_model *model = tiny_alr_create(nullptr); // the compiled-in weights
  if (!model) {
    std::fprintf(stderr, "error: %s\n", tiny_alr_last_error());
    return 1;
  }
  tfx_tensor encodeIn[] = {ids("src_ids", src)};
  tfx_tensor memory[1];
  if (tiny_alr_run(model, "encode", encodeIn, 1, memory, 1) != 0) {
    std::fprintf(stderr, "error: %s\n", tiny_alr_last_error());
    tiny_alr_destroy(model);
    return 1;
  }
  // The next run reuses the model's buffers: keep a copy of the memory.
  int64_t memCount = memory[0].shape[0] * memory[0].shape[1] * memory[0].shape[2];
  std::vector<float> mem(static_cast<const float *>(memory[0].data),
                         static_cast<const float *>(memory[0].data) + memCount);
  memory[0].data = mem.data();
  tfx_tensor decodeIn[] = {memory[0], ids("src_ids", src), ids("tgt_ids", tgt)};
  tfx_tensor logits[1];
  if (tiny_alr_run(model, "decode", decodeIn, 3, logits, 1) != 0) {
    std::fprintf(stderr, "error: %s\n", tiny_alr_last_error());
    tiny_alr_destroy(model);
    return 1;
  }
  int64_t B = logits[0].shape[0], L = logits[0].shape[1], V = logits[0].shape[2];
  const float *p = static_cast<const float *>(logits[0].data);
  for (int64_t b = 0; b < B; ++b) {
    std::printf("sentence %lld: next-token predictions:", static_cast<long long>(b));
    for (int64_t l = 0; l < L; ++l) {
      if (tgt.values[b * L + l] == 0)
        break;
      const float *row = p + (b * L + l) * V;
      int64_t best = 0;
      for (int64_t v = 1; v < V; ++v)
        if (row[v] > row[best])
          best = v;
      std::printf(" %lld", static_cast<long long>(best));
    }
    std::printf("\n");
  }
  if (argc == 3) {
    std::FILE *out = std::fopen(argv[2], "w");
    if (!out) {
      std::fprintf(stderr, "error: cannot write '%s'\n", argv[2]);
      tiny_alr_destroy(model);
      return 1;
    }
    std::fprintf(out, "logits %lld %lld %lld\n", static_cast<long long>(B),
                 static_cast<long long>(L), static_cast<long long>(V));
    for (int64_t i = 0; i < B * L * V; ++i)
      std::fprintf(out, "%.9g\n", p[i]);
    std::fclose(out);
  }
  tiny_alr_destroy(model);
  return 0;
}
