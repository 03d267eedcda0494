//===- RuntimeFiles.cpp - the runtime's sources, for generated libraries --===//
//
// Kept apart from Emit.cpp so that editing the runtime recompiles only this
// small file.
//
//===----------------------------------------------------------------------===//

#include "RuntimeFiles.h"

#include "RuntimeSources.inc"

namespace tfx::target {

std::vector<std::pair<std::string, std::string>> runtimeFiles() {
  std::vector<std::pair<std::string, std::string>> files;
  for (const EmbeddedRuntimeFile &f : kRuntimeFiles)
    files.emplace_back(f.path, f.text);
  return files;
}

} // namespace tfx::target
