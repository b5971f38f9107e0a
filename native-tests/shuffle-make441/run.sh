# --shuffle as GNU make 4.4.1 has it (GNU make 4.3 rejects the option): jmake and make 4.4.1 run the same makefiles
# with -j1 and the same --shuffle mode (seeds, reverse, identity, none), and must update goals and prerequisites in
# the same order; the seed of random is passed on to sub-makes in MAKEFLAGS; bad modes fail the same way.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/peers.sh"
make441=$(peer_make441) || { echo "GNU make 4.4.1 could not be provisioned" >&2; exit 77; }
cd "$WORK"

# Each makefile in its own directory, with the files its implicit rules start from.
mkdir flat deep implicit wait dcolon second nested
cat > flat/Makefile <<'MK'
all: a b c d e f g h i j k l
	@echo all: $^
a b c d e f g h i j k l: ; @echo $@
MK
cat > deep/Makefile <<'MK'
all: top1 top2 | oo1 oo2
	@echo 'all [$^] [$+] [$|]'
all: extra
top1: m1 m2 m3 shared
	@echo $@: $^
top2: m4 shared m5 m4
	@echo $@: $+
m1 m2 m3 m4 m5: leaf1 leaf2 leaf3
	@echo $@
shared: leaf3 | leaf4
	@echo $@
leaf1 leaf2 leaf3 leaf4 oo1 oo2 extra: ; @echo $@
.PHONY: all top1 top2 m1 m2 m3 m4 m5 shared leaf1 leaf2 leaf3 leaf4 oo1 oo2 extra
MK
cat > implicit/Makefile <<'MK'
all: p.out q.out r.out
	@echo all: $^
%.out: %.in %.aux | stamp
	@echo '$@ from [$^] [$|]'
%.in: %.src
	@echo '$@ from $<'
%.aux: ; @echo $@
q.out: q.extra1 q.extra2
q.extra1 q.extra2 stamp: ; @echo $@
MK
touch implicit/p.src implicit/q.src implicit/r.src
cat > wait/Makefile <<'MK'
all: one two three
one: a1 a2 .WAIT a3 a4
	@echo $@
two: b1 b2 b3 b4 .WAIT
	@echo $@
three: c1 c2 c3 c4
	@echo $@
.NOTPARALLEL: three
a1 a2 a3 a4 b1 b2 b3 b4 c1 c2 c3 c4: ; @echo $@
MK
cat > dcolon/Makefile <<'MK'
all: x y
x:: x1 x2 x3
	@echo x first
x:: x4 x5 x6
	@echo x second
y: y1 y2 y3
	@echo y
x1 x2 x3 x4 x5 x6 y1 y2 y3: ; @echo $@
MK
cat > second/Makefile <<'MK'
.SECONDEXPANSION:
LIST = s1 s2 s3 s4
all: plain expanded
plain: p1 p2 | o1
	@echo $@: $^ $|
plain: p3 | o2
expanded: $$(LIST) e1
	@echo $@: $^
p1 p2 p3 o1 o2 s1 s2 s3 s4 e1: ; @echo $@
MK
cat > nested/Makefile <<'MK'
all: n1 n2 n3 sub
n1 n2 n3: ; @echo $@
sub:
	@echo 'flags:$(filter --shuffle%,$(MAKEFLAGS))'
	@$(MAKE) -s -f inner.mk
MK
cat > nested/inner.mk <<'MK'
all: i1 i2 i3 i4 i5 i6
	@echo inner done
i1 i2 i3 i4 i5 i6: ; @echo $@
MK

# run_both DIR ARGS...: jmake's and make 4.4.1's output and status, make's name in messages made the same.
run_both() {
    local dir=$1; shift
    local status
    rm -rf "$WORK/j" "$WORK/g"
    cp -r "$WORK/$dir" "$WORK/j" && cp -r "$WORK/$dir" "$WORK/g"
    status=0; (cd "$WORK/j" && "$JMAKE" -j1 --no-print-directory "$@" > out 2>&1) || status=$?
    echo "status $status" >> "$WORK/j/out"
    status=0; (cd "$WORK/g" && "$make441" -j1 --no-print-directory "$@" > out 2>&1) || status=$?
    echo "status $status" >> "$WORK/g/out"
    sed -i -E "s#^[^ :]*make(\[[0-9]+\])?: #make: #" "$WORK/j/out" "$WORK/g/out"
}

# same DIR ARGS...: jmake does what make 4.4.1 does.
same() {
    run_both "$@"
    diff -u "$WORK/g/out" "$WORK/j/out" > "$WORK/diff" || fail "$* differs from make 4.4.1:
$(cat "$WORK/diff")"
}

for dir in flat deep implicit wait dcolon second nested; do
    for mode in 1 2 3 7 12345 999999 4294967295 -1 reverse identity none; do
        same "$dir" --shuffle="$mode"
    done
done
# Goals on the command line are shuffled too, and the mode is given in any case.
for mode in 5 42 REVERSE; do
    same deep --shuffle="$mode" leaf1 m2 top1 extra oo2 leaf4
done
# A bare .NOTPARALLEL turns shuffling off.
printf '.NOTPARALLEL:\n' >> "$WORK/flat/Makefile"
same flat --shuffle=3
# A failing recipe names the mode in its error line, under -k and -i too.
mkdir "$WORK/fail"
printf 'all: ok1 bad ok2 ok3\nok1 ok2 ok3: ; @echo $@\nbad: ; @exit 3\n' > "$WORK/fail/Makefile"
for args in "--shuffle=8" "--shuffle=reverse -k" "--shuffle=identity -i" "--shuffle=none"; do
    # shellcheck disable=SC2086
    same fail $args
done
# Bad modes: the same message and status.
for mode in abc 12x -5x " " "-"; do
    same flat --shuffle="$mode"
done
grep -q "^make: \*\*\* invalid shuffle mode: Invalid value: 'abc'.  Stop.$" <(run_both flat --shuffle=abc; cat "$WORK/j/out") \
    || fail "no message for --shuffle=abc"
# An empty mode is a usage error (the usage text is GNU make 4.3's: only its first line and the status compared).
run_both flat --shuffle=
for out in "$WORK/g/out" "$WORK/j/out"; do
    { head -1 "$out"; tail -1 "$out"; } > "$out.short"
done
diff -u "$WORK/g/out.short" "$WORK/j/out.short" || fail "--shuffle= differs from make 4.4.1"

# Random: jmake picks a seed, shows it in MAKEFLAGS and passes it to the sub-make; make 4.4.1 given that seed
# updates everything, the sub-make's goals included, in jmake's order.
for round in 1 2 3; do
    rm -rf "$WORK/j" && cp -r "$WORK/nested" "$WORK/j"
    (cd "$WORK/j" && "$JMAKE" -j1 --no-print-directory --shuffle > out 2>&1) || fail "jmake --shuffle failed: $(cat "$WORK/j/out")"
    seed=$(sed -n 's/^flags:--shuffle=\([0-9][0-9]*\)$/\1/p' "$WORK/j/out")
    [ -n "$seed" ] || fail "random seed not in MAKEFLAGS: $(cat "$WORK/j/out")"
    cp "$WORK/j/out" "$WORK/random.out"
    echo "status 0" >> "$WORK/random.out"
    same nested --shuffle="$seed"
    diff -u "$WORK/g/out" "$WORK/random.out" || fail "jmake --shuffle (seed $seed) differs from make 4.4.1 --shuffle=$seed"
done
echo "ok"
