#!/usr/bin/env bash
# Two builds of jmake side by side, GNU make beside them, each workload's runs interleaved (make, A, B, make, ...):
# to show that a change of the code costs no speed. A and B are checkouts (or copies) with a packaged jar and
# bin/jmake, e.g. a copy of the tree before the change and the working tree.
# Usage: bench/compare.sh BEFORE_ROOT AFTER_ROOT [runs]   (default 7 runs)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib.sh"
before="$1/bin/jmake"
after="$2/bin/jmake"
runs=${3:-7}
dir="$(mktemp -d "${TMPDIR:-/tmp}/jmake-compare.XXXXXX")"
trap 'rm -rf "$dir"' EXIT

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f\n", m}'; }

# compare LABEL SETUP JMAKE_ONLY ARGS...: runs make, before and after with ARGS, the jmakes with JMAKE_ONLY too
# (a word or ""); SETUP, a shell command, runs before each run.
compare() {
    local label=$1 setup=$2 extra=$3; shift 3
    local m=() a=() b=() i
    for ((i = 0; i < runs; i++)); do
        eval "$setup"; m+=("$(median_ms 1 make "$@")")
        eval "$setup"; a+=("$(median_ms 1 "$before" ${extra:+"$extra"} "$@")")
        eval "$setup"; b+=("$(median_ms 1 "$after" ${extra:+"$extra"} "$@")")
    done
    local mm am bm
    mm=$(median "${m[@]}"); am=$(median "${a[@]}"); bm=$(median "${b[@]}")
    printf '| %s | %s ms | %s ms | %s ms | %s |\n' "$label" "$mm" "$am" "$bm" "$(ratio "$bm" "$am")"
}

mkdir -p "$dir/noop/src" "$dir/jobs" "$dir/serial" "$dir/c"
{
    printf 'OBJS := $(patsubst src/%%.c,out/%%.o,$(wildcard src/*.c))\n'
    printf 'all: $(OBJS)\n\nout/%%.o: src/%%.c | out\n\tcp $< $@\n\nout:\n\tmkdir -p $@\n'
} > "$dir/noop/Makefile"
for ((i = 0; i < 10000; i++)); do : > "$dir/noop/src/f$i.c"; done
make -s -C "$dir/noop" >/dev/null
printf 'JOBS := $(shell seq 1 2000)\n.PHONY: all $(JOBS)\nall: $(JOBS)\n$(JOBS):\n\t@true\n' > "$dir/jobs/Makefile"
printf 'JOBS := $(shell seq 1 300)\n.PHONY: all $(JOBS)\nall: $(JOBS)\n$(JOBS):\n\t@true\n' > "$dir/serial/Makefile"
cp "$here"/../examples/parallel/*.[ch] "$here"/../examples/parallel/Makefile "$dir/c/"
# Warm the page cache and each side's CDS archive.
for j in "$before" "$after"; do "$j" -s -C "$dir/noop" >/dev/null; "$j" -s -j2 -C "$dir/jobs" >/dev/null; done

echo "| workload (median of $runs, interleaved) | GNU make | jmake before | jmake after | after / before |"
echo "|---|---|---|---|---|"
compare "no-op, 10,000 file targets" ":" "" -s -C "$dir/noop"
compare "no-op, 10,000 file targets, -r" ":" "" -s -r -C "$dir/noop"
compare "2,000 trivial jobs, -j2" ":" "" -s -j2 -C "$dir/jobs"
compare "2,000 trivial jobs, -j2, jmake --trace=off" ":" "--trace=off" -s -j2 -C "$dir/jobs"
compare "300 trivial jobs, one at a time" ":" "" -s -C "$dir/serial"
compare "clean C build of examples/parallel, -j2" "make -s -C $dir/c clean" "" -s -j2 -C "$dir/c"
