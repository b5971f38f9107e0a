# jmake -j4 serves GNU make 4.3 children: on lines naming $(MAKE) (MAKE=make given on the command line) and on
# lines with `+`; then three levels, jmake -> jmake -> GNU make, the middle jmake passing on the pool it joined.
# Every tree runs 4 jobs at once, never more, and the pool is whole at the end.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/jobserver.sh"
cd "$WORK"
write_nested_makefiles "$WORK"
cat > viamake.mk <<EOF
all: s1 s2 s3
s1 s2 s3:
	@\$(MAKE) --no-print-directory -f $WORK/leaf.mk ID=\$@
.PHONY: all s1 s2 s3
EOF

run_logged viamake "$JMAKE" -j4 -f viamake.mk MAKE="$GNU_MAKE"
expect_concurrency 'jmake -j4 -> $(MAKE) = make' viamake.log 4 18
[ ! -s viamake.err ] || fail "jmake -> \$(MAKE) printed: $(cat viamake.err)"

run_logged plus "$JMAKE" -j4 -f mid.mk SUBMAKE="$GNU_MAKE"
expect_concurrency "jmake -j4 -> +make" plus.log 4 18
[ ! -s plus.err ] || fail "jmake -> +make printed: $(cat plus.err)"

run_logged three "$JMAKE" -j4 -f top.mk SUBMAKE="$GNU_MAKE"
expect_concurrency "jmake -j4 -> jmake -> make" three.log 4 18
[ ! -s three.err ] || fail "jmake -> jmake -> make printed: $(cat three.err)"
echo "ok"
