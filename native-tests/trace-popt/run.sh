# Issue 14's real projects, the fourth (after libogg, cmocka, libpng): popt (Debian bookworm source), a recursive
# automake + libtool tree (SUBDIRS src tests ...), configured by its own ./configure, built with `jmake -j2`, then
# `jmake -j2 check`, each with --trace-report; asserts the exact findings of each report (kind, path, warning or
# recorded, and the jobs that have it). The issue's layouts it shows: -MF in a separate directory (automake's
# `-MD -MP -MF .deps/x.Tpo`, renamed to .deps/x.Plo), libtool's .libs (a tool's own directory), stamp files
# (stamp-h1, config.h's producer), and sub-makes that the parent's recipe orders: the top's `all: config.h` +
# `$(MAKE) all-recursive`, whose recipe runs `$(MAKE)` in each subdirectory in turn, and tests/'s `check-am: all-am`
# + `$(MAKE) check-TESTS`, whose test reads the programs all-am made (no missing prerequisite: complete before the
# sub-make started, TRACING.md "The order a parent's recipe guarantees").
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/projects/lib.sh"

# build LABEL ARGS...: trace_build, timed.
build() { timed "$1" trace_build "$@"; }

tree=$WORK/popt
cp -a "$(project_source popt)" "$tree"
(cd "$tree" && ./configure -q) >"$WORK/configure.out" 2>&1 || { cat "$WORK/configure.out"; fail "configure failed"; }

# The library and the test programs, from scratch: no warning. Recorded only: libtool's .libs, once per libtool job;
# and, the .deps/*.Plo files being still configure's dummies, the headers each object includes and the files
# poptint.c includes (lookup3.c) and the link reads (the version script), sources no rule names (gcc -MD declares
# the headers from now on).
build all
expect_eq "all: findings" "implicit-input src/libpopt.vers recorded: src/libpopt.la
implicit-input src/lookup3.c recorded: src/poptint.lo
implicit-input src/popt.h recorded: src/popt.lo src/poptconfig.lo src/popthelp.lo src/poptint.lo src/poptparse.lo
implicit-input src/poptint.h recorded: src/popt.lo src/poptconfig.lo src/popthelp.lo src/poptint.lo
implicit-input src/system.h recorded: src/popt.lo src/poptconfig.lo src/popthelp.lo src/poptint.lo src/poptparse.lo
tool-outputs src/.libs recorded: src/libpopt.la src/popt.lo src/poptconfig.lo src/popthelp.lo src/poptint.lo src/poptparse.lo
tool-outputs tests/.libs recorded: tests/tdict tests/test1 tests/test2 tests/test3" "$(report_groups "$WORK/all.json")"

# make check: automake's parallel test driver runs testit.sh, which runs test1 and test3 (through libtool's wrappers,
# so it reads .libs/test1 and .libs/test3 too, libtool's own files) on the data files of the distribution. The
# programs come from all-am, which tests/'s check-am depends on before its recipe runs `$(MAKE) check-TESTS`: in
# that sub-make nothing orders them, its parent's recipe does. One warning stays, a real defect of tests/Makefile:
# test-poptrc is made by its rule (`test-poptrc: config.status test-poptrc.in`, config.status from the .in file)
# and testit.sh reads it, but no prerequisite names it: once test-poptrc.in changes, `make check` tests with the
# stale file that configure wrote (nothing in `all` or `check` remakes it).
build check check
grep -q '^PASS: testit.sh' "$WORK/check.out" || { tail -20 "$WORK/check.out"; fail "check: the tests did not pass"; }
expect_eq "check: findings" "implicit-input tests/.libs/test1 recorded: tests/testit.sh.log
implicit-input tests/.libs/test3 recorded: tests/testit.sh.log
implicit-input tests/test3-data/01.answer recorded: tests/testit.sh.log
implicit-input tests/test3-data/01.input recorded: tests/testit.sh.log
implicit-input tests/test3-data/02.answer recorded: tests/testit.sh.log
implicit-input tests/test3-data/02.input recorded: tests/testit.sh.log
implicit-input tests/test3-data/03.answer recorded: tests/testit.sh.log
implicit-input tests/test3-data/03.input recorded: tests/testit.sh.log
missing-prerequisite tests/test-poptrc warning: tests/testit.sh.log" "$(report_groups "$WORK/check.json")"
echo ok
