# Without -j (the recipe runs on jmake's main thread): SIGINT to the process group and SIGTERM to jmake alone while
# a recipe waits for its grandchildren. Status, deleted target and intermediate file, and messages as GNU make's;
# no process left behind.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/interrupt.sh"
for case in INT:group TERM:make; do
    signal=${case%:*}
    whom=${case#*:}
    sleep="30.$RANDOM$RANDOM"
    makefile_for_both "$WORK/$signal" <<MK
all: final other
final: mid
	echo \$@ > \$@; sh -c 'sleep $sleep & sleep $sleep; wait'
mid:
	echo \$@ > \$@
.INTERMEDIATE: mid
other:
	touch \$@
MK
    interrupt_build "$WORK/$signal/jmake" "$signal" "$whom" "^sleep $sleep" 2 "$JMAKE"
    interrupt_build "$WORK/$signal/make" "$signal" "$whom" "^sleep $sleep" 2 make
    expect_eq "jmake's status on SIG$signal" $((128 + $(kill -l "$signal"))) "$(cat "$WORK/$signal/jmake/status")"
    expect_eq "jmake left behind on SIG$signal" "" "$(cat "$WORK/$signal/jmake/left")"
    expect_eq "files left on SIG$signal" "" "$(cat "$WORK/$signal/jmake/files")"
    same_interruption "$WORK/$signal/jmake" "$WORK/$signal/make"
    echo "SIG$signal: $(tr '\n' '|' < "$WORK/$signal/jmake/err")"
done
echo "ok"
