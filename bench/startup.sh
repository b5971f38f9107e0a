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
echo "jmake --version, AppCDS:    $with ms (median of $runs)"
echo "jmake --version, no AppCDS: $without ms (median of $runs)"
echo "make --version:             $make_ms ms (median of $runs)"
echo "AppCDS speed-up:            $(ratio "$without" "$with")x"
