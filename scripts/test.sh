#!/usr/bin/env bash
# Sets up a fresh machine, builds tfx and runs every test: the lit suite
# (dialect, passes, tools, example models, docs) and the GoogleTest units.
# Usage: scripts/test.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
bash "$root/scripts/build.sh" "$build"
cd "$build"
ctest --output-on-failure -j2
