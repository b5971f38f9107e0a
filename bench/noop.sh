#!/usr/bin/env bash
# No-op build (every target up to date) of a generated Makefile with N file targets, jmake beside GNU make.
# Usage: bench/noop.sh [targets] [runs]   (defaults 10000 and 5; needs `mvn -q -DskipTests package` first)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib.sh"
jmake="$here/../bin/jmake"
n=${1:-10000}
runs=${2:-5}
dir="$(mktemp -d "${TMPDIR:-/tmp}/jmake-noop.XXXXXX")"
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/src"
{
    printf 'OBJS := $(patsubst src/%%.c,out/%%.o,$(wildcard src/*.c))\n'
    printf 'all: $(OBJS)\n\n'
    printf 'out/%%.o: src/%%.c | out\n\tcp $< $@\n\n'
    printf 'out:\n\tmkdir -p $@\n'
} > "$dir/Makefile"
for ((i = 0; i < n; i++)); do : > "$dir/src/f$i.c"; done
make -s -C "$dir" >/dev/null
"$jmake" -C "$dir" >/dev/null   # warm the page cache and the CDS archive
make_ms=$(median_ms "$runs" make -C "$dir")
jmake_ms=$(median_ms "$runs" "$jmake" -C "$dir")
# -r: without the built-in rules, whose implicit-rule search over every source file dominates the no-op build.
make_r_ms=$(median_ms "$runs" make -r -C "$dir")
jmake_r_ms=$(median_ms "$runs" "$jmake" -r -C "$dir")
echo "no-op build of $n file targets (median of $runs):"
echo "  make:  $make_ms ms"
echo "  jmake: $jmake_ms ms"
echo "  ratio jmake/make: $(ratio "$jmake_ms" "$make_ms")"
echo "the same with -r (no built-in rules):"
echo "  make:  $make_r_ms ms"
echo "  jmake: $jmake_r_ms ms"
echo "  ratio jmake/make: $(ratio "$jmake_r_ms" "$make_r_ms")"
