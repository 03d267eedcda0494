#!/usr/bin/env bash
# Links bench/gpu/gpu_bench.cpp against one built tfx-translate library.
# Usage: link_harness.sh LIBDIR NAME cuda|cuda_simple|cpu OUT [EXTRA_LINK_FLAGS...]
#   LIBDIR holds libNAME.a, NAME.h, HalideBuffer.h, HalideRuntime.h and
#   runtime/include (a tfx-translate output directory after its build.sh, or
#   the copy prepare.sh keeps in OUTDIR/lib). A cuda build also links
#   CudaTraffic.cpp (counts of CUDA driver calls, kernel timer); cuda_simple
#   is the same library built with TFX_GPU_GEMM=simple. $CXX: default g++.
# prepare.sh passes -static-libstdc++ -static-libgcc -s; run.sh relinks
# without them on the GPU machine if the carried binaries do not start there.
set -euo pipefail
if [ $# -lt 4 ]; then
  echo "usage: $0 LIBDIR NAME cuda|cuda_simple|cpu OUT [EXTRA_LINK_FLAGS...]" >&2
  exit 2
fi
libdir=$1 name=$2 build=$3 out=$4
shift 4
here=$(cd "$(dirname "$0")" && pwd)
case $build in
  cuda|cuda_simple) extra=("$here/CudaTraffic.cpp") ;;
  cpu) extra=() ;;
  *) echo "link_harness.sh: error: build must be cuda, cuda_simple or cpu, not '$build'" >&2; exit 2 ;;
esac
for f in "$libdir/lib$name.a" "$libdir/$name.h" "$libdir/HalideBuffer.h" "$libdir/runtime/include"; do
  [ -e "$f" ] || { echo "link_harness.sh: error: $f is missing" >&2; exit 1; }
done
"${CXX:-g++}" -O2 -std=c++17 -DTFX_LIB="$name" -include "$libdir/$name.h" \
  -I"$here" -I"$libdir/runtime/include" -I"$libdir" \
  "$here/gpu_bench.cpp" "${extra[@]}" "$libdir/lib$name.a" -lpthread -ldl "$@" -o "$out"
