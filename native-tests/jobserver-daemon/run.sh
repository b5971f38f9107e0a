# A daemon started from a recursive line inherits jmake's pool (pipe style: descriptors 3 and 4; fifo style: the
# FIFO's path) and outlives the build: jmake must not wait for it (GNU make 4.3 waits for EOF on the pool and
# hangs until the daemon exits). The daemon is found still running after jmake returned.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/jobserver.sh"
cd "$WORK"

for style in pipe fifo; do
    marker="2$RANDOM.5"   # a sleep no one else runs
    printf 'all:\n\t+@sh -c "sleep %s > /dev/null 2>&1 < /dev/null &"\n\t@echo built\n' "$marker" > Makefile
    "$JMAKE" --jobserver-style=$style -j4 > $style.out 2> $style.err || fail "$style: $(cat $style.out $style.err)"
    daemon=$(pgrep -xf "sleep $marker" || true)
    [ -n "$daemon" ] || fail "$style: jmake returned only after the daemon ended"
    kill "$daemon"
    expect_eq "$style: output" "built" "$(cat $style.out)"
    [ ! -s $style.err ] || fail "$style: $(cat $style.err)"
done
expect_no_fifo_left "daemon"
echo "ok"
