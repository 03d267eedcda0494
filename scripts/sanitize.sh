#!/usr/bin/env bash
# Builds tfx with AddressSanitizer + UndefinedBehaviorSanitizer (GCC) into
# BUILD_DIR and runs the whole test suite there. MLIR, LLVM and Halide come
# from Debian uninstrumented: only tfx's own code is checked. A UBSan
# finding stops the process (-fno-sanitize-recover) and fails its test.
# Usage: scripts/sanitize.sh [BUILD_DIR]   (default: build-asan)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-asan}
bash "$root/scripts/setup.sh"
mkdir -p "$build"
# -fno-sanitize=vptr: LLVM and MLIR are built without RTTI, so UBSan cannot
# check the dynamic type of their objects (every call would be reported).
flags="-fsanitize=address,undefined -fno-sanitize=vptr -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
cmake -G Ninja -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_C_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" > "$build/cmake-configure.log" 2>&1 || {
  cat "$build/cmake-configure.log" >&2
  echo "sanitize: cmake configure failed" >&2
  exit 1
}
ninja -C "$build"
# LLVM/MLIR keep process-lifetime allocations: leak reports are noise here.
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:${ASAN_OPTIONS:-}
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}
export TFX_HARNESS_FLAGS="-fsanitize=address,undefined"
cd "$build"
ctest --output-on-failure -j2
