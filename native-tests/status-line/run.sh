# The progress line (issue 3): on a terminal, "[finished/total] running: target" redrawn in place and erased
# before other output; never in a pipe, with --no-status, or on a dumb terminal. script(1) gives jmake a pty.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
command -v script >/dev/null || { echo "script(1) is not installed"; exit 77; }
cd "$WORK"
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

# --no-status is not passed on in MAKEFLAGS, and GNU make would ignore it there anyway.
printf 'all:\n\t@echo "[$(MAKEFLAGS)]"\n' > Flags.mk
expect_eq "MAKEFLAGS" "[]" "$("$JMAKE" --no-status -f Flags.mk)"
expect_eq "GNU make with --no-status in MAKEFLAGS" "[]" "$(MAKEFLAGS=--no-status make -f Flags.mk 2>&1)"
echo "ok"
