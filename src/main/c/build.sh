#!/bin/sh
# Compiles the LD_PRELOAD tracer into $1/libjmktrace.so (run by Maven in process-resources).
set -eu
out=$1
src=$(dirname "$0")/jmktrace.c
mkdir -p "$out"
${CC:-cc} -shared -fPIC -O2 -Wall -Wextra -Wno-nonnull-compare -fno-delete-null-pointer-checks \
    -fvisibility=hidden -U_FORTIFY_SOURCE -o "$out/libjmktrace.so.tmp" "$src" -ldl
mv -f "$out/libjmktrace.so.tmp" "$out/libjmktrace.so"
