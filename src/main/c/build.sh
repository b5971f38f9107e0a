#!/bin/sh
# Compiles the LD_PRELOAD tracer into $1/libjmktrace.so (run by Maven in process-resources).
set -eu
out=$1
src=$(dirname "$0")/jmktrace.c
mkdir -p "$out"
# Two load segments and no RELRO: fewer mappings and pages for every traced process to fault in (a fault costs
# tens of microseconds on a virtual machine; the shim has no secrets a read-only GOT would protect).
# libc's prototypes say nonnull, but callers do pass NULL (Rust's std probes statx(0, NULL, 0, ..., NULL) for
# EFAULT): with the attributes gone, the wrappers' NULL checks are kept and the call reaches libc unchanged.
# Two load segments instead of four (-z noseparate-code -z norelro): each page a traced process maps costs it a page
# fault of 25-45 us on this VM, more than the shim's own work; the price is a GOT left writable in traced processes.
${CC:-cc} -shared -fPIC -O2 -Wall -Wextra -Wno-nonnull-compare -fno-delete-null-pointer-checks '-D__attribute_nonnull__(p)=' \
    -fvisibility=hidden -fno-tree-loop-distribute-patterns -U_FORTIFY_SOURCE -Wl,-z,noseparate-code -Wl,-z,norelro -o "$out/libjmktrace.so.tmp" "$src" -ldl
mv -f "$out/libjmktrace.so.tmp" "$out/libjmktrace.so"
# Its digest and size, so that a run finds the unpacked copy without reading and hashing the library (ShimLibrary).
printf '%s %s\n' "$(sha256sum "$out/libjmktrace.so" | cut -c1-64)" "$(wc -c < "$out/libjmktrace.so" | tr -d ' ')" \
    > "$out/libjmktrace.so.sha256"
