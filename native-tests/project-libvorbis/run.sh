# libvorbis (Debian bookworm source package libvorbis, Debian patches applied): an automake build configured by its
# autoconf ./configure that recurses through SUBDIRS into 16 directories, four levels deep (. -> lib -> books ->
# coupled, uncoupled, floor; doc -> libvorbis, vorbisfile, vorbisenc; include -> vorbis; m4, vq, test, examples),
# `Making all in ...` and `$(MAKE) $(AM_MAKEFLAGS)` in each, with libtool, silent rules (`  CC  x.lo`), included
# ./$(DEPDIR)/*.Plo dependency files and automake's rules to remake the Makefiles: jmake -n -B lists the same
# commands as GNU make, jmake -j2 builds the same files, libvorbis's own `make check` (test_sharedbook and the
# encode/decode round trips of test/, which re-enter make) passes with the same output, and a second run does what
# GNU make's second run does. It builds against libogg-dev, installed when missing.
set -euo pipefail
source "$REPO/native-tests/lib.sh"
source "$REPO/native-tests/projects/lib.sh"
project_packages libogg-dev
src=$(project_source libvorbis)
project_copy "$src"
project_configure --cache

# -B would remake the Makefiles themselves (aclocal, autoconf, automake, config.status --recheck: those rules run
# even under -n, and the autotools are not installed); -o Makefile keeps them, in the sub-makes too through
# AM_MAKEFLAGS, so the dry run goes on through every directory.
timed "dry run" run_both dry-run -n -B -o Makefile AM_MAKEFLAGS='-o Makefile'
timed "build -j2" build_both -j2
compare_trees
for file in libvorbis.so libvorbisenc.so libvorbisfile.so libvorbis.a; do
    [ -f "$WORK/jmake/lib/.libs/$file" ] || fail "jmake did not build lib/.libs/$file"
done
timed "make check" run_both check check
grep -q "vorbis_2ch_q6.5_96000.ogg : ok" "$WORK/check.jmake" || fail "libvorbis's make check did not pass: $(tail "$WORK/check.jmake")"
grep -q "Dequant test 5... OK" "$WORK/check.jmake" || fail "libvorbis's test_sharedbook did not pass: $(tail "$WORK/check.jmake")"

timed "second run" run_both second-run
project_done
