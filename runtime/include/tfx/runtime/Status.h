//===- Status.h - errors of the tfx runtime -----------------------*- C++ -*-===//
//
// The runtime never aborts on bad input: every fallible call returns a Status
// (or StatusOr<T>) whose message says what is wrong and names the tensor,
// file or argument concerned. No LLVM/MLIR types here: apps that embed the
// runtime link only this library.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_RUNTIME_STATUS_H
#define TFX_RUNTIME_STATUS_H

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace tfx::rt {

class [[nodiscard]] Status {
public:
  static Status ok() { return Status(); }
  static Status error(std::string message) {
    Status s;
    s.message_ = std::move(message);
    s.failed_ = true;
    return s;
  }

  bool isOk() const { return !failed_; }
  explicit operator bool() const { return isOk(); }
  const std::string &message() const { return message_; }

  /// Prefixes the message with context ("weights.safetensors: ...").
  Status withContext(const std::string &context) const {
    if (isOk())
      return *this;
    return error(context + ": " + message_);
  }

private:
  bool failed_ = false;
  std::string message_;
};

template <typename T> class [[nodiscard]] StatusOr {
public:
  StatusOr(T value) : value_(std::move(value)) {}
  StatusOr(Status status) : status_(std::move(status)) {
    assert(!status_.isOk() && "StatusOr built from an OK status");
  }

  bool isOk() const { return value_.has_value(); }
  explicit operator bool() const { return isOk(); }
  const Status &status() const { return status_; }
  T &value() { return *value_; }
  const T &value() const { return *value_; }
  T &operator*() { return *value_; }
  const T &operator*() const { return *value_; }
  T *operator->() { return &*value_; }
  const T *operator->() const { return &*value_; }

private:
  std::optional<T> value_;
  Status status_;
};

} // namespace tfx::rt

/// Returns early from the enclosing function if `expr` is an error Status.
#define TFX_RETURN_IF_ERROR(expr)                                              \
  do {                                                                         \
    ::tfx::rt::Status tfx_status_ = (expr);                                    \
    if (!tfx_status_.isOk())                                                   \
      return tfx_status_;                                                      \
  } while (false)

#endif // TFX_RUNTIME_STATUS_H
