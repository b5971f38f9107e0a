# LZ4 (Debian bookworm source package lz4, Debian patches applied) built with its own GNU Makefiles, which recurse
# into lib/, programs/ and tests/ with $(MAKE) -C and use .SILENT, target-specific variables, $(shell) and
# conditionals: jmake -n -B lists the same commands as GNU make, jmake -j2 builds the same files, LZ4's own
# `make check` (its essential command-line tests) passes, and a second run does what GNU make's
# second run does.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/projects/lib.sh"
src=$(project_source lz4)
project_copy "$src"

timed "dry run" run_both dry-run -n -B
timed "build -j2" build_both -j2
compare_trees
[ -x "$WORK/jmake/lz4" ] && [ -f "$WORK/jmake/lib/liblz4.a" ] || fail "jmake did not build lz4 and liblz4.a"
# The tests pipe lz4 into lz4, so their stderr lines interleave differently on each run, and print speeds.
timed "make check" status_both check check
grep -q -- "---- test mode ----" "$WORK/check.jmake" || fail "lz4's make check did not run its tests: $(tail "$WORK/check.jmake")"
expect_eq "lz4 built by jmake round trip" "lz4 round trip" \
    "$(echo "lz4 round trip" | "$WORK/jmake/lz4" -c | "$WORK/jmake/lz4" -dc)"

timed "second run" run_both second-run
project_done
