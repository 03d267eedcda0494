#!/usr/bin/env bash
# The main job, end to end on a fresh machine: set up, build, then compile the
# bundled example models: the teacher through replace-attention ->
# distillation -> Halide kernels -> run (tfx-run), the Lite Transformer through
# fuse-lsra -> run, and the distilled teacher into a C++ library
# (tfx-translate) that an application links (examples/embed).
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
echo "== Lite Transformer: fuse-lsra (one kernel per LSRA block), unfused vs fused =="
"$bin/tfx-modelgen" "$root/examples/models/configs/lite.json" -o /dev/null \
  --random-weights "$out/lite.weights.safetensors" \
  --example-inputs "$out/lite.inputs.safetensors" --batch 4 --seed 1
"$bin/tfx-opt" "$root/examples/models/lite.mlir" --fuse-lsra -o "$out/lite-fused.mlir"
printf '  %d tfx.lsra ops in lite-fused.mlir\n' "$(grep -c 'tfx.lsra ' "$out/lite-fused.mlir")"
for model in lite lite-fused; do
  src="$root/examples/models/lite.mlir"
  [ "$model" = lite-fused ] && src="$out/lite-fused.mlir"
  printf '  %-11s encode:  ' "$model"
  "$bin/tfx-run" "$src" --weights "$out/lite.weights.safetensors" --inputs "$out/lite.inputs.safetensors" \
    --threads 2 --entry encode --outputs "$out/$model.memory.safetensors" --bench 20
done

echo "== tfx-translate: the distilled teacher as a library (C ABI + driver + AOT kernels) =="
"$bin/tfx-translate" "$out/teacher-alr.mlir" --emit=static-library -o "$out/teacher-alr-lib" --name teacher_alr
"$out/teacher-alr-lib/build.sh"
printf '  %s (%s)\n' "$out/teacher-alr-lib/libteacher_alr.a" "$(du -h "$out/teacher-alr-lib/libteacher_alr.a" | cut -f1)"
echo "== examples/embed: an app built around a tfx-translate library (distilled teacher-tiny) =="
"$bin/tfx-embed-example" "$root/examples/embed/model/input.txt" | sed 's/^/  /'
echo "run-example: done; outputs in $out"
