#!/usr/bin/env bash
# Runs the GPU benchmark of issue 12 from an OUTDIR of bench/gpu/prepare.sh.
#
#   bash bench/gpu/run.sh OUTDIR                      # on the lent GPU machine
#   bash bench/gpu/run.sh OUTDIR --cpu-dry-run [--max-batch 32] [--runs 3]
#
# Options: --runs N (timed calls per row, default 20), --max-batch B (only
# rows of batch <= B), --results DIR (default $OUT if set, else a new
# directory under /tmp), --deadline S (default 450: no step or row starts
# after S seconds, and those running are cut there, so that one device call
# of at most 8 minutes always ends with the tables).
#
# Steps, most important first (a step the deadline cuts leaves "skipped"
# rows), each row under `timeout`, tfx rows each in a fresh process with
# CUDA_CACHE_DISABLE=1 (the first call pays the driver's PTX JIT); estimated
# seconds on the H200 in brackets (README.md):
#  0. machine: nvidia-smi; the carried harnesses must start, else they are
#     relinked here from OUTDIR/lib.tar.gz (g++); the GEMM inputs (gemmbench.py) [5]
#  1. numerics reference: every model row once through the CPU build [10]
#  2. tfx tiled (bin/LIB.cuda, the default GEMM schedule): create, first
#     call, N timed calls host to host (median), 5 calls with CUDA events
#     around each launch (GPU time of the kernels); driver calls counted [40]
#  3. PyTorch (torch_ref.py): eager and CUDA-graph replay, TF32 off [30]
#  4. GEMM micro-table: the CPU reference, tfx tiled (N timed and N
#     kernel-timed calls), PyTorch's F.linear (cuBLAS; torch_gemm.py) [50]
#  5. tfx simple (bin/LIB.cuda_simple, TFX_GPU_GEMM=simple): GEMM rows, then
#     the model rows [50]
#  6. report.py: relative L2 against the CPU build (<= 1e-5), GFLOP/s, share
#     of the H200's fp32 peak, the Markdown tables (stdout), and in the
#     results directory table.md, gpubench.json, run.log and logs.tar.gz [10]
# --cpu-dry-run: the same pipeline without a GPU, the CPU build in both tfx
# columns and PyTorch on the CPU (no graphs, no events). Exit 1 if any row
# failed. KEEP_WORK=1 keeps the work directory (every output) after the run.
set -euo pipefail

die() { echo "run.sh: error: $*" >&2; exit 1; }
start=$SECONDS
log() { printf 'run.sh [%3ds]: %s\n' $((SECONDS - start)) "$*" >&2; }

root=$(cd "$(dirname "$0")/../.." && pwd)
here=$root/bench/gpu
outdir='' mode=cuda runs=20 max_batch='' results=${OUT:-} deadline=450
while [ $# -gt 0 ]; do
  case $1 in
    --cpu-dry-run) mode=cpu; shift ;;
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --max-batch) max_batch=${2:?--max-batch needs a number}; shift 2 ;;
    --results) results=${2:?--results needs a directory}; shift 2 ;;
    --deadline) deadline=${2:?--deadline needs seconds}; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    -*) die "unknown option '$1'" ;;
    *) [ -z "$outdir" ] || die "one OUTDIR only"; outdir=$1; shift ;;
  esac
done
[ -n "$outdir" ] || die "usage: run.sh OUTDIR [--cpu-dry-run] [--runs N] [--max-batch B] [--results DIR]"
[ -f "$outdir/manifest.json" ] || die "$outdir/manifest.json not found: run bench/gpu/prepare.sh $outdir first (and carry it)"
outdir=$(cd "$outdir" && pwd)

# A python3 with torch and numpy: $PYTHON, else python3 (the GPU machine's
# has torch with CUDA), else Debian's /usr/bin/python3.
py=
for p in ${PYTHON:-} python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null && "$p" -c 'import torch, numpy' 2>/dev/null; then py=$p; break; fi
done
[ -n "$py" ] || die "no python3 that imports torch and numpy (set PYTHON)"

work=$(mktemp -d "${TMPDIR:-/tmp}/tfx-gpubench.XXXXXX")
# The outputs are large; logs.tar.gz keeps the rest. KEEP_WORK=1 keeps all.
[ -n "${KEEP_WORK:-}" ] || trap 'rm -rf "$work"' EXIT
[ -n "$results" ] || results=$(mktemp -d "${TMPDIR:-/tmp}/tfx-gpubench-results.XXXXXX")
mkdir -p "$results"
exec 2> >(tee "$results/run.log" >&2)
log "OUTDIR $outdir, mode $mode, results in $results, work in $work, python $py"

left() { echo $((deadline - (SECONDS - start))); }
# limit SECONDS: the smaller of SECONDS and what is left before the
# deadline, at least 1.
limit() { local l; l=$(left); [ "$l" -lt "$1" ] || l=$1; [ "$l" -ge 1 ] || l=1; echo "$l"; }

# --- 0. machine -------------------------------------------------------------
if [ $mode = cuda ]; then
  command -v nvidia-smi >/dev/null || die "no nvidia-smi: not the GPU machine? (--cpu-dry-run runs without one)"
  gpu=$(timeout 30 nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.sm,clocks.max.sm,clocks.mem,temperature.gpu,utilization.gpu --format=csv,noheader) ||
    die "nvidia-smi failed"
  log "GPU: $gpu"
  # The harnesses dlopen libcuda.so.1 (Halide's runtime, CudaTraffic.cpp);
  # if the loader does not know it, look where drivers are mounted.
  if ! ldconfig -p 2>/dev/null | grep -q 'libcuda\.so\.1 '; then
    for d in /usr/local/nvidia/lib64 /usr/local/nvidia/lib /usr/lib/x86_64-linux-gnu /usr/lib64 /usr/local/cuda/compat; do
      if [ -e "$d/libcuda.so.1" ]; then
        export LD_LIBRARY_PATH=$d${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
        log "libcuda.so.1 not in the loader cache; using $d/libcuda.so.1"
        break
      fi
    done
  fi
  echo "$gpu (name, driver, memory, SM clock, max SM clock, memory clock, temperature, load); $(nproc) CPUs, $(uname -m)" > "$work/machine.txt"
else
  echo "CPU dry run: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) CPUs" > "$work/machine.txt"
fi

bin=$outdir/bin
starts() { # a harness without arguments prints its usage and exits 2
  local rc=0; "$1" > /dev/null 2> "$work/start.log" || rc=$?
  [ $rc = 2 ] && grep -q usage "$work/start.log"
}
need_relink=
harnesses=("$bin"/*.cpu)
[ $mode = cpu ] || harnesses+=("$bin"/*.cuda "$bin"/*.cuda_simple)
for h in "${harnesses[@]}"; do
  starts "$h" || { need_relink=1; log "$(basename "$h") does not start here: $(head -c 300 "$work/start.log")"; }
done
if [ -n "$need_relink" ]; then
  log "relinking the harnesses here from lib.tar.gz with ${CXX:-g++}"
  command -v "${CXX:-g++}" >/dev/null || die "no ${CXX:-g++} to relink the harnesses"
  tar xzf "$outdir/lib.tar.gz" -C "$work"
  bin=$work/bin
  mkdir -p "$bin"
  for d in "$work"/lib/*; do
    b=$(basename "$d")
    "$here/link_harness.sh" "$d" "${b%.*}" "${b##*.}" "$bin/$b" || die "relinking $b failed"
  done
  for h in "$bin"/*; do starts "$h" || die "$(basename "$h") relinked does not start: $(cat "$work/start.log")"; done
fi

# The GEMM rows' inputs (46 MB at batch 256: made here, not carried).
(cd "$here" && "$py" gemmbench.py inputs "$work" ${max_batch:+--max-batch "$max_batch"}) ||
  die "gemmbench.py inputs failed"

# key library model function inputs, one row a line: the model rows, the GEMM rows
list_rows() {
  (cd "$here" && "$py" -c '
import gpubench as gb, gemmbench, sys
mb = int(sys.argv[4]) if sys.argv[4] else None
for r in (gemmbench.rows if sys.argv[3] == "gemm" else gb.rows)(max_batch=mb):
    print(r["key"], r["library"], r["model"], r["function"], gb.inputs_file(sys.argv[1], r, sys.argv[2]))
' "$outdir" "$work" "$1" "$max_batch")
}
model_rows=$(list_rows models)
gemm_rows=$(list_rows gemm)

# run_row BUILD HARNESS TIMEOUT RUNS KERNEL_RUNS key library model function inputs
# BUILD: ref (the CPU build), tiled or simple; the files are WORK/KEY.BUILD.*
run_row() {
  local build=$1 h=$2 t=$3 n=$4 k=$5 key=$6 lib=$7 model=$8 function=$9 inputs=${10} rc=0
  CUDA_CACHE_DISABLE=1 timeout -k 10 "$t" "$h" "$outdir/weights/$model.safetensors" "$function" "$inputs" \
    "$work/$key.$build.safetensors" "$work/$key.$build.json" --runs "$n" --budget-s 10 \
    --kernel-runs "$k" < /dev/null 2> "$work/$key.$build.log" || rc=$?
  if [ $rc = 0 ]; then
    log "$build $key: $(tail -n 1 "$work/$key.$build.log")"
  else
    [ $rc != 124 ] && [ $rc != 137 ] || echo "timed out after $t s" >> "$work/$key.$build.log"
    rm -f "$work/$key.$build.json"
    log "$build $key: FAILED (exit $rc): $(tail -n 3 "$work/$key.$build.log" | tr '\n' ' ')"
  fi
}

# run_rows BUILD ROWS: every row through BUILD (ref: once, the CPU build;
# tiled, simple: the CUDA library of that GEMM schedule, or the CPU build in
# a dry run); a row the deadline leaves out says so in its log.
run_rows() {
  local build=$1 suffix=cpu n=1 k=0 t=120 rows key lib model function inputs
  if [ "$build" != ref ]; then
    n=$runs t=150
    if [ $mode = cuda ]; then suffix=cuda; [ "$build" = tiled ] || suffix=cuda_simple; fi
  fi
  [ "$build" = ref ] || [ $mode = cpu ] || k=5
  case $2 in gemm) rows=$gemm_rows; [ "$build" = ref ] || [ $mode = cpu ] || k=$runs ;;
             *) rows=$model_rows ;; esac
  while read -r key lib model function inputs; do
    if [ "$(left)" -lt 5 ]; then
      echo "skipped (deadline $deadline s)" > "$work/$key.$build.log"
      log "$build $key: skipped, deadline"
      continue
    fi
    run_row "$build" "$bin/$lib.$suffix" "$(limit $t)" "$n" "$k" \
      "$key" "$lib" "$model" "$function" "$inputs"
  done <<< "$rows"
}

# run_torch SCRIPT: PyTorch for the rows (torch_ref.py: the models;
# torch_gemm.py: F.linear), stopping at the deadline.
run_torch() {
  local rc=0
  if [ "$(left)" -lt 20 ]; then log "$1: skipped, deadline"; return; fi
  (cd "$here" && timeout -k 10 "$(limit 300)" "$py" "$1" "$outdir" "$work" --device $mode \
    --runs "$runs" --time-limit "$(( $(left) - 15 ))" ${max_batch:+--max-batch "$max_batch"} \
    < /dev/null) || rc=$?
  [ $rc = 0 ] || log "$1: exit $rc (rows it did not finish show no PyTorch numbers)"
}

run_rows ref models          # 1. numerics reference
run_rows tiled models        # 2. tfx, tiled GEMM schedule
run_torch torch_ref.py       # 3. PyTorch
run_rows ref gemm            # 4. GEMM micro-table: reference, tiled, cuBLAS
run_rows tiled gemm
run_torch torch_gemm.py
run_rows simple gemm         # 5. TFX_GPU_GEMM=simple
run_rows simple models

# --- 6. report --------------------------------------------------------------------
rc=0
(cd "$here" && "$py" report.py "$outdir" "$work" --mode $mode --results "$results" \
  --machine "$work/machine.txt" ${max_batch:+--max-batch "$max_batch"}) || rc=$?
(cd "$work" && tar czf "$results/logs.tar.gz" ./*.json ./*.log machine.txt 2>/dev/null) || true
log "done in $((SECONDS - start)) s: $results/table.md, gpubench.json, run.log, logs.tar.gz"
exit $rc
