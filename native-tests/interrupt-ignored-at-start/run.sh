# SIGINT ignored when jmake starts (as under nohup or a non-interactive shell's `&`) stays ignored, as in GNU make:
# a Ctrl-C to the process group interrupts nothing (the recipes inherit the disposition) and the build completes.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/interrupt.sh"
sleep="1.$RANDOM$RANDOM"
makefile_for_both "$WORK" <<MK
all:
	sleep $sleep; echo done > \$@
MK
interrupt_build "$WORK/jmake" INT group "^sleep $sleep" 1 env --ignore-signal=INT "$JMAKE"
interrupt_build "$WORK/make" INT group "^sleep $sleep" 1 env --ignore-signal=INT make
expect_eq "jmake's status" 0 "$(cat "$WORK/jmake/status")"
expect_eq "jmake's messages" "" "$(cat "$WORK/jmake/err")"
expect_eq "files left" "all" "$(cat "$WORK/jmake/files")"
same_interruption "$WORK/jmake" "$WORK/make"
echo "ok"
