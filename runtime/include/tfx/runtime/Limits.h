//===- Limits.h - the limits every layer of tfx shares ------------*- C++ -*-===//
//
// One definition each, included by the dialect's verifiers, the planner,
// the importer, the plan interpreter and generated libraries. No other
// header here, so that any layer can include it.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_RUNTIME_LIMITS_H
#define TFX_RUNTIME_LIMITS_H

#include <cstdint>

namespace tfx::rt {

/// Kernels index with 32 bits: no tensor may have more elements.
inline constexpr int64_t kMaxKernelElements = (int64_t(1) << 31) - 1;

/// Generated libraries' C ABI carries at most this many dimensions.
inline constexpr int kMaxRank = 8;

} // namespace tfx::rt

#endif // TFX_RUNTIME_LIMITS_H
