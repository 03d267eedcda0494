#!/usr/bin/env bash
# The main job, end to end on a fresh machine: set up, build, then compile the
# bundled example models with tfx-opt and run the teacher through the Halide
# kernels with tfx-run (encoder, then greedy decoding). Grows into
# replace -> distill -> lower -> run as those stages land (docs/architecture.md).
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
bin="$build/bin"
out="$build/example"
rm -rf "$out" && mkdir -p "$out"

echo "== tfx-opt: parse, verify, canonicalize, decompose attention =="
for model in "$root"/examples/models/*.mlir; do
  name=$(basename "$model" .mlir)
  "$bin/tfx-opt" "$model" --canonicalize --cse -o "$out/$name.canonical.mlir"
  "$bin/tfx-opt" "$out/$name.canonical.mlir" --decompose-attention --canonicalize --cse \
    -o "$out/$name.decomposed.mlir"
  ops=$(grep -c ' = tfx\.' "$out/$name.canonical.mlir" || true)
  dops=$(grep -c ' = tfx\.' "$out/$name.decomposed.mlir" || true)
  printf '  %-26s %5d tfx ops  %5d after decompose-attention\n' "$name" "$ops" "$dops"
done

echo "== tfx-run: the teacher (6+6 layers, d_model 128) on the CPU =="
"$bin/tfx-modelgen" "$root/examples/models/configs/teacher.json" -o "$out/teacher.mlir" \
  --random-weights "$out/teacher.weights.safetensors" \
  --example-inputs "$out/teacher.inputs.safetensors" --batch 4 --seed 1
cmp -s <(grep -v '^//' "$out/teacher.mlir") <(grep -v '^//' "$root/examples/models/teacher.mlir") || {
  echo "run-example: generated teacher differs from examples/models/teacher.mlir" >&2; exit 1; }
run=("$bin/tfx-run" "$root/examples/models/teacher.mlir" --weights "$out/teacher.weights.safetensors"
     --inputs "$out/teacher.inputs.safetensors" --threads 2)
echo "  encode (batch 4, length 50):"
"${run[@]}" --entry encode --outputs "$out/teacher.memory.safetensors" --bench 10 -v 2>&1 | sed 's/^/    /'
echo "  greedy decoding (encoder once, decoder step by step):"
"${run[@]}" --greedy --outputs "$out/teacher.tokens.safetensors" --bench 2 2>&1 | sed 's/^/    /'
echo "run-example: done; outputs in $out"
