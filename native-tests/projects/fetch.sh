#!/usr/bin/env bash
# fetch.sh [--suite SUITE] [--upstream] PACKAGE: prints the directory of the pristine, unpacked Debian (bookworm) source of PACKAGE,
# with the Debian patches applied, or with --upstream the upstream tree alone (dpkg-source --skip-patches).
#
# The sources come from deb.debian.org through a PRIVATE apt configuration (its own sources list, lists and cache
# under the cache directory), so the system's apt configuration and state are untouched. Downloads are verified by
# the .dsc checksums (dpkg-source checks them on extraction) and kept in ${JMAKE_CACHE:-$HOME/.cache/jmake-native},
# outside the clone, so later runs need no network. Exit 77 (skip) when the sources cannot be fetched.
set -euo pipefail
tree=unpacked
skippatches=()
suite=bookworm
if [ "${1:-}" = --suite ]; then
    suite=${2:?--suite needs a Debian suite name}
    shift 2
fi
if [ "${1:-}" = --upstream ]; then
    tree=upstream
    skippatches=(--skip-patches)
    shift
fi
package=${1:?usage: fetch.sh [--suite SUITE] [--upstream] PACKAGE}
cache=${JMAKE_CACHE:-$HOME/.cache/jmake-native}
# bookworm keeps the layout it always had; another suite gets its own index and sources.
if [ "$suite" = bookworm ]; then
    apt=$cache/apt
    pkgdir=$cache/src/$package
else
    apt=$cache/apt-$suite
    pkgdir=$cache/src-$suite/$package
fi
skip() { echo "SKIP: $*" >&2; exit 77; }

if [ -d "$pkgdir/$tree" ]; then
    echo "$pkgdir/$tree"
    exit 0
fi
if ! command -v dpkg-source >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dpkg-dev) >&2 \
            || skip "cannot install dpkg-dev (needed for dpkg-source)"
    else
        skip "dpkg-source (package dpkg-dev) is missing and cannot be installed"
    fi
fi
command -v apt-get >/dev/null 2>&1 || skip "apt-get is missing: cannot fetch Debian sources"

mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/etc" "$(dirname "$pkgdir")"
# One fetch at a time: scenarios may run concurrently and share the cache.
exec 9>"$cache/.lock"
flock 9
if [ -d "$pkgdir/$tree" ]; then
    echo "$pkgdir/$tree"
    exit 0
fi
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $suite main" \
    >"$apt/etc/sources.list"
aptopts=(-o "Dir::Etc::SourceList=$apt/etc/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
    -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o "Dir::State::status=/dev/null"
    -o "Debug::NoLocking=1" -o "APT::Sandbox::User=root" -o "Acquire::Retries=2" -o "Acquire::http::Timeout=30")
if [ ! -f "$apt/lists/.updated" ]; then
    apt-get "${aptopts[@]}" -qq update >&2 || skip "cannot reach deb.debian.org (apt-get update failed)"
    touch "$apt/lists/.updated"
fi
if [ ! -f "$pkgdir/.downloaded" ]; then
    tmp=$(mktemp -d "$(dirname "$pkgdir")/.fetch-$package.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    # A cached index may name a version the mirror has since replaced: refresh it once before giving up.
    (cd "$tmp" && apt-get "${aptopts[@]}" -qq source --download-only "$package") >&2 \
        || { apt-get "${aptopts[@]}" -qq update >&2 \
            && (cd "$tmp" && apt-get "${aptopts[@]}" -qq source --download-only "$package") >&2; } \
        || skip "cannot download the Debian source of $package"
    touch "$tmp/.downloaded"
    rm -rf "$pkgdir"
    mv "$tmp" "$pkgdir"
    trap - EXIT
fi
dsc=$(ls "$pkgdir"/*.dsc)
# apt checked the downloads against the signed Sources index; extraction checks every file against the .dsc
# checksums (and applies the Debian patches unless --upstream).
rm -rf "$pkgdir/.$tree"
(cd "$pkgdir" && dpkg-source "${skippatches[@]}" -x "$(basename "$dsc")" ".$tree") >"$pkgdir/.$tree.log" 2>&1 \
    || { cat "$pkgdir/.$tree.log" >&2; echo "FAIL: dpkg-source rejected $dsc" >&2; exit 1; }
mv "$pkgdir/.$tree" "$pkgdir/$tree"
echo "$pkgdir/$tree"
