package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which processes are another build system, which trees they own and which goals a nested make was given. */
final class NestedBuildTest {
    private static TracedProcess image(String executable, String directory, String... argv) {
        return new TracedProcess(10, 1, "j", executable, false, List.of(), true,
                argv.length == 0 ? ProcessArguments.NONE : new ProcessArguments(directory, List.of(argv)));
    }

    @Test
    void toolsAreKnownByProgramArgvZeroOrTheScriptAnInterpreterRuns() {
        assertEquals(Optional.of("make"), NestedBuild.toolName(image("/usr/bin/make", "/p")));
        assertEquals(Optional.of("cargo"), NestedBuild.toolName(
                image("/root/.rustup/toolchains/stable/bin/cargo", "/p", "cargo", "build")));
        assertEquals(Optional.of("configure"), NestedBuild.toolName(
                image("/usr/bin/dash", "/p", "/bin/sh", "./configure", "--prefix=/usr")));
        assertEquals(Optional.of("dh"), NestedBuild.toolName(image("/usr/bin/perl", "/p", "/usr/bin/perl", "/usr/bin/dh", "build")));
        // A program merely given a file called configure, and cmake as a file utility, run no build.
        assertEquals(Optional.empty(), NestedBuild.toolName(image("/usr/bin/rm", "/p", "rm", "configure")));
        assertEquals(Optional.empty(), NestedBuild.toolName(image("/usr/bin/cmake", "/p", "cmake", "-E", "copy", "a", "b")));
        assertEquals(Optional.empty(), NestedBuild.toolName(image("/usr/bin/gcc", "/p", "gcc", "-c", "x.c")));
    }

    @Test
    void treesAreWhereTheToolWorks() {
        assertEquals(List.of(Path.of("/p/a/b")), NestedBuild.ownedTrees("make",
                new ProcessArguments("/p", List.of("make", "-C", "a", "-Cb", "all"))));
        assertEquals(List.of(Path.of("/p/sub")), NestedBuild.ownedTrees("make",
                new ProcessArguments("/p", List.of("make", "--directory=sub"))));
        assertEquals(List.of(Path.of("/p/build")), NestedBuild.ownedTrees("cmake",
                new ProcessArguments("/p", List.of("cmake", "-S", ".", "-B", "build"))));
        assertEquals(List.of(Path.of("/p/build")), NestedBuild.ownedTrees("cmake",
                new ProcessArguments("/p", List.of("cmake", "--build", "build", "-j2"))));
        assertEquals(List.of(Path.of("/p/obj")), NestedBuild.ownedTrees("cmake",
                new ProcessArguments("/p/obj", List.of("cmake", ".."))));
        assertEquals(List.of(Path.of("/p/out")), NestedBuild.ownedTrees("ninja",
                new ProcessArguments("/p", List.of("ninja", "-C", "out"))));
        assertEquals(List.of(Path.of("/p/bld")), NestedBuild.ownedTrees("meson",
                new ProcessArguments("/p", List.of("meson", "setup", "--buildtype=release", "bld"))));
        assertEquals(List.of(Path.of("/p/rust"), Path.of("/p/tgt")), NestedBuild.ownedTrees("cargo",
                new ProcessArguments("/p", List.of("cargo", "build", "--manifest-path", "rust/Cargo.toml",
                        "--target-dir=tgt"))));
        assertEquals(List.of(Path.of("/p/b")), NestedBuild.ownedTrees("configure",
                new ProcessArguments("/p/b", List.of("/bin/sh", "../configure"))));
        assertEquals(List.of(), NestedBuild.ownedTrees("make", ProcessArguments.NONE));
    }

    @Test
    void aMakesGoalsAreItsNonOptionWords() {
        assertEquals(Set.of(Path.of("/p/override_dh_auto_build")), NestedBuild.makeGoals(new ProcessArguments("/p",
                List.of("/usr/bin/make", "-f", "debian/rules", "override_dh_auto_build"))));
        assertEquals(Set.of(Path.of("/p/sub/all"), Path.of("/p/sub/check")), NestedBuild.makeGoals(
                new ProcessArguments("/p", List.of("make", "-j", "4", "-C", "sub", "V=1", "all", "check"))));
        assertEquals(Set.of(), NestedBuild.makeGoals(new ProcessArguments("/p", List.of("make", "-j2", "-k"))));
    }
}
