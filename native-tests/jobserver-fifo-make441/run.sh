# jmake --jobserver-style=fifo -j3 serves GNU make 4.4.1 children through its FIFO: on lines that are not even
# recursive (fifo style hands the pool to every child), the tree runs 3 jobs at once; the FIFO and its private
# directory are gone afterwards.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/peers.sh"
source "$REPO/native-tests/jobserver.sh"
make441=$(peer_make441) || { echo "GNU make 4.4.1 could not be provisioned" >&2; exit 77; }
cd "$WORK"
write_nested_makefiles "$WORK"

run_logged fifo "$JMAKE" --jobserver-style=fifo -j3 -f mid.mk SUBMAKE="$make441" PLUS=
expect_concurrency "jmake fifo -j3 -> make 4.4.1 (lines not recursive)" fifo.log 3 18
[ ! -s fifo.err ] || fail "jmake fifo -> make 4.4.1 printed: $(cat fifo.err)"
expect_no_fifo_left "jmake fifo -> make 4.4.1"
echo "ok"
