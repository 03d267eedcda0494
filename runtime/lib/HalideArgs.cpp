//===- HalideArgs.cpp - the buffer arguments of one kernel call -----------===//

#include "tfx/runtime/HalideArgs.h"

#include <string>

namespace tfx::rt {

HalideArgs::~HalideArgs() {
  // A window's device copy that commit() did not take (a failed call).
  for (auto &a : args_)
    if (a->window && a->buf.device && a->buf.device_interface)
      a->buf.device_interface->device_free(nullptr, &a->buf);
}

StatusOr<HalideArgs::Arg *> HalideArgs::add(const Tensor &t, int64_t offset, int64_t width) {
  if (t.rank() > kMaxRank || t.empty())
    return Status::error("internal error: a kernel operand without memory or of rank " +
                         std::to_string(t.rank()));
  auto arg = std::make_unique<Arg>();
  int rank = static_cast<int>(t.rank());
  int64_t stride = 1;
  for (int d = 0; d < rank; ++d) {
    int64_t e = t.dim(rank - 1 - d);
    arg->dims[d].min = 0;
    arg->dims[d].extent = static_cast<int32_t>(d == 0 && width >= 0 ? width : e);
    arg->dims[d].stride = static_cast<int32_t>(stride);
    stride *= e;
  }
  arg->buf.host = const_cast<uint8_t *>(static_cast<const uint8_t *>(t.data())) +
                  offset * static_cast<int64_t>(dtypeSize(t.dtype()));
  arg->buf.dimensions = rank;
  arg->buf.dim = arg->dims;
  arg->buf.type = halideType(t.dtype());
  arg->residency = t.residency();
  args_.push_back(std::move(arg));
  ptrs_.push_back(&args_.back()->buf);
  return args_.back().get();
}

Status HalideArgs::addInput(const Tensor &t) {
  StatusOr<Arg *> a = add(t, 0, -1);
  if (!a)
    return a.status();
  if (Residency *r = (*a)->residency; r && r->deviceValid) {
    (*a)->buf.device = r->device->handle();
    (*a)->buf.device_interface = r->device->iface();
    (*a)->buf.set_device_dirty(!r->hostValid);
  } else if (r && !r->hostValid) {
    return Status::error("internal error: a kernel input with no current copy");
  }
  (*a)->flagsBefore = (*a)->buf.flags;
  return Status::ok();
}

Status HalideArgs::addOutput(const Tensor &t, int64_t offset, int64_t width) {
  StatusOr<Arg *> a = add(t, offset, width);
  if (!a)
    return a.status();
  (*a)->output = true;
  (*a)->window = width >= 0;
  Residency *r = (*a)->residency;
  if (r && r->device && !(*a)->window) {
    (*a)->buf.device = r->device->handle();
    (*a)->buf.device_interface = r->device->iface();
  }
  return Status::ok();
}

Status HalideArgs::commit() {
  for (auto &a : args_) {
    Residency *r = a->residency;
    halide_buffer_t &b = a->buf;
    if (a->window && b.device) {
      if (b.device_dirty()) {
        if (int e = b.device_interface->copy_to_host(nullptr, &b))
          return Status::error("copying a result window from the device failed (Halide error " +
                               std::to_string(e) + ")");
      }
      b.device_interface->device_free(nullptr, &b);
    }
    if (!r)
      continue;
    if (!a->output) {
      // An input that came in device-dirty and left clean was copied home.
      if ((a->flagsBefore & halide_buffer_flag_device_dirty) && !b.device_dirty())
        r->hostValid = true;
    } else if (a->window) {
      r->hostValid = true;
      r->deviceValid = false;
    } else {
      // Written on the device, or (a host stage) on the host.
      r->deviceValid = b.device_dirty();
      r->hostValid = !r->deviceValid;
    }
  }
  return Status::ok();
}

} // namespace tfx::rt
