//===- CommandLine.h - LLVM command-line parsing, tfx-style errors -*- C++ -*-===//
//
// The drivers report every error as `tool: error: message` with exit code 1.
// LLVM's option parser prints its own errors as `tool: message`; this
// wrapper collects them and reprints them in the drivers' form.
//
//===----------------------------------------------------------------------===//

#ifndef TFX_SUPPORT_COMMANDLINE_H
#define TFX_SUPPORT_COMMANDLINE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <string>
#include <vector>

namespace tfx {

/// cl::ParseCommandLineOptions; on a bad command line prints each of LLVM's
/// messages as `tool: error: ...` and returns false (the caller exits 1).
inline bool parseCommandLine(int argc, const char *const *argv, llvm::StringRef overview,
                             llvm::StringRef tool) {
  // LLVM reports a missing required option straight to stderr, past `os`:
  // check those here instead.
  std::vector<llvm::cl::Option *> required;
  llvm::cl::SubCommand &top = llvm::cl::SubCommand::getTopLevel();
  auto collect = [&](llvm::cl::Option *o) {
    if (o->getNumOccurrencesFlag() == llvm::cl::Required &&
        std::find(required.begin(), required.end(), o) == required.end()) {
      required.push_back(o);
      o->setNumOccurrencesFlag(llvm::cl::Optional);
    }
  };
  for (auto &entry : top.OptionsMap)
    collect(entry.second);
  for (llvm::cl::Option *o : top.PositionalOpts)
    collect(o);
  // Reported positional first, then by name (the map's order is a hash's).
  std::sort(required.begin(), required.end(), [](llvm::cl::Option *a, llvm::cl::Option *b) {
    return std::make_pair(!a->ArgStr.empty(), a->ArgStr) <
           std::make_pair(!b->ArgStr.empty(), b->ArgStr);
  });
  std::string errors;
  llvm::raw_string_ostream os(errors);
  bool parsed = llvm::cl::ParseCommandLineOptions(argc, argv, overview, &os);
  for (llvm::cl::Option *o : required)
    if (o->getNumOccurrences() == 0) {
      os << (o->ArgStr.empty() ? "missing the argument " + o->HelpStr.str()
                               : "--" + o->ArgStr.str() + " is required")
         << "\n";
      parsed = false;
    }
  if (parsed)
    return true;
  os.flush();
  std::string program = argc > 0 ? llvm::sys::path::filename(argv[0]).str() : tool.str();
  llvm::StringRef rest(errors);
  while (!rest.empty()) {
    auto [line, tail] = rest.split('\n');
    rest = tail;
    line = line.trim();
    if (line.empty())
      continue;
    if (line.starts_with(program + ": "))
      line = line.drop_front(program.size() + 2);
    llvm::WithColor::error(llvm::errs(), tool) << line << "\n";
  }
  return false;
}

} // namespace tfx

#endif // TFX_SUPPORT_COMMANDLINE_H
