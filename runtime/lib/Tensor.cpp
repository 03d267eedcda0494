//===- Tensor.cpp - dense tensors of the tfx runtime ----------------------===//

#include "tfx/runtime/Tensor.h"

#include <cstdlib>
#include <cstring>
#include <limits>

namespace tfx::rt {

size_t dtypeSize(DType dtype) {
  switch (dtype) {
  case DType::F64:
  case DType::I64:
    return 8;
  case DType::F32:
  case DType::I32:
    return 4;
  case DType::F16:
  case DType::BF16:
    return 2;
  case DType::I8:
  case DType::U8:
  case DType::Bool:
    return 1;
  }
  return 0;
}

const char *dtypeName(DType dtype) {
  switch (dtype) {
  case DType::F32: return "F32";
  case DType::F64: return "F64";
  case DType::F16: return "F16";
  case DType::BF16: return "BF16";
  case DType::I64: return "I64";
  case DType::I32: return "I32";
  case DType::I8: return "I8";
  case DType::U8: return "U8";
  case DType::Bool: return "BOOL";
  }
  return "?";
}

std::optional<DType> parseDType(const std::string &name) {
  for (DType d : {DType::F32, DType::F64, DType::F16, DType::BF16, DType::I64,
                  DType::I32, DType::I8, DType::U8, DType::Bool})
    if (name == dtypeName(d))
      return d;
  return std::nullopt;
}

halide_type_t halideType(DType dtype) {
  switch (dtype) {
  case DType::F32: return halide_type_t(halide_type_float, 32);
  case DType::F64: return halide_type_t(halide_type_float, 64);
  case DType::F16: return halide_type_t(halide_type_float, 16);
  case DType::BF16: return halide_type_t(halide_type_bfloat, 16);
  case DType::I64: return halide_type_t(halide_type_int, 64);
  case DType::I32: return halide_type_t(halide_type_int, 32);
  case DType::I8: return halide_type_t(halide_type_int, 8);
  case DType::U8:
  case DType::Bool: return halide_type_t(halide_type_uint, 8);
  }
  return halide_type_t(halide_type_float, 32);
}

std::string formatShape(const std::vector<int64_t> &shape) {
  std::string s = "[";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i)
      s += ", ";
    s += std::to_string(shape[i]);
  }
  return s + "]";
}

namespace {
std::shared_ptr<uint8_t[]> allocateStorage(size_t bytes) {
  size_t rounded = (bytes + 63) / 64 * 64;
  if (rounded == 0)
    rounded = 64;
  void *p = std::aligned_alloc(64, rounded);
  if (!p)
    return nullptr;
  std::memset(p, 0, rounded);
  return std::shared_ptr<uint8_t[]>(static_cast<uint8_t *>(p),
                                    [](uint8_t *q) { std::free(q); });
}
} // namespace

Tensor::Tensor(DType dtype, std::vector<int64_t> shape)
    : dtype_(dtype), shape_(std::move(shape)) {
  storage_ = allocateStorage(byteSize());
}

StatusOr<Tensor> Tensor::allocate(DType dtype, std::vector<int64_t> shape,
                                  size_t maxBytes) {
  size_t elements = 1;
  for (int64_t d : shape) {
    if (d < 0)
      return Status::error("negative dimension in shape " + formatShape(shape));
    if (d != 0 && elements > std::numeric_limits<size_t>::max() / size_t(d))
      return Status::error("shape " + formatShape(shape) + " overflows");
    elements *= size_t(d);
  }
  if (elements > maxBytes / dtypeSize(dtype))
    return Status::error("shape " + formatShape(shape) + " of " +
                         dtypeName(dtype) + " needs more than " +
                         std::to_string(maxBytes) + " bytes");
  Tensor t;
  t.dtype_ = dtype;
  t.shape_ = std::move(shape);
  t.storage_ = allocateStorage(elements * dtypeSize(dtype));
  if (!t.storage_)
    return Status::error("out of memory allocating " +
                         std::to_string(elements * dtypeSize(dtype)) + " bytes");
  return t;
}

int64_t Tensor::numel() const {
  int64_t n = 1;
  for (int64_t d : shape_)
    n *= d;
  return n;
}

StatusOr<Tensor> Tensor::reshaped(std::vector<int64_t> shape) const {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  if (n != numel())
    return Status::error("cannot view " + formatShape(shape_) + " as " +
                         formatShape(shape));
  Tensor t = *this;
  t.shape_ = std::move(shape);
  return t;
}

StatusOr<Tensor> Tensor::reinterpreted(DType dtype,
                                       std::vector<int64_t> shape) const {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  if (static_cast<size_t>(n) * dtypeSize(dtype) != byteSize())
    return Status::error("cannot view " + std::to_string(byteSize()) +
                         " bytes as " + dtypeName(dtype) + formatShape(shape));
  Tensor t = *this;
  t.dtype_ = dtype;
  t.shape_ = std::move(shape);
  return t;
}

Halide::Runtime::Buffer<void> Tensor::halideBuffer() const {
  std::vector<halide_dimension_t> dims(shape_.size());
  int32_t stride = 1;
  for (size_t i = 0; i < shape_.size(); ++i) {
    int64_t extent = shape_[shape_.size() - 1 - i];
    dims[i] = halide_dimension_t(0, static_cast<int32_t>(extent), stride);
    stride *= static_cast<int32_t>(extent);
  }
  return Halide::Runtime::Buffer<void>(halideType(dtype_),
                                       const_cast<void *>(data()),
                                       static_cast<int>(dims.size()),
                                       dims.data());
}

Tensor Tensor::borrowed(DType dtype, std::vector<int64_t> shape, void *data) {
  Tensor t;
  t.dtype_ = dtype;
  t.shape_ = std::move(shape);
  t.storage_ = std::shared_ptr<uint8_t[]>(static_cast<uint8_t *>(data), [](uint8_t *) {});
  return t;
}

Tensor Tensor::clone() const {
  Tensor t(dtype_, shape_);
  if (!empty())
    std::memcpy(t.data(), data(), byteSize());
  return t;
}

} // namespace tfx::rt
