# A recipe's shell holds no descriptor beyond 0-2, at -j1 and -j4, even when jmake itself inherited one (fd 7
# here); GNU make passes such a descriptor on to every recipe.
# The I/O tracer is off: when on, its shim holds one descriptor of its own (>= 1000) in every traced process, the
# one descriptor jmake passes on by design.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
export JMAKE_TRACE=off
cd "$WORK"
cat > Makefile <<'MK'
all: a b c
a b c:
	@ls /proc/$$$$/fd
.PHONY: all a b c
MK
for jobs in -j1 -j4; do
    expect_eq "jmake's recipe descriptors at $jobs" "0 1 2" "$("$JMAKE" -s $jobs 7< /dev/null | sort -un | xargs)"
    gnu="$(make -s $jobs 7< /dev/null | sort -un | xargs)"
    case " $gnu " in
        *" 7 "*) ;;
        *) fail "GNU make's recipes were expected to inherit fd 7 at $jobs: $gnu" ;;
    esac
done
echo "ok"
