#!/usr/bin/env bash
# A nested build: GNU make -j4 runs 3 jmakes (on `+` lines), each with 6 one-second jobs, all sharing make's
# jobserver pool; the ideal wall time is ceil(18 / 4) = 5 s. The same tree with GNU make children, for comparison,
# and the most jobs that ran at once (from the jobs' own start/end log).
# Usage: bench/nested.sh [runs] [jobs]   (defaults 3 and 4; needs `mvn -q -DskipTests package` first)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
source "$here/lib.sh"
jmake="$repo/bin/jmake"
runs=${1:-3}
jobs=${2:-4}
dir="$(mktemp -d "${TMPDIR:-/tmp}/jmake-nested.XXXXXX")"
trap 'rm -rf "$dir"' EXIT
cat > "$dir/leaf.mk" <<EOF
J := \$(addprefix \$(ID)-,1 2 3 4 5 6)
all: \$(J)
\$(J):
	@sh $repo/native-tests/job.sh $dir/log 1
.PHONY: all \$(J)
EOF
cat > "$dir/top.mk" <<EOF
all: s1 s2 s3
s1 s2 s3:
	+@\$(SUB) --no-print-directory -f $dir/leaf.mk ID=\$@
.PHONY: all s1 s2 s3
EOF
max_at_once() {
    sort -k2,2n -k1,1r "$dir/log" | awk '$1=="start"{n++; if(n>m)m=n} $1=="end"{n--} END{print m+0}'
}
"$jmake" -s -f "$dir/top.mk" SUB=true >/dev/null   # warm the CDS archive
for sub in "$jmake" make; do
    : > "$dir/log"
    ms=$(median_ms "$runs" make -s -j"$jobs" -f "$dir/top.mk" SUB="$sub")
    echo "make -j$jobs -> 3 x $(basename "$sub") x 6 one-second jobs: $ms ms (median of $runs; ideal $(( (18 + jobs - 1) / jobs * 1000 )) ms); most at once: $(max_at_once)"
done
