//===- Common.h - what the kernel parameter structs share ---------*- C++ -*-===//
//
// Each kernel family (lib/Lowering/<Family>.cpp) has one header in this
// directory with the typed parameters of its kernels. A parameter struct
// names its kernel kind (`kKind`), says how many inputs the kernel takes
// (`numInputs()`) and lists its fields once (`fields(f)`): the cache key, the
// plan printer and the equality test all walk that list, so a new field
// cannot be forgotten by one of them.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_LOWERING_PARAMS_COMMON_H
#define TFX_LOWERING_PARAMS_COMMON_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tfx::lowering {

/// f32 lanes the CPU schedules vectorise by (AVX-512; Halide narrows for
/// other ISAs).
constexpr int kVectorLanes = 16;

/// An activation fused into a kernel's output.
enum class ActivationKind { None, Relu, Gelu, GeluTanh, LeakyRelu };

struct Activation {
  ActivationKind kind = ActivationKind::None;
  double slope = 0.01; ///< LeakyRelu's negative slope (ignored otherwise)

  static Activation none() { return {}; }
  static Activation relu() { return {ActivationKind::Relu, 0.01}; }
  static Activation leakyRelu(double slope) {
    return {ActivationKind::LeakyRelu, slope};
  }
  bool operator==(const Activation &o) const {
    return kind == o.kind && (kind != ActivationKind::LeakyRelu || slope == o.slope);
  }
};

/// "none" | "relu" | "gelu" | "gelu_tanh" | "leaky_relu".
const char *activationName(ActivationKind kind);
std::optional<ActivationKind> parseActivationKind(const std::string &name);

/// Tensor dimensions (outermost first) along which an operand of an
/// elementwise kernel is broadcast: those dims read index 0.
struct BroadcastDims {
  std::vector<int> dims; ///< ascending

  bool contains(int dim) const {
    for (int d : dims)
      if (d == dim)
        return true;
    return false;
  }
  bool operator==(const BroadcastDims &o) const { return dims == o.dims; }
};

} // namespace tfx::lowering

#endif // TFX_LOWERING_PARAMS_COMMON_H
