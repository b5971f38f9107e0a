# A -j2 on a nested jmake's command line (under jmake -j4) makes it leave the parent's pool with GNU make's warning
# and run a pool of its own: its 6 jobs run 2 at once, not 4.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/jobserver.sh"
cd "$WORK"
write_nested_makefiles "$WORK"
printf 'all:\n\t@$(MAKE) --no-print-directory -j2 -f leaf.mk ID=x DURATION=0.5\n' > Makefile
run_logged forced "$JMAKE" -j4
expect_eq "warning" "jmake[1]: warning: -j2 forced in submake: resetting jobserver mode." "$(cat forced.err)"
expect_eq "lines logged" 12 "$(wc -l < forced.log)"
expect_eq "jobs at once in the nested pool of 2" 2 "$(max_concurrency forced.log)"
echo "ok"
