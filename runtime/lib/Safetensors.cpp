//===- Safetensors.cpp - reading and writing .safetensors files -----------===//
//
// Reading happens in two phases so that nothing is allocated on the header's
// word: the header is validated completely (types, sizes with overflow-checked
// arithmetic, ranges against the real data section, overlaps), and only then
// are tensors allocated and filled, from memory or straight from the file.
//
//===----------------------------------------------------------------------===//

#include "tfx/runtime/Safetensors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <set>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "safetensors data is little-endian; this host needs byte swaps");

namespace tfx::rt {

float halfToFloat(uint16_t h) {
  uint32_t sign = uint32_t(h & 0x8000u) << 16;
  uint32_t exponent = (h >> 10) & 0x1fu;
  uint32_t mantissa = h & 0x3ffu;
  uint32_t bits;
  if (exponent == 0x1f) {
    // Keep the NaN payload (and so quiet/signalling) bit for bit.
    bits = sign | 0x7f800000u | (mantissa << 13);
  } else if (exponent != 0) {
    // Rebias from 15 to 127.
    bits = sign | ((exponent + 112) << 23) | (mantissa << 13);
  } else {
    // Zero or subnormal: mantissa * 2^-24 is exact in binary32.
    float magnitude = float(mantissa) * 0x1p-24f;
    return sign ? -magnitude : magnitude;
  }
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

float bfloat16ToFloat(uint16_t h) {
  uint32_t bits = uint32_t(h) << 16;
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

namespace {

using json = nlohmann::json;

constexpr const char *kMetadataKey = "__metadata__";
// File object, entry object, shape array: nothing valid nests deeper.
constexpr int kMaxNesting = 3;

/// Names can be megabytes long; messages only need enough to find them.
std::string quotedName(const std::string &s) {
  constexpr size_t kMax = 200;
  if (s.size() <= kMax)
    return "'" + s + "'";
  return "'" + s.substr(0, kMax) + "...'";
}

Status tensorError(const std::string &name, const std::string &message) {
  return Status::error("tensor " + quotedName(name) + ": " + message);
}

/// A short rendering of a JSON value for messages.
std::string describe(const json &value) {
  std::string s = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (s.size() > 60)
    s = s.substr(0, 60) + "...";
  return s;
}

std::string errnoMessage(int err) {
  return std::error_code(err, std::generic_category()).message();
}

std::string offsetsText(uint64_t begin, uint64_t end) {
  return "[" + std::to_string(begin) + ", " + std::to_string(end) + "]";
}

bool isHalf(DType dtype) { return dtype == DType::F16 || dtype == DType::BF16; }

struct Entry {
  std::string name;
  DType dtype = DType::F32;
  std::vector<int64_t> shape;
  uint64_t begin = 0;
  uint64_t end = 0;
};

struct Header {
  std::vector<Entry> entries;
  std::map<std::string, std::string> metadata;
};

uint64_t readLE64(const uint8_t *p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i)
    v = (v << 8) | p[i];
  return v;
}

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

/// The data section, in memory or in a file.
class DataSource {
public:
  virtual ~DataSource() = default;
  /// Copies `size` bytes at `offset` (relative to the data section).
  virtual Status read(uint64_t offset, size_t size, void *dst) const = 0;
  /// The bytes at `offset` without copying, or null.
  virtual const uint8_t *view(uint64_t offset) const { return nullptr; }
};

class MemorySource : public DataSource {
public:
  explicit MemorySource(const uint8_t *data) : data_(data) {}
  Status read(uint64_t offset, size_t size, void *dst) const override {
    if (size)
      std::memcpy(dst, data_ + offset, size);
    return Status::ok();
  }
  const uint8_t *view(uint64_t offset) const override {
    return data_ + offset;
  }

private:
  const uint8_t *data_;
};

Status preadFully(int fd, uint64_t offset, size_t size, void *dst) {
  auto *out = static_cast<uint8_t *>(dst);
  while (size > 0) {
    ssize_t n = ::pread(fd, out, size, off_t(offset));
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return Status::error("read failed: " + errnoMessage(errno));
    }
    if (n == 0)
      return Status::error("file ended early (did it shrink while being "
                           "read?)");
    out += n;
    offset += uint64_t(n);
    size -= size_t(n);
  }
  return Status::ok();
}

class FileSource : public DataSource {
public:
  FileSource(int fd, uint64_t dataStart) : fd_(fd), dataStart_(dataStart) {}
  Status read(uint64_t offset, size_t size, void *dst) const override {
    return preadFully(fd_, dataStart_ + offset, size, dst);
  }

private:
  int fd_;
  uint64_t dataStart_;
};

StatusOr<Tensor> loadTensor(const Entry &entry, const ReadOptions &options,
                            const DataSource &source) {
  bool half = isHalf(entry.dtype);
  StatusOr<Tensor> tensor = Tensor::allocate(
      half ? DType::F32 : entry.dtype, entry.shape, options.maxTensorBytes);
  if (!tensor)
    return tensorError(entry.name, tensor.status().message());
  size_t bytes = size_t(entry.end - entry.begin);

  if (!half) {
    Status read = source.read(entry.begin, bytes, tensor->data());
    if (!read)
      return tensorError(entry.name, read.message());
    if (entry.dtype == DType::Bool) {
      const uint8_t *values = tensor->dataAs<uint8_t>();
      for (size_t i = 0; i < bytes; ++i)
        if (values[i] > 1)
          return tensorError(entry.name, "BOOL element " + std::to_string(i) +
                                             " is " +
                                             std::to_string(values[i]) +
                                             ", not 0 or 1");
    }
    return tensor;
  }

  const uint8_t *raw = source.view(entry.begin);
  std::unique_ptr<uint8_t[]> copy;
  if (!raw) {
    copy.reset(new (std::nothrow) uint8_t[bytes ? bytes : 1]);
    if (!copy)
      return tensorError(entry.name, "out of memory reading " +
                                         std::to_string(bytes) + " bytes");
    Status read = source.read(entry.begin, bytes, copy.get());
    if (!read)
      return tensorError(entry.name, read.message());
    raw = copy.get();
  }
  float *out = tensor->dataAs<float>();
  size_t count = bytes / 2;
  for (size_t i = 0; i < count; ++i) {
    uint16_t bits = uint16_t(raw[2 * i] | (raw[2 * i + 1] << 8));
    out[i] = entry.dtype == DType::F16 ? halfToFloat(bits)
                                       : bfloat16ToFloat(bits);
  }
  return tensor;
}

StatusOr<TensorFile> loadAll(Header &header, const ReadOptions &options,
                             const DataSource &source) {
  TensorFile file;
  file.metadata = std::move(header.metadata);
  file.names.reserve(header.entries.size());
  for (const Entry &entry : header.entries) {
    StatusOr<Tensor> tensor = loadTensor(entry, options, source);
    if (!tensor)
      return tensor.status();
    file.names.push_back(entry.name);
    file.tensors.emplace(entry.name, std::move(*tensor));
  }
  return file;
}

StatusOr<TensorFile> parseImpl(const uint8_t *data, size_t size,
                               const ReadOptions &options) {
  StatusOr<uint64_t> headerLength = checkHeaderLength(data, size, options);
  if (!headerLength)
    return headerLength.status();
  uint64_t dataStart = 8 + *headerLength;
  StatusOr<Header> header =
      parseHeader(reinterpret_cast<const char *>(data) + 8,
                  size_t(*headerLength), size - dataStart, options);
  if (!header)
    return header.status();
  return loadAll(*header, options, MemorySource(data + dataStart));
}

struct FdCloser {
  int fd;
  ~FdCloser() {
    if (fd >= 0)
      ::close(fd);
  }
};

StatusOr<TensorFile> readImpl(const std::string &path,
                              const ReadOptions &options) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return Status::error("cannot open: " + errnoMessage(errno));
  FdCloser closer{fd};
  struct stat st;
  if (::fstat(fd, &st) != 0)
    return Status::error("cannot stat: " + errnoMessage(errno));
  if (!S_ISREG(st.st_mode))
    return Status::error("not a regular file");
  uint64_t fileSize = uint64_t(st.st_size);

  uint8_t prefix[8] = {};
  if (fileSize >= 8)
    TFX_RETURN_IF_ERROR(preadFully(fd, 0, 8, prefix));
  StatusOr<uint64_t> headerLength = checkHeaderLength(prefix, fileSize, options);
  if (!headerLength)
    return headerLength.status();
  std::string text(size_t(*headerLength), '\0');
  TFX_RETURN_IF_ERROR(preadFully(fd, 8, text.size(), text.data()));
  uint64_t dataStart = 8 + *headerLength;
  StatusOr<Header> header =
      parseHeader(text.data(), text.size(), fileSize - dataStart, options);
  if (!header)
    return header.status();
  text = std::string(); // Free it before the tensors are allocated.
  return loadAll(*header, options, FileSource(fd, dataStart));
}

//===----------------------------------------------------------------------===//
// Writing
//===----------------------------------------------------------------------===//

/// Builds the header JSON by hand: nlohmann's ordered_json looks keys up
/// linearly, which is quadratic in the number of tensors.
StatusOr<std::string>
buildHeader(const std::vector<std::pair<std::string, Tensor>> &tensors,
            const std::map<std::string, std::string> &metadata) {
  std::string header = "{";
  if (!metadata.empty()) {
    try {
      header += "\"__metadata__\":" + json(metadata).dump();
    } catch (const json::type_error &) {
      return Status::error("__metadata__: a key or value is not valid UTF-8");
    }
  }
  std::set<std::string> seen;
  uint64_t offset = 0;
  for (size_t i = 0; i < tensors.size(); ++i) {
    const std::string &name = tensors[i].first;
    const Tensor &t = tensors[i].second;
    if (name == kMetadataKey)
      return tensorError(name, "the name is reserved for metadata");
    if (!seen.insert(name).second)
      return tensorError(name, "duplicate name");
    if (isHalf(t.dtype()))
      return tensorError(name, std::string("cannot write dtype ") +
                                   dtypeName(t.dtype()) +
                                   " (the runtime holds half-precision "
                                   "weights as F32; write them as F32)");
    if (t.empty())
      return tensorError(name, "has no storage");
    uint64_t bytes = dtypeSize(t.dtype());
    for (int64_t d : t.shape()) {
      if (d < 0)
        return tensorError(name, "negative dimension in shape " +
                                     formatShape(t.shape()));
      if (__builtin_mul_overflow(bytes, uint64_t(d), &bytes))
        return tensorError(name, "shape " + formatShape(t.shape()) +
                                     " overflows");
    }
    if (t.dtype() == DType::Bool) {
      const uint8_t *values = t.dataAs<uint8_t>();
      for (uint64_t k = 0; k < bytes; ++k)
        if (values[k] > 1)
          return tensorError(name, "BOOL element " + std::to_string(k) +
                                       " is " + std::to_string(values[k]) +
                                       ", not 0 or 1");
    }
    std::string jsonName;
    try {
      jsonName = json(name).dump();
    } catch (const json::type_error &) {
      return Status::error("tensor #" + std::to_string(i) +
                           ": the name is not valid UTF-8");
    }
    if (header.size() > 1)
      header += ',';
    header += jsonName + ":{\"dtype\":\"" + dtypeName(t.dtype()) +
              "\",\"shape\":[";
    for (size_t k = 0; k < t.shape().size(); ++k) {
      if (k)
        header += ',';
      header += std::to_string(t.shape()[k]);
    }
    header += "],\"data_offsets\":[" + std::to_string(offset) + "," +
              std::to_string(offset + bytes) + "]}";
    offset += bytes;
  }
  header += '}';
  // Aligning the data section lets readers map tensors in place.
  header.append((8 - (8 + header.size()) % 8) % 8, ' ');
  return header;
}

Status writeFully(int fd, const void *data, size_t size) {
  const auto *p = static_cast<const uint8_t *>(data);
  while (size > 0) {
    ssize_t n = ::write(fd, p, size);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return Status::error("write failed: " + errnoMessage(errno));
    }
    p += n;
    size -= size_t(n);
  }
  return Status::ok();
}

/// A temporary file next to the target that removes itself unless committed.
class TempFile {
public:
  ~TempFile() {
    if (fd_ >= 0)
      ::close(fd_);
    if (!path_.empty() && !committed_)
      ::unlink(path_.c_str());
  }

  Status create(const std::string &target) {
    static std::atomic<unsigned> counter{0};
    for (int attempt = 0; attempt < 100; ++attempt) {
      std::string candidate = target + ".tmp." + std::to_string(::getpid()) +
                              "." + std::to_string(counter++);
      // 0666 so the final file gets the usual umask-derived mode.
      int fd = ::open(candidate.c_str(),
                      O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd >= 0) {
        fd_ = fd;
        path_ = candidate;
        return Status::ok();
      }
      if (errno != EEXIST)
        return Status::error("cannot create temporary file " + candidate +
                             ": " + errnoMessage(errno));
    }
    return Status::error("cannot find an unused temporary file name");
  }

  int fd() const { return fd_; }

  /// Flushes, closes and renames onto `target`.
  Status commit(const std::string &target) {
    // Without fsync a crash after rename() can leave an empty target.
    if (::fsync(fd_) != 0)
      return Status::error("fsync failed: " + errnoMessage(errno));
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0)
      return Status::error("close failed: " + errnoMessage(errno));
    if (::rename(path_.c_str(), target.c_str()) != 0)
      return Status::error("cannot rename " + path_ + " to the target: " +
                           errnoMessage(errno));
    committed_ = true;
    return Status::ok();
  }

private:
  int fd_ = -1;
  std::string path_;
  bool committed_ = false;
};

Status writeImpl(const std::string &path,
                 const std::vector<std::pair<std::string, Tensor>> &tensors,
                 const std::map<std::string, std::string> &metadata) {
  StatusOr<std::string> header = buildHeader(tensors, metadata);
  if (!header)
    return header.status();
  TempFile temp;
  TFX_RETURN_IF_ERROR(temp.create(path));
  uint8_t prefix[8];
  uint64_t length = header->size();
  for (int i = 0; i < 8; ++i)
    prefix[i] = uint8_t(length >> (8 * i));
  TFX_RETURN_IF_ERROR(writeFully(temp.fd(), prefix, sizeof prefix));
  TFX_RETURN_IF_ERROR(writeFully(temp.fd(), header->data(), header->size()));
  for (const auto &[name, tensor] : tensors)
    TFX_RETURN_IF_ERROR(
        writeFully(temp.fd(), tensor.data(), tensor.byteSize()));
  return temp.commit(path);
}

} // namespace

StatusOr<TensorFile> parseSafetensors(const uint8_t *data, size_t size,
                                      const ReadOptions &options) {
  try {
    return parseImpl(data, size, options);
  } catch (const std::bad_alloc &) {
    return Status::error("out of memory while parsing the header");
  }
}

StatusOr<TensorFile> readSafetensors(const std::string &path,
                                     const ReadOptions &options) {
  StatusOr<TensorFile> file = [&]() -> StatusOr<TensorFile> {
    try {
      return readImpl(path, options);
    } catch (const std::bad_alloc &) {
      return Status::error("out of memory while parsing the header");
    }
  }();
  if (!file)
    return file.status().withContext(path);
  return file;
}

Status writeSafetensors(
    const std::string &path,
    const std::vector<std::pair<std::string, Tensor>> &tensors,
    const std::map<std::string, std::string> &metadata) {
  try {
    return writeImpl(path, tensors, metadata).withContext(path);
  } catch (const std::bad_alloc &) {
    return Status::error(path + ": out of memory building the header");
  }
}

} // namespace tfx::rt
