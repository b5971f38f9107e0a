# Shared by the interrupt-* scenarios (sourced after lib.sh): run a make in a process group of its own, wait for its
# recipes, interrupt it, and look for what it left behind.

# These scenarios are about job slots and signals, not file I/O: the tracer stays off, so that its warnings and
# its socket descriptor (the shim holds one, >= 1000, in every traced recipe) are not part of what they compare.
export JMAKE_TRACE=off

# start_make OUT ERR COMMAND...: starts COMMAND in a new session, hence its own process group, with SIGINT and
# SIGQUIT at their defaults (a `&` job of a non-interactive shell ignores both, and make would keep them ignored).
# Sets MAKE_PID, which is also the process group's id.
start_make() {
    local out=$1 err=$2
    shift 2
    setsid env --default-signal=INT,QUIT "$@" > "$out" 2> "$err" &
    MAKE_PID=$!
    local i
    for i in $(seq 100); do
        [ "$(ps -o pgid= -p "$MAKE_PID" | tr -d ' ')" = "$MAKE_PID" ] && return 0
        sleep 0.05
    done
    fail "setsid did not make $MAKE_PID a process group leader"
}

# await_processes PATTERN COUNT: waits (30 s at most) until COUNT processes match PATTERN (pgrep -f).
await_processes() {
    local i
    for i in $(seq 300); do
        [ "$(pgrep -fc -- "$1" || true)" -ge "$2" ] && return 0
        sleep 0.1
    done
    fail "only $(pgrep -fc -- "$1" || true) processes match '$1' after 30 s, expected $2"
}

# finish_make: waits for the make started by start_make; sets MAKE_STATUS as bash's $? shows it (128 + signal).
finish_make() {
    MAKE_STATUS=0
    wait "$MAKE_PID" || MAKE_STATUS=$?
}

# left_behind PGID PATTERN: prints the processes still in the group or matching PATTERN, after letting the ones
# already dying go (3 s at most); prints nothing when none is left.
left_behind() {
    local i
    for i in $(seq 30); do
        if ! pgrep -g "$1" > /dev/null && ! pgrep -f -- "$2" > /dev/null; then
            return 0
        fi
        sleep 0.1
    done
    { pgrep -a -g "$1"; pgrep -af -- "$2"; } | sort -u
}

# kill_leftovers PATTERN: SIGKILLs what a GNU make run left behind, so that the next run starts clean.
kill_leftovers() {
    pkill -9 -f -- "$1" || true
}

# interrupt_build DIR SIGNAL WHOM PATTERN COUNT COMMAND...: runs COMMAND in DIR (which holds the Makefile), waits
# until COUNT processes match PATTERN, sends SIGNAL to the whole process group (WHOM=group, as a terminal's Ctrl-C)
# or to make alone (WHOM=make), and waits for make. Leaves in DIR: status (as bash's $?), err (stderr, the program
# messages only, the program name taken off; not the shells' reports of their killed children), files (the directory's other files, sorted) and left (processes left behind).
# Leftovers are killed afterwards.
interrupt_build() {
    local attempt
    for attempt in 1 2 3; do
        [ "$attempt" = 1 ] || find "$1" -mindepth 1 -maxdepth 1 ! -name Makefile -exec rm -rf {} +
        interrupt_build_once "$@"
        # GNU make 4.3 itself loses a race now and then on a loaded machine: it waits for a child its SIGINT handler
        # already reaped and stops with "wait: No child processes", status 2. Its run is the reference, so it runs
        # again from a clean directory; jmake's runs never do.
        [ "${6##*/}" = make ] && grep -q "wait: No child processes" "$1/err.log" || return 0
    done
    fail "GNU make lost its wait race $attempt times in a row: $(cat "$1/err.log")"
}

interrupt_build_once() {
    local dir=$1 signal=$2 whom=$3 pattern=$4 count=$5
    shift 5
    (
        cd "$dir"
        start_make out.log err.log "$@"
        await_processes "$pattern" "$count"
        if [ "$whom" = group ]; then
            kill -s "$signal" -- "-$MAKE_PID"
        else
            kill -s "$signal" "$MAKE_PID"
        fi
        finish_make
        echo "$MAKE_STATUS" > status
        left_behind "$MAKE_PID" "$pattern" > left
        kill_leftovers "$pattern"
        sed -n 's/^j\{0,1\}make: //p' err.log > err
        ls | grep -vxE 'Makefile|out.log|err.log|status|err|left|files' > files || true
    )
}

# same_interruption JDIR GDIR: jmake's outcome in JDIR is GNU make's in GDIR: status, files left, the deletions
# in order, and the other messages in any order (GNU reports jobs as it happens to reap them).
same_interruption() {
    expect_eq "exit status (jmake vs make)" "$(cat "$2/status")" "$(cat "$1/status")"
    expect_eq "files left (jmake vs make)" "$(cat "$2/files")" "$(cat "$1/files")"
    expect_eq "deletions (jmake vs make)" "$(grep 'Deleting' "$2/err" || true)" "$(grep 'Deleting' "$1/err" || true)"
    expect_eq "messages (jmake vs make)" "$(grep -v 'Deleting' "$2/err" | sort || true)" \
        "$(grep -v 'Deleting' "$1/err" | sort || true)"
}

# makefile_for_both DIR: the Makefile on stdin, written for both runs, DIR/jmake and DIR/make.
makefile_for_both() {
    local text tool
    text=$(cat)
    for tool in jmake make; do
        mkdir -p "$1/$tool"
        printf '%s\n' "$text" > "$1/$tool/Makefile"
    done
}

# grandchild_waits SLEEP: a Makefile whose three recipes (a b c, c .PRECIOUS) write their target, then wait in a
# shell for a foreground and a background `sleep SLEEP`: what an interrupt must take down, grandchildren included.
grandchild_waits() {
    cat <<MK
all: a b c
a b c:
	echo \$@ > \$@; sh -c 'sleep $1 & sleep $1; wait'
.PRECIOUS: c
MK
}
