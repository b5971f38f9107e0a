# A recipe that runs a configure script and a nested GNU make is judged at the level of its tree (issue 14): libogg's
# own debian/rules (Debian bookworm source, unchanged: "%: ; dh $@") built by `jmake -j2 -f debian/rules build`,
# as dpkg-buildpackage would run it. dh runs dh_autoreconf (autoreconf, libtoolize), ./configure, `make -j1` and
# `make check`: GNU make 4.3 sub-makes that jmake does not trace as its own. Before, that gave one warning per file
# those tools wrote (68); now the report holds one nested-build observation (tool dh, the top directory, the files
# count) and no warning: debian/rules names none of those files, so nothing the rest of the build makes or reads
# was touched. The library works: its own tests pass under the tracer and a program linked against it runs.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/projects/lib.sh"
project_packages debhelper
tree=$WORK/libogg
cp -a "$(project_source libogg)" "$tree"
cd "$tree"
"$JMAKE" -j2 -f debian/rules --trace-report="$WORK/report.json" build >"$WORK/build.out" 2>&1 \
    || { cat "$WORK/build.out"; fail "debian/rules build failed under jmake"; }

# The exact set: the one observation of dh's tree, which is no warning. No finding remains.
expect_eq "findings" "nested-build build ." "$(report_findings "$WORK/report.json")"
observation=$(nested_observation "$WORK/report.json" 60)
expect_eq "the observation: dh, no warning, every file autoreconf, configure and make wrote" "dh False True" "$observation"

grep -qF 'Testing recapture... ok.' "$WORK/build.out" || fail "libogg's tests did not pass under the tracer"
cat >"$WORK/pack.c" <<'EOF'
#include <ogg/ogg.h>
#include <stdio.h>
int main(void) {
    oggpack_buffer w, r;
    oggpack_writeinit(&w);
    oggpack_write(&w, 42, 8);
    oggpack_readinit(&r, oggpack_get_buffer(&w), oggpack_bytes(&w));
    printf("%ld\n", oggpack_read(&r, 8));
    oggpack_writeclear(&w);
    return 0;
}
EOF
gcc -I"$tree/include" -o "$WORK/pack" "$WORK/pack.c" -L"$tree/src/.libs" -logg -Wl,-rpath,"$tree/src/.libs"
expect_eq "a program linked against the built libogg" "42" "$("$WORK/pack")"
echo ok
