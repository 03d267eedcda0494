#!/usr/bin/env bash
# Block latencies of two tfx builds, interleaved in one run, so that a
# refactoring can show it changed no speed (issue 11). Same machine, same
# inputs, same kernels (each build compiles its own into its own cache, warmed
# up first); reports each block's median of medians and the ratio new/old.
#   bench/compare_builds.sh OLD_BIN_DIR NEW_BIN_DIR [ROUNDS]
set -euo pipefail
old=$1 new=$2 rounds=${3:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for b in 1 32; do
  "$new/tfx-modelgen" "$root/examples/models/configs/teacher.json" -o "$work/teacher.mlir" \
    --random-weights "$work/teacher.w.safetensors" --example-inputs "$work/teacher.b$b.safetensors" \
    --batch "$b" --seed 1 > /dev/null
  "$new/tfx-modelgen" "$root/examples/models/configs/lite.json" -o "$work/lite.mlir" \
    --random-weights "$work/lite.w.safetensors" --example-inputs "$work/lite.b$b.safetensors" \
    --batch "$b" --seed 1 > /dev/null
done
"$new/tfx-opt" "$work/lite.mlir" --fuse-lsra -o "$work/lite-fused.mlir"

# block: name model weights entry-args
blocks=(
  "teacher.encode teacher encode"
  "teacher.greedy teacher greedy"
  "lite-fused.encode lite-fused encode"
)
median() { sed -n 's/.*median \([0-9.]*\) ms.*/\1/p'; }
run() { # bin model weights inputs mode runs
  local bin=$1 model=$2 weights=$3 inputs=$4 mode=$5 n=$6 out=$work/out.safetensors
  if [ "$mode" = greedy ]; then
    "$bin/tfx-run" "$model" --weights "$weights" --inputs "$inputs" --threads 2 \
      --cache-dir "$work/cache-$(echo "$bin" | md5sum | cut -c1-8)" --greedy --outputs "$out" --bench "$n"
  else
    "$bin/tfx-run" "$model" --weights "$weights" --inputs "$inputs" --threads 2 \
      --cache-dir "$work/cache-$(echo "$bin" | md5sum | cut -c1-8)" --entry "$mode" --outputs "$out" --bench "$n"
  fi
}
printf '| block | batch | old ms | new ms | new / old |\n|---|---|---|---|---|\n'
for b in 1 32; do
  for spec in "${blocks[@]}"; do
    read -r name model mode <<< "$spec"
    w=${model%-fused}; n=20; [ "$mode" = greedy ] && n=2
    args=("$work/$model.mlir" "$work/$w.w.safetensors" "$work/$w.b$b.safetensors" "$mode")
    run "$old" "${args[@]}" 1 > /dev/null; run "$new" "${args[@]}" 1 > /dev/null  # warm-up
    o=(); m=()
    for r in $(seq "$rounds"); do
      o+=("$(run "$old" "${args[@]}" "$n" | median)")
      m+=("$(run "$new" "${args[@]}" "$n" | median)")
    done
    mo=$(printf '%s\n' "${o[@]}" | sort -g | sed -n "$(( (rounds + 1) / 2 ))p")
    mn=$(printf '%s\n' "${m[@]}" | sort -g | sed -n "$(( (rounds + 1) / 2 ))p")
    printf '| %s | %s | %s | %s | %.2f |\n' "$name" "$b" "$mo" "$mn" "$(echo "$mn / $mo" | bc -l)"
  done
done
