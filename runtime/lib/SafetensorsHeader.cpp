//===- SafetensorsHeader.cpp - parsing a .safetensors header --------------===//
//
// The first of the reader's two phases: the length prefix and the JSON
// header are validated completely (types, sizes with overflow-checked
// arithmetic, ranges against the real data section, overlaps, duplicate keys,
// nesting depth) so that SafetensorsRead.cpp allocates nothing on the
// header's word.
//
//===----------------------------------------------------------------------===//

#include "SafetensorsInternal.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <set>

namespace tfx::rt::detail {
namespace {

// File object, entry object, shape array: nothing valid nests deeper.
constexpr int kMaxNesting = 3;

/// A short rendering of a JSON value for messages.
std::string describe(const json &value) {
  std::string s = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (s.size() > 60)
    s = s.substr(0, 60) + "...";
  return s;
}

std::string offsetsText(uint64_t begin, uint64_t end) {
  return "[" + std::to_string(begin) + ", " + std::to_string(end) + "]";
}

uint64_t readLE64(const uint8_t *p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i)
    v = (v << 8) | p[i];
  return v;
}

/// nlohmann builds a node per nesting level, so 100 MB of '[' would cost
/// gigabytes. The scan follows JSON string syntax, so on every prefix the
/// parser accepts it sees exactly the depth the parser would reach; where the
/// text is invalid the parser stops anyway.
bool nestsTooDeep(const char *text, size_t size) {
  int depth = 0;
  bool inString = false;
  for (size_t i = 0; i < size; ++i) {
    char c = text[i];
    if (inString) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        inString = false;
      continue;
    }
    if (c == '"') {
      inString = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxNesting)
        return true;
    } else if (c == '}' || c == ']') {
      if (--depth < 0)
        return false;
    }
  }
  return false;
}

Status parseMetadata(const json &value, Header &header) {
  if (value.is_null())
    return Status::ok();
  if (!value.is_object())
    return Status::error(std::string("__metadata__ must be an object of "
                                     "strings, not ") +
                         value.type_name());
  for (auto it = value.begin(); it != value.end(); ++it) {
    if (!it.value().is_string())
      return Status::error("__metadata__: value of " + quotedName(it.key()) +
                           " is " + describe(it.value()) + ", not a string");
    header.metadata[it.key()] = it.value().get<std::string>();
  }
  return Status::ok();
}

StatusOr<DType> parseEntryDType(const std::string &name, const json &entry,
                                const ReadOptions &options) {
  auto it = entry.find("dtype");
  if (it == entry.end())
    return tensorError(name, "missing 'dtype'");
  if (!it->is_string())
    return tensorError(name, "'dtype' must be a string, not " + describe(*it));
  const std::string &text = it->get_ref<const std::string &>();
  std::optional<DType> dtype = parseDType(text);
  if (!dtype)
    return tensorError(name, "unknown dtype " + quotedName(text));
  if (isHalf(*dtype) && !options.convertHalfToF32)
    return tensorError(name, std::string("dtype ") + dtypeName(*dtype) +
                                 " needs conversion to F32, which is off "
                                 "(ReadOptions::convertHalfToF32)");
  return *dtype;
}

Status parseEntryShape(const std::string &name, const json &entry,
                       Entry &out) {
  auto it = entry.find("shape");
  if (it == entry.end())
    return tensorError(name, "missing 'shape'");
  if (!it->is_array())
    return tensorError(name, "'shape' must be an array of integers, not " +
                                 describe(*it));
  out.shape.reserve(it->size());
  for (size_t i = 0; i < it->size(); ++i) {
    const json &dim = (*it)[i];
    if (dim.is_number_unsigned()) {
      uint64_t d = dim.get<uint64_t>();
      if (d > uint64_t(std::numeric_limits<int64_t>::max()))
        return tensorError(name, "dimension " + std::to_string(i) + " (" +
                                     std::to_string(d) + ") is too large");
      out.shape.push_back(int64_t(d));
    } else if (dim.is_number_integer()) {
      return tensorError(name, "negative dimension " +
                                   std::to_string(dim.get<int64_t>()) +
                                   " in shape " + describe(*it));
    } else {
      return tensorError(name, "'shape' must be an array of integers; "
                               "element " + std::to_string(i) + " is " +
                                   describe(dim));
    }
  }
  return Status::ok();
}

Status parseEntryOffsets(const std::string &name, const json &entry,
                         Entry &out) {
  auto it = entry.find("data_offsets");
  if (it == entry.end())
    return tensorError(name, "missing 'data_offsets'");
  if (!it->is_array())
    return tensorError(name, "'data_offsets' must be an array [begin, end], "
                             "not " + describe(*it));
  if (it->size() != 2)
    return tensorError(name, "'data_offsets' has " +
                                 std::to_string(it->size()) +
                                 " elements, not 2 ([begin, end])");
  for (size_t i = 0; i < 2; ++i)
    if (!(*it)[i].is_number_unsigned())
      return tensorError(name, "'data_offsets' element " + std::to_string(i) +
                                   " is " + describe((*it)[i]) +
                                   ", not a non-negative integer");
  out.begin = (*it)[0].get<uint64_t>();
  out.end = (*it)[1].get<uint64_t>();
  return Status::ok();
}

Status parseEntry(const std::string &name, const json &entry,
                  uint64_t dataSize, const ReadOptions &options, Entry &out) {
  out.name = name;
  if (!entry.is_object())
    return tensorError(name, std::string("entry is a JSON ") +
                                 entry.type_name() + ", not an object");
  for (auto it = entry.begin(); it != entry.end(); ++it)
    if (it.key() != "dtype" && it.key() != "shape" &&
        it.key() != "data_offsets")
      return tensorError(name, "unknown field " + quotedName(it.key()));

  StatusOr<DType> dtype = parseEntryDType(name, entry, options);
  if (!dtype)
    return dtype.status();
  out.dtype = *dtype;
  TFX_RETURN_IF_ERROR(parseEntryShape(name, entry, out));
  TFX_RETURN_IF_ERROR(parseEntryOffsets(name, entry, out));

  // Tensor::numel() multiplies in int64, so every partial product must fit
  // there, not just the final count (a zero dim after huge ones is refused).
  uint64_t nonZeroProduct = 1;
  bool hasZero = false;
  for (int64_t d : out.shape) {
    if (d == 0) {
      hasZero = true;
      continue;
    }
    if (__builtin_mul_overflow(nonZeroProduct, uint64_t(d), &nonZeroProduct) ||
        nonZeroProduct > uint64_t(std::numeric_limits<int64_t>::max()))
      return tensorError(name, "shape " + formatShape(out.shape) +
                                   " has an element count that overflows "
                                   "64-bit integers");
  }
  uint64_t elements = hasZero ? 0 : nonZeroProduct;
  uint64_t fileBytes;
  if (__builtin_mul_overflow(elements, uint64_t(dtypeSize(out.dtype)),
                             &fileBytes))
    return tensorError(name, "shape " + formatShape(out.shape) + " of " +
                                 dtypeName(out.dtype) +
                                 " has a byte size that overflows 64 bits");
  DType loaded = isHalf(out.dtype) ? DType::F32 : out.dtype;
  uint64_t loadedBytes;
  if (__builtin_mul_overflow(elements, uint64_t(dtypeSize(loaded)),
                             &loadedBytes) ||
      loadedBytes > options.maxTensorBytes)
    return tensorError(
        name, "shape " + formatShape(out.shape) + " of " +
                  dtypeName(out.dtype) + " needs more than " +
                  std::to_string(options.maxTensorBytes) + " bytes" +
                  (loaded != out.dtype ? " as F32" : "") +
                  " (ReadOptions::maxTensorBytes)");

  std::string offsets = offsetsText(out.begin, out.end);
  if (out.begin > out.end)
    return tensorError(name, "data_offsets " + offsets + " have begin > end");
  if (out.end - out.begin != fileBytes)
    return tensorError(name, "data_offsets " + offsets + " span " +
                                 std::to_string(out.end - out.begin) +
                                 " bytes but shape " + formatShape(out.shape) +
                                 " of " + dtypeName(out.dtype) + " needs " +
                                 std::to_string(fileBytes));
  if (out.end > dataSize)
    return tensorError(name, "data_offsets " + offsets +
                                 " exceed the data section of " +
                                 std::to_string(dataSize) + " bytes");
  return Status::ok();
}

Status checkOverlaps(const std::vector<Entry> &entries) {
  std::vector<const Entry *> sorted;
  for (const Entry &e : entries)
    if (e.begin != e.end) // An empty range holds no bytes to share.
      sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(), [](const Entry *a, const Entry *b) {
    return a->begin != b->begin ? a->begin < b->begin : a->end < b->end;
  });
  // Until the first overlap the ranges are disjoint and sorted, so the
  // predecessor is the one that reaches furthest.
  for (size_t i = 1; i < sorted.size(); ++i) {
    const Entry &prev = *sorted[i - 1];
    const Entry &cur = *sorted[i];
    if (cur.begin < prev.end)
      return Status::error("tensors " + quotedName(prev.name) + " and " +
                           quotedName(cur.name) + " overlap: data_offsets " +
                           offsetsText(prev.begin, prev.end) + " and " +
                           offsetsText(cur.begin, cur.end));
  }
  return Status::ok();
}

} // namespace

/// Checks the length prefix; `prefix` is only read when fileSize >= 8.
StatusOr<uint64_t> checkHeaderLength(const uint8_t *prefix, uint64_t fileSize,
                                     const ReadOptions &options) {
  if (fileSize < 8)
    return Status::error("file is " + std::to_string(fileSize) +
                         " bytes, shorter than the 8-byte header length");
  uint64_t length = readLE64(prefix);
  if (length > options.maxHeaderBytes)
    return Status::error("header length " + std::to_string(length) +
                         " exceeds the limit of " +
                         std::to_string(options.maxHeaderBytes) +
                         " bytes (ReadOptions::maxHeaderBytes)");
  if (length > fileSize - 8)
    return Status::error("header length " + std::to_string(length) +
                         " exceeds the " + std::to_string(fileSize - 8) +
                         " bytes that follow the length field");
  return length;
}

StatusOr<Header> parseHeader(const char *text, size_t size, uint64_t dataSize,
                             const ReadOptions &options) {
  // nlohmann stops at a NUL byte as if the input ended there, so whatever
  // follows one would go unread; JSON allows no raw NUL anywhere.
  if (const void *nul = std::memchr(text, '\0', size))
    return Status::error(
        "header is not valid JSON: NUL byte at header offset " +
        std::to_string(static_cast<const char *>(nul) - text));
  if (nestsTooDeep(text, size))
    return Status::error("header nests JSON deeper than " +
                         std::to_string(kMaxNesting) +
                         " levels, which no safetensors header does");

  // nlohmann keeps the last of duplicate keys; the callback sees every key
  // so that duplicates can be refused instead. It also records the file
  // order of tensor names, which nlohmann's std::map-based object loses.
  std::vector<std::set<std::string>> openObjectKeys;
  std::vector<std::string> topKeys;
  std::string currentTopKey;
  bool hasDuplicate = false;
  int duplicateDepth = 0;
  std::string duplicateKey, duplicateOwner;
  auto callback = [&](int depth, json::parse_event_t event, json &parsed) {
    switch (event) {
    case json::parse_event_t::object_start:
      openObjectKeys.emplace_back();
      break;
    case json::parse_event_t::object_end:
      if (!openObjectKeys.empty())
        openObjectKeys.pop_back();
      break;
    case json::parse_event_t::key: {
      const std::string &key = parsed.get_ref<const std::string &>();
      if (depth == 1) {
        topKeys.push_back(key);
        currentTopKey = key;
      }
      if (!hasDuplicate && !openObjectKeys.empty() &&
          !openObjectKeys.back().insert(key).second) {
        hasDuplicate = true;
        duplicateDepth = depth;
        duplicateKey = key;
        duplicateOwner = currentTopKey;
      }
      break;
    }
    default:
      break;
    }
    return true;
  };

  json root;
  try {
    root = json::parse(text, text + size, callback);
  } catch (const json::exception &e) {
    // Not only parse_error: a number such as 1e400 throws out_of_range.
    // Drop nlohmann's "[json.exception.parse_error.101] " tag.
    std::string what = e.what();
    size_t tagEnd = what.find("] ");
    if (tagEnd != std::string::npos)
      what = what.substr(tagEnd + 2);
    return Status::error("header is not valid JSON: " + what);
  }
  if (hasDuplicate) {
    if (duplicateDepth == 1)
      return Status::error("duplicate key " + quotedName(duplicateKey) +
                           " in the header");
    if (duplicateOwner == kMetadataKey)
      return Status::error("__metadata__: duplicate key " +
                           quotedName(duplicateKey));
    return tensorError(duplicateOwner,
                       "duplicate key " + quotedName(duplicateKey));
  }
  if (!root.is_object())
    return Status::error(std::string("header is a JSON ") + root.type_name() +
                         ", not an object");

  Header header;
  header.entries.reserve(topKeys.size());
  for (const std::string &name : topKeys) {
    const json &value = root.find(name).value();
    if (name == kMetadataKey) {
      TFX_RETURN_IF_ERROR(parseMetadata(value, header));
      continue;
    }
    header.entries.emplace_back();
    TFX_RETURN_IF_ERROR(
        parseEntry(name, value, dataSize, options, header.entries.back()));
  }
  TFX_RETURN_IF_ERROR(checkOverlaps(header.entries));
  return header;
}

} // namespace tfx::rt::detail
