# Every example builds with jmake at -j2 exactly as with GNU make: same files, same output of `run`, and a second
# jmake run has nothing to do. Each runs from a copy outside the checkout, as a user's would, with jmake on PATH
# (a link named jmake) and no JMAKE given: the nested examples find the jmake they run for sub-builds there.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
mkdir -p "$WORK/path"
ln -s "$JMAKE" "$WORK/path/jmake"
export PATH="$WORK/path:$PATH"
cd "$REPO/examples"
for example in */Makefile */*/Makefile; do
    name=$(dirname "$example")
    # A sub-directory built by its parent's Makefile is not an example of its own.
    [ -f "$(dirname "$name")/Makefile" ] && [ "$(dirname "$name")" != . ] && continue
    for tool in make jmake; do
        copy_sources "$name" "$WORK/$tool/$name"
    done
    make -s -j2 -C "$WORK/make/$name" >/dev/null
    "$JMAKE" -s -j2 -C "$WORK/jmake/$name" >/dev/null
    expect_eq "$name: files built" "$(cd "$WORK/make/$name" && find . -type f | sort)" \
        "$(cd "$WORK/jmake/$name" && find . -type f | sort)"
    expect_eq "$name: run" "$(make -s -C "$WORK/make/$name" run 2>&1)" \
        "$("$JMAKE" -s -C "$WORK/jmake/$name" run 2>&1)"
    again=$("$JMAKE" -C "$WORK/jmake/$name" 2>&1)
    case "$again" in
        *"is up to date."*|*"Nothing to be done"*) ;;
        *) fail "$name: second jmake run did work: $again" ;;
    esac
    echo "$name: ok"
done
echo ok
