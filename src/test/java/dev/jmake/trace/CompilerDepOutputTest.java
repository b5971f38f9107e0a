package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dependency file read from a compiler's arguments, as gcc 12 and clang pass them (see gcc -v). */
final class CompilerDepOutputTest {
    private static final String GCC = "/usr/bin/x86_64-linux-gnu-gcc-12";
    private static final String CC1 = "/usr/lib/gcc/x86_64-linux-gnu/12/cc1";

    private static Optional<CompilerDepOutput> of(String executable, String... argv) {
        return CompilerDepOutput.of(executable, new ProcessArguments("/p", List.of(argv)));
    }

    private static Optional<CompilerDepOutput> file(String path, String... targets) {
        return Optional.of(new CompilerDepOutput(Path.of(path), List.of(targets)));
    }

    @Test
    void driverNamesLoseTheirVersionButNotTheirTarget() {
        assertEquals("gcc", CompilerDepOutput.withoutVersion("gcc-12"));
        assertEquals("clang", CompilerDepOutput.withoutVersion("clang-14.0.6"));
        assertEquals("x86_64-linux-gnu-gcc", CompilerDepOutput.withoutVersion("x86_64-linux-gnu-gcc-12"));
        assertEquals("cc-1", CompilerDepOutput.withoutVersion("cc-1-2"), "only the last version goes");
        assertEquals("gcc-", CompilerDepOutput.withoutVersion("gcc-"));
        assertEquals("gcc-12a", CompilerDepOutput.withoutVersion("gcc-12a"));
        assertEquals("clang-cpp", CompilerDepOutput.withoutVersion("clang-cpp"));
        assertEquals(true, CompilerDepOutput.isDriver("x86_64-linux-gnu-g++-12"));
        assertEquals(false, CompilerDepOutput.isDriver("ld-2"));
    }

    @Test
    void theDriverWritesWhereMfSays() {
        assertEquals(file("/p/.depend/x.o.d"),
                of(GCC, "gcc", "-MMD", "-MF", ".depend/x.o.d", "-c", "x.c", "-o", "x.o"));
        assertEquals(file("/p/.depend/x.o.d", "x.o"),
                of(GCC, "gcc", "-MD", "-MF.depend/x.o.d", "-MT", "x.o", "-c", "x.c", "-o", "x.o"));
        assertEquals(file("/abs/x.d"), of(GCC, "cc", "-M", "-MF", "/abs/x.d", "x.c"));
        assertEquals(Optional.empty(), of(GCC, "gcc", "-M", "x.c"), "-M alone writes to stdout");
        assertEquals(Optional.empty(), of(GCC, "gcc", "-MF", "x.d", "-c", "x.c"), "-MF without -M* writes nothing");
    }

    @Test
    void mdAloneWritesBesideTheOutputOrTheSourcesBaseName() {
        assertEquals(file("/p/obj/x.d", "foo", "bar"),
                of(GCC, "gcc", "-MD", "-MT", "foo", "-MQ", "bar", "-c", "src/x.c", "-o", "obj/x.o"));
        assertEquals(file("/p/obj/x.d"), of(GCC, "gcc", "-MMD", "-c", "src/x.c", "-oobj/x.o"));
        assertEquals(file("/p/x.d"), of(GCC, "gcc", "-I", "inc", "-MMD", "-c", "src/x.c"));
        assertEquals(file("/p/x.i"), of(GCC, "gcc", "-E", "-MD", "-o", "x.i", "x.c"), "with -E, -o names it");
    }

    @Test
    void theDriverPassesWpOptionsToThePreprocessor() {
        assertEquals(file("/p/.deps/x.d"), of(GCC, "gcc", "-Wp,-MD,.deps/x.d", "-c", "x.c", "-o", "x.o"));
        assertEquals(file("/p/.deps/x.d"), of(GCC, "gcc", "-Wp,-MMD,.deps/x.d", "-c", "x.c", "-o", "x.o"));
    }

    @Test
    void cc1TakesTheFileAfterMdAndMfOverridesIt() {
        assertEquals(file("/p/.depend/x.o.d", "d/x.o"), of(CC1, CC1, "-quiet", "-imultiarch", "x86_64-linux-gnu",
                "-MMD", "d/x.d", "-MF", ".depend/x.o.d", "-MQ", "d/x.o", "x.c", "-quiet", "-dumpdir", "d/",
                "-o", "/tmp/ccb513KG.s"));
        assertEquals(file("/p/d/x.d", "d/x.o"), of(CC1, CC1, "-quiet", "-MD", "d/x.d", "-MQ", "d/x.o", "x.c"));
        assertEquals(file("/p/.depend/w.d"), of("/usr/lib/gcc/x86_64-linux-gnu/12/cc1plus", "cc1plus", "-MD",
                ".depend/w.d", "x.cc"));
    }

    @Test
    void clangsFrontEndNamesTheDependencyFile() {
        assertEquals(file("/p/x.d", "x.o"), of("/usr/lib/llvm-14/bin/clang", "/usr/bin/clang", "-cc1", "-triple",
                "x86_64-pc-linux-gnu", "-dependency-file", "x.d", "-MT", "x.o", "-o", "x.o", "x.c"));
        assertEquals(file("/p/obj/x.d"), of("/usr/lib/llvm-14/bin/clang", "clang++-14", "-MMD", "-c", "x.cpp",
                "-o", "obj/x.o"));
    }

    @Test
    void wrappersAndCrossCompilersAreDrivers() {
        assertEquals(file("/p/b/a.d"), of("/usr/bin/ccache", "ccache", "gcc", "-MD", "-c", "a.c", "-o", "b/a.o"));
        assertEquals(file("/p/a.d"), of("/usr/bin/aarch64-linux-gnu-gcc-12", "aarch64-linux-gnu-gcc", "-MD", "-c",
                "a.c", "-o", "a.o"));
    }

    @Test
    void otherProgramsAndProgramsWithoutArgumentsNameNone() {
        assertEquals(Optional.empty(), of("/usr/bin/ld", "ld", "-Map", "out.map", "-MD", "x.o"));
        assertEquals(Optional.empty(), CompilerDepOutput.of(GCC, ProcessArguments.NONE));
    }

    @Test
    void relativePathsResolveAgainstTheWorkingDirectoryCleaned() {
        assertEquals(Optional.of(new CompilerDepOutput(Path.of("/p/sub/x.d"), List.of())),
                CompilerDepOutput.of(GCC, new ProcessArguments("/p/sub", List.of("gcc", "-MMD", "-MF", "./x.d",
                        "-c", "x.c"))));
    }
}
