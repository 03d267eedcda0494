//===- SafetensorsWrite.cpp - writing .safetensors files ------------------===//
//
// The header is built by hand (names and metadata escaped by nlohmann), with
// every tensor checked first so that the reader would take the file back
// unchanged; the file is written to a temporary beside the target, synced and
// renamed over it, so an existing file is replaced atomically or not at all.
//
//===----------------------------------------------------------------------===//

#include "SafetensorsInternal.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <set>

#include <fcntl.h>
#include <unistd.h>

namespace tfx::rt {
namespace detail {
namespace {

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
} // namespace detail

Status writeSafetensors(
    const std::string &path,
    const std::vector<std::pair<std::string, Tensor>> &tensors,
    const std::map<std::string, std::string> &metadata) {
  try {
    return detail::writeImpl(path, tensors, metadata).withContext(path);
  } catch (const std::bad_alloc &) {
    return Status::error(path + ": out of memory building the header");
  }
}

} // namespace tfx::rt
