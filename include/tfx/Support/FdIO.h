//===- FdIO.h - whole reads and writes on file descriptors --------*- C++ -*-===//
//
// Pipes between tfx processes (the parse check of ParseModule.h, the IR
// fuzzer's parse guard): every call retries after a signal interrupts it
// and after a short transfer. Header only.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_SUPPORT_FDIO_H
#define TFX_SUPPORT_FDIO_H

#include <cerrno>
#include <cstddef>
#include <string>
#include <unistd.h>

namespace tfx {

/// Writes all `size` bytes; false on an error or a closed pipe.
inline bool writeAll(int fd, const void *data, size_t size) {
  const char *p = static_cast<const char *>(data);
  while (size > 0) {
    ssize_t n = ::write(fd, p, size);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return false;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

/// Reads exactly `size` bytes; false on an error or end of file first.
inline bool readExactly(int fd, void *data, size_t size) {
  char *p = static_cast<char *>(data);
  while (size > 0) {
    ssize_t n = ::read(fd, p, size);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return false;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

/// Everything up to end of file (or the first error).
inline std::string readToEnd(int fd) {
  std::string text;
  char chunk[4096];
  for (;;) {
    ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return text;
    text.append(chunk, static_cast<size_t>(n));
  }
}

} // namespace tfx

#endif // TFX_SUPPORT_FDIO_H
