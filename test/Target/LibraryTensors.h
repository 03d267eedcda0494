//===- LibraryTensors.h - tensors across a generated library's C ABI ------===//
//
// Shared by the harnesses that drive a tfx-translate library through its C
// ABI: test/Target/RunLibrary.cpp and bench/gpu/gpu_bench.cpp. Compiled with
//   -DTFX_LIB=<name> -include <dir>/<name>.h
// (the library's header defines tfx_tensor and TFX_F32, ...); LIB(fn) names
// the library's NAME_fn.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_TEST_TARGET_LIBRARYTENSORS_H
#define TFX_TEST_TARGET_LIBRARYTENSORS_H

#include "tfx/runtime/Safetensors.h"

#include <cstring>
#include <string>
#include <utility>
#include <vector>

#define TFX_CAT2(a, b) a##b
#define TFX_CAT(a, b) TFX_CAT2(a, b)
#define LIB(fn) TFX_CAT(TFX_LIB, fn)

namespace tfx_harness {

inline int32_t abiType(tfx::rt::DType t) {
  switch (t) {
  case tfx::rt::DType::F32: return TFX_F32;
  case tfx::rt::DType::Bool: return TFX_BOOL;
  case tfx::rt::DType::I64: return TFX_I64;
  case tfx::rt::DType::I32: return TFX_I32;
  default: return -1;
  }
}

inline tfx::rt::DType runtimeType(int32_t t) {
  using tfx::rt::DType;
  return t == TFX_F32 ? DType::F32 : t == TFX_BOOL ? DType::Bool
       : t == TFX_I64 ? DType::I64 : DType::I32;
}

/// One named input per tensor of `file`, in the file's order; they point
/// into `file`, which must outlive them.
inline std::vector<tfx_tensor> abiInputs(tfx::rt::TensorFile &file) {
  std::vector<tfx_tensor> inputs;
  for (const std::string &name : file.names) {
    tfx::rt::Tensor &t = file.tensors[name];
    tfx_tensor in{};
    in.name = name.c_str();
    in.dtype = abiType(t.dtype());
    in.rank = static_cast<int32_t>(t.rank());
    for (int64_t d = 0; d < t.rank() && d < 8; ++d)
      in.shape[d] = t.dim(d);
    in.data = t.data();
    inputs.push_back(in);
  }
  return inputs;
}

/// Copies of the results a run left in `outputs` (entries up to the first
/// without a name), for writeSafetensors.
inline std::vector<std::pair<std::string, tfx::rt::Tensor>> copyOutputs(const tfx_tensor *outputs,
                                                                         int count) {
  std::vector<std::pair<std::string, tfx::rt::Tensor>> results;
  for (int i = 0; i < count && outputs[i].name; ++i) {
    std::vector<int64_t> shape(outputs[i].shape, outputs[i].shape + outputs[i].rank);
    tfx::rt::Tensor t(runtimeType(outputs[i].dtype), shape);
    std::memcpy(t.data(), outputs[i].data, t.byteSize());
    results.emplace_back(outputs[i].name, t);
  }
  return results;
}

} // namespace tfx_harness

#endif
