# SIGTERM to jmake alone at -j3 (as `kill PID` does), while each recipe has written its target and waits for a
# grandchild: jmake takes the whole tree down (GNU make signals its children only and leaves the grandchildren
# running), deletes the same targets as GNU make with the same messages, and dies by SIGTERM (143).
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/interrupt.sh"
sleep="30.$RANDOM$RANDOM"
grandchild_waits "$sleep" | makefile_for_both "$WORK"
interrupt_build "$WORK/jmake" TERM make "^sleep $sleep" 6 "$JMAKE" -j3
interrupt_build "$WORK/make" TERM make "^sleep $sleep" 6 make -j3
expect_eq "jmake's status" 143 "$(cat "$WORK/jmake/status")"
expect_eq "jmake left behind" "" "$(cat "$WORK/jmake/left")"
expect_eq "jmake's messages" "*** Deleting file 'b'
*** Deleting file 'a'
*** [Makefile:3: a] Terminated
*** [Makefile:3: b] Terminated
*** [Makefile:3: c] Terminated" "$(cat "$WORK/jmake/err")"
same_interruption "$WORK/jmake" "$WORK/make"
echo "GNU make left $(grep -c . "$WORK/make/left" || true) processes behind, jmake none"
echo "ok"
