# Makefiles, names, values, the environment, argv and output are bytes, passed through unchanged in any locale
# (issue 13): a Latin-1 comment, a UTF-8 and a Latin-1 file name, $(wildcard), $(file), $(shell), an argv variable
# and an environment variable, under C.UTF-8, the POSIX locale (env -i, no LANG/LC_*), LC_ALL=C and a user's
# ISO-8859-1 locale (made here with localedef, reached through LOCPATH, which recipes must see as the caller set it).
# GNU make's stdout, stderr, exit status and the files left behind are the expected ones.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
export JMAKE_TRACE=off
cd "$WORK"
latin1="$WORK/locales"
mkdir -p "$latin1"
if ! localedef -i en_US -f ISO-8859-1 "$latin1/en_US.ISO-8859-1" >/dev/null 2>&1; then
    echo "no localedef sources (Debian package locales): the ISO-8859-1 locale is left out"
    latin1=""
fi
utf=$'caf\xc3\xa9'
lat=$'l\xe9'
write_case() {
    rm -rf "$1" && mkdir -p "$1/d"
    printf '# Copyright \xe9t\xe9 (Latin-1), %s (UTF-8)\n' "$utf" > "$1/Makefile"
    cat >> "$1/Makefile" <<MK
N := $utf.txt $lat.txt
all: \$(N) sub
	@echo "done \$^ [\$(V)] [\$\$E] [\$\${LC_ALL-unset}] [\$\${LOCPATH-unset}]"
	@printf '%s\n' "\$(wildcard d/*)" "\$(shell ls d)" "\$(file < $lat.txt)"
\$(N):
	@echo "making \$@"; echo "\$@ \$(V)" > \$@; touch "d/\$@.in"
\$(file > d/$utf.out,$lat \$(V))
sub: ; @\$(MAKE) --no-print-directory -f Makefile check V=\$(V)
check: ; @test -f $utf.txt && test -f $lat.txt && echo "sub sees [\$(V)] \$(MAKELEVEL)"
$lat%.x: ; @echo stem \$*
.PHONY: all sub check
MK
}
# jmake's mode and server directory (NativeScenariosIT's own) survive env -i, so that no server starts elsewhere.
server_env=()
for name in JMAKE_SERVER JMAKE_SERVER_DIR JMAKE_SERVER_IDLE; do
    [ -n "${!name+set}" ] && server_env+=("$name=${!name}")
done
run_in() {  # run_in DIR MAKE ENV...: the make's output, status and the tree it leaves, in DIR/out
    local dir="$1" mk="$2"
    shift 2
    write_case "$dir"
    (cd "$dir" && env -i PATH=/usr/local/bin:/usr/bin:/bin JMAKE_TRACE=off "${server_env[@]}" "$@" E=$'\xe9\xc3\xa9' \
        "$mk" V=$'v\xe9\xc3\xa9' >"$dir.stdout" 2>"$dir.stderr"; echo "status $?" > "$dir.status"
     env -i PATH=/usr/local/bin:/usr/bin:/bin JMAKE_TRACE=off "${server_env[@]}" "$@" "$mk" $'l\xe9q.x' >>"$dir.stdout" 2>>"$dir.stderr"
     find . | LC_ALL=C sort > "$dir.files"
     for f in *.txt d/*; do printf '%s: ' "$f"; cat "$f"; done > "$dir.contents" 2>&1) || true
    sed -e "s|$JMAKE|make|g" -e 's|^jmake|make|' "$dir.stdout" "$dir.stderr" "$dir.status" "$dir.files" \
        "$dir.contents" > "$dir.all"
}
locales=("LANG=C.UTF-8" "" "LC_ALL=C")
[ -n "$latin1" ] && locales+=("LOCPATH=$latin1 LC_ALL=en_US.ISO-8859-1")
i=0
for loc in "${locales[@]}"; do
    i=$((i + 1))
    # shellcheck disable=SC2086 # the locale is one or two NAME=value words
    run_in "$WORK/gnu$i" make $loc
    # shellcheck disable=SC2086
    run_in "$WORK/jmake$i" "$JMAKE" $loc
    if ! cmp -s "$WORK/gnu$i.all" "$WORK/jmake$i.all"; then
        diff <(od -c "$WORK/gnu$i.all") <(od -c "$WORK/jmake$i.all") | head -40 >&2 || true
        fail "locale [${loc:-POSIX}]: jmake's output or files differ from GNU make's"
    fi
    grep -q $'caf\xc3\xa9.txt' "$WORK/gnu$i.all" || fail "locale [${loc:-POSIX}]: the case did not run"
done
echo "bytes identical to GNU make's in ${#locales[@]} locales"
