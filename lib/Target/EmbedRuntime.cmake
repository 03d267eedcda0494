# Writes OUT: the runtime's sources as C++ string literals, so that
# tfx-translate can copy them into every generated library (the library is
# the runtime + a plan table + kernels; docs/translate.md).
# Usage: cmake -DROOT=<runtime dir> -DOUT=<file> -DFILES="a;b" -P EmbedRuntime.cmake
set(text "// Generated from runtime/ by lib/Target/EmbedRuntime.cmake; do not edit.\n")
string(APPEND text "struct EmbeddedRuntimeFile { const char *path; const char *text; };\n")
string(APPEND text "static const EmbeddedRuntimeFile kRuntimeFiles[] = {\n")
foreach(f ${FILES})
  file(READ ${ROOT}/${f} content)
  string(FIND "${content}" ")tfxrt\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${f} contains the raw-string delimiter )tfxrt\"")
  endif()
  string(APPEND text "  {\"${f}\", R\"tfxrt(${content})tfxrt\"},\n")
endforeach()
string(APPEND text "};\n")
file(WRITE ${OUT}.tmp "${text}")
file(RENAME ${OUT}.tmp ${OUT})
