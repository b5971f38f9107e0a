# The progress line (issue 3): on a terminal, "[finished/total] running: target" redrawn in place and erased
# before other output; never in a pipe, with --no-status, or on a dumb terminal. script(1) gives jmake a pty.
# Issue 15: in a pty of 40 and of 120 columns (pty_build.py sets the window, types Ctrl-C, and replays the bytes on
# a simulated screen), the line fits the terminal's own width, shows the real total from the start, leaves nothing
# behind after success, a failure or Ctrl-C, and a top-level build on a terminal ends with a short summary; in
# server mode and in process alike. After Ctrl-C each job's echoed command comes before jmake's verdict on it.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
command -v script >/dev/null || { echo "script(1) is not installed"; exit 77; }
command -v python3 >/dev/null || { echo "python3 is not installed"; exit 77; }
cd "$WORK"
# This scenario's own server, stopped at the end.
export JMAKE_SERVER_DIR="$WORK/server"
trap '"$JMAKE" --server-stop >/dev/null 2>&1 || true' EXIT
cat > Makefile <<'MK'
all: a b
a:
	@sleep 0.6; echo a done
b:
	@sleep 0.3; echo b done
MK
ESC=$'\033'
on_pty() { TERM=xterm script -qfec "$*" /dev/null; }

on_pty "$JMAKE -j2" > pty.out
grep -q "${ESC}\[K\[0/2\] running: b" pty.out || fail "no status line on the pty: $(od -c pty.out | head)"
grep -q "${ESC}\[K\[1/2\] running: a" pty.out || fail "status line not redrawn after b: $(od -c pty.out | head)"
# What is left on the screen after the last erase is job output only.
tail="${ESC}[K$(awk -v RS="$ESC\\\\[K" 'END{printf "%s", $0}' pty.out)"
case "$tail" in *running:*) fail "status line left on screen: $(od -c pty.out | tail -5)";; esac
# Job output lines are never mixed with the status text.
expect_eq "job output lines" "b done a done" "$(tr '\r' '\n' < pty.out | sed "s/${ESC}\[K//g" | grep ' done$' | tr '\n' ' ' | sed 's/ $//')"

"$JMAKE" -j2 > piped.out 2>&1
expect_eq "piped output" "$(printf 'b done\na done')" "$(cat piped.out)"
grep -q "$ESC" piped.out && fail "escape sequence in piped output"

on_pty "$JMAKE -j2 --no-status" > nostatus.out
grep -q "$ESC" nostatus.out && fail "escape sequence with --no-status: $(od -c nostatus.out | head)"
TERM=dumb script -qfec "$JMAKE -j2" /dev/null > dumb.out
grep -q "$ESC" dumb.out && fail "escape sequence on a dumb terminal"

# A pipe sees no summary either: the output is GNU make's.
expect_eq "piped output without a summary" 0 "$(grep -c 'jmake: .*jobs' piped.out || true)"

# Ten jobs at -j2 with long names, in a pty of 40 and of 120 columns.
mkdir many
LONG=a_rather_long_target_name_that_needs_eliding_at_forty_columns_
cat > many/Makefile <<MK
N := 1 2 3 4 5 6 7 8 9 10
NAMES := \$(addprefix $LONG,\$(N))
all: \$(NAMES)
$LONG%:
	@sleep 0.\$(word \$*,6 4 8 4 6 4 8 4 6 4); echo built \$*\$(if \$(FAIL),; test \$* != \$(FAIL))
.PHONY: all
MK
pty_build() { python3 "$REPO/native-tests/status-line/pty_build.py" "$@"; }
check() { python3 "$REPO/native-tests/status-line/check_screen.py" "$@" || fail "${*: -1} at $2 columns ($mode)"; }
for mode in server no-server; do
    opt=""
    [ "$mode" = no-server ] && opt=--no-server
    for cols in 40 120; do
        out="many/$mode-$cols"
        pty_build "$cols" "$out.ok.raw" -- "$JMAKE" $opt -C many -j2 > "$out.ok.json"
        check "$out.ok.json" "$cols" 10 success
        grep -q "built 10" "$out.ok.raw" || fail "the jobs did not run ($mode, $cols)"
        if [ "$cols" = 40 ]; then
            grep -q '\.\.\.' "$out.ok.json" || fail "no name cut in the middle at 40 columns"
        else
            grep -q "running: ${LONG}1\"" "$out.ok.json" || fail "a name that fits is cut at 120 columns"
            grep -q '\.\.\.' <(grep running "$out.ok.json") && fail "a name cut at 120 columns: $(cat "$out.ok.json")"
        fi
        pty_build "$cols" "$out.fail.raw" -- "$JMAKE" $opt -C many -j2 FAIL=4 > "$out.fail.json"
        check "$out.fail.json" "$cols" 10 fail
        pty_build "$cols" "$out.int.raw" --interrupt-after 0.9 -- "$JMAKE" $opt -C many -j2 > "$out.int.json"
        check "$out.int.json" "$cols" 10 interrupt
    done
    # The window narrowed from 120 to 40 columns while the build runs: the lines drawn after fit the new width.
    pty_build 120 many/$mode.resize.raw --resize-after 0.5 40 -- "$JMAKE" $opt -C many -j2 > many/$mode.resize.json
    python3 - many/$mode.resize.json <<'PY' || fail "the line does not follow a resized window ($mode)"
import json, sys
drawn = json.load(open(sys.argv[1]))["drawn_after_resize"][1:]
assert drawn, "nothing drawn after the resize"
assert all(len(text) <= 39 for text in drawn), drawn
PY
done

# A sub-make on the terminal (-j1: its output is not captured) draws its own line but sums nothing up.
printf 'all:\n\t@$(MAKE) --no-print-directory -C many N=1\n' > Sub.mk
pty_build 80 sub.raw -- "$JMAKE" -f Sub.mk > sub.json
expect_eq "summaries of a build with a sub-make" 0 "$(grep -c 'jmake\[1\]: .*jobs' sub.json || true)"
grep -q '"jmake: 1 job, ' sub.json || fail "no summary of the top level: $(cat sub.json)"

# The summary counts the trace findings printed.
mkdir traced
printf 'all: gen.h app\ngen.h:\n\t@echo x > gen.h\napp:\n\t@sleep 0.3; cat gen.h > app\n.PHONY: all\n' > traced/Makefile
pty_build 120 traced.raw -- "$JMAKE" -C traced -j2 > traced.json
grep -q "\[trace\] 'app' read 'gen.h'" traced.raw || fail "no trace finding: $(cat traced.json)"
grep -q '"jmake: 2 jobs, [0-9.]*s, 1 trace finding"' traced.json || fail "findings not summed up: $(cat traced.json)"

# -n runs no recipe: nothing to sum up.
pty_build 80 dry.raw -- "$JMAKE" -n -C many -j2 > dry.json
grep -q 'sleep 0.4; echo built 10' dry.raw || fail "-n did not print the commands: $(cat dry.json)"
expect_eq "summaries under -n" 0 "$(grep -c '"jmake: .*jobs\?, ' dry.json || true)"

# Ctrl-C at -j2 on a pty (recipe output captured per line): each running job's echoed command comes out before
# jmake's verdict on it ("Deleting file", "Interrupt"), in server mode and in process.
mkdir -p interrupted
printf 'all: a b\na b:\n\ttouch $@; sleep 5\n.PHONY: all\n' > interrupted/Makefile
for mode in server no-server; do
    opt=""
    [ "$mode" = no-server ] && opt=--no-server
    rm -f interrupted/a interrupted/b
    pty_build 120 "interrupted/$mode.raw" --interrupt-after 0.7 -- "$JMAKE" $opt -C interrupted -j2 \
        > "interrupted/$mode.json"
    python3 - "interrupted/$mode.json" <<'PY' || fail "Ctrl-C: a verdict before the job's echo ($mode)"
import json, sys
screen = json.load(open(sys.argv[1]))["screen"]
def at(text):
    lines = [i for i, line in enumerate(screen) if line == text]
    assert len(lines) == 1, (text, screen)
    return lines[0]
for target in "ab":
    echo = at("touch %s; sleep 5" % target)
    assert echo < at("jmake: *** Deleting file '%s'" % target), screen
    assert echo < at("jmake: *** [Makefile:3: %s] Interrupt" % target), screen
PY
done

# --no-status is not passed on in MAKEFLAGS, and GNU make would ignore it there anyway.
printf 'all:\n\t@echo "[$(MAKEFLAGS)]"\n' > Flags.mk
expect_eq "MAKEFLAGS" "[]" "$("$JMAKE" --no-status -f Flags.mk)"
expect_eq "GNU make with --no-status in MAKEFLAGS" "[]" "$(MAKEFLAGS=--no-status make -f Flags.mk 2>&1)"
echo "ok"
