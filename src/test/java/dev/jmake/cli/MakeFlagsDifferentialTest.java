package dev.jmake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** MAKEFLAGS and MFLAGS as jmake encodes them, checked against what /usr/bin/make gives its recipes. */
class MakeFlagsDifferentialTest {
    @TempDir
    Path dir;

    static Stream<Arguments> commandLines() {
        return Stream.of(
                "", "-k", "-ks", "-sk", "-kj4", "-j", "-j 4", "-j all", "-j1", "-j 1", "--jobs=3", "--jobs 3",
                "--jobs", "-j2 -j", "-j -j2", "-k -S", "-S -k", "-k --no-keep-going", "--stop",
                "-e", "-i", "-n", "-q", "-t", "-B", "-r", "-R", "-w", "-L", "-p", "-d", "-b -m",
                "-B -d -e -i -k -L -n -p -q -r -R -s -t -w", "-BdeikLnpqrRstw",
                "--just-print", "--dry-run", "--recon", "--just", "--silent", "--quiet", "--no-silent", "-s --no-silent",
                "-l", "-l 3", "-l2.5 -j3", "-l .5", "-l 0", "-lx", "--load-average", "--max-load=2",
                "--load-average 3", "--load-average=", "-l 1234567", "-l 0.0001", "-l 1e-5", "-l 1.5e10", "-l2 -l",
                "-O", "-Oline", "--output-sync=recurse", "--output-sync", "-Onone", "-O -j2 --output-sync=none",
                "--debug", "--debug=b", "--debug=b --debug=v", "--debug=b,v", "--deb=a",
                "--trace", "--tr", "--warn-undefined-variables", "--no-print-directory", "-w --no-print-directory",
                "--no-print-directory -w", "-s -w", "-w -s",
                "-I /tmp", "-I/tmp -I /usr", "-I /tmp -I /tmp", "--include-dir=/x", "--inc /y",
                "-o foo -W bar", "--assume-new=y --new-file=x --old-file=z --assume-old=a --what-if=b",
                "-C .", "-C . -s", "-C . --no-print-directory", "--dir=.", "-C. -fMakefile -j", "-f Makefile",
                "--file=Makefile", "--makefile Makefile",
                "--eval=X=1", "-E Y=2", "-EY=2", "--sync-mutex=m",
                "-s -j3 -l2 -O --debug=v --trace --warn-undefined-variables --no-print-directory -I /tmp --eval=X=1 A=1",
                "A=1 B=2", "all -k", "- -k", "-s -- all", "all A=1 -j2", "--jobs=5 all")
                .map(line -> Arguments.of(line.isEmpty() ? List.of() : Arrays.asList(line.split(" "))));
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void encodesLikeGnuMake(List<String> argv) throws Exception {
        assertSameAsMake(argv, Map.of());
    }

    static Stream<Arguments> variableCommandLines() {
        return Stream.of(
                List.of("B=2", "A=1", "C=a b", "D=$$x", "E=a\\b", "F:=1", "G+=2", "H?=3", "J::=4", "A=5"),
                List.of("A=1", "A+=2"), List.of("A:=1", "A+=2"), List.of("A=1", "A?=2"), List.of("A = 1"),
                List.of("A=$(HOME)"), List.of("A:=x", "A=y"), List.of("A::=$$x"), List.of("A=a\tb"),
                List.of(" A=1"), List.of("A$$=2"), List.of("X=1", "--eval=$(info e)", "--eval=X=1 2"),
                List.of("-I", "/a b", "V=$$$$"), List.of("CC+=x"), List.of("A=", "B="))
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("variableCommandLines")
    void encodesVariablesLikeGnuMake(List<String> argv) throws Exception {
        assertSameAsMake(argv, Map.of());
    }

    static Stream<Arguments> environments() {
        return Stream.of(
                env("MAKEFLAGS", "ks"), env("MAKEFLAGS", "-k"), env("MAKEFLAGS", " -j4"),
                env("MAKEFLAGS", "k -- A=1 B=x\\ y", "A=2"), env("MAKEFLAGS", "k -- A=1", "C=3"),
                env("MAKEFLAGS", "s", "--no-silent"), env("MAKEFLAGS", "-I/tmp", "-I/usr"),
                env("MAKEFLAGS", "--eval=X=1"), env("MAKEFLAGS", "d"), env("MAKEFLAGS", "Zk"),
                env("MAKEFLAGS", " --foo -k"), env("MAKEFLAGS", "k -Z"), env("MAKEFLAGS", " -C /tmp"),
                env("MAKEFLAGS", " -f nofile"), env("MAKEFLAGS", " -E X=1"), env("MAKEFLAGS", "kA=1"),
                env("MAKEFLAGS", "A=1 k"), env("MAKEFLAGS", "n --debug=b"), env("MAKEFLAGS", " -o x -W y"),
                env("MAKEFLAGS", " --trace --warn-undefined-variables --no-print-directory -Oline -l3 -j"),
                env("MAKEFLAGS", "k", "-S"), env("MAKEFLAGS", "h"), env("MAKEFLAGS", " -j", "-j2"),
                env("MAKEFLAGS", " -j2", "-j"), env("MAKEFLAGS", "w"), env("MAKEFLAGS", " -- X=$$y"),
                env("MAKEFLAGS", " -- X=a\\\\b"), env("MAKEFLAGS", "e"), env("MAKEFLAGS", "k j3"),
                env("MAKEFLAGS", "- k"), env("MAKEFLAGS", "  k  "), env("MAKEFLAGS", ""),
                env("MAKEFLAGS", " -j0 -k"), env("MAKEFLAGS", " --jobs=x -i"), env("MAKEFLAGS", "--no-s"),
                env("MAKEFLAGS", "k --jobserver-style=fifo"),
                env("MAKELEVEL", "1"), env("MAKELEVEL", "1", "-s"), env("MAKELEVEL", "2", "-w", "-s"),
                env("MAKELEVEL", "1", "--no-print-directory"),
                Arguments.of(Map.of("GNUMAKEFLAGS", "i", "MAKEFLAGS", "k"), List.of()),
                Arguments.of(Map.of("GNUMAKEFLAGS", " -- G=1", "MAKEFLAGS", " -- G=2"), List.of()),
                Arguments.of(Map.of("MFLAGS", "-k"), List.of()),
                Arguments.of(Map.of("A", "x"), List.of("A+=2")),
                Arguments.of(Map.of("A", "x"), List.of("A?=2")));
    }

    private static Arguments env(String name, String value, String... argv) {
        return Arguments.of(Map.of(name, value), List.of(argv));
    }

    @ParameterizedTest
    @MethodSource("environments")
    void mergesTheEnvironmentLikeGnuMake(Map<String, String> environment, List<String> argv) throws Exception {
        assertSameAsMake(argv, environment);
    }

    @ParameterizedTest
    @MethodSource("commandLinesWhileRemakingMakefiles")
    void leavesOutNqtWhileRemakingMakefiles(List<String> argv) throws Exception {
        Files.writeString(dir.resolve("Makefile"), "include inc.mk\n" + GnuMake.ECHO_FLAGS
                + "inc.mk:;$(info [$(MAKEFLAGS)] [$(MFLAGS)])@echo > $@\n");
        String expected = GnuMake.flagsLine(GnuMake.run(dir, argv, Map.of()));
        Options options = new CommandLineParser().parse(argv);
        String actual = "[" + MakeFlags.encode(options, Optional.empty(),
                CommandVariable.resolve(options.variables(), Map.of()), true)
                + "] [" + MakeFlags.encodeMflags(options, Optional.empty(), true) + "]";
        assertEquals(expected, actual, "argv " + argv);
    }

    static Stream<Arguments> commandLinesWhileRemakingMakefiles() {
        return Stream.of("-n", "-q", "-t", "-nqtks", "-k", "-n A=1", "-tw --trace")
                .map(line -> Arguments.of(Arrays.asList(line.split(" "))));
    }

    private void assertSameAsMake(List<String> argv, Map<String, String> environment) throws Exception {
        Files.writeString(dir.resolve("Makefile"), GnuMake.ECHO_FLAGS);
        String expected = GnuMake.flagsLine(GnuMake.run(dir, argv, environment));
        Options options = new CommandLineParser().parse(argv, environment);
        // GNU creates a jobserver (always on fds 3,4 here) for -jN with N > 1.
        Optional<String> auth = options.jobs() instanceof JobLimit.Slots s && s.count() > 1
                ? Optional.of("3,4") : Optional.empty();
        String actual = "[" + MakeFlags.encode(options, auth, CommandVariable.resolve(options.variables(), environment))
                + "] [" + MakeFlags.encodeMflags(options, auth) + "]";
        assertEquals(expected, actual, "argv " + argv + " env " + environment);
    }
}
