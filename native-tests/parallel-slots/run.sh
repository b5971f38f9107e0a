# -jN runs at most N jobs at once, and exactly N when enough work is ready (issue 3).
set -euo pipefail
source "$REPO/native-tests/lib.sh"
export JMAKE_TRACE=off  # the jobs log outside their targets on purpose
cd "$WORK"
for n in 2 3; do
    log="$WORK/log.$n"
    : > "$log"
    cat > Makefile <<MK
JOBS := a b c d e f g h
all: \$(JOBS)
\$(JOBS):
	@sh $REPO/native-tests/job.sh $log 0.4
.PHONY: all \$(JOBS)
MK
    "$JMAKE" -j$n
    expect_eq "jobs logged at -j$n" 16 "$(wc -l < "$log")"
    expect_eq "most jobs at once at -j$n" "$n" "$(max_concurrency "$log")"
done
# An intermediate file (.SECONDARY) of a target that must be made starts beside its other prerequisites, as
# remake.c update_file_1 starts it, not after them.
log="$WORK/log.secondary"
: > "$log"
rm -f ./*.o
touch s.c t.c u.c
cat > Makefile <<MK
.SECONDARY: s.o
prog: s.o t.o u.o
	@touch \$@
%.o: %.c
	@sh $REPO/native-tests/job.sh $log 0.6; touch \$@
MK
"$JMAKE" -j3
expect_eq "jobs logged with an intermediate" 6 "$(wc -l < "$log")"
expect_eq "most jobs at once with an intermediate at -j3" 3 "$(max_concurrency "$log")"
[ -f s.o ] || fail ".SECONDARY s.o was deleted"
echo "ok"
