//===- HalideArgs.h - the buffer arguments of one kernel call ----*- C++ -*-===//
//
// Builds the halide_buffer_t arguments of an ahead-of-time kernel from
// tensors (dimension 0 innermost), the output whole or as windows of its
// last dimension. On a device path (tensors with a Residency, Device.h) each
// buffer also carries its device allocation and the dirty flags that say
// which copy is current, and commit() reads Halide's flags back after the
// call. It never frees a device allocation it did not make, and never passes
// a buffer without host memory (Halide would run a bounds query instead).
//
//===----------------------------------------------------------------------===//

#ifndef TFX_RUNTIME_HALIDEARGS_H
#define TFX_RUNTIME_HALIDEARGS_H

#include "tfx/runtime/Device.h"
#include "tfx/runtime/Limits.h"
#include "tfx/runtime/Tensor.h"

#include <memory>
#include <vector>

namespace tfx::rt {

class HalideArgs {
public:
  HalideArgs() = default;
  HalideArgs(const HalideArgs &) = delete;
  HalideArgs &operator=(const HalideArgs &) = delete;
  ~HalideArgs();

  Status addInput(const Tensor &t);
  /// The output, or its window [offset, offset + width) of the last
  /// dimension, translated to start at 0. A window is passed with host
  /// memory only: on a GPU its device copy is Halide's, brought back and
  /// freed by commit() (device crops of OpenCL buffers need aligned
  /// origins, so windows are not made on the device).
  Status addOutput(const Tensor &t, int64_t offset = 0, int64_t width = -1);

  halide_buffer_t **buffers() { return ptrs_.data(); }

  /// After a successful call: the residencies from Halide's dirty flags,
  /// and windows' device results copied home.
  Status commit();

private:
  struct Arg {
    halide_buffer_t buf{};
    halide_dimension_t dims[kMaxRank]{};
    Residency *residency = nullptr;
    uint64_t flagsBefore = 0;
    bool output = false;
    bool window = false;
  };
  StatusOr<Arg *> add(const Tensor &t, int64_t offset, int64_t width);

  std::vector<std::unique_ptr<Arg>> args_;
  std::vector<halide_buffer_t *> ptrs_;
};

} // namespace tfx::rt

#endif // TFX_RUNTIME_HALIDEARGS_H
