//===- Device.h - device memory of the tfx runtime ----------------*- C++ -*-===//
//
// Device residency (docs/gpu-residency.md). GPU kernels run on buffers that
// live in device memory across the kernel steps of a call: the constants go
// up once, when the model is made, and only a function's inputs go up and
// its outputs come down. The runtime reaches the GPU only through the
// `halide_device_interface_t` of the Halide runtime that the kernels were
// built with (CUDA or OpenCL), so it links no Halide runtime symbol itself.
//
// Every buffer keeps its host memory as well (the pool's, the caller's, the
// weights'): a Residency says which of the two copies is current. A host
// kernel in the middle of a GPU function therefore costs a counted copy,
// never a wrong result, and a kernel is never handed a buffer without host
// memory (Halide would take it for a bounds query and compute nothing).
//
//===----------------------------------------------------------------------===//

#ifndef TFX_RUNTIME_DEVICE_H
#define TFX_RUNTIME_DEVICE_H

#include "tfx/runtime/Status.h"

#include <HalideRuntime.h>

#include <cstddef>
#include <cstdint>
#include <memory>

namespace tfx::rt {

class Tensor;

/// The GPU API that kernels run on, as the Halide runtime linked with them
/// exposes it. Null: host execution (everything is as without residency).
struct Device {
  const halide_device_interface_t *iface = nullptr;
  explicit operator bool() const { return iface != nullptr; }
};

/// One device allocation, rounded up to 64 bytes; freed (through the
/// interface) by its destructor.
class DeviceAllocation {
public:
  static StatusOr<std::shared_ptr<DeviceAllocation>> allocate(Device device, size_t bytes);
  /// The size an allocation of `bytes` has (64-byte rows, at least one).
  static size_t roundedSize(size_t bytes) { return (bytes == 0 ? 1 : (bytes + 63) / 64) * 64; }
  ~DeviceAllocation();
  DeviceAllocation(const DeviceAllocation &) = delete;
  DeviceAllocation &operator=(const DeviceAllocation &) = delete;

  /// The handle Halide keeps in `halide_buffer_t::device`: any number of
  /// buffer views may carry it; only this object frees it.
  uint64_t handle() const { return buf_.device; }
  const halide_device_interface_t *iface() const { return buf_.device_interface; }
  size_t bytes() const { return bytes_; }

private:
  DeviceAllocation() = default;
  halide_buffer_t buf_{};
  halide_dimension_t dims_[2]{};
  size_t bytes_ = 0;
};

/// Where the current bytes of one buffer are. Shared by every view of the
/// buffer (Tensor::residency), so a view made by a reshape sees a copy made
/// through another view.
struct Residency {
  std::shared_ptr<DeviceAllocation> device; ///< null until first needed
  bool hostValid = true;
  bool deviceValid = false;
};

/// A dense one-dimensional Halide view of `t` (host memory, plus its
/// device allocation if it has one) for copies between host and device.
/// Fails past the kernels' 2^31-element limit.
StatusOr<halide_buffer_t> copyView(const Tensor &t, halide_dimension_t &dim);

/// Makes `t`'s device copy current: allocates it if needed (`allocated`
/// is then set) and uploads the host bytes unless the device is already
/// valid. `uploadedBytes` is the number of bytes copied (0: none).
Status ensureOnDevice(Device device, const Tensor &t, size_t &uploadedBytes,
                      bool &allocated);

/// Makes `t`'s host copy current (downloads unless the host is valid).
/// `downloadedBytes` is the number of bytes copied (0: none).
Status ensureOnHost(const Tensor &t, size_t &downloadedBytes);

/// Downloads `from`'s current device bytes into `to`'s host memory (same
/// byte size), leaving `from` as it was.
Status downloadInto(const Tensor &from, Tensor &to);

} // namespace tfx::rt

#endif // TFX_RUNTIME_DEVICE_H
