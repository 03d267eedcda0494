//===- ParseGuard.cpp - tfx::firstParseError as a server for the fuzzer ---===//
//
// tfx-ir-fuzzer must not parse an input that fails to parse (MLIR 19's
// cleanup after some parse errors writes to freed memory; see
// tfx/Support/ParseModule.h), so it asks tfx::firstParseError first. That
// forks, and forking the big ASan fuzzer process costs ~5 ms a call; this
// small uninstrumented process forks in ~0.3 ms instead. The fuzzer starts
// it once and talks to it over pipes:
//   request: u64 length (little endian), then the bytes
//   reply:   u8 (0: parses, 1: parse error), u64 length, the error text
//
//===----------------------------------------------------------------------===//

#include "tfx/InitTfx.h"
#include "tfx/Support/ParseModule.h"

#include "mlir/IR/DialectRegistry.h"
#include "llvm/Support/MemoryBuffer.h"

#include <cstdint>
#include <cstdio>
#include <string>

namespace {

bool readAll(std::FILE *in, void *data, size_t size) {
  return size == 0 || std::fread(data, 1, size, in) == size;
}

} // namespace

int main() {
  mlir::DialectRegistry registry;
  tfx::registerTfxDialects(registry);
  for (;;) {
    uint64_t size = 0;
    if (!readAll(stdin, &size, sizeof size))
      return 0;  // the fuzzer has gone
    if (size > (uint64_t(1) << 30)) {
      std::fprintf(stderr, "tfx-fuzz-parse-guard: error: request of %llu bytes\n",
                   static_cast<unsigned long long>(size));
      return 1;
    }
    std::string text(size, '\0');
    if (!readAll(stdin, text.data(), size))
      return 1;
    std::unique_ptr<llvm::MemoryBuffer> buffer =
        llvm::MemoryBuffer::getMemBuffer(text, "fuzz-input.mlir", false);
    std::optional<std::string> error = tfx::firstParseError(*buffer, registry);
    uint8_t status = error ? 1 : 0;
    uint64_t length = error ? error->size() : 0;
    std::fwrite(&status, 1, 1, stdout);
    std::fwrite(&length, sizeof length, 1, stdout);
    if (error)
      std::fwrite(error->data(), 1, error->size(), stdout);
    std::fflush(stdout);
  }
}
