#!/usr/bin/env bash
# The cost of the recipe I/O tracer (issue 5): a clean build of examples/parallel (33 C files at -O2) at -j2 with
# --trace=warn, with --trace=off and, for comparison, with --trace=off under `strace -f -e trace=%file`, interleaved;
# then 500 tiny shell-recipe jobs (`echo > file`) at -j2 traced and not, to expose the per-process cost.
# Usage: bench/trace.sh [runs] [jobs]   (defaults 5 and 2; needs `mvn -q -DskipTests package` first)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib.sh"
jmake="$here/../bin/jmake"
runs=${1:-5}
jobs=${2:-2}
dir="$(mktemp -d "${TMPDIR:-/tmp}/jmake-trace.XXXXXX")"
trap 'rm -rf "$dir"' EXIT
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f\n", m}'; }

mkdir "$dir/c"
cp "$here"/../examples/parallel/*.[ch] "$here"/../examples/parallel/Makefile "$dir/c"/
"$jmake" -s -j"$jobs" -C "$dir/c" >/dev/null 2>&1 && make -s -C "$dir/c" clean   # warm caches, unpack the shim
warn=() off=() strace_t=()
have_strace=$(command -v strace >/dev/null && echo yes || echo no)
for ((i = 0; i < runs; i++)); do
    warn+=("$(median_ms 1 "$jmake" -s -j"$jobs" --trace=warn -C "$dir/c")"); make -s -C "$dir/c" clean
    off+=("$(median_ms 1 "$jmake" -s -j"$jobs" --trace=off -C "$dir/c")"); make -s -C "$dir/c" clean
    if [ "$have_strace" = yes ]; then
        strace_t+=("$(median_ms 1 strace -f -e trace=%file -o /dev/null "$jmake" -s -j"$jobs" --trace=off -C "$dir/c")")
        make -s -C "$dir/c" clean
    fi
done
warn_ms=$(median "${warn[@]}"); off_ms=$(median "${off[@]}")
echo "clean build of examples/parallel at -j$jobs (median of $runs, interleaved):"
echo "  --trace=off:  $off_ms ms   (runs: ${off[*]})"
echo "  --trace=warn: $warn_ms ms   (runs: ${warn[*]})"
echo "  ratio warn/off: $(ratio "$warn_ms" "$off_ms")"
if [ "$have_strace" = yes ]; then
    strace_ms=$(median "${strace_t[@]}")
    echo "  strace -f -e trace=%file (--trace=off): $strace_ms ms   (runs: ${strace_t[*]})"
    echo "  ratio strace/off: $(ratio "$strace_ms" "$off_ms")"
fi

n=500
mkdir -p "$dir/tiny/out"
{
    printf 'FILES := $(patsubst %%,out/f%%,$(shell seq 1 %d))\n' "$n"
    printf 'all: $(FILES)\nout/f%%:\n\t@echo $@ > $@\n'
} > "$dir/tiny/Makefile"
"$jmake" -s -j"$jobs" -C "$dir/tiny" >/dev/null 2>&1; rm -f "$dir/tiny/out"/*
twarn=() toff=()
for ((i = 0; i < runs; i++)); do
    twarn+=("$(median_ms 1 "$jmake" -s -j"$jobs" --trace=warn -C "$dir/tiny")"); rm -f "$dir/tiny/out"/*
    toff+=("$(median_ms 1 "$jmake" -s -j"$jobs" --trace=off -C "$dir/tiny")"); rm -f "$dir/tiny/out"/*
done
twarn_ms=$(median "${twarn[@]}"); toff_ms=$(median "${toff[@]}")
echo "$n tiny shell-recipe jobs at -j$jobs (median of $runs, interleaved):"
echo "  --trace=off:  $toff_ms ms   (runs: ${toff[*]})"
echo "  --trace=warn: $twarn_ms ms   (runs: ${twarn[*]})"
echo "  ratio warn/off: $(ratio "$twarn_ms" "$toff_ms")"
echo "  per job: $(awk -v a="$twarn_ms" -v b="$toff_ms" -v n="$n" 'BEGIN { printf "%.2f ms\n", (a - b) / n }')"
