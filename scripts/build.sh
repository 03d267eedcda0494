#!/usr/bin/env bash
# Installs the Debian packages tfx needs (scripts/setup.sh), then configures
# and builds everything with CMake + Ninja (+ ccache) into BUILD_DIR.
# Usage: scripts/build.sh [BUILD_DIR]   (default: build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
bash "$root/scripts/setup.sh"
mkdir -p "$build"
cmake -G Ninja -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release > "$build/cmake-configure.log" 2>&1 || {
  cat "$build/cmake-configure.log" >&2
  echo "build: cmake configure failed" >&2
  exit 1
}
ninja -C "$build"
