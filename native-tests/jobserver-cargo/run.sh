# cargo under jmake -j3 (pipe style on a `+` line, then fifo style on a line that is not recursive) takes its job
# slots from jmake's pool: it ignores its own -j8 (and says so) and its 8 sleeping build scripts run 3 at a time.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/jobserver.sh"
PATH="$PATH:$HOME/.cargo/bin"
command -v cargo > /dev/null || { echo "cargo is not installed" >&2; exit 77; }
cp -r "$REPO/native-tests/fixtures/cargo-sleepers" "$WORK/ws"
cd "$WORK/ws"
cat > Makefile <<'EOF'
all:
	$(PLUS)@cargo build -j 8 --offline
EOF

# cargo_under STYLE PLUS: a fresh cargo build under jmake -j3 in STYLE; the log is $WORK/STYLE.log.
cargo_under() {
    rm -rf "$WORK/target-cargo"
    : > "$WORK/$1.log"
    CARGO_TARGET_DIR="$WORK/target-cargo" JOB_LOG="$WORK/$1.log" JOB_SCRIPT="$JOB_SH" \
        "$JMAKE" --jobserver-style="$1" -j3 PLUS="$2" > "$WORK/$1.out" 2> "$WORK/$1.err" \
        || fail "jmake $1 -> cargo failed: $(cat "$WORK/$1.out" "$WORK/$1.err")"
    grep -q "ignoring the \`-j\` parameter" "$WORK/$1.err" || fail "cargo did not see the $1 pool: $(cat "$WORK/$1.err")"
    expect_concurrency "jmake $1 -j3 -> cargo -j8" "$WORK/$1.log" 3 8
    expect_balanced "jmake $1 -> cargo" "$WORK/$1.err"
}

cargo_under pipe +
cargo_under fifo ""
expect_no_fifo_left "jmake fifo -> cargo"
echo "ok"
