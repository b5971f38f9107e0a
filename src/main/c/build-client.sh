#!/bin/sh
# Compiles the native client into $1/jmake-client (run by Maven in process-resources, like build.sh for the tracer).
# Linked statically where the C library allows (static-pie): every sub-make starts a client, and the dynamic loader
# was half of its start (49 page faults against 27 for an exec of the client, each fault 25-45 us on this kind of
# machine; docs/BENCHMARKS.md). Its dynamically linked twin, $1/jmake-client-dynamic, is what the static one becomes
# under the tracer, which only a dynamic program can load (see become_traceable); without a static C library (or
# with a sanitizer in CFLAGS) jmake-client is the dynamic one too.
set -eu
out=$1
src=$(dirname "$0")
objects="$out/jmake-client.o.d"
mkdir -p "$objects"
flags="-std=c11 -O2 -Wall -Wextra -fPIE"
# CFLAGS is added last (e.g. CFLAGS=-fsanitize=address,undefined for a checked build).
for name in jmake-client client-session client-spawn client-wire client-launcher; do
    # shellcheck disable=SC2086 # the flags are words
    ${CC:-cc} $flags ${CFLAGS:-} -c -o "$objects/$name.o" "$src/$name.c"
done
# shellcheck disable=SC2086
${CC:-cc} $flags -DJMAKE_STATIC_CLIENT ${CFLAGS:-} -c -o "$objects/static-main.o" "$src/jmake-client.c"
common="$objects/client-session.o $objects/client-spawn.o $objects/client-wire.o $objects/client-launcher.o"
# shellcheck disable=SC2086
${CC:-cc} -pie ${CFLAGS:-} -o "$out/jmake-client-dynamic.tmp" "$objects/jmake-client.o" $common
mv -f "$out/jmake-client-dynamic.tmp" "$out/jmake-client-dynamic"
# shellcheck disable=SC2086
if ! ${CC:-cc} -static-pie ${CFLAGS:-} -o "$out/jmake-client.tmp" "$objects/static-main.o" $common 2>/dev/null; then
    cp "$out/jmake-client-dynamic" "$out/jmake-client.tmp"
fi
mv -f "$out/jmake-client.tmp" "$out/jmake-client"
