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

# copy_sources DIR DEST: the files of DIR (a directory of the repository) that git tracks, copied into DEST, so
# that what a developer built in the checkout (examples/hello after the README's first command) is left behind;
# everything in DIR when the repository is no git checkout.
copy_sources() {
    mkdir -p "$2"
    if git -C "$1" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        (cd "$1" && git ls-files -z . | xargs -0 -r cp --parents -t "$2")
    else
        cp -R "$1/." "$2/"
    fi
}

# trace_findings REPORT: every finding of a --trace-report, one "kind job path warning|recorded" line each, sorted.
trace_findings() {
    python3 -c 'import json,sys
for j in json.load(open(sys.argv[1]))["jobs"]:
    for f in j["findings"]:
        print(f["kind"], j["job"]["target"], f["path"], "warning" if f["warning"] else "recorded")' "$1" | sort
}
