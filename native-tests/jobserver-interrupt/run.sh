# Ctrl-C and SIGTERM in every nesting of jmake and GNU make sharing one jobserver: no process of the build is left,
# every jmake's fifo directory is removed, the top make dies by the signal, and a pool that outlives the interrupted
# build (GNU make's, above a jmake) gets its tokens back.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/interrupt.sh"
source "$REPO/native-tests/jobserver.sh"
sleep="30.$RANDOM$RANDOM"
mkdir -p "$WORK/m"
cat > "$WORK/m/leaf.mk" <<MK
all: a b c d
a b c d:
	@sleep $sleep
.PHONY: all a b c d
MK
cat > "$WORK/m/Makefile" <<MK
SUB ?= \$(MAKE)
all: one two
one two:
	+@\$(SUB) --no-print-directory -f leaf.mk
.PHONY: all one two
MK

# name | signal | whom | expected status | what runs (the top program, then SUB=the middle one)
check() {
    local name=$1 signal=$2 whom=$3 status=$4 count=$5
    shift 5
    rm -rf "$TMPDIR"/jmake-* 2>/dev/null || true
    interrupt_build "$WORK/m" "$signal" "$whom" "^sleep $sleep" "$count" "$@"
    expect_eq "$name: status" "$status" "$(cat "$WORK/m/status")"
    expect_eq "$name: processes left" "" "$(cat "$WORK/m/left")"
    expect_no_fifo_left "$name"
    echo "$name: ok"
}
# jmake -j4 (pipe) -> GNU make 4.3 children: Ctrl-C to the group, then SIGTERM to jmake alone.
check "jmake->make INT" INT group 130 4 "$JMAKE" -j4 SUB=make
check "jmake->make TERM" TERM make 143 4 "$JMAKE" -j4 SUB=make
# jmake fifo -> jmake -> its own jobs.
check "jmake fifo->jmake INT" INT group 130 4 "$JMAKE" --jobserver-style=fifo -j4 "SUB=$JMAKE"
check "jmake fifo->jmake TERM" TERM make 143 4 "$JMAKE" --jobserver-style=fifo -j4 "SUB=$JMAKE"
# GNU make -j4 -> jmake: Ctrl-C to the group (GNU make dies by SIGINT too).
check "make->jmake INT" INT group 130 4 make -j4 "SUB=$JMAKE"

# GNU make -j4 -> +jmake holding tokens, SIGTERM to that jmake alone: GNU make goes on, and at its exit finds every
# token back in its pool (it would print "INTERNAL: Exiting with N jobserver tokens available; should be 4!").
cat > "$WORK/m/top.mk" <<MK
all: one two
one:
	+@$JMAKE --no-print-directory -f leaf.mk
two:
	@sleep 4
.PHONY: all one two
MK
(cd "$WORK/m" && make -j4 -f top.mk > top.out 2> top.err) && fail "make should fail: its jmake was killed" || true &
await_processes "^sleep $sleep" 3
# That jmake is the process above its jobs (the sleeps): in process the JVM (java ... -Djmake.program=$JMAKE), in
# server mode the native client that owns them (.../target/jmake-client SCRIPT JAR JAVA $JMAKE ...), whichever
# process image the launcher became; found through the process tree, so a server's process is never taken for it.
jpid=$(pgrep -f "^sleep $sleep" | head -1)
while [ -n "$jpid" ] && [ "$jpid" -gt 1 ]; do
    command=$(tr '\0' ' ' < "/proc/$jpid/cmdline" 2>/dev/null || true)
    case "$command" in
        *" -Djmake.program=$JMAKE "* | *"/target/jmake-client "*" $JMAKE "*) break ;;
    esac
    jpid=$(ps -o ppid= -p "$jpid" | tr -d ' ')
done
[ -n "$jpid" ] && [ "$jpid" -gt 1 ] || fail "no jmake process found above the sleeps: $(ps -ef --forest)"
kill -TERM "$jpid"
wait
grep -q "Terminated" "$WORK/m/top.err" || fail "GNU make did not report the terminated jmake: $(cat "$WORK/m/top.err")"
expect_balanced "make -> jmake TERM" "$WORK/m/top.err"
expect_eq "make -> jmake TERM: processes left" "" "$(pgrep -f "^sleep $sleep" || true)"
expect_no_fifo_left "make -> jmake TERM"
echo "make -> jmake TERM: tokens balanced"
echo "ok"
