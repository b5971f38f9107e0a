# A recipe whose shell SIGKILLs itself after writing its target, at -j1 and -j2: reported as GNU make reports it
# (`*** [Makefile:3: x] Killed`), the target deleted although there is no .DELETE_ON_ERROR, exit status 2.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
cd "$WORK"
cat > Makefile <<'MK'
all: x
x:
	echo hi > $@; kill -9 $$$$
MK
for jobs in -j1 -j2; do
    for tool in jmake make; do
        rm -f x
        status=0
        if [ $tool = jmake ]; then "$JMAKE" $jobs > out.$tool 2> err.log || status=$?; else make $jobs > out.$tool 2> err.log || status=$?; fi
        echo "$status" > status.$tool
        sed -n 's/^j\{0,1\}make: //p' err.log > err.$tool
        [ -e x ] && echo kept > file.$tool || echo deleted > file.$tool
    done
    expect_eq "status at $jobs" 2 "$(cat status.jmake)"
    expect_eq "messages at $jobs" "*** [Makefile:3: x] Killed
*** Deleting file 'x'" "$(cat err.jmake)"
    expect_eq "target at $jobs" deleted "$(cat file.jmake)"
    for what in status err file out; do
        expect_eq "$what at $jobs (jmake vs make)" "$(cat $what.make)" "$(cat $what.jmake)"
    done
done
echo "ok"
