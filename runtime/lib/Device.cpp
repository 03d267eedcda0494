//===- Device.cpp - device memory of the tfx runtime ----------------------===//

#include "tfx/runtime/Device.h"

#include "tfx/runtime/Limits.h"
#include "tfx/runtime/Tensor.h"

#include <algorithm>
#include <string>

namespace tfx::rt {

StatusOr<std::shared_ptr<DeviceAllocation>> DeviceAllocation::allocate(Device device,
                                                                       size_t bytes) {
  if (!device)
    return Status::error("internal error: a device allocation without a device");
  // uint8 [64, rows]: sizes past 2^31 bytes fit the 32-bit extents.
  size_t rows = roundedSize(bytes) / 64;
  if (rows > static_cast<size_t>(INT32_MAX))
    return Status::error("a device buffer of " + std::to_string(bytes) + " bytes is too large");
  std::shared_ptr<DeviceAllocation> a(new DeviceAllocation);
  a->dims_[0] = halide_dimension_t(0, 64, 1);
  a->dims_[1] = halide_dimension_t(0, static_cast<int32_t>(rows), 64);
  a->buf_.type = halide_type_t(halide_type_uint, 8);
  a->buf_.dimensions = 2;
  a->buf_.dim = a->dims_; // host stays null: device memory only
  a->bytes_ = roundedSize(bytes);
  if (int e = device.iface->device_malloc(nullptr, &a->buf_, device.iface)) {
    a->buf_.device = 0;
    return Status::error("allocating " + std::to_string(bytes) +
                         " bytes on the device failed (Halide error " + std::to_string(e) + ")");
  }
  return a;
}

DeviceAllocation::~DeviceAllocation() {
  if (buf_.device && buf_.device_interface)
    buf_.device_interface->device_free(nullptr, &buf_);
}

StatusOr<halide_buffer_t> copyView(const Tensor &t, halide_dimension_t &dim) {
  if (t.numel() > kMaxKernelElements)
    return Status::error("a tensor of " + std::to_string(t.numel()) +
                         " elements is past the 2^31-element limit of device copies");
  dim = halide_dimension_t(0, static_cast<int32_t>(t.numel()), 1);
  halide_buffer_t b{};
  b.type = halideType(t.dtype());
  b.dimensions = 1;
  b.dim = &dim;
  b.host = const_cast<uint8_t *>(static_cast<const uint8_t *>(t.data()));
  if (Residency *r = t.residency(); r && r->device) {
    b.device = r->device->handle();
    b.device_interface = r->device->iface();
  }
  return b;
}

Status ensureOnDevice(Device device, const Tensor &t, size_t &uploadedBytes, bool &allocated) {
  uploadedBytes = 0;
  allocated = false;
  Residency *r = t.residency();
  if (!r)
    return Status::error("internal error: a tensor without a residency on a device path");
  if (r->deviceValid)
    return Status::ok();
  if (!r->device) {
    StatusOr<std::shared_ptr<DeviceAllocation>> a = DeviceAllocation::allocate(device, t.byteSize());
    if (!a)
      return a.status();
    r->device = std::move(*a);
    allocated = true;
  }
  if (!r->hostValid)
    return Status::error("internal error: a buffer with no current copy");
  if (t.numel() > 0) {
    halide_dimension_t dim;
    StatusOr<halide_buffer_t> b = copyView(t, dim);
    if (!b)
      return b.status();
    b->set_host_dirty(true);
    if (int e = r->device->iface()->copy_to_device(nullptr, &*b, r->device->iface()))
      return Status::error("copying " + std::to_string(t.byteSize()) +
                           " bytes to the device failed (Halide error " + std::to_string(e) + ")");
    uploadedBytes = t.byteSize();
  }
  r->deviceValid = true;
  return Status::ok();
}

Status downloadInto(const Tensor &from, Tensor &to) {
  Residency *r = from.residency();
  if (!r || !r->device || !r->deviceValid)
    return Status::error("internal error: downloading a buffer that is not on the device");
  if (to.byteSize() != from.byteSize() || to.empty())
    return Status::error("internal error: downloading into a buffer of another size");
  if (from.numel() == 0)
    return Status::ok();
  halide_dimension_t dim;
  StatusOr<halide_buffer_t> b = copyView(from, dim);
  if (!b)
    return b.status();
  b->host = static_cast<uint8_t *>(to.data());
  b->set_device_dirty(true);
  if (int e = r->device->iface()->copy_to_host(nullptr, &*b))
    return Status::error("copying " + std::to_string(from.byteSize()) +
                         " bytes from the device failed (Halide error " + std::to_string(e) + ")");
  return Status::ok();
}

Status ensureOnHost(const Tensor &t, size_t &downloadedBytes) {
  downloadedBytes = 0;
  Residency *r = t.residency();
  if (!r || r->hostValid)
    return Status::ok();
  Tensor host = t; // the same host memory: download in place
  TFX_RETURN_IF_ERROR(downloadInto(t, host));
  r->hostValid = true;
  downloadedBytes = t.byteSize();
  return Status::ok();
}

} // namespace tfx::rt
