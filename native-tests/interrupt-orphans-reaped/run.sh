# A recipe's background process outliving its shell becomes jmake's child (jmake is the child subreaper, so that an
# interrupt can find it), and jmake reaps it once it exits: no zombie piles up during a long build.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
cd "$WORK"
cat > Makefile <<'MK'
all:
	@(sleep 1 & echo $$! > orphan); sleep 0.3; ps -o ppid= -p $$(cat orphan) > adopted; echo $$PPID > jmake
	@sleep 2.5; ps -o stat= -p $$(cat orphan) > after || true
MK
"$JMAKE"
expect_eq "the orphan's parent while it ran" "$(cat jmake)" "$(tr -d ' ' < adopted)"
expect_eq "the orphan after it exited" "" "$(cat after)"
echo "ok"
