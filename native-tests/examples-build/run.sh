# Every example builds with jmake at -j2 exactly as with GNU make: same programs, same output, and a second
# jmake run has nothing to do.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
for example in "$REPO"/examples/*/; do
    name=$(basename "$example")
    for tool in make jmake; do
        mkdir -p "$WORK/$tool/$name"
        cp -R "$example". "$WORK/$tool/$name/"
    done
    make -s -j2 -C "$WORK/make/$name" >/dev/null
    "$JMAKE" -s -j2 -C "$WORK/jmake/$name" >/dev/null
    expect_eq "$name: files built" "$(cd "$WORK/make/$name" && ls)" "$(cd "$WORK/jmake/$name" && ls)"
    expect_eq "$name: run" "$(make -s -C "$WORK/make/$name" run 2>&1)" "$("$JMAKE" -s -C "$WORK/jmake/$name" run 2>&1)"
    again=$("$JMAKE" -C "$WORK/jmake/$name" 2>&1)
    case "$again" in
        *"is up to date."*|*"Nothing to be done"*) ;;
        *) fail "$name: second jmake run did work: $again" ;;
    esac
done
echo ok
