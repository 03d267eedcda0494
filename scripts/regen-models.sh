#!/usr/bin/env bash
# Regenerates examples/models/*.mlir from examples/models/configs/*.json.
# Usage: scripts/regen-models.sh [BUILD_DIR]   (default: build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
for config in "$root"/examples/models/configs/*.json; do
  name=$(basename "$config" .json)
  "$build/bin/tfx-modelgen" "$config" -o "$root/examples/models/$name.mlir"
  echo "wrote examples/models/$name.mlir"
done
