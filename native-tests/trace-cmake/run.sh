# A recipe that runs cmake (and the make and ctest it generates for) is judged at the level of its tree (issue 14):
# cmocka's own debian/rules (Debian bookworm source, unchanged: "%: ; dh $@", an override_dh_auto_configure passing
# cmake its options) built by `jmake -j2 -f debian/rules build-arch`, as `dpkg-buildpackage -B` would run it. dh
# runs `debian/rules override_dh_auto_configure` (GNU make, the same makefile), which runs cmake in
# obj-x86_64-linux-gnu; then make and ctest there. Before, that was one warning per file written; now the report holds
# one nested-build observation (tool dh, the top directory, the files count) and no warning. dh's GNU make looking
# for its goal 'override_dh_auto_configure', which this makefile names, is that make deciding to run the rule, not a
# missing prerequisite of 'build-arch'; dh listing the top directory sees no file another job makes. The library works:
# its 46 tests pass under the tracer and a test program linked against it runs.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/projects/lib.sh"
project_packages debhelper cmake
tree=$WORK/cmocka
cp -a "$(project_source cmocka)" "$tree"
cd "$tree"
"$JMAKE" -j2 -f debian/rules --trace-report="$WORK/report.json" build-arch >"$WORK/build.out" 2>&1 \
    || { cat "$WORK/build.out"; fail "debian/rules build-arch failed under jmake"; }

# The exact set: the one observation of dh's tree, which is no warning. No finding remains.
expect_eq "findings" "nested-build build-arch ." "$(report_findings "$WORK/report.json")"
observation=$(nested_observation "$WORK/report.json" 300)
expect_eq "the observation: dh, no warning, every file cmake, make and ctest wrote" "dh False True" "$observation"

grep -qF '100% tests passed, 0 tests failed out of 46' "$WORK/build.out" || fail "cmocka's tests did not pass under the tracer"
build=$tree/obj-x86_64-linux-gnu
cat >"$WORK/t.c" <<'EOF'
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
static void answer(void **state) { (void) state; assert_int_equal(6 * 7, 42); }
int main(void) {
    const struct CMUnitTest tests[] = { cmocka_unit_test(answer) };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
EOF
gcc -I"$tree/include" -o "$WORK/t" "$WORK/t.c" -L"$build/src" -lcmocka -Wl,-rpath,"$build/src"
"$WORK/t" >"$WORK/t.out" 2>&1 || { cat "$WORK/t.out"; fail "a test linked against the built cmocka failed"; }
grep -qF '[  PASSED  ] 1 test(s).' "$WORK/t.out" || fail "unexpected cmocka output: $(cat "$WORK/t.out")"
echo ok
