#!/usr/bin/env bash
# Prepares the GPU benchmark of issue 12 on a machine without a GPU.
#
#   bench/gpu/prepare.sh OUTDIR [--build DIR] [--jobs N]
#
# Builds, for the teacher (encode, decode), the fused Lite Transformer
# encoder (tfx-opt --fuse-lsra) and the GEMM micro-table (gemmbench.py: one
# tfx.linear per function, the models' linear shapes), three libraries
# each: CUDA (tfx-translate --emit=cuda) with the tiled GEMM schedule (the
# default), CUDA with TFX_GPU_GEMM=simple, and CPU (--emit=static-library,
# the numerics reference), each with the timing harness gpu_bench.cpp
# (x86-64 binaries; the Halide CUDA runtime dlopens libcuda at run time, so
# no CUDA is needed here); writes the weights, the inputs and manifest.json
# (make_data.py); smoke-tests the harnesses; and puts everything the GPU
# machine needs into OUTDIR:
#
#   OUTDIR/manifest.json    rows, GEMM rows, FLOPs, configs, targets, provenance
#   OUTDIR/weights/         MODEL.safetensors (make_golden.py's random weights),
#                           gemm.safetensors (gemmbench.py's)
#   OUTDIR/inputs/          ROW.bBATCH.safetensors (the GEMM inputs, 46 MB,
#                           are made by run.sh there)
#   OUTDIR/bin/             LIB.cuda, LIB.cuda_simple, LIB.cpu (gpu_bench
#                           linked with each)
#   OUTDIR/lib.tar.gz       lib/LIB.BUILD/: libLIB.a and headers, for run.sh
#                           to relink there if the binaries do not start
#   OUTDIR/ptxas.txt        ptxas -v resources per GPU function, both
#                           GEMM schedules (if ptxas)
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

# One line per library: name model ir fuse_lsra functions (gpubench.LIBRARIES,
# then gemmbench's module, written here).
"$py" "$here/gemmbench.py" mlir "$tmp/gemm.mlir"
libraries=$(cd "$here" && "$py" -c '
import gpubench as gb, gemmbench, sys
for name, l in gb.LIBRARIES.items():
    print(name, l["model"], l["ir"], int(l["fuse_lsra"]), ",".join(l["functions"]))
print(gemmbench.LIBRARY, gemmbench.LIBRARY, sys.argv[1], 0, ",".join(gemmbench.functions()))
' "$tmp/gemm.mlir")

while read -r lib model ir fuse functions; do
  src=$ir
  case $src in /*) ;; *) src=$root/$ir ;; esac
  if [ "$fuse" = 1 ]; then
    log "$lib: tfx-opt --fuse-lsra $ir"
    "$opt" --fuse-lsra "$src" -o "$tmp/$lib.mlir"
    src=$tmp/$lib.mlir
  fi
  # cuda: the tiled GEMM schedule (default); cuda_simple: TFX_GPU_GEMM=simple.
  for v in cuda cuda_simple cpu; do
    case $v in
      cuda) emit=cuda target=$cuda_target gemm=tiled ;;
      cuda_simple) emit=cuda target=$cuda_target gemm=simple ;;
      cpu) emit=static-library target=$cpu_target gemm= ;;
    esac
    log "$lib.$v: ${gemm:+TFX_GPU_GEMM=$gemm }tfx-translate --emit=$emit --target=$target --function $functions"
    TFX_GPU_GEMM=$gemm "$translate" "$src" --emit=$emit --target="$target" --name "$lib" \
      --function "$functions" -o "$tmp/$lib.$v" 2> "$tmp/$lib.$v.log" ||
      { cat "$tmp/$lib.$v.log" >&2; die "tfx-translate failed for $lib.$v"; }
    if [ -n "$gemm" ] && ! grep -q "GPU GEMM schedule: $gemm" "$tmp/$lib.$v/$lib.h"; then
      die "$lib.$v/$lib.h does not say 'GPU GEMM schedule: $gemm'"
    fi
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
  for v in cuda cuda_simple; do
    [ -n "$ptxas" ] || continue
    log "$lib.$v: ptxas -v (sm_90) on every PTX module"
    { echo "== $lib.$v (ptxas sm_90)"; "$py" "$root/test/Target/validate_ptx.py" --ptxas "$ptxas" \
        --arch sm_90 --resources "$tmp/$lib.$v"; } >> "$outdir/ptxas.txt" ||
      die "PTX of $lib.$v does not validate (see $outdir/ptxas.txt)"
  done
done <<< "$libraries"
tar czf "$outdir/lib.tar.gz" -C "$tmp" lib
[ -n "$ptxas" ] || log "no ptxas here: PTX not validated (it is in translate-cuda.test)"

log "weights, inputs, manifest.json"
(cd "$here" && "$py" make_data.py "$outdir" --cuda-target "$cuda_target" \
  --cpu-target "$cpu_target" --tfx-translate "$translate")

# Smoke test: each CPU harness runs its smallest row; each CUDA harness,
# here without a GPU, must fail cleanly (a message, exit 1), not crash, and
# against bench/gpu/fake_cuda.c (a driver that runs nothing) must get
# through create, the calls and the kernel timer (launches counted).
"$py" "$here/gemmbench.py" inputs "$tmp" --max-batch 1
rows=$(cd "$here" && "$py" -c '
import gpubench as gb, gemmbench, sys
seen = set()
for r in gb.rows(max_batch=1) + gemmbench.rows(max_batch=1):
    if r["library"] not in seen:
        seen.add(r["library"])
        print(r["library"], r["model"], r["function"], gb.inputs_file(sys.argv[1], r, sys.argv[2]))
' "$outdir" "$tmp")
fake=
if ! ldconfig -p 2>/dev/null | grep -q libcuda.so && command -v "${CC:-gcc}" >/dev/null; then
  mkdir -p "$tmp/fakecuda"
  "${CC:-gcc}" -shared -fPIC -O1 -Wl,-soname,libcuda.so.1 "$here/fake_cuda.c" \
    -o "$tmp/fakecuda/libcuda.so.1" && fake=$tmp/fakecuda
fi
while read -r lib model function inputs; do
  args=("$outdir/weights/$model.safetensors" "$function" "$inputs" "$tmp/smoke.safetensors" "$tmp/smoke.json")
  "$outdir/bin/$lib.cpu" "${args[@]}" --runs 1 2> "$tmp/smoke.log" ||
    { cat "$tmp/smoke.log" >&2; die "smoke test of bin/$lib.cpu failed"; }
  log "smoke test: $(tail -n 1 "$tmp/smoke.log")"
  ! ldconfig -p 2>/dev/null | grep -q libcuda.so || continue
  for v in cuda cuda_simple; do
    rc=0
    "$outdir/bin/$lib.$v" "${args[@]}" --runs 1 2> "$tmp/smoke.log" || rc=$?
    if [ $rc != 1 ] || ! grep -q 'gpu_bench: error: .*[Cc][Uu][Dd][Aa]' "$tmp/smoke.log"; then
      cat "$tmp/smoke.log" >&2
      die "bin/$lib.$v without a GPU: expected a CUDA error and exit 1, got exit $rc"
    fi
    log "smoke test: bin/$lib.$v without a GPU fails cleanly: $(head -c 120 "$tmp/smoke.log")"
    [ -n "$fake" ] || continue
    LD_LIBRARY_PATH=$fake "$outdir/bin/$lib.$v" "${args[@]}" --runs 1 --kernel-runs 1 \
      2> "$tmp/smoke.log" && grep -q '"kernel_launches": [1-9]' "$tmp/smoke.json" ||
      { cat "$tmp/smoke.log" >&2; die "bin/$lib.$v against fake_cuda.c: no kernel-timed launches"; }
    log "smoke test: bin/$lib.$v against fake_cuda.c: $(tail -n 1 "$tmp/smoke.log" | sed 's/^.*median/median/')"
  done
done <<< "$rows"

log "OUTDIR $outdir: $(du -sh "$outdir" | cut -f1)"
du -h --max-depth=1 "$outdir" | sed "s|^|  |" >&2
