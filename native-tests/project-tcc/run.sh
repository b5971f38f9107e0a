# TinyCC (Debian bookworm source package tcc, Debian patches applied) configured by its ./configure and built with
# its own Makefiles, which recurse ($(MAKE) -C lib, $(MAKE) -C tests, tests/tests2, tests/pp): jmake -n -B lists the
# same commands as GNU make, jmake -j2 builds the same files, tcc's own `make test` (hello, libtcc, tcctest, the
# tests2 and pp suites, bounds checking...) passes with the same output, and a second run does what GNU make's second
# run does (nothing in lib/; the tcc.1 man page is remade every time because its intermediate tcc-doc.pod is deleted
# by its own recipe).
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/projects/lib.sh"
src=$(project_source tcc)
project_copy "$src"
for tree in make jmake; do
    (cd "$WORK/$tree" && ./configure) >"$WORK/configure.$tree" 2>&1 || { cat "$WORK/configure.$tree"; fail "configure failed"; }
done

timed "dry run" run_both dry-run -n -B
timed "build -j2" build_both -j2
compare_trees
for file in tcc libtcc.a libtcc1.a; do
    [ -e "$WORK/jmake/$file" ] || fail "jmake did not build $file"
done
# The multi-threaded libtcc test prints its results in a random order, with timings.
timed "make test" run_both test test -- '/^ *[0-9 ]*$/d; /^ *([0-9]* ms)$/d'
grep -q "Auto Bound-Test OK" "$WORK/test.jmake" || fail "tcc's make test did not finish: $(tail "$WORK/test.jmake")"
expect_eq "tcc built by jmake compiles and runs C" "42" \
    "$(printf '#include <stdio.h>\nint main(void){printf("%%d\\n", 6 * 7); return 0;}\n' | "$WORK/jmake/tcc" -B"$WORK/jmake" -I"$WORK/jmake/include" -run -)"

timed "second run" run_both second-run
grep -q "Nothing to be done for 'all'" "$WORK/second-run.jmake" || fail "the second jmake run rebuilt lib/: $(cat "$WORK/second-run.jmake")"
project_done
