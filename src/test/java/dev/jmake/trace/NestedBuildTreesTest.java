package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jmake.syntax.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recipe that runs another build system is judged at the level of its tree: the verifier over trace records as the
 * collector builds them (a recipe shell, a GNU make it starts, the compilers that make starts), on a real directory.
 */
final class NestedBuildTreesTest {
    @TempDir
    Path temp;
    private Path top;
    private TraceVerifier verifier;

    @BeforeEach
    void project() throws Exception {
        top = temp.toRealPath().resolve("proj");
        Files.createDirectories(top.resolve("sub"));
        Map<String, DeclaredJob> jobs = Map.of(
                "all", new DeclaredJob(new Location("Makefile", 4), List.of(top.resolve("all")),
                        Set.of(top.resolve("main.c")), false),
                "gen", new DeclaredJob(new Location("Makefile", 9), List.of(top.resolve("gen.h")), Set.of(), false),
                "ovr", new DeclaredJob(new Location("Makefile", 12), List.of(top.resolve("d/override_x")), Set.of(),
                        false));
        verifier = new TraceVerifier(new RuleTable(List.of(top), List.of(), jobs), TraceScope.of(
                new RuleTable(List.of(top), List.of(), jobs), Map.of()));
    }

    /** Creates {@code names} (top-relative) as the processes' writes left them. */
    private void exist(String... names) throws Exception {
        for (String name : names) {
            Path file = top.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "x");
        }
    }

    private List<AccessEvent> writes(int pid, String... names) {
        return List.of(names).stream().<AccessEvent>map(n -> new AccessEvent.Write(pid, top.resolve(n).toString()))
                .toList();
    }

    private static TracedProcess process(int pid, int parent, String executable, List<AccessEvent> events,
                                         ProcessArguments arguments) {
        return new TracedProcess(pid, parent, "all", executable, false, events, true, arguments);
    }

    /** The recipe's shell (pid 100), {@code make ARGS} it started in the top directory (101), a compiler of it (102). */
    private JobVerdict run(List<String> makeArgs, List<AccessEvent> shell, List<AccessEvent> make,
                           List<AccessEvent> compiler) {
        return verifier.verify(new JobTrace("all", List.of(
                process(100, 1, "/usr/bin/dash", shell, ProcessArguments.NONE),
                process(101, 100, "/usr/bin/make", make, new ProcessArguments(top.toString(), makeArgs)),
                process(102, 101, "/usr/bin/x86_64-linux-gnu-as", compiler, ProcessArguments.NONE)), List.of()));
    }

    private static String kinds(JobVerdict v) {
        return v.findings().stream().map(f -> f.kind() + " " + f.path()).sorted().collect(Collectors.joining("\n"));
    }

    @Test
    void aNestedMakesWritesInItsDirectoryAreOneObservation() throws Exception {
        exist("sub/a.o", "sub/b.o", "sub/lib.a");
        JobVerdict v = run(List.of("make", "-C", "sub"), List.of(), List.of(),
                writes(102, "sub/a.o", "sub/b.o", "sub/lib.a"));
        assertEquals("nested-build sub", kinds(v));
        Finding.NestedBuildTree tree = (Finding.NestedBuildTree) v.findings().get(0);
        assertEquals("make", tree.tool());
        assertEquals(3, tree.files());
        assertEquals(new Actor(101, "/usr/bin/make"), tree.actor());
        assertEquals("Makefile:4: warning: [trace] 'all' ran make, which wrote 3 files in its tree 'sub'",
                tree.message());
        assertEquals(true, v.clean());
        assertEquals(List.of(), v.undeclaredOutputs());
        // The report holds the one entry: the tree, the tool, the count, the process that ran it, no warning.
        TraceReport report = new TraceReport(verifier.scope());
        report.add(v);
        JsonObject entry = JsonParser.parseString(report.toJson()).getAsJsonObject().getAsJsonArray("jobs")
                .get(0).getAsJsonObject().getAsJsonArray("findings").get(0).getAsJsonObject();
        assertEquals("nested-build", entry.get("kind").getAsString());
        assertEquals(false, entry.get("warning").getAsBoolean());
        assertEquals("sub", entry.get("path").getAsString());
        assertEquals("make", entry.get("tool").getAsString());
        assertEquals(3, entry.get("files").getAsInt());
        assertEquals(101, entry.get("pid").getAsInt());
    }

    @Test
    void writesOutsideTheTreeToOtherRulesFilesOrBySomeoneElseStayFindings() throws Exception {
        exist("sub/a.o", "gen.h", "stray", "main.c", "stamp");
        JobVerdict v = run(List.of("make", "-C", "sub"), writes(100, "stamp"), List.of(),
                writes(102, "sub/a.o", "gen.h", "stray", "main.c"));
        assertEquals("""
                nested-build sub
                undeclared-output main.c
                undeclared-output stamp
                undeclared-output stray
                write-to-other-target gen.h""", kinds(v));
    }

    @Test
    void aNestedMakeInTheTopDirectoryOwnsTheTopButNotWhatTheMakefileNames() throws Exception {
        exist("config.h", "libx.a", "main.c");
        JobVerdict v = run(List.of("make"), List.of(), writes(101, "config.h"), writes(102, "libx.a", "main.c"));
        assertEquals("nested-build .\nundeclared-output main.c", kinds(v));
        assertEquals(2, ((Finding.NestedBuildTree) v.findings().get(0)).files());
    }

    @Test
    void aNestedMakeLookingForItsOwnGoalIsNoMissingPrerequisite() {
        List<AccessEvent> lookup = List.of(new AccessEvent.Missing(101, top.resolve("d/override_x").toString()));
        JobVerdict handed = run(List.of("/usr/bin/make", "-f", "Makefile", "d/override_x"), List.of(), lookup, List.of());
        assertEquals("", kinds(handed));
        // The same lookup of another file, or by the recipe's shell, is the race it always was.
        JobVerdict other = run(List.of("/usr/bin/make", "-f", "Makefile", "other"), List.of(), lookup, List.of());
        assertEquals("missing-prerequisite d/override_x", kinds(other));
        // Nor does a listing of the directory see another job's file in it: the goal is the job's own.
        JobVerdict listing = run(List.of("/usr/bin/make", "-f", "Makefile", "d/override_x"),
                List.of(new AccessEvent.Listing(100, top.resolve("d").toString())), List.of(), List.of());
        assertEquals("", kinds(listing));
        JobVerdict listingOther = run(List.of("/usr/bin/make", "-f", "Makefile", "other"),
                List.of(new AccessEvent.Listing(100, top.resolve("d").toString())), List.of(), List.of());
        // (Recorded only: no job of this build made a file there; a race would be a generated-directory-listing.)
        assertEquals("directory-listing d", kinds(listingOther));
        JobVerdict shell = run(List.of("/usr/bin/make", "d/override_x"),
                List.of(new AccessEvent.Missing(100, top.resolve("d/override_x").toString())), List.of(), List.of());
        assertEquals("missing-prerequisite d/override_x", kinds(shell));
    }

    @Test
    void aToolStartedByAToolIsPartOfTheOuterOnesBuild() throws Exception {
        exist("sub/build/x.o");
        JobVerdict v = verifier.verify(new JobTrace("all", List.of(
                process(103, 102, "/usr/bin/x86_64-linux-gnu-as", writes(103, "sub/build/x.o"), ProcessArguments.NONE),
                process(102, 101, "/usr/bin/cmake", List.of(),
                        new ProcessArguments(top.resolve("sub").toString(), List.of("cmake", "--build", "build"))),
                process(101, 100, "/usr/bin/make", List.of(),
                        new ProcessArguments(top.toString(), List.of("make", "-C", "sub"))),
                process(100, 1, "/usr/bin/dash", List.of(), ProcessArguments.NONE)), List.of()));
        assertEquals("nested-build sub", kinds(v));
        assertEquals("make", ((Finding.NestedBuildTree) v.findings().get(0)).tool());
    }

    @Test
    void aToolWithoutArgumentsOwnsTheDirectoriesTheJobCreated() throws Exception {
        exist("out/x.o", "out/deep/y.o");
        List<AccessEvent> ninja = List.of(new AccessEvent.MakeDir(101, top.resolve("out").toString()),
                new AccessEvent.MakeDir(101, top.resolve("out/deep").toString()),
                new AccessEvent.Write(101, top.resolve("out/x.o").toString()),
                new AccessEvent.Write(101, top.resolve("out/deep/y.o").toString()));
        JobVerdict v = verifier.verify(new JobTrace("all", List.of(
                process(100, 1, "/usr/bin/dash", List.of(), ProcessArguments.NONE),
                process(101, 100, "/usr/bin/ninja", ninja, ProcessArguments.NONE)), List.of()));
        assertEquals("nested-build out", kinds(v));
        assertEquals(2, ((Finding.NestedBuildTree) v.findings().get(0)).files());
    }

    @Test
    void aConfigureScriptRunByItsInterpreterIsANestedBuildWithWhatItExecs() throws Exception {
        exist("config.status", "config.log", "Makefile.gen", "pre.txt");
        Path configure = top.resolve("configure");
        Path helper = top.resolve("helper.sh");
        for (Path script : List.of(configure, helper)) {
            Files.writeString(script, "#!/bin/sh\n");
            script.toFile().setExecutable(true);
        }
        String dash = Path.of("/bin/sh").toRealPath().toString();
        String bash = Path.of("/bin/bash").toRealPath().toString();
        // The recipe's bash forks (101), which writes pre.txt and execs ./configure in place (run by sh); configure
        // forks a child (102) that writes config.status, then execs helper.sh in place, which writes Makefile.gen.
        // (Images of one pid and one program are one actor: a shell that writes and then execs a configure run by
        // the same shell counts as part of it.)
        JobVerdict v = verifier.verify(new JobTrace("all", List.of(
                process(100, 1, bash, List.of(), ProcessArguments.NONE),
                process(101, 100, bash, List.of(new AccessEvent.Write(101, top.resolve("pre.txt").toString()),
                        new AccessEvent.Exec(101, configure.toString())), ProcessArguments.NONE),
                process(101, 100, dash, List.of(new AccessEvent.Write(101, top.resolve("config.log").toString()),
                        new AccessEvent.Exec(101, helper.toString())),
                        new ProcessArguments(top.toString(), List.of("/bin/sh", "./configure"))),
                process(102, 101, dash, writes(102, "config.status"), ProcessArguments.NONE),
                process(101, 100, dash, writes(101, "Makefile.gen"), ProcessArguments.NONE)),
                List.of()));
        assertEquals("implicit-input configure\nimplicit-input helper.sh\nnested-build .\nundeclared-output pre.txt",
                kinds(v));
        Finding.NestedBuildTree tree = (Finding.NestedBuildTree) v.findings().get(0);
        assertEquals("configure", tree.tool());
        assertEquals(3, tree.files());
    }
}
