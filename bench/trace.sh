#!/usr/bin/env bash
# The cost of the recipe I/O tracer (issues 5, 12 and 14): every row runs the same build with --trace=warn and with
# --trace=off, alternated in one run, and prints the medians and their ratio (targets of issue 14 in brackets):
#   1. the clean C build of examples/parallel (33 C files at -O2)                                      [<= 1.03]
#   2. a compile-bound real project: Lua 5.4's `make linux`, clean (skipped when its source cannot be had) [<= 1.05]
#   3. 2,000 trivial jobs (`@true`)                                                                   [<= 1.15]
#   4. 300 install jobs (`install -m 644` of a small file into a staging directory)                  [<= 1.15]
#   5. the shim's cost per process: one job whose shell runs /bin/true 2,000 times, traced and not; the difference
#      per process, against the untraced per-process time and against an untraced trivial job of row 3 [<= 10 %]
# Each row also prints the median of the per-round ratios (a round is one traced and one untraced run, neighbours in
# time), which cancels the drift of a shared machine between rounds.
# CPU is user+sys of the process tree (client and jobs) plus the jmake server's own CPU over the run when a server
# runs (the collector and the verifier live there), which moves much less than wall time on a shared machine.
# With a server, the rows are measured once it is warm, as a server that has served a few builds is: first its JIT is
# let settle on a small traced and untraced workload (a few compiles and 300 trivial jobs, both modes) until a round
# adds less than 1% to the JIT's total compile time (at most 20 rounds; `jmake --server-status` prints that total),
# then each row is run once in each mode before its measured runs.
# Usage: bench/trace.sh [runs] [jobs] [rows]   (defaults 5, 2 and 12345; needs `mvn -q -DskipTests package` first)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib.sh"
jmake="$here/../bin/jmake"
runs=${1:-5}
jobs=${2:-2}
rows=${3:-12345}
dir="$(mktemp -d "${TMPDIR:-/tmp}/jmake-trace.XXXXXX")"
trap 'rm -rf "$dir"' EXIT

"$jmake" --version >/dev/null 2>&1 || true   # starts the server when there is one
server_pid=$("$jmake" --server-status 2>/dev/null | sed -n 's/.*: pid \([0-9]*\),.*/\1/p' | head -1)
if [ -n "$server_pid" ]; then
    mkdir -p "$dir/settle/jobs" "$dir/settle/c"
    printf 'JOBS := $(shell seq 1 300)\n.PHONY: all $(JOBS)\nall: $(JOBS)\n$(JOBS):\n\t@true\n' > "$dir/settle/jobs/Makefile"
    cp "$here"/../examples/parallel/*.[ch] "$here"/../examples/parallel/Makefile "$dir/settle/c"/
    jit_ms() { "$jmake" --server-status | sed -n 's/^JIT: \([0-9]*\) ms.*/\1/p'; }
    before=$(jit_ms)
    for ((round = 1; round <= 20; round++)); do
        for mode in warn off; do
            "$jmake" -s -j"$jobs" -C "$dir/settle/jobs" --trace=$mode >/dev/null 2>&1 || true
            "$jmake" -s -j"$jobs" -B -C "$dir/settle/c" --trace=$mode main.o image.o conv_box.o >/dev/null 2>&1 || true
        done
        after=$(jit_ms)
        # At least 3 rounds: with a backed-up compile queue a round can finish before its compilations do.
        (( round >= 3 && (after - before) * 100 < after )) && break
        before=$after
    done
    echo "server warm: $round rounds to settle its JIT ($after ms compiling so far)"
fi
server_ticks() { if [ -n "$server_pid" ] && [ -r "/proc/$server_pid/stat" ]; then awk '{print $14 + $15}' "/proc/$server_pid/stat"; else echo 0; fi; }
hz=$(getconf CLK_TCK)
# timed CMD...: runs CMD (output discarded), prints "WALL_MS CPU_MS" (tree user+sys plus the server's CPU).
timed() {
    local before after
    before=$(server_ticks)
    /usr/bin/time -f '%e %U %S' -o "$dir/time" "$@" >/dev/null 2>&1
    after=$(server_ticks)
    awk -v s=$((after - before)) -v hz="$hz" '{ printf "%.1f %.1f\n", $1 * 1000, ($2 + $3) * 1000 + s * 1000 / hz }' "$dir/time"
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f\n", m}'; }
median_ratio() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.2f\n", m}'; }

# compare NAME PREPARE -- ARGS...: runs `jmake -s -jN ARGS` with --trace=warn and --trace=off alternately, PREPARE
# (a shell command) before each, and prints the medians, the ratios and sets WARN_MS/OFF_MS for the caller.
compare() {
    local name=$1 prepare=$2; shift 3
    local warn=() off=() warn_cpu=() off_cpu=() w c i
    eval "$prepare"
    "$jmake" -s -j"$jobs" "$@" >/dev/null 2>&1 || true   # warm caches, unpack the shim
    for ((i = 0; i < runs; i++)); do
        eval "$prepare"
        read -r w c < <(timed "$jmake" -s -j"$jobs" --trace=warn "$@"); warn+=("$w"); warn_cpu+=("$c")
        eval "$prepare"
        read -r w c < <(timed "$jmake" -s -j"$jobs" --trace=off "$@"); off+=("$w"); off_cpu+=("$c")
    done
    WARN_MS=$(median "${warn[@]}"); OFF_MS=$(median "${off[@]}")
    WARN_CPU=$(median "${warn_cpu[@]}"); OFF_CPU=$(median "${off_cpu[@]}")
    echo "$name (-j$jobs, medians of $runs, alternated):"
    echo "  --trace=off : wall $OFF_MS ms, cpu $OFF_CPU ms   (wall runs: ${off[*]})"
    echo "  --trace=warn: wall $WARN_MS ms, cpu $WARN_CPU ms   (wall runs: ${warn[*]})"
    echo "  ratio warn/off: wall $(ratio "$WARN_MS" "$OFF_MS"), cpu $(ratio "$WARN_CPU" "$OFF_CPU")"
    # Each round's two runs are neighbours in time: the median of their ratios cancels the machine's drift between
    # rounds (on a shared VM a whole round can run 20% slower), which the ratio of the two medians does not.
    local pairs=() cpu_pairs=()
    for ((i = 0; i < runs; i++)); do
        pairs+=("$(ratio "${warn[i]}" "${off[i]}")"); cpu_pairs+=("$(ratio "${warn_cpu[i]}" "${off_cpu[i]}")")
    done
    echo "  paired (median of each round's warn/off): wall $(median_ratio "${pairs[@]}")," \
        "cpu $(median_ratio "${cpu_pairs[@]}")   (wall pairs: ${pairs[*]})"
}

if [[ $rows == *1* ]]; then
    mkdir "$dir/c"
    cp "$here"/../examples/parallel/*.[ch] "$here"/../examples/parallel/Makefile "$dir/c"/
    compare "1. clean C build of examples/parallel [target <= 1.03]" "make -s -C '$dir/c' clean >/dev/null" -- -C "$dir/c"
fi

if [[ $rows == *2* ]]; then
    if lua_src=$("$here/../native-tests/projects/fetch.sh" --upstream lua5.4 2>/dev/null); then
        cp -a "$lua_src" "$dir/lua"
        compare "2. clean build of Lua 5.4 (make linux) [target <= 1.05]" "make -s -C '$dir/lua' clean >/dev/null" \
            -- -C "$dir/lua" linux
    else
        echo "2. Lua 5.4: skipped (its Debian source could not be fetched)"
    fi
fi

trivial_off="" trivial_off_cpu=""
if [[ $rows == *3* ]]; then
    mkdir "$dir/jobs"
    printf 'JOBS := $(shell seq 1 2000)\n.PHONY: all $(JOBS)\nall: $(JOBS)\n$(JOBS):\n\t@true\n' > "$dir/jobs/Makefile"
    compare "3. 2,000 trivial jobs (@true) [target <= 1.15]" ":" -- -C "$dir/jobs"
    trivial_off=$OFF_MS trivial_off_cpu=$OFF_CPU
fi

if [[ $rows == *4* ]]; then
    mkdir -p "$dir/install/src"
    for ((i = 1; i <= 300; i++)); do echo "file $i" > "$dir/install/src/f$i.txt"; done
    {
        printf 'FILES := $(patsubst src/%%,stage/usr/share/demo/%%,$(wildcard src/*.txt))\n'
        printf 'all: $(FILES)\nstage/usr/share/demo/%%: src/%%\n\t@install -D -m 644 $< $@\n'
    } > "$dir/install/Makefile"
    compare "4. 300 install jobs (install -D -m 644 into a staging directory) [target <= 1.15]" \
        "rm -rf '$dir/install/stage'" -- -C "$dir/install"
fi

if [[ $rows == *5* ]]; then
    n=2000
    mkdir "$dir/loop"
    printf '.PHONY: all\nall:\n\t@i=0; while [ $$i -lt %d ]; do /bin/true; i=$$((i + 1)); done\n' "$n" > "$dir/loop/Makefile"
    compare "5. one job spawning /bin/true $n times" ":" -- -C "$dir/loop"
    per() { awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { printf "%.3f", (a - b) / n }'; }
    pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", 100 * a / b }'; }
    for what in wall cpu; do
        if [ $what = wall ]; then w=$WARN_MS o=$OFF_MS t=$trivial_off; else w=$WARN_CPU o=$OFF_CPU t=$trivial_off_cpu; fi
        shim=$(per "$w" "$o" "$n") spawn=$(per "$o" 0 "$n")
        line="  shim per process ($what): $shim ms, $(pct "$shim" "$spawn") % of an untraced spawn ($spawn ms)"
        if [ -n "$t" ]; then
            job=$(per "$t" 0 2000)
            line+="; $(pct "$shim" "$job") % of an untraced trivial job of row 3 ($job ms) [target <= 10 %]"
        fi
        echo "$line"
    done
fi
