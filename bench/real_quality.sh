#!/usr/bin/env bash
# BLEU of the real English->Spanish teacher (examples/real/model) and of ALR
# students of sizes XS, S and M on every encoder self-attention, distilled by
# tfx-distill with the paper's optimiser settings (Adam 0.9/0.98/1e-9,
# lr 1e-4, 21 epochs), on the first CALIB training sentences, batch BATCH;
# greedy decoding of the first TEST test sentences by tfx-run.
# Usage: bench/real_quality.sh [BUILD_DIR] (env: CALIB, TEST, BATCH, EPOCHS,
#        SIZES, LR)
# Writes bench/results/real-quality.txt (the log) and prints a Markdown table.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
bin="$build/bin"
py=/usr/bin/python3
real="$root/examples/real"
CALIB=${CALIB:-10000}; TEST=${TEST:-500}; BATCH=${BATCH:-100}; EPOCHS=${EPOCHS:-21}
SIZES=${SIZES:-"xs s m"}; LR=${LR:-1e-4}
work="$build/real-quality"; mkdir -p "$work"
log="$root/bench/results/real-quality.txt"
{
  echo "# bench/real_quality.sh, $(date -u +%Y-%m-%d), $(nproc) cores: CALIB=$CALIB TEST=$TEST BATCH=$BATCH EPOCHS=$EPOCHS LR=$LR"
  "$py" "$real/export_onnx.py" "$real/model" --out "$work" > "$work/export.log" 2>&1
  "$bin/tfx-import" "$work/encoder.onnx" "$work/decoder.onnx" --function encode --function decode \
    --model-name real -o "$work/real.mlir" --weights-out "$work/real.weights.safetensors"
  "$py" "$real/make_inputs.py" --split test --limit "$TEST" --out "$work/test.safetensors"
  "$py" "$real/make_inputs.py" --split train --limit "$CALIB" --out "$work/calib.safetensors"
  "$bin/tfx-run" "$work/real.mlir" --greedy --weights "$work/real.weights.safetensors" \
    --inputs "$work/test.safetensors" --outputs "$work/teacher.tokens.safetensors" --threads 2
  echo "teacher: $("$py" "$real/decode_tokens.py" "$work/teacher.tokens.safetensors")"
  for size in $SIZES; do
    start=$(date +%s)
    "$bin/tfx-distill" "$work/real.mlir" --weights "$work/real.weights.safetensors" \
      --calibration "$work/calib.safetensors" --replace "mode=alr sites=enc-sa size=$size" \
      --epochs "$EPOCHS" --batch-size "$BATCH" --lr "$LR" --threads 2 --holdout 0.05 \
      --out-weights "$work/$size.mlp.safetensors" --out-model "$work/$size.mlir" \
      --out-merged-weights "$work/$size.weights.safetensors" 2> "$work/$size.distill.log"
    "$bin/tfx-run" "$work/$size.mlir" --greedy --weights "$work/$size.weights.safetensors" \
      --inputs "$work/test.safetensors" --outputs "$work/$size.tokens.safetensors" --threads 2
    echo "alr-$size ($(( $(date +%s) - start )) s): $("$py" "$real/decode_tokens.py" "$work/$size.tokens.safetensors")"
  done
} 2>&1 | tee "$log"
