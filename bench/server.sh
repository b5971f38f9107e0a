#!/usr/bin/env bash
# jmake with a warm server (JMAKE_SERVER=on) beside GNU make, ninja and jmake in process, each workload's runs
# interleaved (make, ninja, in-process, server, make, ...), medians of RUNS: the targets of issue 12.
# Usage: bench/server.sh [runs]   (default 7; needs `mvn -q -DskipTests package` first)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib.sh"
root="$(cd "$here/.." && pwd)"
jmake="$root/bin/jmake"
runs=${1:-7}
dir="$(mktemp -d "${TMPDIR:-/tmp}/jmake-server-bench.XXXXXX")"
export JMAKE_SERVER_DIR="$dir/server"
trap 'JMAKE_SERVER=on "$jmake" --server-stop >/dev/null 2>&1 || true; rm -rf "$dir"' EXIT

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f\n", m}'; }
inproc() { JMAKE_SERVER=off "$jmake" "$@"; }
served() { JMAKE_SERVER=on "$jmake" "$@"; }

# row LABEL SETUP NINJA_DIR JMAKE_ONLY ARGS...: one table row; NINJA_DIR empty: no ninja column; JMAKE_ONLY: a word
# for the jmakes only, or "". SETUP runs before each run. With in_process=no the in-process column is skipped.
in_process=yes
row() {
    local label=$1 setup=$2 ninja_dir=$3 extra=$4; shift 4
    local m=() n=() a=() b=() i
    for ((i = 0; i < runs; i++)); do
        eval "$setup"; m+=("$(median_ms 1 make "$@")")
        if [ -n "$ninja_dir" ]; then eval "$setup"; n+=("$(median_ms 1 ninja -C "$ninja_dir")"); fi
        if [ "$in_process" = yes ]; then eval "$setup"; a+=("$(median_ms 1 inproc ${extra:+"$extra"} "$@")"); fi
        eval "$setup"; b+=("$(median_ms 1 served ${extra:+"$extra"} "$@")")
    done
    local mm nm=- am=- bm vs_ninja=-
    mm=$(median "${m[@]}"); bm=$(median "${b[@]}")
    if [ "$in_process" = yes ]; then am="$(median "${a[@]}") ms"; fi
    if [ -n "$ninja_dir" ]; then nm="$(median "${n[@]}") ms"; vs_ninja=$(ratio "$bm" "${nm% ms}"); fi
    printf '| %s | %s ms | %s | %s | %s ms | %s | %s |\n' "$label" "$mm" "$nm" "$am" "$bm" "$(ratio "$bm" "$mm")" \
        "$vs_ninja"
}

# The graphs.
mkdir -p "$dir/one" "$dir/noop/src" "$dir/rec" "$dir/jobs" "$dir/c"
printf 'all:\n\t@true\n' > "$dir/one/Makefile"
{
    printf 'OBJS := $(patsubst src/%%.c,out/%%.o,$(wildcard src/*.c))\n'
    printf 'all: $(OBJS)\n\nout/%%.o: src/%%.c | out\n\tcp $< $@\n\nout:\n\tmkdir -p $@\n'
} > "$dir/noop/Makefile"
{
    printf 'rule cp\n  command = cp $in $out\nbuild all: phony'
    for ((i = 0; i < 10000; i++)); do printf ' out/f%d.o' "$i"; done
    printf '\n'
    for ((i = 0; i < 10000; i++)); do printf 'build out/f%d.o: cp src/f%d.c\n' "$i" "$i"; done
    printf 'default all\n'
} > "$dir/noop/build.ninja"
for ((i = 0; i < 10000; i++)); do : > "$dir/noop/src/f$i.c"; done
make -s -C "$dir/noop" >/dev/null
ninja -C "$dir/noop" >/dev/null
# Recursive: 30 sub-makes of 20 file targets each, all up to date.
{
    printf 'SUBDIRS := $(addprefix d,$(shell seq 1 30))\n.PHONY: all $(SUBDIRS)\nall: $(SUBDIRS)\n'
    printf '$(SUBDIRS):\n\t@$(MAKE) -s -C $@\n'
} > "$dir/rec/Makefile"
for ((d = 1; d <= 30; d++)); do
    mkdir -p "$dir/rec/d$d"
    printf 'all: $(patsubst %%,t%%.out,$(shell seq 1 20))\nt%%.out:\n\t@touch $@\n' > "$dir/rec/d$d/Makefile"
done
make -s -C "$dir/rec" >/dev/null
printf 'JOBS := $(shell seq 1 2000)\n.PHONY: all $(JOBS)\nall: $(JOBS)\n$(JOBS):\n\t@true\n' > "$dir/jobs/Makefile"
git -C "$root" ls-files -z examples/parallel | (cd "$root" && xargs -0 cp --parents -t "$dir/c")

# Warm-up: the server starts (the first run builds in process meanwhile; --server-status waits for it to listen) and
# compiles the hot paths; the page cache fills.
served --version >/dev/null
served --server-status >/dev/null
for ((i = 0; i < 5; i++)); do
    served -s -C "$dir/noop" >/dev/null; served -s -C "$dir/rec" >/dev/null; served -s -C "$dir/jobs" -j2 >/dev/null
done

# Every row; the settled table below has no in-process column.
table() {
    echo "| workload (median of $runs, interleaved) | GNU make | ninja | jmake in process | jmake server | server / make | server / ninja |"
    echo "|---|---|---|---|---|---|---|"
    row '`--version`' : "" "" --version
    row 'one trivial job' : "" "" -s -C "$dir/one"
    row 'no-op, 10,000 file targets, `-r`' : "$dir/noop" "" -r -s -C "$dir/noop"
    row 'no-op, 10,000 file targets, built-in rules' : "" "" -s -C "$dir/noop"
    row 'recursive no-op, 30 sub-makes of 20 targets' : "" "" -s -C "$dir/rec"
    row '2,000 trivial jobs, `-j2`, `--trace=off`' : "" --trace=off -s -j2 -C "$dir/jobs"
    row '2,000 trivial jobs, `-j2`, tracing on' : "" "" -s -j2 -C "$dir/jobs"
    row 'clean C build of `examples/parallel`, `-j2`, tracing on' "make -s -C '$dir/c/examples/parallel' clean" "" "" \
        -s -j2 -C "$dir/c/examples/parallel"
}
table

# A server is warm once its JIT has stopped compiling: code that runs a few times per session (a sub-make's set-up,
# the implicit search for each target) reaches the optimising compiler only after a thousand sessions or more, and
# the compiler's threads share the two cores with the build meanwhile. Every row again, once three rounds in a row
# of the three workloads each add less than 0.2% to the JIT's total compile time (at most 80 rounds; `jmake
# --server-status` prints that total). (1% for one round came after 5 rounds, 500 sessions, while the recursive
# no-op still cost 200-300 ms of compiling per round; 0.5% three times after 8 rounds, 630 sessions, with the
# recursive no-op at 1.56 of GNU make, against 1.2 after 1,500 sessions.)
jit_ms() { served --server-status | sed -n 's/^JIT: \([0-9]*\) ms.*/\1/p'; }
before=$(jit_ms)
quiet=0
for ((round = 1; round <= 80; round++)); do
    served -s -C "$dir/noop" >/dev/null; served -s -C "$dir/rec" >/dev/null; served -s -C "$dir/jobs" -j2 >/dev/null
    after=$(jit_ms)
    if (( (after - before) * 500 < after )); then quiet=$((quiet + 1)); else quiet=0; fi
    (( quiet >= 3 )) && break
    before=$after
done
echo
echo "With the server's JIT settled ($(served --server-status | sed -n 's/.*, \([0-9]*\) sessions served.*/\1/p') sessions served, $(jit_ms) ms compiling so far, after $round more warm-up rounds), every row again without the in-process column:"
echo
in_process=no
table
