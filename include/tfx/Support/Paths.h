//===- Paths.h - file identity for the drivers' output checks ---*- C++ -*-===//
//
// Every driver refuses an output path that is also one of its inputs (or
// another of its outputs): writing it would destroy what is being read.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_SUPPORT_PATHS_H
#define TFX_SUPPORT_PATHS_H

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <string>
#include <utility>
#include <vector>

namespace tfx {

/// True when `a` and `b` name the same file: the same existing file (links
/// and hard links included: device and inode are compared), or the same
/// path once made absolute and normalised.
inline bool sameFile(const std::string &a, const std::string &b) {
  bool eq = false;
  if (!llvm::sys::fs::equivalent(a, b, eq) && eq)
    return true;
  llvm::SmallString<256> x(a), y(b);
  if (llvm::sys::fs::make_absolute(x) || llvm::sys::fs::make_absolute(y))
    return false;
  llvm::sys::path::remove_dots(x, /*remove_dot_dot=*/true);
  llvm::sys::path::remove_dots(y, /*remove_dot_dot=*/true);
  return x == y;
}

/// The first clash among (label, path) pairs: an output that is an input or
/// another output. Empty paths are skipped. Returns a message, or "".
inline std::string pathClash(const std::vector<std::pair<std::string, std::string>> &inputs,
                             const std::vector<std::pair<std::string, std::string>> &outputs) {
  for (size_t o = 0; o < outputs.size(); ++o) {
    const auto &[oname, opath] = outputs[o];
    if (opath.empty())
      continue;
    for (const auto &[iname, ipath] : inputs)
      if (!ipath.empty() && sameFile(opath, ipath))
        return oname + " '" + opath + "' is also the input " + iname + " '" + ipath +
               "'; writing it would destroy that input";
    for (size_t p = 0; p < o; ++p)
      if (!outputs[p].second.empty() && sameFile(opath, outputs[p].second))
        return oname + " and " + outputs[p].first + " name the same file '" + opath + "'";
  }
  return "";
}

} // namespace tfx

#endif // TFX_SUPPORT_PATHS_H
