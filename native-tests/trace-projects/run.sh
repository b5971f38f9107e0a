# Correct Makefiles give no trace finding (issue 5): every example in examples/ built at -j2 with --trace=error,
# then zlib (Debian bookworm source, its own ./configure'd Makefile) at -j2 with tracing on. zlib's Makefile has two
# true findings, the libz.so symlinks its shared-library rule makes without declaring them; with them named in
# .JMAKE_TRACE_IGNORE (through --eval) the build, its tests and `make clean` have none. Lua's Makefile is correct:
# no finding at all.
set -euo pipefail
source "$REPO/native-tests/lib.sh"

# warnings FILE: the trace warnings in a build's output.
warnings() { grep -F 'warning: [trace]' "$1" || true; }
# report_warnings REPORT: the findings a --trace-report counts as warnings, one per line.
report_warnings() {
    python3 -c 'import json,sys
for j in json.load(open(sys.argv[1]))["jobs"]:
    for f in j["findings"]:
        if f["warning"]: print(f["message"])' "$1"
}

cd "$REPO/examples"
for example in */Makefile */*/Makefile; do
    dir=$(dirname "$example")
    # A sub-directory built by its parent's Makefile is not an example of its own.
    [ "$(dirname "$dir")" != . ] && [ -f "$(dirname "$dir")/Makefile" ] && continue
    name=${dir//\//-}
    copy_sources "$dir" "$WORK/examples/$name"
    "$JMAKE" -s -j2 --trace=error --trace-report="$WORK/$name.json" -C "$WORK/examples/$name" JMAKE="$JMAKE" \
        >"$WORK/$name.out" 2>&1 || { cat "$WORK/$name.out"; fail "$name: traced build failed"; }
    expect_eq "$name: warnings" "" "$(warnings "$WORK/$name.out")"
    expect_eq "$name: report warnings" "" "$(report_warnings "$WORK/$name.json")"
    jobs=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["jobs"]))' "$WORK/$name.json")
    [ "$jobs" -ge 1 ] || fail "$name: the report lists no job"
    "$JMAKE" -s --trace=error -C "$WORK/examples/$name" JMAKE="$JMAKE" run clean >"$WORK/$name.run" 2>&1 \
        || { cat "$WORK/$name.run"; fail "$name: run clean failed"; }
    expect_eq "$name: run clean warnings" "" "$(warnings "$WORK/$name.run")"
done

source "$REPO/native-tests/projects/lib.sh"
src=$(project_source zlib)
tree=$WORK/zlib
cp -a "$src" "$tree"
(cd "$tree" && ./configure) >"$WORK/configure.out" 2>&1 || { cat "$WORK/configure.out"; fail "configure failed"; }
"$JMAKE" -j2 -C "$tree" --trace-report="$WORK/zlib.json" >"$WORK/zlib.out" 2>&1 \
    || { cat "$WORK/zlib.out"; fail "zlib: traced build failed"; }
expect_eq "zlib: the two undeclared symlinks" \
"Makefile:277: warning: [trace] 'libz.so.1.2.13' wrote 'libz.so', which is not a target of its rule; add 'libz.so' to the rule's targets (grouped, with '&:')
Makefile:277: warning: [trace] 'libz.so.1.2.13' wrote 'libz.so.1', which is not a target of its rule; add 'libz.so.1' to the rule's targets (grouped, with '&:')" \
    "$(warnings "$WORK/zlib.out" | sort)"
expect_eq "zlib: how to silence them, once" "jmake: [trace] to silence a finding you intend, name its file in the makefile: .JMAKE_TRACE_IGNORE: libz.so" \
    "$(grep -F ': [trace] to silence' "$WORK/zlib.out")"
"$JMAKE" -C "$tree" clean >/dev/null 2>&1
ignore='.JMAKE_TRACE_IGNORE: libz.so libz.so.1'
for goal in all test clean; do
    "$JMAKE" -j2 -C "$tree" --eval="$ignore" --trace-report="$WORK/zlib-$goal.json" $goal >"$WORK/zlib-$goal.out" 2>&1 \
        || { cat "$WORK/zlib-$goal.out"; fail "zlib $goal: traced build failed"; }
    expect_eq "zlib $goal: warnings" "" "$(warnings "$WORK/zlib-$goal.out")"
    expect_eq "zlib $goal: report warnings" "" "$(report_warnings "$WORK/zlib-$goal.json")"
done
grep -qF '*** zlib test OK ***' "$WORK/zlib-test.out" || fail "zlib test did not pass under the tracer"

# Lua 5.4 with its own (recursive) Makefile: a correct Makefile, no finding at all, and the interpreter works.
lua=$WORK/lua
cp -a "$(project_source --upstream lua5.4)" "$lua"
"$JMAKE" -j2 -C "$lua" --trace=error --trace-report="$WORK/lua.json" linux >"$WORK/lua.out" 2>&1 \
    || { cat "$WORK/lua.out"; fail "lua: traced build failed"; }
expect_eq "lua: warnings" "" "$(warnings "$WORK/lua.out")"
expect_eq "lua: report warnings" "" "$(report_warnings "$WORK/lua.json")"
expect_eq "lua: runs" "42" "$("$lua/src/lua" -e 'print(6 * 7)')"
echo ok
