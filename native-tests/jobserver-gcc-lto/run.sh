# gcc -flto=jobserver on a `+` line under jmake -j3 finds jmake's pool: lto-wrapper runs its LTO sub-make (the
# `make` first in PATH: here a wrapper that logs its arguments) without -j<nproc>. The control: on a line that is
# not recursive the pool is withdrawn and lto-wrapper adds its own -j.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
command -v gcc > /dev/null || { echo "gcc is not installed" >&2; exit 77; }
cd "$WORK"
mkdir wrap
cat > wrap/make <<EOF
#!/bin/sh
echo "\$*" >> "$WORK/make-argv.log"
exec /usr/bin/make "\$@"
EOF
chmod +x wrap/make
for i in 1 2 3 4; do echo "int f$i(int x) { return x * $i; }" > f$i.c; done
echo 'int f1(int), f2(int), f3(int), f4(int); int main(void) { return f1(1) + f2(2) + f3(3) + f4(4) - 30; }' > main.c
cat > Makefile <<'EOF'
OBJS := main.o f1.o f2.o f3.o f4.o
prog: $(OBJS)
	$(PLUS)gcc -flto=jobserver -flto-partition=max -o $@ $(OBJS)
%.o: %.c
	gcc -flto -O2 -c $< -o $@
EOF

# link PLUS: a fresh link under jmake -j3; prints the LTO sub-make's arguments.
link() {
    rm -f prog
    : > make-argv.log
    PATH="$WORK/wrap:$PATH" "$JMAKE" -s -j3 PLUS="$1" > link.out 2>&1 || fail "jmake -> gcc -flto failed: $(cat link.out)"
    ./prog || fail "the LTO-linked program is wrong"
    grep -- "-f " make-argv.log || fail "lto-wrapper ran no sub-make: $(cat make-argv.log)"
}

argv=$(link +)
case " $argv " in
    *" -j"*) fail "lto-wrapper did not see jmake's pool: make $argv" ;;
esac
argv=$(link "")
case " $argv " in
    *" -j"[0-9]*) ;;
    *) fail "control: without + lto-wrapper should run make -j<nproc>, ran: make $argv" ;;
esac
echo "ok"
