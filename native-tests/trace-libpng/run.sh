# Issue 14's real projects, the third (after libogg and cmocka; popt is the fourth): libpng (Debian bookworm source
# libpng1.6), a non-recursive automake + libtool tree, configured by its own ./configure, built with `jmake -j2`,
# then `jmake -j2 check` on a few of its tests, each with --trace-report; asserts the exact findings of each report
# (kind, path, warning or recorded, and the jobs that have it). The issue's layouts it shows: -MF in a separate
# directory (automake's `-MD -MP -MF .deps/x.Tpo` renamed to .deps/x.Plo, in subdirectories too:
# contrib/libtests/.deps), libtool's .libs in four directories, stamp files (stamp-h1), generators run by recipes
# (awk scripts making pnglibconf.h and the version script), and sub-makes the parent's recipe orders: automake's
# `all: $(BUILT_SOURCES) config.h` + `$(MAKE) all-am`, whose 26 compiles read config.h, and `check-am: all-am` +
# `$(MAKE) $(check_PROGRAMS)` + `$(MAKE) check-TESTS`, whose tests run the programs: complete before each sub-make
# started, no missing prerequisite (TRACING.md "The order a parent's recipe guarantees").
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/projects/lib.sh"

# build LABEL ARGS...: trace_build, timed.
build() { timed "$1" trace_build "$@"; }

tree=$WORK/libpng
cp -a "$(project_source libpng1.6)" "$tree"
(cd "$tree" && timed configure ./configure -q) >"$WORK/configure.out" 2>&1 \
    || { cat "$WORK/configure.out"; fail "configure failed"; }

# The library, its tools and test programs, from scratch. One warning, a real defect of the Makefile:
# pnglibconf.out (the `.c.out` suffix rule at Makefile:2316) runs the preprocessor over pnglibconf.c with $(DEFS),
# so `#include "config.h"`, but no prerequisite names config.h: `all: $(BUILT_SOURCES) config.h` lets the two run in
# either order (or at once, when stamp-h1 remakes config.h), and a changed config.h does not remake pnglibconf.h.
# Recorded only: libtool's .libs, once per libtool job; the libtool script (configure's, no rule makes it) that each
# of them runs; headers the .deps/*.Po dummies do not declare yet (gcc -MD does from now on); the awk script the
# generators run; and the directories the generators' `rm -f $*.tf[12]` globs list, where no job of this build
# made anything at the time.
build all
expect_eq "all: findings" "directory-listing . recorded: pnglibconf.c pnglibconf.out
directory-listing scripts recorded: scripts/vers.out
implicit-input contrib/libtests/pngstest-errors.h recorded: contrib/libtests/pngstest.o
implicit-input contrib/tools/sRGB.h recorded: contrib/libtests/pngstest.o
implicit-input contrib/visupng/cexcept.h recorded: contrib/libtests/pngvalid.o
implicit-input libtool recorded: intel/filter_sse2_intrinsics.lo intel/intel_init.lo libpng16.la mips/filter_msa_intrinsics.lo mips/mips_init.lo png-fix-itxt png.lo pngcp pngerror.lo pngfix pngget.lo pngimage pngmem.lo pngpread.lo pngread.lo pngrio.lo pngrtran.lo pngrutil.lo pngset.lo pngstest pngtest pngtrans.lo pngunknown pngvalid pngwio.lo pngwrite.lo pngwtran.lo pngwutil.lo powerpc/filter_vsx_intrinsics.lo powerpc/powerpc_init.lo timepng
implicit-input png.h recorded: contrib/libtests/pngimage.o contrib/libtests/pngstest.o contrib/libtests/pngunknown.o contrib/libtests/pngvalid.o contrib/libtests/timepng.o contrib/tools/pngcp.o contrib/tools/pngfix.o pngtest.o
implicit-input scripts/dfn.awk recorded: pnglibconf.out scripts/vers.out
missing-prerequisite config.h warning: pnglibconf.out
tool-outputs .libs recorded: libpng16.la png.lo pngcp pngerror.lo pngfix pngget.lo pngimage pngmem.lo pngpread.lo pngread.lo pngrio.lo pngrtran.lo pngrutil.lo pngset.lo pngstest pngtest pngtrans.lo pngunknown pngvalid pngwio.lo pngwrite.lo pngwtran.lo pngwutil.lo timepng
tool-outputs intel/.libs recorded: intel/filter_sse2_intrinsics.lo intel/intel_init.lo
tool-outputs mips/.libs recorded: mips/filter_msa_intrinsics.lo mips/mips_init.lo
tool-outputs powerpc/.libs recorded: powerpc/filter_vsx_intrinsics.lo powerpc/powerpc_init.lo" \
    "$(report_groups "$WORK/all.json")"

# make check on four of its 32 tests (all of them take over a minute here), one per test program the subset runs:
# check's `$(MAKE) check-am` (after BUILT_SOURCES and scripts/symbols.chk), whose `$(MAKE) $(check_PROGRAMS)` finds
# the programs up to date (all made them) and whose `$(MAKE) check-TESTS` runs the tests, through libtool's
# wrappers (reading .libs/x, libtool's own files) and automake's test-driver (configure's, no rule makes it), on the
# data files of the distribution. The data files (sources no rule names, a few dozen) are counted, not listed.
# One warning, a real defect of the Makefile: tests/pngtest-all runs ./pngtest, which writes pngout.png in the top
# directory, which no rule declares (only CLEANFILES names it): another test writing it at the same time, or a
# rule reading it, is a race make cannot see.
tests="tests/pngtest-all tests/pngunknown-IDAT tests/pngstest-sRGB tests/pngimage-quick"
build check check TESTS="$tests"
grep -q '^# PASS:  4$' "$WORK/check.out" || { tail -20 "$WORK/check.out"; fail "check: the tests did not pass"; }
expect_eq "check: findings" "directory-listing scripts recorded: scripts/symbols.out
implicit-input .libs/pngimage recorded: tests/pngimage-quick.log
implicit-input .libs/pngstest recorded: tests/pngstest-sRGB.log
implicit-input .libs/pngtest recorded: tests/pngtest-all.log
implicit-input .libs/pngunknown recorded: tests/pngunknown-IDAT.log
implicit-input pngtest.png recorded: tests/pngtest-all.log tests/pngunknown-IDAT.log
implicit-input scripts/dfn.awk recorded: scripts/symbols.out
implicit-input test-driver recorded: tests/pngimage-quick.log tests/pngstest-sRGB.log tests/pngtest-all.log tests/pngunknown-IDAT.log
implicit-input tests/pngstest recorded: tests/pngstest-sRGB.log
undeclared-output pngout.png warning: tests/pngtest-all.log" \
    "$(report_groups "$WORK/check.json" | grep -v '^implicit-input contrib/')"
expect_eq "check: the data files read" "96" "$(report_groups "$WORK/check.json" | grep -c '^implicit-input contrib/')"
echo ok
