# Shared steps of the real-project scenarios (sourced after native-tests/lib.sh): one pristine source tree is
# copied twice, to $WORK/make (built by GNU make) and $WORK/jmake (built by jmake), and the two are compared.

# project_source [--upstream] PACKAGE: the cached pristine tree (fetching it once); exits 77 when it cannot be had.
project_source() {
    local dir status=0
    dir=$(bash "$REPO/native-tests/projects/fetch.sh" "$@") || status=$?
    [ "$status" = 0 ] || exit "$status"
    echo "$dir"
}

# project_copy SRC: fresh copies of SRC in $WORK/make and $WORK/jmake.
project_copy() {
    rm -rf "$WORK/make" "$WORK/jmake"
    cp -a "$1" "$WORK/make"
    cp -a "$1" "$WORK/jmake"
}

# normalise TREE: stdin with the tree's path and jmake's name replaced, so both tools' output can be compared.
normalise() {
    sed -e "s#$WORK/$1#TREE#g" -e "s#$JMAKE#make#g" -e 's#^jmake\(\[[0-9]*\]\)\{0,1\}:#make\1:#'
}

# run_both LABEL ARGS...: runs GNU make and jmake with ARGS in their trees and fails unless their normalised
# outputs (stdout and stderr together) and exit statuses are the same. Leaves the outputs in $WORK/LABEL.{make,jmake}.
run_both() {
    local label=$1 status_make=0 status_jmake=0
    shift
    (cd "$WORK/make" && make "$@") >"$WORK/$label.make.raw" 2>&1 || status_make=$?
    (cd "$WORK/jmake" && "$JMAKE" "$@") >"$WORK/$label.jmake.raw" 2>&1 || status_jmake=$?
    normalise make <"$WORK/$label.make.raw" >"$WORK/$label.make"
    normalise jmake <"$WORK/$label.jmake.raw" >"$WORK/$label.jmake"
    if ! cmp -s "$WORK/$label.make" "$WORK/$label.jmake"; then
        diff -u "$WORK/$label.make" "$WORK/$label.jmake" | head -40 >&2
        fail "$label: 'make $*' and 'jmake $*' print different things (diff above: - make, + jmake)"
    fi
    expect_eq "$label: exit status of make $*" "$status_make" "$status_jmake"
}

# build_both ARGS...: builds both trees in parallel mode (their outputs interleave, so only the statuses count).
build_both() {
    (cd "$WORK/make" && make "$@") >"$WORK/build.make" 2>&1 || { tail -30 "$WORK/build.make" >&2; fail "make $* failed"; }
    (cd "$WORK/jmake" && "$JMAKE" "$@") >"$WORK/build.jmake" 2>&1 || { tail -30 "$WORK/build.jmake" >&2; fail "jmake $* failed"; }
}

# compare_trees: both trees hold the same files (names and types; contents of built objects differ by paths).
compare_trees() {
    local listing
    listing() { (cd "$WORK/$1" && find . \( -name .jmake -prune \) -o \( -printf '%y %p\n' \) | sort); }
    if ! cmp -s <(listing make) <(listing jmake); then
        diff -u <(listing make) <(listing jmake) | head -40 >&2
        fail "the trees built by make and jmake hold different files (diff above: - make, + jmake)"
    fi
}

# timed LABEL COMMAND...: runs COMMAND and prints how long it took.
timed() {
    local label=$1 start end
    shift
    start=$(date +%s%N)
    "$@"
    end=$(date +%s%N)
    echo "$label: $(( (end - start) / 1000000 )) ms"
}
