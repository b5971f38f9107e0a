#!/usr/bin/env bash
# 2,000 trivial jobs (`true`) at -j2, jmake beside GNU make: the cost of starting and reaping jobs.
# Usage: bench/jobs.sh [jobs] [runs]   (defaults 2000 and 5; needs `mvn -q -DskipTests package` first)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib.sh"
jmake="$here/../bin/jmake"
n=${1:-2000}
runs=${2:-5}
dir="$(mktemp -d "${TMPDIR:-/tmp}/jmake-jobs.XXXXXX")"
trap 'rm -rf "$dir"' EXIT
{
    printf 'JOBS := $(shell seq 1 %d)\n' "$n"
    printf '.PHONY: all $(JOBS)\nall: $(JOBS)\n$(JOBS):\n\t@true\n'
} > "$dir/Makefile"
"$jmake" -s -j2 -C "$dir" >/dev/null   # warm the page cache and the CDS archive
make_ms=$(median_ms "$runs" make -s -j2 -C "$dir")
jmake_ms=$(median_ms "$runs" "$jmake" -s -j2 -C "$dir")
off_ms=$(median_ms "$runs" "$jmake" -s -j2 --trace=off -C "$dir")
make_one=$(startup_ms "$runs" make -s)
jmake_one=$(startup_ms "$runs" "$jmake" -s --trace=off)
floor=$(floor_ms "$make_ms" "$make_one" "$jmake_one")
echo "$n trivial jobs at -j2 (median of $runs):"
echo "  make:                      $make_ms ms"
echo "  jmake (tracing on):        $jmake_ms ms   ratio $(ratio "$jmake_ms" "$make_ms")"
echo "  jmake --trace=off:         $off_ms ms   ratio $(ratio "$off_ms" "$make_ms")"
echo "  one trivial job:           make $make_one ms, jmake $jmake_one ms"
echo "  floor (make + start-up difference): $floor ms   ratio $(ratio "$floor" "$make_ms")"
