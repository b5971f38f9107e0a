# zlib (Debian bookworm source package zlib, Debian patches applied) configured by its ./configure and built with its
# own Makefile: jmake -n -B lists the same commands as GNU make, jmake -j2 builds the same files (static and shared
# library, example and minigzip programs), zlib's own `make test` passes identically, and a second run has nothing
# to do, as with GNU make.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/projects/lib.sh"
src=$(project_source zlib)
project_copy "$src"
for tree in make jmake; do
    (cd "$WORK/$tree" && ./configure) >"$WORK/configure.$tree" 2>&1 || { cat "$WORK/configure.$tree"; fail "configure failed"; }
done
cmp -s "$WORK/make/Makefile" "$WORK/jmake/Makefile" || fail "./configure wrote different Makefiles in the two trees"

timed "dry run" run_both dry-run -n -B
timed "build -j2" build_both -j2
compare_trees
for file in libz.a libz.so example minigzip example64 minigzip64; do
    [ -e "$WORK/jmake/$file" ] || fail "jmake did not build $file"
done
timed "make test" run_both test test
for kind in "" "shared " "64-bit "; do
    grep -qF "*** zlib ${kind}test OK ***" "$WORK/test.jmake" || fail "zlib ${kind}test did not pass: $(cat "$WORK/test.jmake")"
done
expect_eq "minigzip built by jmake round trip" "zlib round trip" \
    "$(echo "zlib round trip" | "$WORK/jmake/minigzip" | "$WORK/jmake/minigzip" -d)"

timed "second run" run_both second-run
expect_eq "second jmake run" "make: Nothing to be done for 'all'." "$(cat "$WORK/second-run.jmake")"
project_done
