# Shared helpers for the whole-process benchmarks: run a command N times, print the median wall time in ms.
# Usage: median_ms N command args...   (stdout/stderr of the command are discarded)
median_ms() {
    local n=$1; shift
    local times=() i start end
    for ((i = 0; i < n; i++)); do
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f\n", m / 1000}'
}

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f\n", a / b }'
}

# The fixed cost of one run: a makefile with one trivial job, median wall time in ms of N runs of COMMAND.
# Usage: startup_ms N command args...   (the makefile is made and removed here; -f is added)
startup_ms() {
    local n=$1; shift
    local one
    one="$(mktemp -d "${TMPDIR:-/tmp}/jmake-one.XXXXXX")"
    printf 'all:\n\t@true\n' > "$one/Makefile"
    median_ms "$n" "$@" -C "$one"
    rm -rf "$one"
}

# What no build driver that starts like COMMAND can beat: GNU make's time plus the difference in fixed start-up.
# Usage: floor_ms make_ms make_startup_ms jmake_startup_ms
floor_ms() {
    awk -v m="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.1f\n", m - a + b }'
}
