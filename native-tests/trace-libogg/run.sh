# Issue 14's real-project layouts "-MF in a separate directory" and "stamp files", on one project: libogg (Debian
# bookworm source), an automake + libtool library, configured by its own ./configure and built with jmake -j2 and
# --trace-report. Asserts the exact findings of each report (kind, job, path, whether a warning), not the printed
# lines.
# - -MF elsewhere: automake compiles with `-MT x.lo -MD -MP -MF .deps/x.Tpo` and renames that to .deps/x.Plo, which
#   is also the target of the rule making automake's dummy first version: the compiler's dependency output, renamed,
#   stays the job's own. libtool compiles twice (.libs/x.o and x.o): x.lo names both, and .libs is a directory no
#   rule names (libtool's own: one tool-outputs observation per job). The link reads the x.o its x.lo's job wrote:
#   ordered by the graph, no race.
# - stamp files: `touch config.h.in` remakes stamp-h1, whose recipe runs config.status, which compares config.h with
#   the new one and writes it only if it changed: config.h's rule depends on stamp-h1, so that job is config.h's
#   producer and neither its read nor its write of config.h races.
# src/ is also built directly (-C src), so that each report holds exactly the jobs of one step.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/projects/lib.sh"

findings() { trace_findings "$@"; }
# jobs REPORT: the targets of the jobs a report holds, sorted.
jobs() {
    python3 -c 'import json,sys
print(" ".join(sorted(j["job"]["target"] for j in json.load(open(sys.argv[1]))["jobs"])))' "$1"
}
build() { trace_build "$@"; }

tree=$WORK/libogg
cp -a "$(project_source libogg)" "$tree"
(cd "$tree" && ./configure -q) >"$WORK/configure.out" 2>&1 || { cat "$WORK/configure.out"; fail "configure failed"; }

# The library, its objects and test programs, from scratch: only libtool's .libs, recorded once per job; and, as the
# .deps/*.Plo files are still configure's dummies, the private header framing.c includes, recorded as an input no
# rule names (gcc -MD declares it from now on).
libtool_outputs="tool-outputs bitwise.lo .libs recorded
tool-outputs framing.lo .libs recorded
tool-outputs libogg.la .libs recorded"
build src -C src all-am
expect_eq "src: the jobs" "bitwise.lo framing.lo libogg.la test_bitwise test_bitwise-bitwise.o test_framing test_framing-framing.o" \
    "$(jobs "$WORK/src.json")"
expect_eq "src: findings" "implicit-input framing.lo crctable.h recorded
implicit-input test_framing-framing.o crctable.h recorded
$libtool_outputs" "$(findings "$WORK/src.json")"

# The whole tree, as a user builds it: the top build's own jobs have no finding.
build all
expect_eq "all: findings of the top build" "" "$(findings "$WORK/all.json")"

# A header changed: the .Plo files (written through the renamed -MF output) make everything that includes it again.
touch "$tree/include/ogg/ogg.h"
build header -C src all-am
expect_eq "header: the jobs" "bitwise.lo framing.lo libogg.la test_bitwise test_bitwise-bitwise.o test_framing test_framing-framing.o" \
    "$(jobs "$WORK/header.json")"
expect_eq "header: findings" "$libtool_outputs" "$(findings "$WORK/header.json")"

# make check: libogg's own check rule runs the two test programs through libtool's wrappers.
build check -C src check
grep -q 'Testing recapture... ok.' "$WORK/check.out" || { tail -20 "$WORK/check.out"; fail "check: the tests did not pass"; }
expect_eq "check: findings" "" "$(findings "$WORK/check.json")"

# The stamp file: config.h.in newer than stamp-h1.
sleep 1
touch "$tree/config.h.in"
build stamp
expect_eq "stamp: stamp-h1 remade" "1" "$(jobs "$WORK/stamp.json" | grep -cw stamp-h1)"
# No finding: config.status is configure's product, another build system; what it writes in its tree (it appends
# to config.log, which no rule names, and rewrites config.h only as stamp-h1's producer) is one nested-build
# observation, recorded.
expect_eq "stamp: findings" "nested-build stamp-h1 . recorded" "$(findings "$WORK/stamp.json")"
echo ok
