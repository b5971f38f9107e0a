# The packaged jar carries the tracer (built, never committed), and the tracer is inert without a collector:
# programs run under it unchanged when no socket is named, or when the named socket has no listener.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
cd "$WORK"
jar="$REPO/target/jmake.jar"
[ -f "$jar" ] || fail "no $jar (package first)"
jar xf "$jar" dev/jmake/trace/libjmktrace.so
mv dev/jmake/trace/libjmktrace.so . 2>/dev/null || true
[ -s libjmktrace.so ] || fail "the jar holds no dev/jmake/trace/libjmktrace.so"
if git -C "$REPO" ls-files --error-unmatch '*.so' >/dev/null 2>&1; then fail "a .so is committed"; fi
shim="$WORK/libjmktrace.so"
for sym in open __open_2 stat __xstat statx fopen readdir execve posix_spawn mkstemp renameat2 closefrom; do
    nm -D --defined-only "$shim" | awk '{print $3}' | grep -qx "$sym" || fail "shim does not define $sym"
done
printf 'line\n' > in.txt
expected=$(sh -c 'cat in.txt; ls nothing 2>&1; echo status $?' 2>&1)
for env in "" "JMAKE_TRACE_SOCKET=$WORK/no-listener JMAKE_TRACE_JOB=1"; do
    actual=$(env $env LD_PRELOAD="$shim" sh -c 'cat in.txt; ls nothing 2>&1; echo status $?' 2>&1)
    expect_eq "output under the shim with [$env]" "$expected" "$actual"
done
echo ok
