//===- SafetensorsRead.cpp - reading .safetensors files -------------------===//
//
// Reading happens in two phases so that nothing is allocated on the header's
// word: the header is validated completely (SafetensorsHeader.cpp), and only
// then are tensors allocated and filled, from memory or straight from the
// file; F16 and BF16 data become F32 on the way.
//
//===----------------------------------------------------------------------===//

#include "SafetensorsInternal.h"

#include <cerrno>
#include <cstring>
#include <memory>
#include <new>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

namespace detail {
namespace {

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

} // namespace
} // namespace detail

StatusOr<TensorFile> parseSafetensors(const uint8_t *data, size_t size,
                                      const ReadOptions &options) {
  try {
    return detail::parseImpl(data, size, options);
  } catch (const std::bad_alloc &) {
    return Status::error("out of memory while parsing the header");
  }
}

StatusOr<TensorFile> readSafetensors(const std::string &path,
                                     const ReadOptions &options) {
  StatusOr<TensorFile> file = [&]() -> StatusOr<TensorFile> {
    try {
      return detail::readImpl(path, options);
    } catch (const std::bad_alloc &) {
      return Status::error("out of memory while parsing the header");
    }
  }();
  if (!file)
    return file.status().withContext(path);
  return file;
}

} // namespace tfx::rt
