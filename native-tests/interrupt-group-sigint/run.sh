# Ctrl-C at -j3 (SIGINT to the whole process group) while each recipe has written its target and waits for a
# grandchild: jmake dies by SIGINT (130) as GNU make, deletes the same targets with the same messages, keeps the
# .PRECIOUS one, and leaves no process behind, also the background sleeps, which ignore SIGINT (GNU leaves them).
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/interrupt.sh"
sleep="30.$RANDOM$RANDOM"
grandchild_waits "$sleep" | makefile_for_both "$WORK"
interrupt_build "$WORK/jmake" INT group "^sleep $sleep" 6 "$JMAKE" -j3
interrupt_build "$WORK/make" INT group "^sleep $sleep" 6 make -j3
expect_eq "jmake's status" 130 "$(cat "$WORK/jmake/status")"
expect_eq "jmake left behind" "" "$(cat "$WORK/jmake/left")"
expect_eq "jmake's deletions" "*** Deleting file 'b'
*** Deleting file 'a'" "$(grep Deleting "$WORK/jmake/err")"
expect_eq "files left" "c" "$(cat "$WORK/jmake/files")"
same_interruption "$WORK/jmake" "$WORK/make"
echo "GNU make left $(grep -c . "$WORK/make/left" || true) processes behind, jmake none"
echo "ok"
