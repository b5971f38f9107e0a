package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Compilation database entries read from the arguments of traced programs, as gcc, clang and ccache run. */
final class CompileCommandTest {
    private static final String GCC = "/usr/bin/x86_64-linux-gnu-gcc-12";

    private static List<CompileCommand> of(String executable, String... argv) {
        return CompileCommand.of(executable, new ProcessArguments("/p", List.of(argv)));
    }

    private static CompileCommand entry(String file, String output, String... arguments) {
        return new CompileCommand("/p", List.of(arguments), file, Optional.ofNullable(output));
    }

    @Test
    void aDriverCompilingOneSourceIsOneEntryWithItsOutput() {
        assertEquals(List.of(entry("src/x.c", "obj/x.o", "cc", "-O2", "-I", "inc", "-c", "src/x.c", "-o", "obj/x.o")),
                of(GCC, "cc", "-O2", "-I", "inc", "-c", "src/x.c", "-o", "obj/x.o"));
        assertEquals(List.of(entry("x.c", "x.o", "gcc", "-c", "-ox.o", "x.c")), of(GCC, "gcc", "-c", "-ox.o", "x.c"));
        assertEquals(List.of(entry("x.c", null, "gcc", "-c", "x.c")), of(GCC, "gcc", "-c", "x.c"), "no -o: no output");
    }

    @Test
    void everyCDriverCountsCrossCompilersAndVersionedOnesToo() {
        for (String program : List.of("gcc", "cc", "clang", "g++", "c++", "clang++", "x86_64-linux-gnu-gcc-12",
                "clang-14", "aarch64-linux-gnu-g++")) {
            assertEquals(1, of("/usr/bin/" + program, program, "-c", "a.cpp").size(), program);
        }
        for (String source : List.of("a.c", "a.cc", "a.cpp", "a.cxx", "a.C", "a.m", "a.mm", "a.S", "a.s")) {
            assertEquals(List.of(source), of(GCC, "gcc", "-c", source).stream().map(CompileCommand::file).toList());
        }
    }

    @Test
    void severalSourcesAreOneEntryEachWithoutTheOthers() {
        assertEquals(List.of(entry("a.c", null, "gcc", "-Wall", "-c", "a.c"),
                        entry("b.c", null, "gcc", "-Wall", "-c", "b.c")),
                of(GCC, "gcc", "-Wall", "-c", "a.c", "b.c"));
    }

    @Test
    void optionValuesAreNotTakenForSources() {
        assertEquals(List.of("real.c"), of(GCC, "gcc", "-include", "pre.c", "-MF", "x.d.c", "-x", "c", "-c",
                "real.c").stream().map(CompileCommand::file).toList());
    }

    @Test
    void internalToolsLinksAndOtherProgramsAreNoEntry() {
        assertEquals(List.of(), of("/usr/lib/gcc/x86_64-linux-gnu/12/cc1", "/usr/lib/gcc/x86_64-linux-gnu/12/cc1",
                "-quiet", "x.c", "-c"));
        assertEquals(List.of(), of("/usr/bin/x86_64-linux-gnu-as", "as", "-c", "x.s"));
        assertEquals(List.of(), of("/usr/lib/gcc/x86_64-linux-gnu/12/collect2", "collect2", "-c", "x.c"));
        assertEquals(List.of(), of("/usr/lib/llvm-14/bin/clang", "clang", "-cc1", "-c", "x.c"));
        assertEquals(List.of(), of(GCC, "gcc", "-o", "app", "a.o", "b.c"), "no -c: a link (even with a source)");
        assertEquals(List.of(), of(GCC, "gcc", "-c"), "-c without a source");
        assertEquals(List.of(), of("/usr/bin/cpp", "cpp", "-c", "x.c"), "cpp only preprocesses");
        assertEquals(List.of(), of("/bin/dash", "sh", "-c", "gcc -c x.c"));
        assertEquals(List.of(), of("/usr/bin/python3.11", "python3", "-c", "x.c"));
    }

    @Test
    void ccacheIsLookedThroughAsAPrefixOrAMasqueradeLink() {
        assertEquals(List.of(entry("x.c", "x.o", "gcc", "-c", "x.c", "-o", "x.o")),
                of("/usr/bin/ccache", "ccache", "gcc", "-c", "x.c", "-o", "x.o"));
        assertEquals(List.of(entry("x.c", "x.o", "/usr/lib/ccache/gcc", "-c", "x.c", "-o", "x.o")),
                of("/usr/bin/ccache", "/usr/lib/ccache/gcc", "-c", "x.c", "-o", "x.o"));
    }

    @Test
    void aDriverRunByCcacheForTheSameSourceIsLeftToCcachesEntry() {
        TracedProcess ccache = process(10, 1, "/usr/bin/ccache", "ccache", "gcc", "-c", "x.c", "-o", "x.o");
        TracedProcess real = process(11, 10, GCC, "/usr/bin/gcc", "-c", "x.c", "-o", "/tmp/ccache/tmp.o");
        TracedProcess other = process(12, 1, GCC, "gcc", "-c", "y.c");
        JobTrace trace = new JobTrace("1", List.of(real, ccache, other), List.of());
        assertEquals(List.of(entry("x.c", "x.o", "gcc", "-c", "x.c", "-o", "x.o"), entry("y.c", null, "gcc", "-c",
                "y.c")), CompileCommand.of(trace));
    }

    private static TracedProcess process(int pid, int parent, String executable, String... argv) {
        return new TracedProcess(pid, parent, "1", executable, false, List.of(), true,
                new ProcessArguments("/p", List.of(argv)));
    }
}
