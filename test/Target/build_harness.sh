#!/bin/sh
# Builds a tfx-translate library and the RunLibrary harness against it.
# Usage: build_harness.sh LIBDIR NAME OUT TFX_SRC TFX_OBJ
# (The harness uses tfx's runtime library only to read/write safetensors.)
set -e
LIBDIR=$1 NAME=$2 OUT=$3 SRC=$4 OBJ=$5
# The library is built once (a second harness for it, e.g. with
# OpenclTraffic.cpp, reuses it; tfx-translate replaces the whole directory).
[ -f "$LIBDIR/lib$NAME.a" ] || CXX=${CXX:-g++} "$LIBDIR/build.sh"
# $TFX_HARNESS_FLAGS: extra flags, e.g. the sanitizers of scripts/sanitize.sh
# (libTfxRuntime.a is then instrumented and needs their runtimes).
# $TFX_HARNESS_EXTRA: extra sources, e.g. test/Target/OpenclTraffic.cpp.
${CXX:-g++} -O1 -std=c++17 ${TFX_HARNESS_FLAGS:-} -DTFX_LIB="$NAME" -include "$LIBDIR/$NAME.h" \
  "$SRC/test/Target/RunLibrary.cpp" ${TFX_HARNESS_EXTRA:-} -I"$SRC/runtime/include" -I/usr/include/halide14 \
  "$LIBDIR/lib$NAME.a" "$OBJ/runtime/libTfxRuntime.a" -lpthread -ldl -o "$OUT"
