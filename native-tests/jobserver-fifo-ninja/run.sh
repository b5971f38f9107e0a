# ninja 1.13.2 (its jobserver client reads fifo pools only) under jmake --jobserver-style=fifo -j2 says "Jobserver
# mode detected" and runs 2 of its 8 one-second edges at once. The control: under the pipe style it cannot use the
# pool and runs more than 2 at once with its own default (nproc + 2), so the first check can fail.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/peers.sh"
source "$REPO/native-tests/jobserver.sh"
ninja=$(peer_ninja113) || { echo "ninja 1.13.2 could not be provisioned" >&2; exit 77; }
cd "$WORK"
cat > Makefile <<EOF
all:
	@rm -f .ninja_log .ninja_deps; $ninja
EOF

# ninja_under STYLE: one jmake -j2 run in STYLE; the log is STYLE.log.
ninja_under() {
    : > "$1.log"
    {
        echo "rule job"
        echo "  command = sh $JOB_SH $WORK/$1.log 1"
        for i in 1 2 3 4 5 6 7 8; do echo "build o$i: job"; done
    } > build.ninja
    "$JMAKE" --jobserver-style="$1" -j2 > "$1.out" 2> "$1.err" || fail "jmake $1 -> ninja failed: $(cat "$1.out" "$1.err")"
    expect_eq "lines logged ($1)" 16 "$(wc -l < "$1.log")"
    expect_balanced "jmake $1 -> ninja" "$1.err"
}

ninja_under fifo
grep -q "^ninja: Jobserver mode detected: .*--jobserver-auth=fifo:" fifo.out fifo.err \
    || fail "ninja did not use the fifo: $(cat fifo.out fifo.err)"
expect_eq "ninja's edges at once in jmake's fifo pool of 2" 2 "$(max_concurrency fifo.log)"
expect_no_fifo_left "jmake fifo -> ninja"

ninja_under pipe
[ "$(max_concurrency pipe.log)" -gt 2 ] || fail "control: ninja kept to 2 jobs without a pool it can read"
echo "ok: fifo 2 of 2, pipe (ninja on its own) $(max_concurrency pipe.log)"
