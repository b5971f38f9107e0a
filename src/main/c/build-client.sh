#!/bin/sh
# Compiles the native client into $1/jmake-client (run by Maven in process-resources, like build.sh for the tracer).
set -eu
out=$1
src=$(dirname "$0")
mkdir -p "$out"
# CFLAGS is added last (e.g. CFLAGS=-fsanitize=address,undefined for a checked build).
${CC:-cc} -std=c11 -O2 -Wall -Wextra ${CFLAGS:-} -o "$out/jmake-client.tmp" \
    "$src/jmake-client.c" "$src/client-session.c" "$src/client-spawn.c" "$src/client-wire.c" "$src/client-launcher.c"
mv -f "$out/jmake-client.tmp" "$out/jmake-client"
