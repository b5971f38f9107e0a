# Ctrl-C while the recipe of a grouped target (a b &:) or of a pattern rule with two targets runs: the other
# targets of the recipe are deleted too, on its behalf (`*** [a] Deleting file 'b'`), as GNU make does.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/interrupt.sh"
for goal in a p.x; do
    sleep="30.$RANDOM$RANDOM"
    makefile_for_both "$WORK/$goal" <<MK
a b &:
	touch a b; sleep $sleep
%.x %.y:
	touch \$*.x \$*.y; sleep $sleep
MK
    interrupt_build "$WORK/$goal/jmake" INT group "^sleep $sleep" 1 "$JMAKE" "$goal"
    interrupt_build "$WORK/$goal/make" INT group "^sleep $sleep" 1 make "$goal"
    expect_eq "jmake left behind" "" "$(cat "$WORK/$goal/jmake/left")"
    expect_eq "files left" "" "$(cat "$WORK/$goal/jmake/files")"
    same_interruption "$WORK/$goal/jmake" "$WORK/$goal/make"
done
expect_eq "messages for the group" "*** Deleting file 'a'
*** [a] Deleting file 'b'
*** [Makefile:2: a] Interrupt" "$(cat "$WORK/a/jmake/err")"
echo "ok"
