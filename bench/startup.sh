#!/usr/bin/env bash
# Start-up time of `jmake --version`, with and without the AppCDS archive, beside GNU make's.
# Usage: bench/startup.sh [runs]   (default 10; needs `mvn -q -DskipTests package` first)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib.sh"
jmake="$here/../bin/jmake"
runs=${1:-10}
"$jmake" --version >/dev/null   # makes the archive if the jar is newer
with=$(median_ms "$runs" "$jmake" --version)
without=$(JMAKE_NO_CDS=1 median_ms "$runs" "$jmake" --version)
make_ms=$(median_ms "$runs" make --version)
# A whole small run (read a makefile, expand, decide, run one recipe): where the archive pays off.
dir="$(mktemp -d "${TMPDIR:-/tmp}/jmake-startup.XXXXXX")"
trap 'rm -rf "$dir"' EXIT
printf 'OBJS := $(patsubst %%.c,%%.o,a.c b.c)\nall: $(OBJS)\n\t@:\n%%.o: ; @echo $@ > $@\n' > "$dir/Makefile"
"$jmake" -s -C "$dir" >/dev/null
small_with=$(median_ms "$runs" "$jmake" -s -C "$dir")
small_without=$(JMAKE_NO_CDS=1 median_ms "$runs" "$jmake" -s -C "$dir")
small_make=$(median_ms "$runs" make -s -C "$dir")
echo "jmake --version, AppCDS:    $with ms (median of $runs)"
echo "jmake --version, no AppCDS: $without ms (median of $runs)"
echo "make --version:             $make_ms ms (median of $runs)"
echo "AppCDS speed-up:            $(ratio "$without" "$with")x"
echo "small no-op build, AppCDS:    $small_with ms"
echo "small no-op build, no AppCDS: $small_without ms"
echo "small no-op build, make:      $small_make ms"
echo "AppCDS speed-up on a build:   $(ratio "$small_without" "$small_with")x"
