# An unknown --jobserver-style fails as GNU make 4.4.1 fails it at -j2 (its message, status 2, nothing built), in
# process and through the server, and without -j too: GNU checks the style only when it starts a pool, jmake on
# every command line, so that a misspelt style never passes unnoticed.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/peers.sh"
make441=$(peer_make441) || { echo "GNU make 4.4.1 could not be provisioned" >&2; exit 77; }
cd "$WORK"
printf 'all: ; @echo built\n' > Makefile

# What make 4.4.1 prints for a bad style at -j2, with jmake's name in place of make's.
set +e
"$make441" -j2 --jobserver-style=bogus > gnu.out 2>&1
gnu_status=$?
set -e
expect_eq "make 4.4.1's status" 2 "$gnu_status"
expected=$(sed 's/^make: /jmake: /' gnu.out)
expect_eq "make 4.4.1's message" "jmake: *** unknown jobserver auth style 'bogus'.  Stop." "$expected"

# check MODE ARGS...: jmake fails with make 4.4.1's message and status.
check() {
    local mode=$1 status
    shift
    set +e
    "$JMAKE" "$@" > jmake.out 2>&1
    status=$?
    set -e
    expect_eq "status of jmake $* ($mode)" 2 "$status"
    expect_eq "output of jmake $* ($mode)" "$expected" "$(cat jmake.out)"
}

for args in "-j2 --jobserver-style=bogus" "--jobserver-style=bogus" "-j1 --jobserver-style=bogus"; do
    # shellcheck disable=SC2086
    JMAKE_SERVER=off check "in process" $args
done
# --jobserver-style reaches jmake in MAKEFLAGS too (GNU make 4.4.1 takes it from there).
set +e
MAKEFLAGS=--jobserver-style=bogus JMAKE_SERVER=off "$JMAKE" > jmake.out 2>&1
status=$?
set -e
expect_eq "status with the style in MAKEFLAGS" 2 "$status"
expect_eq "output with the style in MAKEFLAGS" "$expected" "$(cat jmake.out)"

# Through a server of this scenario's own: the first run starts it; the checks wait until it answers.
export JMAKE_SERVER=on JMAKE_SERVER_DIR="$WORK/server" JMAKE_SERVER_IDLE=120
trap '"$JMAKE" --server-stop >/dev/null 2>&1 || true' EXIT
"$JMAKE" -s > /dev/null
for _ in $(seq 1 300); do
    "$JMAKE" --server-status > /dev/null 2>&1 && break
    sleep 0.1
done
"$JMAKE" --server-status > /dev/null 2>&1 || fail "no server answered"
for args in "-j2 --jobserver-style=bogus" "--jobserver-style=bogus"; do
    # shellcheck disable=SC2086
    check "server" $args
done
# A known style still builds, with or without -j.
expect_eq "jmake --jobserver-style=fifo" built "$("$JMAKE" -s --jobserver-style=fifo)"
expect_eq "jmake -j2 --jobserver-style=pipe" built "$(JMAKE_SERVER=off "$JMAKE" -s -j2 --jobserver-style=pipe)"
