//===- Safetensors.h - reading and writing .safetensors files -----*- C++ -*-===//
//
// Weights arrive as safetensors files, often downloaded from strangers, so the
// reader treats every byte as hostile: each malformed file yields a Status
// naming the tensor and the problem, never a crash, and allocations are bounded
// by the file size and ReadOptions (never by numbers the header claims).
//
// Format: u64 little-endian header length N, N bytes of JSON object, then the
// data section. Each key except "__metadata__" (a string -> string object)
// maps to {"dtype", "shape", "data_offsets": [begin, end]} with offsets
// relative to the data section.
//
// Choices beyond the format description:
//  * Duplicate JSON keys (tensor names, entry fields, metadata keys) are
//    rejected rather than resolved "last one wins" as JSON libraries do, so two
//    readers can never disagree about which tensor a name denotes.
//  * Entry fields other than dtype/shape/data_offsets are rejected.
//  * Gaps between tensors are accepted; empty tensors ([k, k]) overlap nothing.
//  * "__metadata__": null is accepted as no metadata.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_RUNTIME_SAFETENSORS_H
#define TFX_RUNTIME_SAFETENSORS_H

#include "tfx/runtime/Status.h"
#include "tfx/runtime/Tensor.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace tfx::rt {

/// The tensors of one file by name; `names` keeps the header's order.
struct TensorFile {
  std::vector<std::string> names;
  std::map<std::string, Tensor> tensors;
  /// The "__metadata__" object.
  std::map<std::string, std::string> metadata;
};

struct ReadOptions {
  /// F16 and BF16 tensors become F32; when false such files are refused
  /// (the runtime has no half-precision kernels).
  bool convertHalfToF32 = true;
  /// Refuse headers longer than this (the header is parsed in memory).
  size_t maxHeaderBytes = size_t(100) << 20;
  /// Refuse any tensor that would need more bytes than this once loaded.
  size_t maxTensorBytes = size_t(1) << 36;
};

/// Parses a whole file held in memory (`data` may be null when `size` is 0).
StatusOr<TensorFile> parseSafetensors(const uint8_t *data, size_t size,
                                      const ReadOptions &options = {});

/// Reads a file; tensors are read straight into their buffers, so peak memory
/// is about the loaded tensors (plus one F16/BF16 tensor being converted).
/// Error messages start with `path`.
StatusOr<TensorFile> readSafetensors(const std::string &path,
                                     const ReadOptions &options = {});

/// Writes the tensors in the given order, contiguously, after a header padded
/// with spaces so that the data section starts 8-byte aligned. The file is
/// replaced atomically: on any error an existing `path` is left untouched and
/// no temporary file remains. F16/BF16 tensors, duplicate names, the name
/// "__metadata__", tensors without storage and BOOL values other than 0/1 are
/// refused (the reader would refuse or alter them).
Status writeSafetensors(const std::string &path,
                        const std::vector<std::pair<std::string, Tensor>> &tensors,
                        const std::map<std::string, std::string> &metadata = {});

/// IEEE 754 binary16 -> binary32, exact (subnormals, infinities, NaN
/// payloads included).
float halfToFloat(uint16_t bits);
/// bfloat16 -> binary32, exact.
float bfloat16ToFloat(uint16_t bits);

} // namespace tfx::rt

#endif // TFX_RUNTIME_SAFETENSORS_H
