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
echo "== a real model: English->Spanish teacher trained on Debian's catalogs (examples/real) =="
# PyTorch module -> ONNX (Debian's torch) -> tfx-import -> checked against
# PyTorch -> replace-attention (ALR, encoder self-attention) distilled on real
# training sentences -> greedy translation of the test split by the teacher
# and by the replaced model -> BLEU and speed. Sizes below keep this part to a
# few minutes on 2 cores; the paper's full recipe is a flag away (see
# docs/quality.md).
real="$root/examples/real"
py=/usr/bin/python3
rout="$out/real"; mkdir -p "$rout"
REAL_TEST=${REAL_TEST:-300}          # test sentences translated (of 2435)
REAL_CALIB=${REAL_CALIB:-4000}       # training sentences distilled on (of 42491)
REAL_EPOCHS=${REAL_EPOCHS:-8}
REAL_SIZE=${REAL_SIZE:-m}
"$py" "$real/export_onnx.py" "$real/model" --out "$rout" > "$rout/export.log" 2>&1 || {
  tail -20 "$rout/export.log" >&2; echo "run-example: ONNX export failed" >&2; exit 1; }
printf '  exported %s and %s (opset 17, dynamic batch)\n' "$rout/encoder.onnx" "$rout/decoder.onnx"
"$bin/tfx-import" "$rout/encoder.onnx" "$rout/decoder.onnx" --function encode --function decode \
  --model-name real -o "$rout/real.mlir" --weights-out "$rout/real.weights.safetensors"
printf '  tfx-import: %d tfx ops, %d parameters bound by name\n' \
  "$(grep -c ' = tfx\.' "$rout/real.mlir")" "$(grep -o 'tfx.param "[^"]*"' "$rout/real.mlir" | sort -u | wc -l)"
"$py" "$real/make_inputs.py" --split test --limit 8 --out "$rout/check.inputs.safetensors" > /dev/null
"$py" "$real/export_onnx.py" "$real/model" --out "$rout/check" --inputs "$rout/check.inputs.safetensors" \
  --reference "$rout/check.reference.safetensors" --greedy > "$rout/check.log" 2>&1
"$py" "$root/test/Import/Inputs/split_reference.py" "$rout/check.inputs.safetensors" \
  "$rout/check.reference.safetensors" "$rout"
"$bin/tfx-run" "$rout/real.mlir" --entry encode --weights "$rout/real.weights.safetensors" \
  --inputs "$rout/check.inputs.safetensors" --outputs "$rout/check.memory.safetensors" --threads 2
"$bin/tfx-run" "$rout/real.mlir" --greedy --weights "$rout/real.weights.safetensors" \
  --inputs "$rout/check.inputs.safetensors" --outputs "$rout/check.tokens.safetensors" --threads 2
for t in memory tokens; do
  "$py" "$root/test/golden/compare.py" "$rout/ref-$t.safetensors" "$rout/check.$t.safetensors" \
    --tol 1e-5 | sed -n "1s/^/  tfx vs PyTorch on 8 test sentences: /p"
done
"$py" "$real/make_inputs.py" --split test --limit "$REAL_TEST" --out "$rout/test.inputs.safetensors" > /dev/null
"$py" "$real/make_inputs.py" --split train --limit "$REAL_CALIB" --out "$rout/calibration.safetensors" > /dev/null
echo "  distilling ALR-${REAL_SIZE} on every encoder self-attention: $REAL_CALIB training sentences, $REAL_EPOCHS epochs"
"$bin/tfx-distill" "$rout/real.mlir" --weights "$rout/real.weights.safetensors" \
  --calibration "$rout/calibration.safetensors" --replace "mode=alr sites=enc-sa size=$REAL_SIZE" \
  --epochs "$REAL_EPOCHS" --batch-size 100 --lr 1e-4 --threads 2 --checkpoint-dir "$rout/checkpoints" \
  --out-weights "$rout/mlp.safetensors" --out-model "$rout/real-alr.mlir" \
  --out-merged-weights "$rout/real-alr.weights.safetensors" 2> "$rout/distill.log" | sed 's/^/  /'
for model in real real-alr; do
  t0=$(date +%s.%N)
  "$bin/tfx-run" "$rout/$model.mlir" --greedy --weights "$rout/$model.weights.safetensors" \
    --inputs "$rout/test.inputs.safetensors" --outputs "$rout/$model.tokens.safetensors" --threads 2
  t1=$(date +%s.%N)
  printf '  %-9s test BLEU (%d sentences, greedy in %.1f s): %s\n' "$model" "$REAL_TEST" \
    "$(awk "BEGIN { print $t1 - $t0 }")" "$("$py" "$real/decode_tokens.py" "$rout/$model.tokens.safetensors" --split test)"
  printf '  %-9s encode (batch %d): ' "$model" "$REAL_TEST"
  "$bin/tfx-run" "$rout/$model.mlir" --entry encode --weights "$rout/$model.weights.safetensors" \
    --inputs "$rout/test.inputs.safetensors" --outputs "$rout/$model.memory.safetensors" --threads 2 --bench 5
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

echo "== tfx-translate: the distilled teacher as a library (C ABI + runtime + plan table + AOT kernels) =="
"$bin/tfx-translate" "$out/teacher-alr.mlir" --emit=static-library -o "$out/teacher-alr-lib" --name teacher_alr
"$out/teacher-alr-lib/build.sh"
printf '  %s (%s)\n' "$out/teacher-alr-lib/libteacher_alr.a" "$(du -h "$out/teacher-alr-lib/libteacher_alr.a" | cut -f1)"
echo "== examples/embed: an app built around a tfx-translate library (distilled teacher-tiny) =="
"$bin/tfx-embed-example" "$root/examples/embed/model/input.txt" | sed 's/^/  /'
echo "run-example: done; outputs in $out"
