# -jN runs at most N jobs at once, and exactly N when enough work is ready (issue 3).
set -euo pipefail
source "$REPO/native-tests/lib.sh"
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
echo "ok"
