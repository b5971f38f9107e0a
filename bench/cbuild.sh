#!/usr/bin/env bash
# A clean build of examples/parallel (33 C files at -O2) at -j2 under GNU make and jmake, interleaved.
# Usage: bench/cbuild.sh [runs] [jobs]   (defaults 5 and 2; needs `mvn -q -DskipTests package` first)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib.sh"
jmake="$here/../bin/jmake"
runs=${1:-5}
jobs=${2:-2}
dir="$(mktemp -d "${TMPDIR:-/tmp}/jmake-cbuild.XXXXXX")"
trap 'rm -rf "$dir"' EXIT
cp "$here"/../examples/parallel/*.[ch] "$here"/../examples/parallel/Makefile "$dir"/
"$jmake" -s -j"$jobs" -C "$dir" >/dev/null && make -s -C "$dir" clean   # warm caches and the CDS archive
make_times=() jmake_times=()
for ((i = 0; i < runs; i++)); do
    make_times+=("$(median_ms 1 make -s -j"$jobs" -C "$dir")"); make -s -C "$dir" clean
    jmake_times+=("$(median_ms 1 "$jmake" -s -j"$jobs" -C "$dir")"); make -s -C "$dir" clean
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f\n", m}'; }
make_ms=$(median "${make_times[@]}")
jmake_ms=$(median "${jmake_times[@]}")
make_one=$(startup_ms "$runs" make -s)
jmake_one=$(startup_ms "$runs" "$jmake" -s)
floor=$(floor_ms "$make_ms" "$make_one" "$jmake_one")
echo "clean build of examples/parallel at -j$jobs (median of $runs, interleaved):"
echo "  make:  $make_ms ms   (runs: ${make_times[*]})"
echo "  jmake: $jmake_ms ms   (runs: ${jmake_times[*]})"
echo "  ratio jmake/make: $(ratio "$jmake_ms" "$make_ms")"
echo "  one trivial job: make $make_one ms, jmake $jmake_one ms"
echo "  floor (make + start-up difference): $floor ms   ratio $(ratio "$floor" "$make_ms")"
