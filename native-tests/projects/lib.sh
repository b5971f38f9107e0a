# Shared steps of the real-project scenarios (sourced after native-tests/lib.sh): one pristine source tree is
# copied twice, to $WORK/make (built by GNU make) and $WORK/jmake (built by jmake), and the two are compared.
#
# GNU make's side is a baseline kept in the cache beside the sources (${JMAKE_CACHE:-$HOME/.cache/jmake-native}/
# baselines), keyed by the source package, the make and gcc versions and these scripts: once a scenario has passed,
# later runs only build with jmake and compare with the recorded GNU make outputs. JMAKE_NATIVE_FRESH=1 ignores it.

# project_source [--upstream] PACKAGE: the cached pristine tree (fetching it once); exits 77 when it cannot be had.
project_source() {
    local dir status=0
    dir=$(bash "$REPO/native-tests/projects/fetch.sh" "$@") || status=$?
    [ "$status" = 0 ] || exit "$status"
    echo "$dir"
}

# project_packages PACKAGE...: installs the Debian packages a project builds against (its build dependencies beyond
# gcc) when they are missing, as root through apt-get, as fetch.sh installs dpkg-dev; exits 77 when it cannot.
project_packages() {
    local package missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || missing+=("$package")
    done
    [ "${#missing[@]}" -gt 0 ] || return 0
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "SKIP: ${missing[*]} missing and cannot be installed (not root or no apt-get)" >&2
        exit 77
    fi
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >&2 \
        || { echo "SKIP: cannot install ${missing[*]}" >&2; exit 77; }
}

# project_copy SRC: fresh copies of SRC in $WORK/make and $WORK/jmake; chooses the GNU make baseline.
project_copy() {
    rm -rf "$WORK/make" "$WORK/jmake"
    cp -a "$1" "$WORK/make"
    cp -a "$1" "$WORK/jmake"
    local key
    key=$( (cat "$1"/../*.dsc; make --version | head -1; gcc --version | head -1; uname -m
        cat "$0" "$REPO/native-tests/projects/lib.sh") | sha256sum | cut -c1-16)
    BASELINE=${JMAKE_CACHE:-$HOME/.cache/jmake-native}/baselines/$(basename "$(dirname "$0")")-$key
    if [ -f "$BASELINE/.complete" ] && [ -z "${JMAKE_NATIVE_FRESH:-}" ]; then
        RECORDED=$BASELINE
        echo "GNU make baseline: $BASELINE"
    else
        RECORDED=
        mkdir -p "$WORK/baseline"
    fi
}

# project_done: records the GNU make baseline of a passed scenario in the cache.
project_done() {
    if [ -z "$RECORDED" ]; then
        touch "$WORK/baseline/.complete"
        mkdir -p "$(dirname "$BASELINE")"
        rm -rf "$BASELINE.tmp"
        cp -a "$WORK/baseline" "$BASELINE.tmp"
        rm -rf "$BASELINE"
        mv "$BASELINE.tmp" "$BASELINE"
    fi
    echo ok
}

# project_configure [--cache] ARGS...: runs the tree's ./configure ARGS in $WORK/jmake, and first in $WORK/make while
# GNU make's baseline is not recorded yet (configure writes the tree's absolute path into what it generates, so each
# tree is configured where it is built). With --cache the second run reads the first one's config.cache (faster;
# some scripts, like mawk's, add flags only when they compute a value, so they must not get one). Both trees must
# then hold the same Makefiles and config.h, but for their paths.
project_configure() {
    local tree trees=(jmake) cache=()
    if [ "${1:-}" = --cache ]; then
        cache=(--cache-file="$WORK/config.cache")
        shift
    fi
    [ -n "$RECORDED" ] || trees=(make jmake)
    for tree in "${trees[@]}"; do
        timed "configure ($tree)" project_configure_in "$tree" "${cache[@]}" "$@"
    done
    [ -n "$RECORDED" ] && return
    local file
    while IFS= read -r file; do
        cmp -s <(sed "s#$WORK/make#TREE#g" "$WORK/make/$file") <(sed "s#$WORK/jmake#TREE#g" "$WORK/jmake/$file") \
            || fail "./configure wrote different ${file#./} files in the two trees"
    done < <(cd "$WORK/make" && find . \( -name Makefile -o -name config.h \) -type f)
}

project_configure_in() {
    local tree=$1
    shift
    (cd "$WORK/$tree" && ./configure "$@") >"$WORK/configure.$tree" 2>&1 \
        || { tail -30 "$WORK/configure.$tree" >&2; fail "configure failed in $tree"; }
}

# gnu_make LABEL ARGS...: GNU make's normalised output of ARGS in $WORK/make into $WORK/LABEL.make and its status
# into $WORK/LABEL.status, or the recorded ones.
gnu_make() {
    local label=$1 status=0
    shift
    if [ -n "$RECORDED" ]; then
        cp "$RECORDED/$label.make" "$RECORDED/$label.status" "$WORK/"
        return
    fi
    (cd "$WORK/make" && make "$@") >"$WORK/$label.make.raw" 2>&1 || status=$?
    normalise make <"$WORK/$label.make.raw" >"$WORK/$label.make"
    echo "$status" >"$WORK/$label.status"
    cp "$WORK/$label.make" "$WORK/$label.status" "$WORK/baseline/"
}

# normalise TREE: stdin with the tree's path and jmake's name replaced, so both tools' output can be compared.
normalise() {
    sed -e "s#$WORK/$1#TREE#g" -e "s#$JMAKE#make#g" -e 's#^jmake\(\[[0-9]*\]\)\{0,1\}:#make\1:#'
}

# run_both LABEL ARGS... [-- SED_SCRIPT]: runs GNU make and jmake with ARGS in their trees and fails unless their
# normalised outputs (stdout and stderr together; SED_SCRIPT drops what the project prints nondeterministically) and
# exit statuses are the same. Leaves the outputs in $WORK/LABEL.{make,jmake}.
run_both() {
    local label=$1 status_make=0 status_jmake=0 args=() filter=
    shift
    while [ $# -gt 0 ]; do
        if [ "$1" = -- ]; then filter=$2; break; fi
        args+=("$1")
        shift
    done
    gnu_make "$label" "${args[@]}"
    status_make=$(cat "$WORK/$label.status")
    sed -i -e "$filter" "$WORK/$label.make"
    (cd "$WORK/jmake" && "$JMAKE" "${args[@]}") >"$WORK/$label.jmake.raw" 2>&1 || status_jmake=$?
    # jmake's recipe I/O tracer (on by default) reports what these Makefiles leave undeclared (warnings, once a line
    # on how to silence them, and the summary line that ends the build); GNU make says nothing.
    normalise jmake <"$WORK/$label.jmake.raw" \
        | grep -v -E '\[trace\] |^make(\[[0-9]+\])?: [0-9]+ trace findings? in [0-9]+ rules?; see ' \
        | sed -e "$filter" >"$WORK/$label.jmake"
    if ! cmp -s "$WORK/$label.make" "$WORK/$label.jmake"; then
        diff -u "$WORK/$label.make" "$WORK/$label.jmake" | head -40 >&2
        fail "$label: 'make ${args[*]}' and 'jmake ${args[*]}' print different things (diff above: - make, + jmake)"
    fi
    expect_eq "$label: exit status of make ${args[*]}" "$status_make" "$status_jmake"
}

# status_both LABEL ARGS...: like run_both for a step whose output is nondeterministic (interleaved pipelines,
# progress meters, speeds): only the exit statuses are compared, and both must be 0.
status_both() {
    local label=$1 status_jmake=0
    shift
    gnu_make "$label" "$@"
    [ "$(cat "$WORK/$label.status")" = 0 ] || { tail -30 "$WORK/$label.make" >&2; fail "$label: make $* failed"; }
    (cd "$WORK/jmake" && "$JMAKE" "$@") >"$WORK/$label.jmake" 2>&1 || status_jmake=$?
    [ "$status_jmake" = 0 ] || { tail -30 "$WORK/$label.jmake" >&2; fail "$label: jmake $* failed with status $status_jmake"; }
}

# build_both ARGS...: builds both trees in parallel mode (their outputs interleave, so only the statuses count).
build_both() {
    gnu_make build "$@"
    [ "$(cat "$WORK/build.status")" = 0 ] || { tail -30 "$WORK/build.make" >&2; fail "make $* failed"; }
    (cd "$WORK/jmake" && "$JMAKE" "$@") >"$WORK/build.jmake" 2>&1 || { tail -30 "$WORK/build.jmake" >&2; fail "jmake $* failed"; }
}

# listing TREE: the names and types of the files in $WORK/TREE.
listing() {
    (cd "$WORK/$1" && find . \( -name .jmake -prune \) -o \( -printf '%y %p\n' \) | LC_ALL=C sort)
}

# compare_trees: both trees hold the same files (names and types; contents of built objects differ by paths).
compare_trees() {
    if [ -n "$RECORDED" ]; then
        cp "$RECORDED/files.make" "$WORK/"
    else
        listing make >"$WORK/files.make"
        cp "$WORK/files.make" "$WORK/baseline/"
    fi
    listing jmake >"$WORK/files.jmake"
    if ! cmp -s "$WORK/files.make" "$WORK/files.jmake"; then
        diff -u "$WORK/files.make" "$WORK/files.jmake" | head -40 >&2
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

# report_findings REPORT: "kind job path" of every finding of a --trace-report but implicit-input (a source read, which
# is report-only), sorted, one per line.
report_findings() {
    python3 -c 'import json,sys
print("\n".join(sorted(f["kind"] + " " + j["job"]["target"] + " " + f["path"]
    for j in json.load(open(sys.argv[1]))["jobs"] for f in j["findings"] if f["kind"] != "implicit-input")))' "$1"
}

# nested_observation REPORT MIN: "TOOL WARNING ENOUGH" of the report's first nested-build observation, ENOUGH being
# True when it counts at least MIN files.
nested_observation() {
    python3 -c 'import json,sys
f = [f for j in json.load(open(sys.argv[1]))["jobs"] for f in j["findings"] if f["kind"] == "nested-build"][0]
print(f["tool"], f["warning"], f["files"] >= int(sys.argv[2]))' "$1" "$2"
}

# report_groups REPORT: every finding of a --trace-report, grouped: one "kind path warning|recorded: jobs" line for
# each kind, path and severity, with the sorted targets of the jobs that have it; sorted. Exact, and short enough to
# read for a project of a hundred jobs.
report_groups() {
    python3 -c 'import collections,json,sys
groups = collections.defaultdict(list)
for j in json.load(open(sys.argv[1]))["jobs"]:
    for f in j["findings"]:
        groups[(f["kind"], f["path"], "warning" if f["warning"] else "recorded")].append(j["job"]["target"])
for key in sorted(groups):
    print(*key, end=": ")
    print(" ".join(sorted(groups[key])))' "$1"
}

# trace_build LABEL ARGS...: jmake -j2 ARGS in $tree with a report in $WORK/LABEL.json and its output in
# $WORK/LABEL.out; fails on failure.
trace_build() {
    local label=$1
    shift
    (cd "$tree" && "$JMAKE" -j2 --trace-report="$WORK/$label.json" "$@") >"$WORK/$label.out" 2>&1 \
        || { tail -30 "$WORK/$label.out"; fail "$label: jmake $* failed"; }
}
