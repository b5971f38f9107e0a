# Shared by the jobserver-* scenarios (sourced after lib.sh): nested builds of sleeping jobs whose start and end
# every leaf job logs under flock (job.sh), and the checks on that log and on the tokens.

JOB_SH="$REPO/native-tests/job.sh"
# A TMPDIR of the scenario's own: the FIFO pools of its jmakes go there, away from other tests'.
export TMPDIR="$WORK/tmp"
mkdir -p "$TMPDIR"
GNU_MAKE=/usr/bin/make
# These scenarios are about job slots and signals, not file I/O: the tracer stays off, so that its warnings and
# its socket descriptor (the shim holds one, >= 1000, in every traced recipe) are not part of what they compare.
export JMAKE_TRACE=off

# write_nested_makefiles DIR: three makefiles in DIR.
#   leaf.mk: 6 jobs $(ID)-1 ... $(ID)-6, each `sh job.sh $(LOG) $(DURATION)` (1 s unless DURATION is given);
#   mid.mk:  3 sub-builds s1 s2 s3 of leaf.mk, each on a recursive line `+$(SUBMAKE) -f leaf.mk`
#            (SUBMAKE defaults to $(MAKE); PLUS= takes the + away, making the line not recursive);
#   top.mk:  one recursive line `+$(TOPSUB) -f mid.mk` (TOPSUB defaults to $(MAKE)).
write_nested_makefiles() {
    local dir=$1
    cat > "$dir/leaf.mk" <<EOF
DURATION ?= 1
JOBS := \$(addprefix \$(ID)-,1 2 3 4 5 6)
all: \$(JOBS)
\$(JOBS):
	@sh $JOB_SH \$(LOG) \$(DURATION)
.PHONY: all \$(JOBS)
EOF
    cat > "$dir/mid.mk" <<EOF
SUBMAKE ?= \$(MAKE)
PLUS ?= +
all: s1 s2 s3
s1 s2 s3:
	\$(PLUS)@\$(SUBMAKE) --no-print-directory -f $dir/leaf.mk ID=\$@
.PHONY: all s1 s2 s3
EOF
    cat > "$dir/top.mk" <<EOF
TOPSUB ?= \$(MAKE)
all:
	+@\$(TOPSUB) --no-print-directory -f $dir/mid.mk
.PHONY: all
EOF
}

# expect_concurrency WHAT LOG N JOBS: JOBS jobs logged, never more than N at once and at least N-1 at some point.
expect_concurrency() {
    local what=$1 log=$2 n=$3 jobs=$4
    expect_eq "$what: lines logged" $((2 * jobs)) "$(wc -l < "$log")"
    local max; max=$(max_concurrency "$log")
    [ "$max" -le "$n" ] || fail "$what: $max jobs at once, more than the $n slots"
    [ "$max" -ge $((n - 1)) ] || fail "$what: only $max jobs at once with $jobs ready and $n slots"
    echo "$what: max $max of $n"
}

# expect_balanced WHAT ERR: no make reported tokens lost or invented.
expect_balanced() {
    if grep -qi "jobserver tokens" "$2"; then
        fail "$1: tokens not balanced: $(grep -i "jobserver tokens" "$2")"
    fi
}

# expect_no_fifo_left WHAT: no jobserver directory of jmake's (jmake-PID-N) is left in the scenario's TMPDIR.
expect_no_fifo_left() {
    local left; left=$(find "$TMPDIR" -maxdepth 1 -name "jmake-[0-9]*-*" 2>/dev/null || true)
    [ -z "$left" ] || fail "$1: jobserver directories left: $left"
}

# run_logged NAME COMMAND...: runs COMMAND with stdout and stderr in $WORK/NAME.out and $WORK/NAME.err and an empty
# $WORK/NAME.log as LOG; fails with its output if it fails.
run_logged() {
    local name=$1
    shift
    : > "$WORK/$name.log"
    if ! "$@" LOG="$WORK/$name.log" > "$WORK/$name.out" 2> "$WORK/$name.err"; then
        fail "$name failed: $(cat "$WORK/$name.out" "$WORK/$name.err")"
    fi
}
