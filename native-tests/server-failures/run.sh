# jmake through its warm server (JMAKE_SERVER=on), where things go wrong (issue 12): cold runs at once (one server
# starts, each builds in process and prints what an in-process run prints), Ctrl-C on a terminal, the client or the
# server killed mid-build, two builds at once in different directories and environments, GNU make -j4 -> +jmake ->
# $(MAKE) sharing one server and the tokens, a server directory that is not private, the idle exit, a rebuilt jar.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/jobserver.sh"
command -v python3 >/dev/null || { echo "python3 is not installed (it drives the pty)"; exit 77; }
command -v flock >/dev/null || { echo "flock (util-linux) is not installed"; exit 77; }
[ -x "$REPO/target/jmake-client" ] || fail "no target/jmake-client"
export JMAKE_SERVER=on JMAKE_SERVER_DIR="$WORK/server" JMAKE_SERVER_IDLE=300
cd "$WORK"
stop_servers() {
    JMAKE_SERVER_DIR="$WORK/server" "$JMAKE" --server-stop >/dev/null 2>&1 || true
    pkill -KILL -f -- "-Djmake.server=$WORK/" 2>/dev/null || true
}
trap stop_servers EXIT
server_pids() { pgrep -f -- "-Djmake.server=$JMAKE_SERVER_DIR/" | sort | tr '\n' ' ' | sed 's/ $//' || true; }
# await_server [DIR [JMAKE]]: waits until a server answers in DIR. --server-status polls the socket while a server
# holds the lock (starting), up to 10 s a call; with no server it says so and fails.
await_server() {
    local dir=${1:-$JMAKE_SERVER_DIR} jmake=${2:-$JMAKE} i out=""
    for ((i = 0; i < 6; i++)); do
        out=$(JMAKE_SERVER_DIR="$dir" "$jmake" --server-status 2>&1) && return 0
        case "$out" in *"does not answer"*) ;; *) break ;; esac
    done
    fail "no server answers in $dir: $out; log: $(cat "$dir"/*.log 2>/dev/null)"
}
# lock_free LOCK: whether no process holds LOCK's flock (no server lives).
lock_free() { flock -n "$1" true; }
# await_lock_free LOCK: within 10 s the lock is released (its server is gone).
await_lock_free() {
    local i
    for ((i = 0; i < 100; i++)); do
        lock_free "$1" && return 0
        sleep 0.1
    done
    fail "$1 is still held by $(lock_holders "$1")"
}
# lock_holders LOCK: the processes that have LOCK open, one a line.
lock_holders() { find /proc/[0-9]*/fd -lname "$1" 2>/dev/null | cut -d/ -f3 | sort -u; }
# await_process PATTERN: waits up to 20 s until a process whose command line matches PATTERN runs.
await_process() {
    local i
    for ((i = 0; i < 200; i++)); do
        pgrep -f -- "$1" >/dev/null && return 0
        sleep 0.1
    done
    fail "no process matching $1 started"
}
# expect_none_left PATTERN: within 5 s no process matches PATTERN.
expect_none_left() {
    local i
    for ((i = 0; i < 50; i++)); do
        pgrep -f -- "$1" >/dev/null || return 0
        sleep 0.1
    done
    fail "left behind: $(pgrep -af -- "$1")"
}
# A build whose one job writes its target and then waits: DIR/Makefile.
waiting_build() {
    mkdir -p "$1"
    printf 'all: t\nt:\n\techo x > $@; sleep %s\n' "$2" > "$1/Makefile"
}

# No server yet: --server-status and --server-stop say so and start none.
set +e
"$JMAKE" --server-status > status.out 2>&1
status=$?
set -e
expect_eq "--server-status with no server: status" 1 "$status"
grep -q "^jmake: no server runs at $JMAKE_SERVER_DIR/s-[0-9a-f]*; the next run starts one\$" status.out \
    || fail "--server-status with no server: $(cat status.out)"
"$JMAKE" --server-stop > stop.out 2>&1 || fail "--server-stop with no server failed: $(cat stop.out)"
grep -q ": nothing to stop\$" stop.out || fail "--server-stop with no server: $(cat stop.out)"
[ -z "$(ls "$JMAKE_SERVER_DIR" | grep -v '\.lock$')" ] || fail "a server was started: $(ls "$JMAKE_SERVER_DIR")"
expect_eq "server directory mode" 700 "$(stat -c %a "$JMAKE_SERVER_DIR")"

# Cold runs, three at once: they start exactly one server (the first to take the lock; the server holds it from
# then on), and each builds in process meanwhile, printing exactly what an in-process run prints.
mkdir -p cold
printf 'all:\n\t@echo "built by $(WHO)"\n\techo done >&2\n' > cold/Makefile
JMAKE_SERVER=off "$JMAKE" -C cold WHO=x > cold.expected.out 2> cold.expected.err
cold=()
for n in 1 2 3; do
    "$JMAKE" -C cold WHO=x > "cold.$n.out" 2> "cold.$n.err" &
    cold+=($!)
done
for n in 1 2 3; do
    wait "${cold[n - 1]}" || fail "cold run $n failed: $(cat "cold.$n.err")"
done
lock=$(echo "$JMAKE_SERVER_DIR"/s-*.lock)
[ -f "$lock" ] || fail "no lock file: $(ls "$JMAKE_SERVER_DIR")"
# Each server a client starts is a process (holding the lock) before that client goes on to build.
expect_eq "servers started by three cold runs" 1 "$(lock_holders "$lock" | wc -l)"
for n in 1 2 3; do
    expect_eq "cold run $n: stdout" "$(cat cold.expected.out)" "$(cat "cold.$n.out")"
    expect_eq "cold run $n: stderr" "$(cat cold.expected.err)" "$(cat "cold.$n.err")"
done
await_server
first=$(server_pids)
[[ "$first" =~ ^[0-9]+$ ]] || fail "not one server: [$first]: $(cat "$JMAKE_SERVER_DIR"/*.log)"
expect_eq "servers listening" 1 "$(grep -c ' listening on ' "$JMAKE_SERVER_DIR"/*.log)"
expect_eq "the lock's holder" "$first" "$(lock_holders "$lock")"
# A warm run prints the same.
"$JMAKE" -C cold WHO=x > cold.warm.out 2> cold.warm.err
expect_eq "warm run: stdout" "$(cat cold.expected.out)" "$(cat cold.warm.out)"
expect_eq "warm run: stderr" "$(cat cold.expected.err)" "$(cat cold.warm.err)"
"$JMAKE" --server-status | grep -q "^jmake server .*: pid $first, socket $JMAKE_SERVER_DIR/s-" \
    || fail "--server-status: $("$JMAKE" --server-status 2>&1)"
# The JIT's compile time, which the server bench watches to know the server warm.
"$JMAKE" --server-status | grep -q '^JIT: [0-9][0-9]* ms compiling so far$' \
    || fail "--server-status has no JIT line: $("$JMAKE" --server-status 2>&1)"

# Ctrl-C typed on the terminal: the client and the job get SIGINT from the tty; the server deletes the target, the
# client dies by SIGINT (130), nothing is left.
sleep1="30.$RANDOM$RANDOM"
waiting_build ctrlc "$sleep1"
python3 - "$JMAKE" "$WORK/ctrlc" "$sleep1" > ctrlc.out <<'PY'
import os, pty, subprocess, sys, time
jmake, directory, pattern = sys.argv[1:]
pid, master = pty.fork()
if pid == 0:
    os.chdir(directory)
    os.execv(jmake, [jmake])
deadline = time.time() + 20
while time.time() < deadline:
    if subprocess.run(["pgrep", "-f", "sleep " + pattern], stdout=subprocess.DEVNULL).returncode == 0:
        break
    time.sleep(0.1)
os.write(master, b"\x03")
output = b""
while True:
    try:
        chunk = os.read(master, 4096)
    except OSError:
        break
    if not chunk:
        break
    output += chunk
_, status = os.waitpid(pid, 0)
code = 128 + os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
sys.stdout.write(output.decode("latin-1").replace("\r", "") + "status %d\n" % code)
PY
expect_eq "Ctrl-C status" "status 130" "$(tail -1 ctrlc.out)"
grep -q "Deleting file 't'" ctrlc.out || fail "Ctrl-C: no deletion reported: $(cat ctrlc.out)"
[ ! -e ctrlc/t ] || fail "Ctrl-C: the interrupted target is left"
expect_none_left "sleep $sleep1"

# The client killed (SIGKILL) mid-build: the server ends the session, kills the jobs, deletes the target.
sleep2="30.$RANDOM$RANDOM"
waiting_build client "$sleep2"
"$JMAKE" -C "$WORK/client" > client.out 2>&1 &
killed=$!
await_process "sleep $sleep2"
pkill -KILL -f -- "jmake-client .* -C $WORK/client\$"
wait $killed 2>/dev/null || true
expect_none_left "sleep $sleep2"
for ((i = 0; i < 50; i++)); do [ -e client/t ] || break; sleep 0.1; done
[ ! -e client/t ] || fail "client killed: the interrupted target is left"
expect_eq "the server after a lost client" "$first" "$(server_pids)"

# The server killed (SIGKILL) mid-build: the client kills its jobs, says so, exits 2; the next run starts a new one.
sleep3="30.$RANDOM$RANDOM"
waiting_build server "$sleep3"
set +e
( "$JMAKE" -C "$WORK/server-lost" >/dev/null 2>&1; exit 0 ) # no such directory: a quick session, server warm
"$JMAKE" -C "$WORK/server" > lost.out 2> lost.err &
build=$!
await_process "sleep $sleep3"
kill -KILL $first
wait $build
status=$?
set -e
expect_eq "status with the server lost" 2 "$status"
expect_eq "message with the server lost" "jmake: *** lost the jmake server; build stopped." "$(tail -1 lost.err)"
expect_none_left "sleep $sleep3"
await_lock_free "$lock" # SIGKILL released it
"$JMAKE" --version >/dev/null
await_server
second=$(server_pids)
[ -n "$second" ] && [ "$second" != "$first" ] || fail "no new server after the old one was killed ($first, $second)"

# Two builds at once, other directories and environments, one server.
for d in a b; do
    mkdir -p "two/$d"
    printf 'all:\n\t@echo "$$WHO in $(notdir $(CURDIR))" > out; sleep 1\n' > "two/$d/Makefile"
done
WHO=first "$JMAKE" -s -C two/a & one=$!
WHO=second "$JMAKE" -s -C two/b & two=$!
wait $one; wait $two
expect_eq "first build" "first in a" "$(cat two/a/out)"
expect_eq "second build" "second in b" "$(cat two/b/out)"
expect_eq "one server for both" "$second" "$(server_pids)"

# GNU make -j4 -> +jmake -> $(MAKE) (jmake again): three levels through the server, 4 jobs at once in all.
write_nested_makefiles "$WORK"
run_logged three "$GNU_MAKE" -j4 -f top.mk TOPSUB="$JMAKE"
expect_concurrency "make -j4 -> +jmake -> jmake" three.log 4 18
expect_balanced "make -j4 -> +jmake -> jmake" three.err
[ ! -s three.err ] || fail "make -> jmake -> jmake printed: $(cat three.err)"
expect_eq "one server for the tree" "$second" "$(server_pids)"

# A server directory that is not private is refused, whatever it holds.
mkdir -m 755 open
set +e
JMAKE_SERVER_DIR="$WORK/open" "$JMAKE" --version > open.out 2>&1
status=$?
set -e
expect_eq "status with a directory of mode 755" 2 "$status"
grep -q "is not private" open.out || fail "mode 755: $(cat open.out)"
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
    mkdir -m 700 foreign && chown nobody foreign
    set +e
    JMAKE_SERVER_DIR="$WORK/foreign" "$JMAKE" --version > foreign.out 2>&1
    status=$?
    set -e
    expect_eq "status with a directory owned by nobody" 2 "$status"
    grep -q "is not private" foreign.out || fail "owned by nobody: $(cat foreign.out)"
fi

# A server idle for JMAKE_SERVER_IDLE seconds (from the environment of the run that started it) exits and takes its
# socket with it.
JMAKE_SERVER_DIR="$WORK/idle" JMAKE_SERVER_IDLE=1 "$JMAKE" --version >/dev/null
await_server "$WORK/idle" # its one session
for ((i = 0; i < 100; i++)); do
    [ -z "$(pgrep -f -- "-Djmake.server=$WORK/idle/")" ] && break
    sleep 0.1
done
[ -z "$(pgrep -f -- "-Djmake.server=$WORK/idle/")" ] || fail "the idle server still runs after 10 s"
[ -z "$(ls "$WORK/idle" | grep '^s-[0-9a-f]*$')" ] || fail "the idle server left its socket: $(ls "$WORK/idle")"
grep -q "idle for PT1S after 1 sessions" "$WORK"/idle/*.log || fail "idle exit not logged: $(cat "$WORK"/idle/*.log)"
await_lock_free "$(echo "$WORK"/idle/s-*.lock)"

# A rebuilt jar (here: another modification time) gets a server of its own; the old one, which no client can reach
# any more, exits once it serves no session.
mkdir -p copy/target
cp -r "$REPO/bin" copy/
cp -r "$REPO/target/jmake.jar" "$REPO/target/lib" "$REPO/target/jmake-client" copy/target/
[ -d "$REPO/target/locale" ] && cp -r "$REPO/target/locale" copy/target/
copy/bin/jmake --version >/dev/null
await_server "$JMAKE_SERVER_DIR" copy/bin/jmake
old_socket=$(copy/bin/jmake --server-status | sed -n 's/.*socket //p')
old_pid=$(copy/bin/jmake --server-status | sed -n 's/.*: pid \([0-9]*\),.*/\1/p')
touch -d '2001-01-01' copy/target/jmake.jar
copy/bin/jmake --version >/dev/null
await_server "$JMAKE_SERVER_DIR" copy/bin/jmake
new_socket=$(copy/bin/jmake --server-status | sed -n 's/.*socket //p')
[ "$new_socket" != "$old_socket" ] || fail "the rebuilt jar reached the old server at $old_socket"
for ((i = 0; i < 100; i++)); do
    kill -0 "$old_pid" 2>/dev/null || break
    sleep 0.1
done
kill -0 "$old_pid" 2>/dev/null && fail "the server of the replaced jar still runs after 10 s"
[ ! -e "$old_socket" ] || fail "the server of the replaced jar left its socket"
grep -q "its jar .*/copy/target/jmake.jar replaced after" "$old_socket.log" \
    || fail "the exit of the replaced jar's server is not logged: $(cat "$old_socket.log")"
echo "ok"
