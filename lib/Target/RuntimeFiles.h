//===- RuntimeFiles.h - the runtime's sources, for generated libraries -*- C++ -*-===//

#ifndef TFX_TARGET_RUNTIMEFILES_H
#define TFX_TARGET_RUNTIMEFILES_H

#include <string>
#include <utility>
#include <vector>

namespace tfx::target {

/// Every file of runtime/ a generated library compiles, as (path relative to
/// runtime/, contents); embedded at build time (EmbedRuntime.cmake).
std::vector<std::pair<std::string, std::string>> runtimeFiles();

} // namespace tfx::target

#endif // TFX_TARGET_RUNTIMEFILES_H
