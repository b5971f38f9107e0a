# A client that reads 2 tokens from jmake's pool (the descriptors its MAKEFLAGS names) and dies by SIGKILL without
# returning them: once no job runs, jmake -j4 counts its pool, reports the loss once as GNU make does at exit, and
# restores it, so the 8 one-second jobs after it still run 4 at once; at the end the pool is whole (no report).
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/jobserver.sh"
cd "$WORK"
cat > client.sh <<'EOF'
# The last --jobserver-auth=R,W counts: read 2 tokens from R, then die holding them.
read_fd=$(printf '%s\n' "$MAKEFLAGS" | sed -n 's/.*--jobserver-auth=\([0-9]*\),[0-9]*.*/\1/p')
[ -n "$read_fd" ] || { echo "no pipe auth in MAKEFLAGS: $MAKEFLAGS" >&2; exit 1; }
eval "dd bs=1 count=2 <&$read_fd" > /dev/null 2>&1
kill -9 $$
EOF
cat > Makefile <<EOF
JOBS := p1 p2 p3 p4 p5 p6 p7 p8
all: \$(JOBS)
\$(JOBS): killer
	@sh $JOB_SH \$(LOG) 1
killer:
	-+@sh client.sh
.PHONY: all killer \$(JOBS)
EOF
run_logged killed "$JMAKE" -j4
expect_eq "reports of the loss" \
    "jmake: INTERNAL: Exiting with 2 jobserver tokens available; should be 4!" \
    "$(grep -i "jobserver tokens" killed.err)"
grep -q "killer.*Killed (ignored)" killed.err || fail "the client was not killed: $(cat killed.err)"
expect_concurrency "jobs after the loss" killed.log 4 8
echo "ok"
