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
# timed CMD...: runs CMD (output discarded), prints "WALL_MS CPU_MS" (CPU: user+sys of the whole process tree).
timed() {
    /usr/bin/time -f '%e %U %S' -o "$dir/time" "$@" >/dev/null 2>&1
    awk '{ printf "%.1f %.1f\n", $1 * 1000, ($2 + $3) * 1000 }' "$dir/time"
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f\n", m}'; }

mkdir "$dir/c"
cp "$here"/../examples/parallel/*.[ch] "$here"/../examples/parallel/Makefile "$dir/c"/
"$jmake" -s -j"$jobs" -C "$dir/c" >/dev/null 2>&1 && make -s -C "$dir/c" clean   # warm caches, unpack the shim
warn=() off=() strace_t=() warn_cpu=() off_cpu=() strace_cpu=()
have_strace=$(command -v strace >/dev/null && echo yes || echo no)
for ((i = 0; i < runs; i++)); do
    read -r w c < <(timed "$jmake" -s -j"$jobs" --trace=warn -C "$dir/c"); warn+=("$w"); warn_cpu+=("$c")
    make -s -C "$dir/c" clean
    read -r w c < <(timed "$jmake" -s -j"$jobs" --trace=off -C "$dir/c"); off+=("$w"); off_cpu+=("$c")
    make -s -C "$dir/c" clean
    if [ "$have_strace" = yes ]; then
        read -r w c < <(timed strace -f -e trace=%file -o /dev/null "$jmake" -s -j"$jobs" --trace=off -C "$dir/c")
        strace_t+=("$w"); strace_cpu+=("$c")
        make -s -C "$dir/c" clean
    fi
done
report() { # NAME WALLS... -- CPUS...
    local name=$1; shift
    local walls=() cpus=()
    while [ "$1" != -- ]; do walls+=("$1"); shift; done; shift
    cpus=("$@")
    echo "  $name: wall $(median "${walls[@]}") ms, cpu $(median "${cpus[@]}") ms   (wall runs: ${walls[*]})"
}
echo "clean build of examples/parallel at -j$jobs (medians of $runs, interleaved; cpu = user+sys of the tree):"
report "--trace=off " "${off[@]}" -- "${off_cpu[@]}"
report "--trace=warn" "${warn[@]}" -- "${warn_cpu[@]}"
echo "  ratio warn/off: wall $(ratio "$(median "${warn[@]}")" "$(median "${off[@]}")"), cpu $(ratio "$(median "${warn_cpu[@]}")" "$(median "${off_cpu[@]}")")"
if [ "$have_strace" = yes ]; then
    report "strace -f -e trace=%file, --trace=off" "${strace_t[@]}" -- "${strace_cpu[@]}"
    echo "  ratio strace/off: wall $(ratio "$(median "${strace_t[@]}")" "$(median "${off[@]}")"), cpu $(ratio "$(median "${strace_cpu[@]}")" "$(median "${off_cpu[@]}")")"
fi

n=500
mkdir -p "$dir/tiny/out"
{
    printf 'FILES := $(patsubst %%,out/f%%,$(shell seq 1 %d))\n' "$n"
    printf 'all: $(FILES)\nout/f%%:\n\t@echo $@ > $@\n'
} > "$dir/tiny/Makefile"
"$jmake" -s -j"$jobs" -C "$dir/tiny" >/dev/null 2>&1; rm -f "$dir/tiny/out"/*
twarn=() toff=() twarn_cpu=() toff_cpu=()
for ((i = 0; i < runs; i++)); do
    read -r w c < <(timed "$jmake" -s -j"$jobs" --trace=warn -C "$dir/tiny"); twarn+=("$w"); twarn_cpu+=("$c")
    rm -f "$dir/tiny/out"/*
    read -r w c < <(timed "$jmake" -s -j"$jobs" --trace=off -C "$dir/tiny"); toff+=("$w"); toff_cpu+=("$c")
    rm -f "$dir/tiny/out"/*
done
echo "$n tiny shell-recipe jobs at -j$jobs (medians of $runs, interleaved):"
report "--trace=off " "${toff[@]}" -- "${toff_cpu[@]}"
report "--trace=warn" "${twarn[@]}" -- "${twarn_cpu[@]}"
echo "  ratio warn/off: wall $(ratio "$(median "${twarn[@]}")" "$(median "${toff[@]}")"), cpu $(ratio "$(median "${twarn_cpu[@]}")" "$(median "${toff_cpu[@]}")")"
echo "  per job: wall $(awk -v a="$(median "${twarn[@]}")" -v b="$(median "${toff[@]}")" -v n="$n" 'BEGIN { printf "%.2f ms", (a - b) / n }'), cpu $(awk -v a="$(median "${twarn_cpu[@]}")" -v b="$(median "${toff_cpu[@]}")" -v n="$n" 'BEGIN { printf "%.2f ms", (a - b) / n }')"
