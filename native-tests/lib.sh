# Shared helpers for native-tests scenarios (sourced; set -euo pipefail is left to the caller).

# fail MESSAGE...: print and exit 1.
fail() { echo "FAIL: $*" >&2; exit 1; }

# expect_eq WHAT EXPECTED ACTUAL
expect_eq() { [ "$2" = "$3" ] || fail "$1: expected [$2], got [$3]"; }

# max_concurrency LOG: each line "start|end TIMESTAMP_NS"; prints the most jobs running at once.
max_concurrency() {
    sort -k2,2n -k1,1r "$1" | awk '$1=="start"{n++; if(n>m)m=n} $1=="end"{n--} END{print m+0}'
}

# A recipe fragment that records start/end under flock into $LOG while sleeping $1 seconds.
# Usage in a Makefile:  $(shell printf ...) or write: sh $REPO/native-tests/job.sh LOG SECONDS
