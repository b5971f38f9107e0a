# GNU make 4.3 -j4 runs three jmakes (6 one-second jobs each): on recursive lines they join make's pool, and the
# whole tree runs 4 jobs at once; without `+` each jmake warns as GNU make does and runs -j1. Then three levels:
# GNU make -> jmake -> GNU make, the pool passed on by jmake to GNU make children.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/jobserver.sh"
cd "$WORK"
write_nested_makefiles "$WORK"

run_logged plus "$GNU_MAKE" -j4 -f mid.mk SUBMAKE="$JMAKE"
expect_concurrency "make -j4 -> +jmake" plus.log 4 18
expect_balanced "make -j4 -> +jmake" plus.err
[ ! -s plus.err ] || fail "make -j4 -> +jmake printed: $(cat plus.err)"

run_logged noplus "$GNU_MAKE" -j4 -f mid.mk SUBMAKE="$JMAKE" PLUS=
expect_eq "warnings without +" "3" "$(grep -c "^jmake\[1\]: warning: jobserver unavailable: using -j1.  Add '+' to parent make rule.$" noplus.err)"
expect_concurrency "make -j4 -> jmake (no +, each -j1)" noplus.log 3 18

run_logged three "$GNU_MAKE" -j4 -f top.mk TOPSUB="$JMAKE" SUBMAKE="$GNU_MAKE"
expect_concurrency "make -j4 -> jmake -> make" three.log 4 18
expect_balanced "make -j4 -> jmake -> make" three.err
[ ! -s three.err ] || fail "make -> jmake -> make printed: $(cat three.err)"
echo "ok"
