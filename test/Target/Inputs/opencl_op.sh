#!/bin/sh
# One per-op golden case (test/golden/make_golden.py) through a generated
# OpenCL library on PoCL, in the traffic-counting harness: compares with
# PyTorch and prints the call's device traffic line.
# Usage: opencl_op.sh CASE GOLDEN_DIR WORK_DIR TFX_SRC TFX_OBJ
set -e
CASE=$1 GOLD=$2 WORK=$3 SRC=$4 OBJ=$5
tfx-translate "$SRC/test/Numerics/Inputs/$CASE.mlir" --emit=opencl -o "$WORK/$CASE" 2> "$WORK/$CASE.log"
TFX_HARNESS_EXTRA="$SRC/test/Target/OpenclTraffic.cpp" \
  "$SRC/test/Target/build_harness.sh" "$WORK/$CASE" model "$WORK/run-$CASE" "$SRC" "$OBJ" > "$WORK/$CASE.build.log" 2>&1
WEIGHTS="$GOLD/$CASE.weights.safetensors"
[ -f "$WEIGHTS" ] || WEIGHTS=--embedded
"$WORK/run-$CASE" "$WEIGHTS" main "$GOLD/$CASE.inputs.safetensors" "$WORK/$CASE.out" 2> "$WORK/$CASE.traffic"
/usr/bin/python3 "$SRC/test/golden/compare.py" "$GOLD/$CASE.expected.safetensors" "$WORK/$CASE.out"
grep '^opencl traffic: call 0' "$WORK/$CASE.traffic" | sed "s/^opencl traffic: call 0/$CASE/"
