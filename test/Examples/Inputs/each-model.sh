#!/usr/bin/env bash
# Runs a check on every bundled example model, so a newly added model is
# covered without editing the tests. Usage: each-model.sh MODELS_DIR CHECK
#   CHECK is roundtrip | generic | canonicalize | decompose
set -euo pipefail
models=$1
check=$2
count=0
for model in "$models"/*.mlir; do
  count=$((count + 1))
  case "$check" in
    roundtrip)
      # Printing what was parsed gives back the file (minus its header comment).
      tfx-opt "$model" | diff -u <(grep -v '^//' "$model") - ;;
    generic)
      tfx-opt --mlir-print-op-generic "$model" | tfx-opt | diff -u <(grep -v '^//' "$model") - ;;
    canonicalize)
      out=$(tfx-opt --canonicalize --cse "$model")
      if grep -q 'tfx.dropout' <<<"$out"; then
        echo "$model: dropout left after canonicalize" >&2; exit 1
      fi ;;
    decompose)
      out=$(tfx-opt --decompose-attention "$model" | tfx-opt)
      if grep -q 'tfx.attention' <<<"$out"; then
        echo "$model: tfx.attention left after decompose-attention" >&2; exit 1
      fi ;;
    *) echo "unknown check $check" >&2; exit 2 ;;
  esac
  echo "ok $check $(basename "$model")"
done
[ "$count" -gt 0 ] || { echo "no models in $models" >&2; exit 1; }
