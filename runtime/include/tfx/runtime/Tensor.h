//===- Tensor.h - dense tensors of the tfx runtime ----------------*- C++ -*-===//
//
// A Tensor owns (or views) a dense row-major buffer with a dtype and a shape
// given outermost first, as in PyTorch and the tfx dialect. Halide buffers
// are innermost first; `halideBuffer()` makes that view without copying.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_RUNTIME_TENSOR_H
#define TFX_RUNTIME_TENSOR_H

#include "tfx/runtime/Status.h"

#include <HalideBuffer.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tfx::rt {

struct Residency; // Device.h

/// Element types. Bool is stored as one byte (0 or 1). F16 and BF16 only
/// appear in files: the reader converts them to F32 on load.
enum class DType { F32, F64, F16, BF16, I64, I32, I8, U8, Bool };

/// Size of one element in bytes.
size_t dtypeSize(DType dtype);
/// The safetensors spelling ("F32", "I64", "BOOL", ...).
const char *dtypeName(DType dtype);
/// Parses a safetensors dtype name; nullopt if unknown.
std::optional<DType> parseDType(const std::string &name);
/// Halide's type for a dtype (Bool -> UInt(8)).
halide_type_t halideType(DType dtype);

/// Formats a shape as "[2, 50, 128]".
std::string formatShape(const std::vector<int64_t> &shape);

class Tensor {
public:
  Tensor() = default;
  /// Allocates a zero-filled, 64-byte aligned tensor.
  Tensor(DType dtype, std::vector<int64_t> shape);

  /// Allocates, or fails with a message if the shape is negative or its byte
  /// size overflows / exceeds `maxBytes`.
  static StatusOr<Tensor> allocate(DType dtype, std::vector<int64_t> shape,
                                   size_t maxBytes = size_t(1) << 40);

  /// A tensor over memory it does not own: the caller keeps `data` alive
  /// (and of `shape`'s byte size) for as long as the tensor or a view of it.
  static Tensor borrowed(DType dtype, std::vector<int64_t> shape, void *data);

  DType dtype() const { return dtype_; }
  const std::vector<int64_t> &shape() const { return shape_; }
  int64_t rank() const { return static_cast<int64_t>(shape_.size()); }
  int64_t dim(int64_t i) const { return shape_[i]; }
  int64_t numel() const;
  size_t byteSize() const { return static_cast<size_t>(numel()) * dtypeSize(dtype_); }
  bool empty() const { return !storage_; }

  void *data() { return storage_.get() + offset_; }
  const void *data() const { return storage_.get() + offset_; }
  template <typename T> T *dataAs() { return static_cast<T *>(data()); }
  template <typename T> const T *dataAs() const {
    return static_cast<const T *>(data());
  }

  /// Same storage, another shape with the same number of elements.
  StatusOr<Tensor> reshaped(std::vector<int64_t> shape) const;

  /// Same storage viewed with another dtype and shape of the same byte size
  /// (used to recycle buffers).
  StatusOr<Tensor> reinterpreted(DType dtype, std::vector<int64_t> shape) const;

  /// How many tensors share this storage (1 = this one alone).
  long storageUseCount() const { return storage_.use_count(); }

  /// A Halide view (dims reversed: dim 0 is the innermost tensor dim).
  Halide::Runtime::Buffer<void> halideBuffer() const;

  /// Deep copy of the host bytes (never of a device residency).
  Tensor clone() const;

  /// Where the current bytes are when kernels run on a GPU (Device.h);
  /// null on host execution. Views (reshaped, reinterpreted) share it.
  Residency *residency() const { return residency_.get(); }
  void setResidency(std::shared_ptr<Residency> r) { residency_ = std::move(r); }

private:
  DType dtype_ = DType::F32;
  std::vector<int64_t> shape_;
  std::shared_ptr<uint8_t[]> storage_;
  size_t offset_ = 0;
  std::shared_ptr<Residency> residency_;
};

} // namespace tfx::rt

#endif // TFX_RUNTIME_TENSOR_H
