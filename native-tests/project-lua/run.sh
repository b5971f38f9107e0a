# Lua 5.4 (Debian bookworm source package lua5.4, upstream tree: Debian's patch switches the build to libtool) built
# with its own Makefiles, which recurse three levels deep (cd src && $(MAKE) guess -> $(MAKE) `uname` -> $(MAKE) all):
# jmake -n -B lists the same commands as GNU make, jmake -j2 builds the same files, the interpreter passes Lua's own
# `make test` and a few language checks, and a second run has nothing to do, as with GNU make.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/projects/lib.sh"
src=$(project_source --upstream lua5.4)
project_copy "$src"

timed "dry run" run_both dry-run -n -B
timed "build -j2" build_both -j2
compare_trees
[ -x "$WORK/jmake/src/lua" ] && [ -x "$WORK/jmake/src/luac" ] || fail "jmake did not build lua and luac"
run_both test test
grep -q '^Lua 5\.4\.4 ' "$WORK/test.jmake" || fail "make test did not print Lua's version: $(cat "$WORK/test.jmake")"
checks='
assert(string.format("%5.2f", math.pi) == " 3.14")
assert(select("#", table.unpack({1, 2, 3})) == 3)
local t = {} for i = 1, 1000 do t[i] = (i * 7919) % 1000 end table.sort(t) assert(t[1] == 0 and t[1000] == 999)
assert(("x"):rep(3, ",") == "x,x,x" and utf8.char(955) == "\u{3bb}")
local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) return b * 2 end)
assert(co(1) == 2 and co(21) == 42)
assert(load(string.dump(function(x) return x << 4 end))(3) == 48)
assert(not pcall(error, "boom"))
print("lua checks ok")'
expect_eq "lua built by jmake" "lua checks ok" "$("$WORK/jmake/src/lua" -e "$checks")"
bytecode=$WORK/jmake/hello.luac
"$WORK/jmake/src/luac" -o "$bytecode" - <<<'print(("hello from luac"):upper())'
expect_eq "luac built by jmake" "HELLO FROM LUAC" "$("$WORK/jmake/src/lua" "$bytecode")"
rm "$bytecode"

timed "second run" run_both second-run
grep -q "Nothing to be done for .all." "$WORK/second-run.jmake" || fail "the second jmake run did work: $(cat "$WORK/second-run.jmake")"
project_done
