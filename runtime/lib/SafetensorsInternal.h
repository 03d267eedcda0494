//===- SafetensorsInternal.h - safetensors I/O internals --------*- C++ -*-===//
//
// Internal to runtime/lib: the validated header (Entry, Header) that
// SafetensorsHeader.cpp parses and SafetensorsRead.cpp loads tensors from, and
// the message helpers that the header parser, the reader and the writer
// (SafetensorsWrite.cpp) share. Generated libraries compile these files too
// (lib/Target embeds runtime/lib/*.h with the sources).
//
//===----------------------------------------------------------------------===//

#ifndef TFX_RUNTIME_LIB_SAFETENSORSINTERNAL_H
#define TFX_RUNTIME_LIB_SAFETENSORSINTERNAL_H

#include "tfx/runtime/Safetensors.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <system_error>
#include <vector>

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "safetensors data is little-endian; this host needs byte swaps");

namespace tfx::rt::detail {

using json = nlohmann::json;

inline constexpr const char *kMetadataKey = "__metadata__";

/// Names can be megabytes long; messages only need enough to find them.
inline std::string quotedName(const std::string &s) {
  constexpr size_t kMax = 200;
  if (s.size() <= kMax)
    return "'" + s + "'";
  return "'" + s.substr(0, kMax) + "...'";
}

inline Status tensorError(const std::string &name, const std::string &message) {
  return Status::error("tensor " + quotedName(name) + ": " + message);
}

inline std::string errnoMessage(int err) {
  return std::error_code(err, std::generic_category()).message();
}

inline bool isHalf(DType dtype) {
  return dtype == DType::F16 || dtype == DType::BF16;
}

/// One tensor of a validated header: its dtype is known (and allowed by the
/// ReadOptions), its byte size fits the limits and [begin, end) lies inside
/// the data section.
struct Entry {
  std::string name;
  DType dtype = DType::F32;
  std::vector<int64_t> shape;
  uint64_t begin = 0;
  uint64_t end = 0;
};

struct Header {
  std::vector<Entry> entries; ///< in the file's order
  std::map<std::string, std::string> metadata;
};

/// Checks the length prefix; `prefix` is only read when fileSize >= 8.
StatusOr<uint64_t> checkHeaderLength(const uint8_t *prefix, uint64_t fileSize,
                                     const ReadOptions &options);

/// Parses and validates the header's JSON text completely (types, sizes with
/// overflow-checked arithmetic, ranges against the `dataSize` bytes of the
/// data section, overlaps) before anything is allocated on its word.
StatusOr<Header> parseHeader(const char *text, size_t size, uint64_t dataSize,
                             const ReadOptions &options);

} // namespace tfx::rt::detail

#endif // TFX_RUNTIME_LIB_SAFETENSORSINTERNAL_H
