# jmake --compile-commands=FILE (issue 15, item 7a): compile_commands.json from the compiler drivers the tracer saw.
# examples/parallel at -j2 gets one entry per object (conv.c is compiled 32 times, once per kernel), nothing for the
# link or for cc1/as/collect2; a rebuild after touching one source keeps every entry (and one from elsewhere); a
# sub-make adds its own compiles; --trace=off still records them, -n writes nothing. Then zlib (Debian bookworm,
# its ./configure'd Makefile) at -j2: every object, static and shared, has its entry. clangd (Debian's, installed
# when missing and possible) must accept the database for a source of each; without it a structure check stands.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
command -v cc >/dev/null || { echo "no cc"; exit 77; }
command -v python3 >/dev/null || { echo "no python3"; exit 77; }

# run DIR ARGS...: jmake in DIR; stdout+stderr in $WORK/out.
run() {
    local dir=$1; shift
    "$JMAKE" -C "$dir" --no-print-directory "$@" >"$WORK/out" 2>&1 || { cat "$WORK/out"; fail "jmake $* failed"; }
}

# check DB DIR SOURCE=OUTPUT...: DB is a JSON array of entries, each with a directory, arguments (a compiler driver
# given -c, never cc1, as or collect2) and a file; no (directory, file, output) twice; for each pair an entry in DIR.
check() {
    python3 - "$@" <<'PY' || fail "check $1"
import json, os, sys
db, directory, pairs = sys.argv[1], sys.argv[2], sys.argv[3:]
entries = json.load(open(db))
assert isinstance(entries, list), "not an array"
keys = set()
for e in entries:
    assert isinstance(e["directory"], str) and os.path.isabs(e["directory"]), e
    assert isinstance(e["file"], str), e
    if "command" in e and "arguments" not in e:  # the spec's other form, as another tool wrote it
        continue
    assert isinstance(e["arguments"], list) and all(isinstance(a, str) for a in e["arguments"]), e
    program = os.path.basename(e["arguments"][0])
    assert program not in ("cc1", "cc1plus", "as", "collect2", "ld"), e
    if e["directory"] == directory:
        assert "-c" in e["arguments"] and e["file"] in e["arguments"], e
    key = (e["directory"], e["file"], e.get("output", ""))
    assert key not in keys, "twice: %s" % (key,)
    keys.add(key)
for pair in pairs:
    source, output = pair.split("=")
    assert (directory, source, output) in keys, "no entry for %s -> %s in %s" % (source, output, directory)
print(len(entries))
PY
}

# clangd_accepts DB_DIR SOURCE: clangd --check on SOURCE with DB_DIR's database, when clangd is there (installed as
# root through apt-get if missing; once per scenario). Says what it did.
clangd_tried=
clangd_accepts() {
    if ! command -v clangd >/dev/null && [ -z "$clangd_tried" ]; then
        clangd_tried=1
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clangd) >"$WORK/apt.log" 2>&1 \
                || echo "clangd could not be installed (see $WORK/apt.log)"
        fi
    fi
    if ! command -v clangd >/dev/null; then
        echo "no clangd: $2 checked by the JSON structure check only"
        return
    fi
    (cd "$1" && clangd --check="$2" --compile-commands-dir="$1") >"$WORK/clangd.log" 2>&1 \
        || { tail -20 "$WORK/clangd.log"; fail "clangd --check=$2 rejected $1/compile_commands.json"; }
    grep -qF "Compile command from CDB" "$WORK/clangd.log" \
        || { tail -20 "$WORK/clangd.log"; fail "clangd did not use $1/compile_commands.json for $2"; }
    echo "clangd --check=$2 accepted the database"
}

# 1. examples/parallel at -j2: one entry per object, the link none.
d=$WORK/parallel
copy_sources "$REPO/examples/parallel" "$d"
run "$d" --compile-commands=compile_commands.json -j2
pairs=()
for object in "$d"/*.o; do
    name=$(basename "$object")
    case $name in
        conv_*) pairs+=("conv.c=$name") ;;
        *) pairs+=("${name%.o}.c=$name") ;;
    esac
done
expect_eq "parallel: objects" 34 "${#pairs[@]}"
expect_eq "parallel: entries" 34 "$(check "$d/compile_commands.json" "$d" "${pairs[@]}")"
expect_eq "parallel: no trace warning" "" "$(grep -F 'warning: [trace]' "$WORK/out" || true)"
clangd_accepts "$d" image.c

# 2. Touch one source and rebuild: its entry is replaced, the others (and an entry from elsewhere) are kept.
python3 - "$d/compile_commands.json" <<'PY'
import json, sys
entries = json.load(open(sys.argv[1]))
entries.insert(0, {"directory": "/elsewhere", "command": "cc -c other.c", "file": "other.c"})
json.dump(entries, open(sys.argv[1], "w"), indent=1)
PY
sleep 1
touch "$d/image.c"
run "$d" --compile-commands=compile_commands.json -j2
expect_eq "rebuild: one compile" 1 "$(grep -c -- ' -c ' "$WORK/out")"
expect_eq "rebuild: entries kept" 35 "$(check "$d/compile_commands.json" "$d" "${pairs[@]}")"
expect_eq "rebuild: the foreign entry stays first" /elsewhere \
    "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["directory"])' "$d/compile_commands.json")"
ls "$d" | grep -q '\.tmp$' && fail "rebuild: a temporary file was left behind"

# 3. -n compiles nothing and writes nothing; --trace=off still records the compiles (and reports no finding).
rm "$d/compile_commands.json"
run "$d" -n -B --compile-commands=compile_commands.json
[ ! -e "$d/compile_commands.json" ] || fail "-n wrote the database"
rm -f "$d"/main.o
run "$d" --trace=off --compile-commands=compile_commands.json
expect_eq "--trace=off: the one compile" 1 "$(check "$d/compile_commands.json" "$d" main.c=main.o)"

# 4. A sub-make's compiles go into the top make's file (it gets the path in JMAKE_COMPILE_COMMANDS).
s=$WORK/submake
mkdir -p "$s/lib"
printf 'int lib(void) { return 1; }\n' >"$s/lib/lib.c"
printf 'int main(void) { return 0; }\n' >"$s/app.c"
printf 'lib.o: lib.c\n\tcc -c lib.c -o lib.o\n' >"$s/lib/Makefile"
printf 'all: app.o sub\napp.o: app.c\n\tcc -c app.c -o app.o\nsub:\n\t$(MAKE) -C lib\n.PHONY: sub\n' >"$s/Makefile"
run "$s" -j2 --compile-commands=db.json
expect_eq "sub-make: top entry" 2 "$(check "$s/db.json" "$s" app.c=app.o)"
expect_eq "sub-make: its entry" 2 "$(check "$s/db.json" "$s/lib" lib.c=lib.o)"

# 5. zlib, a real project: every object of the static and the shared library has its entry.
source "$REPO/native-tests/projects/lib.sh"
src=$(project_source zlib)
z=$WORK/zlib
cp -a "$src" "$z"
(cd "$z" && ./configure) >"$WORK/configure" 2>&1 || { cat "$WORK/configure"; fail "zlib: configure failed"; }
run "$z" -j2 --compile-commands=compile_commands.json libz.a "$(sed -n 's/^SHAREDLIBV=//p' "$z/Makefile")"
pairs=()
for object in "$z"/*.o; do
    name=$(basename "$object")
    pairs+=("${name%.o}.c=$name")
done
# The shared objects are compiled to objs/NAME.o and then renamed NAME.lo.
for object in "$z"/*.lo; do
    name=$(basename "$object" .lo)
    pairs+=("$name.c=objs/$name.o")
done
[ "${#pairs[@]}" -ge 20 ] || fail "zlib: only ${#pairs[@]} objects"
entries=$(check "$z/compile_commands.json" "$z" "${pairs[@]}")
expect_eq "zlib: one entry per object" "${#pairs[@]}" "$entries"
clangd_accepts "$z" inflate.c
echo ok
