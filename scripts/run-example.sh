#!/usr/bin/env bash
# The main job, end to end on a fresh machine: set up, build, then compile the
# bundled example models with tfx-opt. (Grows into replace -> distill -> lower
# -> run as those stages land; see docs/architecture.md.)
# Usage: scripts/run-example.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
mkdir -p "$build"
bash "$root/scripts/build.sh" "$build" > "$build/run-example-build.log" 2>&1 || {
  tail -50 "$build/run-example-build.log" >&2
  echo "run-example: build failed (full log: $build/run-example-build.log)" >&2
  exit 1
}
opt="$build/bin/tfx-opt"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

for model in "$root"/examples/models/*.mlir; do
  name=$(basename "$model" .mlir)
  # Parse + verify, fold inference-time identities, expand attention into the
  # primitive graph an ONNX export would give, clean up.
  "$opt" "$model" --canonicalize --cse -o "$out/$name.canonical.mlir"
  "$opt" "$out/$name.canonical.mlir" --decompose-attention --canonicalize --cse \
    -o "$out/$name.decomposed.mlir"
  params=$(grep -o 'tfx.param "[^"]*" : tensor<[^>]*>' "$out/$name.canonical.mlir" | sort -u |
    sed -E 's/.*tensor<([0-9x]+)xf32>/\1/' |
    awk -F'x' '{n=1; for (i=1;i<=NF;i++) n*=$i; s+=n} END {print s}')
  ops=$(grep -c ' = tfx\.' "$out/$name.canonical.mlir" || true)
  dops=$(grep -c ' = tfx\.' "$out/$name.decomposed.mlir" || true)
  printf '%-26s %8s parameters  %5d tfx ops  %5d after decompose-attention\n' \
    "$name" "$params" "$ops" "$dops"
done
echo "run-example: all example models parsed, verified and compiled by tfx-opt"
