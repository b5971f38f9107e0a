# jmake's recipe I/O tracer (issue 5) end to end, with real gcc, ar, sed, cp, install, python3 and shell recipes:
# each kind of finding is reported once with the rule's file:line, --trace=error fails the job (exit 2) and deletes
# its undeclared outputs, correct rules give no finding, a static program is not passed silently, -n and
# --trace=off trace nothing, a sub-make traces its own jobs, and the socket is gone after every build.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
command -v gcc >/dev/null || { echo "no gcc"; exit 77; }
command -v python3 >/dev/null || { echo "no python3"; exit 77; }

# run DIR ARGS...: jmake in DIR; stdout+stderr in $WORK/out, status in $status.
run() {
    local dir=$1; shift
    set +e
    "$JMAKE" -C "$dir" --no-print-directory "$@" >"$WORK/out" 2>&1
    status=$?
    set -e
}
# count PATTERN: how many lines of the last output contain PATTERN (fixed string).
count() { grep -cF -- "$1" "$WORK/out" || true; }
show() { sed 's/^/    | /' "$WORK/out"; }

# 1. A missing dependency on a generated header: reported; --trace=error fails the job and deletes the object.
d=$WORK/header; mkdir -p "$d"
cat >"$d/Makefile" <<'MK'
app: app.o
	gcc app.o -o app

app.o: app.c
	gcc -c app.c -o app.o

gen.h:
	printf '#define ANSWER 42\n' > gen.h
MK
printf '#include "gen.h"\nint main(void) { return ANSWER - 42; }\n' >"$d/app.c"
run "$d" gen.h
run "$d"
[ $status = 0 ] || { show; fail "header: warn mode exit $status"; }
expect_eq "header: one warning" 1 "$(count "Makefile:4: warning: [trace] 'app.o' read 'gen.h', built by Makefile:7, which is not a prerequisite; add 'gen.h' to the prerequisites of 'app.o'")"
expect_eq "header: no other warning" 1 "$(count 'warning: [trace]')"
rm -f "$d/app.o" "$d/app"
run "$d" --trace=error
[ $status = 2 ] || { show; fail "header: --trace=error exit $status, expected 2"; }
expect_eq "header: error line" 1 "$(count "jmake: *** [Makefile:4: app.o] Error: undeclared file I/O (see the warnings above)")"
[ ! -e "$d/app.o" ] || fail "header: --trace=error left app.o"
[ ! -e "$d/app" ] || fail "header: the link ran after the failure"
# -i excuses it as it excuses a failing command: "(ignored)", the object kept, the link run.
run "$d" --trace=error -i
[ $status = 0 ] || { show; fail "header: --trace=error -i exit $status, expected 0"; }
expect_eq "header: ignored line" 1 "$(count "jmake: [Makefile:4: app.o] Error: undeclared file I/O (ignored)")"
[ -e "$d/app.o" ] && [ -e "$d/app" ] || fail "header: --trace=error -i did not keep app.o and link app"
rm -f "$d/app.o" "$d/app"
# Declared, it is clean, and --trace-report records the header as a declared input.
printf 'app.o: gen.h\n' >>"$d/Makefile"
run "$d" --trace=error --trace-report=report.json
[ $status = 0 ] || { show; fail "header: declared, exit $status"; }
expect_eq "header: declared, no warning" 0 "$(count 'warning: [trace]')"
python3 - "$d/report.json" <<'PY' || fail "header: report"
import json, sys
doc = json.load(open(sys.argv[1]))
jobs = {j["job"]["target"]: j for j in doc["jobs"]}
assert "gen.h" in jobs["app.o"]["declared"]["inputs"], jobs["app.o"]
assert "gen.h" in jobs["app.o"]["observed"]["reads"], jobs["app.o"]
assert all(j["clean"] for j in doc["jobs"]), doc
PY

# 1b. The race tracing exists for: gen.h is made slowly, and at -j2 gcc compiles app.o first, does not find the
# header and fails. The finding explains the failure: it comes right after GNU make's error line for the job, in
# both modes (not again at the end), and the report has it; the summary line ends the build. Producer first (-j1,
# gen.h there), the read is warned about once.
d=$WORK/race; mkdir -p "$d"
cat >"$d/Makefile" <<'MK'
all: app gen.h

app: app.o
	gcc app.o -o app

app.o: app.c
	gcc -c app.c -o app.o

gen.h:
	sleep 1; echo '#define X 1' > $@
MK
printf '#include "gen.h"\nint main(void) { return X - 1; }\n' >"$d/app.c"
race_finding="Makefile:6: warning: [trace] 'app.o' looked for 'gen.h' (not there yet), built by Makefile:9, which is not a prerequisite; add 'gen.h' to the prerequisites of 'app.o'"
for mode in warn error; do
    rm -f "$d/gen.h" "$d/app.o" "$d/app" "$d/report.json"
    run "$d" -j2 --trace=$mode --trace-report=report.json
    [ $status = 2 ] || { show; fail "race, $mode: exit $status, expected 2"; }
    grep -qF "fatal error: gen.h: No such file or directory" "$WORK/out" || { show; fail "race, $mode: gcc did not fail"; }
    expect_eq "race, $mode: make's lines and the finding, in order" "jmake: *** [Makefile:7: app.o] Error 1
$race_finding
jmake: [trace] to silence a finding you intend, name its file in the makefile: .JMAKE_TRACE_IGNORE: gen.h
jmake: *** Waiting for unfinished jobs....
jmake: 1 trace finding in 1 rule; see $d/report.json" "$(grep -E '^jmake:|\[trace\]' "$WORK/out")"
    python3 -m json.tool "$d/report.json" >/dev/null || fail "race, $mode: the report is no valid JSON"
    python3 - "$d/report.json" "$race_finding" <<'PY' || fail "race, $mode: report"
import json, sys
doc = json.load(open(sys.argv[1]))
job = [j for j in doc["jobs"] if j["job"]["target"] == "app.o"][0]
found = [(f["kind"], f["path"], f["warning"]) for f in job["findings"]]
assert found == [("missing-prerequisite", "gen.h", True)], job
assert job["findings"][0]["message"] == sys.argv[2], job
assert job["findings"][0]["fix"] == "add 'gen.h' to the prerequisites of 'app.o'", job
assert job["findings"][0]["executable"].endswith("/cc1"), job
assert any(e.endswith("gcc-12") or e.endswith("/gcc") for e in job["observed"]["execs"]), job
assert not job["clean"], job
PY
done
rm -f "$d/app.o" "$d/app"
run "$d" -j1
[ $status = 0 ] || { show; fail "race, producer first: exit $status"; }
expect_eq "race, producer first: one warning" "Makefile:6: warning: [trace] 'app.o' read 'gen.h', built by Makefile:9, which is not a prerequisite; add 'gen.h' to the prerequisites of 'app.o'" \
    "$(grep -F 'warning: [trace]' "$WORK/out")"

# 2. An undeclared output, a write into another rule's target, a deleted source, a directory listing: once each.
d=$WORK/kinds; mkdir -p "$d/gen"
cat >"$d/Makefile" <<'MK'
all: out.txt clobber deleter gen/a.txt listing.txt

out.txt: in.txt
	sed 's/x/y/' in.txt > out.txt
	cp out.txt extra.txt

clobber: out.txt
	python3 -c 'open("out.txt", "a").write("more\n")'
	touch clobber

deleter:
	rm -f doomed.c
	touch deleter

gen/a.txt:
	echo a > gen/a.txt

listing.txt: clobber
	ls gen > listing.txt
MK
printf 'x\n' >"$d/in.txt"; printf 'int doomed;\n' >"$d/doomed.c"
run "$d" -j2
[ $status = 0 ] || { show; fail "kinds: exit $status"; }
expect_eq "kinds: undeclared output" 1 "$(count "Makefile:3: warning: [trace] 'out.txt' wrote 'extra.txt', which is not a target of its rule")"
expect_eq "kinds: write into another target" 1 "$(count "Makefile:7: warning: [trace] 'clobber' wrote 'out.txt', a target of Makefile:3")"
expect_eq "kinds: deleted source" 1 "$(count "Makefile:11: warning: [trace] 'deleter' deleted source file 'doomed.c'")"
expect_eq "kinds: listing" 1 "$(count "Makefile:18: warning: [trace] 'listing.txt' listed directory 'gen', where Makefile:15 builds 'gen/a.txt'")"
expect_eq "kinds: four warnings in all" 4 "$(count 'warning: [trace]')"
expect_eq "kinds: how to silence a finding, once per build" 1 "$(count "jmake: [trace] to silence a finding you intend, name its file in the makefile: .JMAKE_TRACE_IGNORE: ")"
# Without --trace-report, the report goes to the cache directory, and the last line says where.
report=$(sed -n 's/^jmake: 4 trace findings in 4 rules; see //p' "$WORK/out")
[ -n "$report" ] || { show; fail "kinds: no summary line"; }
expect_eq "kinds: the summary is the last line" "jmake: 4 trace findings in 4 rules; see $report" "$(tail -n 1 "$WORK/out")"
python3 -m json.tool "$report" >/dev/null || fail "kinds: the default report $report is no valid JSON"
# --trace=error deletes the undeclared output.
rm -f "$d/out.txt" "$d/extra.txt"
run "$d" --trace=error out.txt
[ $status = 2 ] || { show; fail "kinds: --trace=error exit $status"; }
[ ! -e "$d/extra.txt" ] || fail "kinds: --trace=error left the undeclared output extra.txt"
expect_eq "kinds: deletion reported" 1 "$(count "*** Deleting undeclared output 'extra.txt'")"

# 3. Correct rules with ar, install, cp, sed, python3 and a sub-make: no finding; the sub-make traces its own jobs,
# its finding printed by the top make, named from the top, and its jobs in the top's report.
d=$WORK/clean; mkdir -p "$d/sub"
cat >"$d/Makefile" <<'MK'
all: dist/bin/tool lib/libx.a copy.txt upper.txt sub-done dep.o wp.o

x.o: x.c
	gcc -c x.c -o x.o

lib/libx.a: x.o
	mkdir -p lib
	ar rcs $@ x.o

tool: tool.c
	gcc tool.c -o tool

dist/bin/tool: tool
	install -D -m 755 tool dist/bin/tool

copy.txt: in.txt
	cp in.txt copy.txt

upper.txt: copy.txt
	python3 -c 'import sys; open("upper.txt","w").write(open("copy.txt").read().upper())'

sub-done:
	+$(MAKE) -C sub
	touch sub-done

# Dependency files where the compiler is told to put them: the job's own output, named by gcc's arguments.
dep.o: dep.c
	mkdir -p .depend
	gcc -MMD -MF .depend/dep.o.d -MT dep.o -c dep.c -o dep.o

wp.o: dep.c
	mkdir -p .deps
	gcc -Wp,-MMD,.deps/wp.d -c dep.c -o wp.o
MK
cat >"$d/sub/Makefile" <<'MK'
s.txt:
	echo s > s.txt
	echo side > side.txt
MK
printf 'int x;\n' >"$d/x.c"; printf 'int main(void){return 0;}\n' >"$d/tool.c"; printf 'text\n' >"$d/in.txt"
printf '#include "dep.h"\nint dep;\n' >"$d/dep.c"; printf '\n' >"$d/dep.h"
run "$d" -j2 --trace-report=report.json
[ $status = 0 ] || { show; fail "clean: exit $status"; }
expect_eq "clean: only the sub-make's own finding" 1 "$(count 'warning: [trace]')"
expect_eq "clean: sub-make finding" 1 "$(count "sub/Makefile:1: warning: [trace] 'sub/s.txt' wrote 'sub/side.txt', which is not a target of its rule")"
python3 - "$d/report.json" <<'PY' || fail "clean: report"
import json, sys
doc = json.load(open(sys.argv[1]))
targets = sorted(j["job"]["target"] for j in doc["jobs"])
assert targets == ["copy.txt", "dep.o", "dist/bin/tool", "lib/libx.a", "sub-done", "sub/s.txt", "tool", "upper.txt",
                   "wp.o", "x.o"], targets
jobs = {j["job"]["target"]: j for j in doc["jobs"]}
assert ".depend/dep.o.d" in jobs["dep.o"]["observed"]["writes"], jobs["dep.o"]
assert ".deps/wp.d" in jobs["wp.o"]["observed"]["writes"], jobs["wp.o"]
assert any(e.endswith("/cc1") for e in jobs["dep.o"]["observed"]["execs"]), jobs["dep.o"]
bad = [(j["directory"], j["job"]["rule"], f["path"]) for j in doc["jobs"] for f in j["findings"] if f["warning"]]
assert bad == [("sub", "sub/Makefile:1", "sub/side.txt")], bad
PY
# The mode reaches the sub-make: under --trace=error its undeclared output fails it.
rm -f "$d/sub/s.txt" "$d/sub-done"
run "$d" --trace=error sub-done
[ $status = 2 ] || { show; fail "clean: sub-make under --trace=error exit $status"; }
[ ! -e "$d/sub/side.txt" ] || fail "clean: the sub-make left side.txt"

# 4. A statically linked program in a recipe is not passed silently.
if [ -e /usr/lib/x86_64-linux-gnu/libc.a ] || [ -e /usr/lib/libc.a ]; then
    d=$WORK/static; mkdir -p "$d"
    printf '#include <stdio.h>\nint main(void){FILE*f=fopen("made.txt","w");fputs("x\\n",f);return fclose(f);}\n' >"$d/w.c"
    gcc -static -O2 "$d/w.c" -o "$d/writer"
    # Run directly (no shell): no process reports at all, which is itself a warning.
    printf 'made.txt:\n\t./writer\n' >"$d/Makefile"
    run "$d"
    [ $status = 0 ] || { show; fail "static: exit $status"; }
    expect_eq "static, direct: reported" 1 "$(count "Makefile:1: warning: [trace] 'made.txt': no process of the recipe reported to the tracer")"
    # Run by a traced shell: the shell saw the exec of a program the shim cannot enter.
    rm -f "$d/made.txt"
    printf 'made.txt:\n\t./writer && echo written\n' >"$d/Makefile"
    run "$d"
    [ $status = 0 ] || { show; fail "static: exit $status"; }
    grep -F 'warning: [trace]' "$WORK/out" | grep -qF 'writer' || { show; fail "static: the static program was not reported"; }
    rm -f "$d/made.txt"
    run "$d" --trace=error
    [ $status = 2 ] || { show; fail "static: --trace=error exit $status"; }
fi

# 5. -n and --trace=off trace nothing; the socket is removed after a traced build.
d=$WORK/env; mkdir -p "$d"
cat >"$d/Makefile" <<'MK'
env.txt:
	echo "[$$LD_PRELOAD] [$$JMAKE_TRACE_SOCKET] [$$JMAKE_TRACE]" > env.txt
MK
run "$d" --trace=off
expect_eq "off: no shim" "[] [] [off]" "$(cat "$d/env.txt")"
rm "$d/env.txt"
run "$d" -n
[ ! -e "$d/env.txt" ] || fail "-n ran the recipe"
run "$d"
socket=$(sed 's/.*\] \[\(.*\)\] \[.*/\1/' "$d/env.txt")
case "$(cat "$d/env.txt")" in *libjmktrace*) ;; *) fail "warn: no shim in [$(cat "$d/env.txt")]" ;; esac
[ -n "$socket" ] || fail "warn: no socket in [$(cat "$d/env.txt")]"
[ ! -e "$socket" ] && [ ! -e "$(dirname "$socket")" ] || fail "the socket $socket outlived the build"
echo ok
