#!/usr/bin/env bash
# Prepares the GPU benchmark of issue 12 on a machine without a GPU.
#
#   bench/gpu/prepare.sh OUTDIR [--build DIR] [--jobs N]
#
# Builds, for the teacher (encode, decode) and the fused Lite Transformer
# encoder (tfx-opt --fuse-lsra), a CUDA library (tfx-translate --emit=cuda)
# and a CPU library (--emit=static-library, the numerics reference), each
# with the timing harness gpu_bench.cpp (x86-64 binaries; the Halide CUDA
# runtime dlopens libcuda at run time, so no CUDA is needed here); writes
# the weights, the inputs and manifest.json (make_data.py); smoke-tests the
# CPU harnesses; and puts everything the GPU machine needs into OUTDIR:
#
#   OUTDIR/manifest.json    rows, FLOPs, configs, targets, provenance
#   OUTDIR/weights/         MODEL.safetensors (make_golden.py's random weights)
#   OUTDIR/inputs/          ROW.bBATCH.safetensors
#   OUTDIR/bin/             LIB.cuda, LIB.cpu (gpu_bench linked with each)
#   OUTDIR/lib.tar.gz       lib/LIB.cuda/, lib/LIB.cpu/: libLIB.a and headers,
#                           for run.sh to relink there if the binaries do not start
#   OUTDIR/ptxas.txt        ptxas -v resources per GPU function (if ptxas)
#
# Then, on a lent GPU (device tool `run`, carry [OUTDIR]):
#   bash bench/gpu/run.sh OUTDIR
# and without one, the same pipeline on the CPU:
#   bash bench/gpu/run.sh OUTDIR --cpu-dry-run --max-batch 32
#
# OUTDIR must lie inside the repository and be ignored by git for `carry`
# (e.g. .gpubench/, listed in .git/info/exclude). DIR: the tfx build with
# bin/tfx-translate and bin/tfx-opt (default: build/ of this checkout; $TFX_BUILD).
# Needs /usr/bin/python3 with torch and numpy ($PYTHON), g++ ($CXX).
set -euo pipefail

die() { echo "prepare.sh: error: $*" >&2; exit 1; }
log() { echo "prepare.sh: $*" >&2; }

root=$(cd "$(dirname "$0")/../.." && pwd)
here=$root/bench/gpu
outdir='' build=${TFX_BUILD:-$root/build} jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
while [ $# -gt 0 ]; do
  case $1 in
    --build) build=${2:?--build needs a directory}; shift 2 ;;
    --jobs) jobs=${2:?--jobs needs a number}; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    -*) die "unknown option '$1'" ;;
    *) [ -z "$outdir" ] || die "one OUTDIR only"; outdir=$1; shift ;;
  esac
done
[ -n "$outdir" ] || die "usage: prepare.sh OUTDIR [--build DIR] [--jobs N]"
translate=$build/bin/tfx-translate opt=$build/bin/tfx-opt
for t in "$translate" "$opt"; do
  [ -x "$t" ] || die "$t not found: build tfx first or pass --build DIR"
done
py=${PYTHON:-/usr/bin/python3}
"$py" -c 'import torch, numpy' 2>/dev/null ||
  die "$py cannot import torch and numpy (Debian: python3-torch); set PYTHON"
command -v "${CXX:-g++}" >/dev/null || die "no C++ compiler ${CXX:-g++}"

if [ -e "$outdir" ]; then
  if [ -n "$(ls -A "$outdir")" ] && [ ! -f "$outdir/manifest.json" ]; then
    die "$outdir exists, is not empty and is no earlier OUTDIR (no manifest.json): not touching it"
  fi
  rm -rf "$outdir"
fi
mkdir -p "$outdir"/bin
outdir=$(cd "$outdir" && pwd)
case $outdir/ in
  "$root"/*) git -C "$root" check-ignore -q "$outdir" ||
    log "warning: $outdir is not ignored by git; the device tool carries only ignored paths named in 'carry' (add it to .git/info/exclude)" ;;
  *) log "warning: $outdir is outside the repository; the device tool can only carry paths inside it" ;;
esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tfx-gpubench-prepare.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# Halide targets. The host part is a plain AVX2 x86-64 (no AVX-512): the
# GPU machine's CPU is not this one. CUDA capability 8.0: PTX that the
# H200's driver JIT-compiles for sm_90 (as in issue 12's measurements).
cpu_target=${TFX_CPU_TARGET:-x86-64-linux-sse41-avx-f16c-fma-avx2}
cuda_target=${TFX_CUDA_TARGET:-$cpu_target-cuda-cuda_capability_80}

ptxas=$(command -v ptxas || true)
[ -n "$ptxas" ] || [ ! -x /usr/local/cuda/bin/ptxas ] || ptxas=/usr/local/cuda/bin/ptxas

# One line per library: name model ir fuse_lsra functions (gpubench.LIBRARIES).
libraries=$(cd "$here" && "$py" -c '
import gpubench as gb
for name, l in gb.LIBRARIES.items():
    print(name, l["model"], l["ir"], int(l["fuse_lsra"]), ",".join(l["functions"]))')

while read -r lib model ir fuse functions; do
  src=$root/$ir
  if [ "$fuse" = 1 ]; then
    log "$lib: tfx-opt --fuse-lsra $ir"
    "$opt" --fuse-lsra "$src" -o "$tmp/$lib.mlir"
    src=$tmp/$lib.mlir
  fi
  for v in cuda cpu; do
    if [ $v = cuda ]; then emit=cuda target=$cuda_target; else emit=static-library target=$cpu_target; fi
    log "$lib.$v: tfx-translate --emit=$emit --target=$target --function $functions"
    "$translate" "$src" --emit=$emit --target="$target" --name "$lib" --function "$functions" \
      -o "$tmp/$lib.$v" 2> "$tmp/$lib.$v.log" ||
      { cat "$tmp/$lib.$v.log" >&2; die "tfx-translate failed for $lib.$v"; }
    log "$lib.$v: build.sh ($jobs jobs)"
    JOBS=$jobs "$tmp/$lib.$v/build.sh" > "$tmp/$lib.$v.build.log" 2>&1 ||
      { cat "$tmp/$lib.$v.build.log" >&2; die "build.sh failed for $lib.$v"; }
    "$here/link_harness.sh" "$tmp/$lib.$v" "$lib" $v "$outdir/bin/$lib.$v" \
      -static-libstdc++ -static-libgcc -s
    keep=$tmp/lib/$lib.$v
    mkdir -p "$keep"
    cp "$tmp/$lib.$v/lib$lib.a" "$tmp/$lib.$v/$lib.h" "$tmp/$lib.$v"/Halide*.h "$keep/"
    cp -r "$tmp/$lib.$v/runtime" "$keep/"
    rm -rf "$keep/runtime/lib" # sources, already in libLIB.a
  done
  if [ -n "$ptxas" ]; then
    log "$lib.cuda: ptxas -v (sm_90) on every PTX module"
    { echo "== $lib (ptxas sm_90)"; "$py" "$root/test/Target/validate_ptx.py" --ptxas "$ptxas" \
        --arch sm_90 --resources "$tmp/$lib.cuda"; } >> "$outdir/ptxas.txt" ||
      die "PTX of $lib.cuda does not validate (see $outdir/ptxas.txt)"
  fi
done <<< "$libraries"
tar czf "$outdir/lib.tar.gz" -C "$tmp" lib
[ -n "$ptxas" ] || log "no ptxas here: PTX not validated (it is in translate-cuda.test)"

log "weights, inputs, manifest.json"
(cd "$here" && "$py" make_data.py "$outdir" --cuda-target "$cuda_target" \
  --cpu-target "$cpu_target" --tfx-translate "$translate")

# Smoke test: each CPU harness runs its smallest row; each CUDA harness,
# here without a GPU, must fail cleanly (a message, exit 1), not crash.
rows=$(cd "$here" && "$py" -c '
import gpubench as gb, sys
seen = set()
for r in gb.rows(max_batch=1):
    if r["library"] not in seen:
        seen.add(r["library"])
        print(r["library"], r["model"], r["function"], gb.inputs_file(sys.argv[1], r))' "$outdir")
while read -r lib model function inputs; do
  "$outdir/bin/$lib.cpu" "$outdir/weights/$model.safetensors" "$function" "$inputs" \
    "$tmp/smoke.safetensors" "$tmp/smoke.json" --runs 1 2> "$tmp/smoke.log" ||
    { cat "$tmp/smoke.log" >&2; die "smoke test of bin/$lib.cpu failed"; }
  log "smoke test: $(tail -n 1 "$tmp/smoke.log")"
  if ! ldconfig -p 2>/dev/null | grep -q libcuda.so; then
    rc=0
    "$outdir/bin/$lib.cuda" "$outdir/weights/$model.safetensors" "$function" "$inputs" \
      "$tmp/smoke.safetensors" "$tmp/smoke.json" --runs 1 2> "$tmp/smoke.log" || rc=$?
    if [ $rc != 1 ] || ! grep -q 'gpu_bench: error: .*[Cc][Uu][Dd][Aa]' "$tmp/smoke.log"; then
      cat "$tmp/smoke.log" >&2
      die "bin/$lib.cuda without a GPU: expected a CUDA error and exit 1, got exit $rc"
    fi
    log "smoke test: bin/$lib.cuda without a GPU fails cleanly: $(head -c 160 "$tmp/smoke.log")"
  fi
done <<< "$rows"

log "OUTDIR $outdir: $(du -sh "$outdir" | cut -f1)"
du -h --max-depth=1 "$outdir" | sed "s|^|  |" >&2
