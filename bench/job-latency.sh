#!/usr/bin/env bash
# Where one job's round trip goes with a warm server: 2,000 trivial jobs at -j1 under `perf sched record`, and for each
# job the chain from the child's exit to its successor's exec, by the wake-ups `perf sched timehist -w` shows
# (client → the session's thread, which reads the socket itself → client → the child's vfork → its exec). Means in µs, then GNU make's
# own chain (make → the child → exec). Needs perf (linux-perf) and root or perf_event_paranoid <= 1.
# Usage: bench/job-latency.sh   (needs `mvn -q -DskipTests package` first)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jmake="$root/bin/jmake"
dir="$(mktemp -d "${TMPDIR:-/tmp}/jmake-latency.XXXXXX")"
export JMAKE_SERVER_DIR="$dir/server"
trap 'JMAKE_SERVER=on "$jmake" --server-stop >/dev/null 2>&1 || true; rm -rf "$dir"' EXIT
mkdir -p "$dir/jobs"
printf 'JOBS := $(shell seq 1 2000)\n.PHONY: all $(JOBS)\nall: $(JOBS)\n$(JOBS):\n\t@true\n' > "$dir/jobs/Makefile"
served() { JMAKE_SERVER=on "$jmake" "$@"; }
served --version >/dev/null
served --server-status >/dev/null
for ((i = 0; i < 20; i++)); do served --trace=off -s -j1 -C "$dir/jobs" >/dev/null; done

chain() { # DATA FIRST...: mean gaps between the successive wake-ups named (waker>wakee regular expressions)
    perf sched timehist -i "$1" -w 2>/dev/null | python3 -c '
import re, sys
steps = sys.argv[1:]
state, times, sums, n = 0, [], [0.0] * (len(steps) - 1), 0
for line in sys.stdin:
    m = re.match(r"\s*([\d.]+)\s+\[\d+\]\s+(\S+)\s+awakened: (\S+)", line)
    if not m:
        continue
    t, waker, wakee = float(m.group(1)), m.group(2), m.group(3)
    w, e = steps[state].split(">")
    if re.match(w, waker) and re.match(e, wakee):
        times.append(t)
        state += 1
        if state == len(steps):
            sums = [s + (times[i + 1] - times[i]) for i, s in enumerate(sums)]
            n, state, times = n + 1, 0, []
print(n, "jobs:", "  ".join("%s %.0f" % (steps[i + 1], s / n * 1e6) for i, s in enumerate(sums)),
      " total %.0f" % (sum(sums) / n * 1e6))
' "${@:2}"
}
perf sched record -q -o "$dir/jmake.data" -- env JMAKE_SERVER=on "$jmake" --trace=off -s -j1 -C "$dir/jobs" \
    >/dev/null 2>&1
echo "jmake server (µs after the child's exit):"
chain "$dir/jmake.data" 'true\[>jmake-client\[' 'jmake-client\[>jmake-session' 'jmake-session>jmake-client\[' 'jmake-client\[>jmake-client\[' 'jmake-client\[>jmake-client\['
perf sched record -q -o "$dir/make.data" -- make -s -j1 -C "$dir/jobs" >/dev/null 2>&1
echo "GNU make (µs after the child's exit):"
chain "$dir/make.data" 'true\[>make\[' 'make\[>make\[' 'make\[>make\['
