# One build, one set of findings (issue 14, items 2 and 3): a top jmake, a sub-jmake through $(MAKE) -C and another
# through a GNU make in between, and a restart that remakes an included makefile. Each finding is printed exactly
# once, at the end of the top build, grouped by rule and kind, named from the top directory; one summary line ends
# the build; --trace-report (or, without it, the report in the cache directory) holds every make's jobs as one JSON
# document. Through the warm server and in process (JMAKE_SERVER=off). A jmake under a GNU make top is a top itself.
# A clean tree prints exactly what GNU make prints.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
command -v make >/dev/null || { echo "no GNU make"; exit 77; }
command -v python3 >/dev/null || { echo "no python3"; exit 77; }
export XDG_CACHE_HOME=$WORK/cache

# tree DIR: the recursive project. Its findings, each a real defect of its Makefiles:
# - lib/Makefile:2 writes X.o.d beside each object without naming it (no compiler writes it: `echo` does), so make
#   never knows the file is made nor remakes it: three jobs of one pattern rule, one grouped line (in a directory of
#   its own that no rule names, .depend/, they would be the recipe's private files: recorded, not warned about);
# - mid/sub/Makefile:1 writes y.txt, which no rule declares;
# - Makefile:9 (the included gen.mk, remade before the restart) writes gen.log, which no rule declares.
tree() {
    local d=$1
    rm -rf "$d"; mkdir -p "$d/lib" "$d/mid/sub"
    cat >"$d/Makefile" <<'MK'
include gen.mk

all: top.txt
	+$(MAKE) -C lib
	+make -C mid JMAKE=$(MAKE)

top.txt:
	echo "$$JMAKE_TRACE_PARTS" > top.txt
gen.mk:
	echo 'V = 1' > gen.mk; echo remade > gen.log
MK
    cat >"$d/lib/Makefile" <<'MK'
all: a.o b.o c.o
%.o: %.c
	cp $< $@; echo '$@: $<' > $@.d
MK
    touch "$d/lib/a.c" "$d/lib/b.c" "$d/lib/c.c"
    printf 'all:\n\t+$(JMAKE) -C sub\n' >"$d/mid/Makefile"
    printf 'x.txt:\n\techo x > x.txt; echo y > y.txt\n' >"$d/mid/sub/Makefile"
}

expected_findings="Makefile:9: warning: [trace] 'gen.mk' wrote 'gen.log', which is not a target of its rule; add 'gen.log' to the rule's targets (grouped, with '&:')
lib/Makefile:2: warning: [trace] 3 jobs of rule 'lib/%.o' wrote 'lib/%.o.d', which is not a target of their rule; add 'lib/%.o.d' to the rule's targets (grouped, with '&:')
mid/sub/Makefile:1: warning: [trace] 'mid/sub/x.txt' wrote 'mid/sub/y.txt', which is not a target of its rule; add 'mid/sub/y.txt' to the rule's targets (grouped, with '&:')
jmake: [trace] to silence a finding you intend, name its file in the makefile: .JMAKE_TRACE_IGNORE: gen.log"

# check LABEL DIR REPORT: the last run's output and REPORT are the tree's findings, once, and its jobs.
check() {
    local label=$1 d=$2 report=$3 out
    out=$WORK/$label.out
    expect_eq "$label: the findings, each once, after the build's own output, then the summary" \
        "$expected_findings
jmake: 5 trace findings in 3 rules; see $report" "$(tail -n 5 "$out")"
    expect_eq "$label: no other trace line" 5 "$(grep -c '\[trace\]\|trace findings' "$out")"
    grep -q "^make\[1\]: Leaving directory '$d/mid'" "$out" || fail "$label: no GNU make in between"
    parts=$(cat "$d/top.txt")
    [ -n "$parts" ] && [ ! -e "$parts" ] || fail "$label: the parts directory [$parts] was not removed"
    python3 - "$report" <<'PY' || fail "$label: report"
import json, sys
doc = json.load(open(sys.argv[1]))
jobs = [(j["directory"], j["job"]["target"], j["job"]["rule"]) for j in doc["jobs"]]
# The restart's first pass (gen.mk) is kept; the sub-makes' jobs follow, named from the top.
assert sorted(jobs) == [(".", "gen.mk", "Makefile:9"), (".", "top.txt", "Makefile:7"),
                        ("lib", "lib/a.o", "lib/Makefile:2"), ("lib", "lib/b.o", "lib/Makefile:2"),
                        ("lib", "lib/c.o", "lib/Makefile:2"), ("mid/sub", "mid/sub/x.txt", "mid/sub/Makefile:1")], jobs
found = sorted((f["kind"], f["job"], f["path"]) for j in doc["jobs"] for f in j["findings"] if f["warning"])
assert found == [("undeclared-output", "gen.mk", "gen.log"),
                 ("undeclared-output", "lib/a.o", "lib/a.o.d"),
                 ("undeclared-output", "lib/b.o", "lib/b.o.d"),
                 ("undeclared-output", "lib/c.o", "lib/c.o.d"),
                 ("undeclared-output", "mid/sub/x.txt", "mid/sub/y.txt")], found
groups = [(g["rule"], g["count"], sorted(m["path"] for m in g["findings"])) for g in doc["groups"]]
assert groups == [("Makefile:9", 1, ["gen.log"]),
                  ("lib/Makefile:2", 3, ["lib/a.o.d", "lib/b.o.d", "lib/c.o.d"]),
                  ("mid/sub/Makefile:1", 1, ["mid/sub/y.txt"])], groups
PY
}

# 1. Through the warm server, --trace-report given.
d=$WORK/server; tree "$d"
(cd "$d" && "$JMAKE" -j2 --trace-report=report.json) >"$WORK/server.out" 2>&1 || { cat "$WORK/server.out"; fail "server: exit"; }
check server "$d" "$d/report.json"

# 2. In process, without --trace-report: the report is in the cache directory.
d=$WORK/inprocess; tree "$d"
(cd "$d" && JMAKE_SERVER=off "$JMAKE" --no-server) >"$WORK/inprocess.out" 2>&1 || { cat "$WORK/inprocess.out"; fail "in process: exit"; }
report=$(sed -n 's/^jmake: 5 trace findings in 3 rules; see //p' "$WORK/inprocess.out")
case "$report" in "$XDG_CACHE_HOME"/jmake/trace/inprocess-*.json) ;; *) cat "$WORK/inprocess.out"; fail "in process: report at [$report]" ;; esac
check inprocess "$d" "$report"

# 3. A jmake under a GNU make top is the top of its own tree: its finding named from its directory, its summary.
rm -f "$d/mid/sub/x.txt" "$d/mid/sub/y.txt"
make -C "$d/mid" JMAKE="$JMAKE" >"$WORK/gnu.out" 2>&1 || { cat "$WORK/gnu.out"; fail "under GNU make: exit"; }
expect_eq "under GNU make: its own finding and summary" \
"Makefile:1: warning: [trace] 'x.txt' wrote 'y.txt', which is not a target of its rule; add 'y.txt' to the rule's targets (grouped, with '&:')
jmake[1]: [trace] to silence a finding you intend, name its file in the makefile: .JMAKE_TRACE_IGNORE: y.txt" \
    "$(grep -F '[trace]' "$WORK/gnu.out")"
grep -qE "^jmake\[1\]: 1 trace finding in 1 rule; see $XDG_CACHE_HOME/jmake/trace/sub-[0-9a-f]{8}\.json\$" "$WORK/gnu.out" \
    || { cat "$WORK/gnu.out"; fail "under GNU make: no summary of its own"; }

# 4. The same tree without its defects: jmake prints exactly what GNU make prints, and writes no report.
d=$WORK/clean; tree "$d"
sed -i 's/; echo remade > gen.log//' "$d/Makefile"
sed -i 's#; echo .* > $@.d##' "$d/lib/Makefile"
sed -i 's/; echo y > y.txt//' "$d/mid/sub/Makefile"
sed -i 's/"$$JMAKE_TRACE_PARTS"/top/' "$d/Makefile"
cp -R "$d" "$WORK/clean-gnu"
rm -rf "$XDG_CACHE_HOME/jmake/trace"
(cd "$d" && "$JMAKE") >"$WORK/clean.out" 2>&1 || { cat "$WORK/clean.out"; fail "clean: exit"; }
(cd "$WORK/clean-gnu" && make) >"$WORK/clean-gnu.out" 2>&1 || { cat "$WORK/clean-gnu.out"; fail "clean: GNU make exit"; }
expect_eq "clean: jmake prints what GNU make prints" \
    "$(sed -e "s#$WORK/clean-gnu#TREE#g" "$WORK/clean-gnu.out")" \
    "$(sed -e "s#$WORK/clean#TREE#g" -e "s#$JMAKE#make#g" -e 's#^jmake\(\[[0-9]*\]\)\{0,1\}:#make\1:#' "$WORK/clean.out")"
[ ! -e "$XDG_CACHE_HOME/jmake/trace" ] || fail "clean: a report was written: $(ls "$XDG_CACHE_HOME/jmake/trace")"
echo ok
