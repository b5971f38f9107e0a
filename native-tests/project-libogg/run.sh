# libogg (Debian bookworm source package libogg, Debian patches applied): an automake build configured by its
# autoconf ./configure, recursing through SUBDIRS three levels deep (. -> src, include -> include/ogg, doc ->
# doc/libogg: `Making all in ...` and `$(MAKE) $(AM_MAKEFLAGS)` in every directory), with libtool, included
# ./$(DEPDIR)/*.Plo dependency files and automake's rules to remake the Makefiles: jmake -n -B lists the same
# commands as GNU make, jmake -j2 builds the same files, libogg's own `make check` (test_bitwise, test_framing)
# passes with the same output, and a second run does what GNU make's second run does.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/projects/lib.sh"
src=$(project_source libogg)
project_copy "$src"
project_configure

# -B would remake the Makefiles themselves (aclocal, autoconf, automake, config.status --recheck: those rules run
# even under -n, and the autotools are not installed); -o Makefile keeps them, in the sub-makes too through
# AM_MAKEFLAGS, so the dry run goes on through every directory.
timed "dry run" run_both dry-run -n -B -o Makefile AM_MAKEFLAGS='-o Makefile'
timed "build -j2" build_both -j2
compare_trees
[ -f "$WORK/jmake/src/.libs/libogg.a" ] && [ -f "$WORK/jmake/src/.libs/libogg.so" ] || fail "jmake did not build libogg"
timed "make check" run_both check check
grep -q "Testing sync on partial inputs... ok." "$WORK/check.jmake" || fail "libogg's make check did not pass: $(tail "$WORK/check.jmake")"

timed "second run" run_both second-run
project_done
