# No false findings from the order a parent make's recipe guarantees (issue 14, item 1): a sub-make reads a file
# a rule of its own makefile builds but that no prerequisite of its job names, and the parent's recipe made sure the
# file was complete before the sub-make started; small synthetic Makefiles run by real jmakes (and a GNU make in
# between), each through the warm server and in process (--no-server).
# - all-am: automake's `all: config.h` + `$(MAKE) all-am` (libpng): config.h is the parent job's prerequisite;
# - check: automake's check-am, `$(MAKE) $(check_PROGRAMS)` on one line, `$(MAKE) check-TESTS` on the next (popt):
#   the earlier sub-make remade the programs the later one's tests read;
# - loop: the same two sub-makes in one shell line, `for t in ...; do $(MAKE) $$t; done`;
# - gnu: all-am through a GNU make in between (the order file's variable passes through it);
# - check again: the tests run again with the programs up to date: the earlier sub-make remade nothing, and its
#   goals, complete once it succeeded, are what it hands back;
# - nested: the earlier sub-make's own sub-make remade the programs: handed up, then to the later sibling;
# - unordered: the negative case: the sub-make reads gen.h, which a rule of its own makefile builds, and nothing
#   orders that (the parent job's prerequisite is another file, no earlier sub-make makes gen.h): the finding stays.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
command -v make >/dev/null || { echo "no GNU make"; exit 77; }
command -v python3 >/dev/null || { echo "no python3"; exit 77; }
export XDG_CACHE_HOME=$WORK/cache

findings() { trace_findings "$@"; }

# project DIR CASE: the Makefile of CASE in a new DIR.
project() {
    local d=$1
    rm -rf "$d"; mkdir -p "$d"
    echo '#define N 1' >"$d/config.in"
    echo 'int app;' >"$d/app.c"
    echo 'int lib;' >"$d/lib.c"
    echo 'int t1;' >"$d/test1.c"
    echo 'int t2;' >"$d/test2.c"
    printf 'cat test1 test2\n' >"$d/run.sh"
    case $2 in
    all-am)
        printf 'all: config.h\n\t$(MAKE) all-am\n' >"$d/Makefile" ;;
    gnu)
        printf 'all: config.h\n\t+make -f middle.mk JMAKE=$(MAKE)\n' >"$d/Makefile"
        printf 'inner:\n\t+$(JMAKE) -f Makefile all-am\n' >"$d/middle.mk" ;;
    check)
        printf 'check: all\n\t$(MAKE) test1 test2\n\t$(MAKE) check-TESTS\n' >"$d/Makefile" ;;
    loop)
        printf 'check: all\n\tfor t in "test1 test2" check-TESTS; do $(MAKE) $$t || exit 1; done\n' >"$d/Makefile" ;;
    nested)
        printf 'check: all\n\t$(MAKE) programs\n\t$(MAKE) check-TESTS\nprograms:\n\t$(MAKE) test1 test2\n' \
            >"$d/Makefile" ;;
    unordered)
        printf 'all: other.h\n\t$(MAKE) -j1 gen-am\n' >"$d/Makefile" ;;
    esac
    cat >>"$d/Makefile" <<'MK'
all-am: app.o lib.o
app.o: app.c
	cat config.h app.c > $@
lib.o: lib.c
	cat config.h lib.c > $@
config.h: config.in
	cp config.in $@
all: lib.a
lib.a: lib.c
	cp lib.c $@
test1: test1.c lib.a
	cat test1.c lib.a > $@
test2: test2.c
	cp test2.c $@
check-TESTS: run.log
run.log: run.sh
	sh run.sh > $@
gen-am: gen.h user.o
user.o:
	cat gen.h > $@
gen.h:
	echo '#define G 1' > $@
other.h:
	echo > $@
MK
}

# check CASE EXPECTED [JMAKE OPTIONS]: CASE built from scratch by jmake -j2 has exactly the EXPECTED findings.
check() {
    local name=$1 expected=$2 d
    shift 2
    d=$WORK/$name$*
    project "$d" "$name"
    (cd "$d" && "$JMAKE" -j2 "$@" --trace-report=report.json) >"$WORK/$name.out" 2>&1 \
        || { cat "$WORK/$name.out"; fail "$name $*: jmake failed"; }
    expect_eq "$name $*: findings" "$expected" "$(findings "$d/report.json")"
}

race="missing-prerequisite user.o gen.h warning"
for server in "" --no-server; do
    check all-am "" $server
    check gnu "" $server
    check check "" $server
    check loop "" $server
    check nested "" $server
    check unordered "$race" $server
done

# check again, the programs up to date (through the server, then in process).
for server in "" --no-server; do
    d=$WORK/check$server
    rm "$d/run.log"
    (cd "$d" && "$JMAKE" -j2 $server --trace-report=again.json) >"$WORK/again.out" 2>&1 \
        || { cat "$WORK/again.out"; fail "check again $server: jmake failed"; }
    grep -q '^sh run.sh > run.log$' "$WORK/again.out" && ! grep -q '^cp test2.c test2$' "$WORK/again.out" \
        || { cat "$WORK/again.out"; fail "check again $server: not only the tests ran"; }
    expect_eq "check again $server: findings" "" "$(findings "$d/again.json")"
done

# Without the order, the same reads are the findings the design removes: the sub-make alone, run from a shell.
d=$WORK/alone; project "$d" all-am
(cd "$d" && make -s config.h && "$JMAKE" --trace-report=report.json all-am) >"$WORK/alone.out" 2>&1 \
    || { cat "$WORK/alone.out"; fail "alone: jmake failed"; }
expect_eq "alone: findings" "missing-prerequisite app.o config.h warning
missing-prerequisite lib.o config.h warning" "$(findings "$d/report.json")"
echo ok
