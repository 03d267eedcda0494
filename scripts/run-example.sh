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

echo "== the teacher (6+6 layers, d_model 128, 8 heads; random weights) =="
"$bin/tfx-modelgen" "$root/examples/models/configs/teacher.json" -o "$out/teacher.mlir" \
  --random-weights "$out/teacher.weights.safetensors" \
  --example-inputs "$out/teacher.inputs.safetensors" --batch 4 --seed 1
cmp -s <(grep -v '^//' "$out/teacher.mlir") <(grep -v '^//' "$root/examples/models/teacher.mlir") || {
  echo "run-example: generated teacher differs from examples/models/teacher.mlir" >&2; exit 1; }

echo "== replace-attention (alr, enc-sa, size s) + distillation on the bundled calibration data =="
"$bin/tfx-distill" "$root/examples/models/teacher.mlir" --weights "$out/teacher.weights.safetensors" \
  --calibration "$root/examples/data/teacher-calibration.safetensors" \
  --replace "mode=alr sites=enc-sa size=s" --epochs 21 --batch-size 100 --lr 1e-3 --threads 2 \
  --checkpoint-dir "$out/checkpoints" \
  --out-weights "$out/mlp.safetensors" --out-model "$out/teacher-alr.mlir" \
  --out-merged-weights "$out/teacher-alr.weights.safetensors" 2> "$out/distill.log" | sed 's/^/  /'
tail -1 "$out/distill.log" | sed 's/^/  last progress line: /'

echo "== run the teacher and the replaced model (batch 4, length 50) =="
for model in teacher teacher-alr; do
  src="$root/examples/models/teacher.mlir"; weights="$out/teacher.weights.safetensors"
  if [ "$model" = teacher-alr ]; then src="$out/teacher-alr.mlir"; weights="$out/teacher-alr.weights.safetensors"; fi
  run=("$bin/tfx-run" "$src" --weights "$weights" --inputs "$out/teacher.inputs.safetensors" --threads 2)
  printf '  %-11s encode:  ' "$model"
  "${run[@]}" --entry encode --outputs "$out/$model.memory.safetensors" --bench 20
  printf '  %-11s greedy:  ' "$model"
  "${run[@]}" --greedy --outputs "$out/$model.tokens.safetensors" --bench 2
done
echo "run-example: done; outputs in $out"
