package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.syntax.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Real recipes run under the shim, judged against the rules they were declared with. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class TraceVerifierTest {
    private TracedRuns runs;
    private int jobs;

    @BeforeAll
    void start(@TempDir Path temp) throws Exception {
        runs = new TracedRuns(temp.resolve("cache"));
    }

    @AfterAll
    void stop() throws Exception {
        runs.close();
    }

    /** A project: its directory and rules, each rule with a recipe to run under the tracer. */
    private final class Project {
        final Path dir;
        final Map<String, DeclaredJob> declared = new HashMap<>();
        final Map<String, String> tokens = new HashMap<>();
        final List<String> ignore;
        /** What the makes above guarantee complete before this one started (relative names). */
        CompleteBefore completeBefore = CompleteBefore.none();
        RuleTable table;
        /** One verifier per table: it judges each job against the jobs it judged before (one build). */
        TraceVerifier verifier;

        Project(Path dir, List<String> ignore) throws Exception {
            this.dir = dir.toRealPath();
            this.ignore = ignore;
        }

        Project(Path dir) throws Exception {
            this(dir, List.of());
        }

        /** Declares the rule at Makefile:{@code line} for {@code targets} (space-separated) with the given prerequisites. */
        Project rule(int line, String targets, String... prerequisites) {
            return rule(line, false, targets, prerequisites);
        }

        Project rule(int line, boolean phony, String targets, String... prerequisites) {
            List<Path> t = List.of(targets.split(" ")).stream().map(dir::resolve).toList();
            Set<Path> p = Set.of(prerequisites).stream().map(dir::resolve).collect(Collectors.toSet());
            String token = "verify-" + (++jobs);
            tokens.put(targets, token);
            declared.put(token, new DeclaredJob(new Location("Makefile", line), t, p, phony));
            table = null;
            return this;
        }

        TraceVerifier verifier() {
            if (table == null) {
                table = new RuleTable(List.of(dir), ignore, declared);
                verifier = new TraceVerifier(table, TraceScope.of(table, System.getenv()), completeBefore);
            }
            return verifier;
        }

        /** Runs {@code script} with sh -c as the recipe of {@code targets} and judges it. */
        JobVerdict run(String targets, String script) throws Exception {
            return runCommand(targets, List.of("sh", "-c", script));
        }

        JobVerdict runCommand(String targets, List<String> command) throws Exception {
            TracedRuns.Run run = runs.traced(dir, command, tokens.get(targets));
            assertEquals(0, run.status(), run.output());
            return verifier().verify(run.trace());
        }

        /** Files a parent make's recipe completed before this make started. */
        Project completeBefore(String... paths) {
            completeBefore = CompleteBefore.of(Stream.of(paths).map(dir::resolve).toList());
            table = null;
            return this;
        }

        void write(String path, String text) throws Exception {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        }
    }

    private static String messages(JobVerdict v) {
        return v.findings().stream().map(Finding::message).collect(Collectors.joining("\n"));
    }

    private static <F extends Finding> F only(JobVerdict v, Class<F> kind) {
        List<Finding> all = v.findings().stream().filter(Finding::warning).toList();
        assertEquals(1, all.size(), messages(v));
        assertTrue(kind.isInstance(all.get(0)), messages(v));
        return kind.cast(all.get(0));
    }

    @Test
    void readingAGeneratedHeaderThatIsNotAPrerequisiteIsAMissingPrerequisite(@TempDir Path temp) throws Exception {
        Project p = new Project(temp).rule(20, "gen/config.h").rule(12, "app.o", "app.c");
        p.write("gen/config.h", "#define N 1\n");
        p.write("app.c", "#include \"gen/config.h\"\nint n = N;\n");
        JobVerdict v = p.run("app.o", "gcc -c app.c -o app.o");
        Finding.MissingPrerequisite f = only(v, Finding.MissingPrerequisite.class);
        assertEquals("gen/config.h", f.path());
        assertTrue(f.actor().executable().endsWith("/cc1"), f.actor().toString());
        assertEquals("Makefile:12: warning: [trace] 'app.o' read 'gen/config.h', built by Makefile:20, which is not a "
                + "prerequisite; add 'gen/config.h' to the prerequisites of 'app.o'", f.message());
        assertFalse(v.clean());
        assertTrue(v.effects().reads().containsKey(p.dir.resolve("gen/config.h")));
        assertTrue(v.effects().writes().containsKey(p.dir.resolve("app.o")));
    }

    @Test
    void aGeneratedHeaderReachedThroughAPrerequisiteIsNoFinding(@TempDir Path temp) throws Exception {
        // The build stage passes the closure: app.o <- app.c, gen/config.h (through a generated dep file, say).
        Project p = new Project(temp).rule(20, "gen/config.h").rule(12, "app.o", "app.c", "gen/config.h");
        p.write("gen/config.h", "#define N 1\n");
        p.write("app.c", "#include \"gen/config.h\"\nint n = N;\n");
        JobVerdict v = p.run("app.o", "gcc -c app.c -o app.o");
        assertEquals(List.of(), v.findings(), messages(v));
        assertTrue(v.clean());
    }

    @Test
    void aCorrectJobHasNoFindingAndAnUndeclaredSourceIsOnlyRecorded(@TempDir Path temp) throws Exception {
        Project p = new Project(temp).rule(3, "b", "a").rule(4, "c", "a");
        p.write("a", "a\n");
        p.write("extra", "e\n");
        JobVerdict clean = p.run("b", "cp a b");
        assertEquals(List.of(), clean.findings(), messages(clean));
        JobVerdict implicit = p.run("c", "cat a extra > c");
        assertTrue(implicit.clean(), messages(implicit));
        Finding f = implicit.findings().get(0);
        assertEquals(1, implicit.findings().size(), messages(implicit));
        assertTrue(f instanceof Finding.ImplicitInput, messages(implicit));
        assertEquals("extra", f.path());
        assertTrue(f.actor().executable().endsWith("/cat"), f.actor().toString());
    }

    @Test
    void aRealNestedGnuMakeIsJudgedAtTheLevelOfItsTree(@TempDir Path temp) throws Exception {
        Project p = new Project(temp).rule(4, "all").rule(9, "gen.h");
        p.write("sub/Makefile", "all: a.o b.o\n\tcat a.o b.o > lib.a\n%.o:\n\techo $@ > $@\n"
                + "both:\n\techo > ../gen.h\n");
        JobVerdict v = p.run("all", "make -s -C sub");
        Finding.NestedBuildTree tree = (Finding.NestedBuildTree) v.findings().stream()
                .filter(f -> f instanceof Finding.NestedBuildTree).findFirst().orElseThrow();
        assertEquals("Makefile:4: warning: [trace] 'all' ran make, which wrote 3 files in its tree 'sub'",
                tree.message());
        assertTrue(v.clean(), messages(v));
        // What it writes to a file another rule of this build makes stays a finding.
        JobVerdict other = p.run("all", "make -s -C sub both");
        assertEquals("gen.h", only(other, Finding.WriteToOtherTarget.class).path());
    }

    @Test
    void anUndeclaredOutputIsReportedWithTheProcessThatWroteIt(@TempDir Path temp) throws Exception {
        Project p = new Project(temp).rule(7, "out.txt");
        JobVerdict v = p.run("out.txt", "echo x > out.txt; echo log > build.log");
        Finding.UndeclaredOutput f = only(v, Finding.UndeclaredOutput.class);
        assertEquals("build.log", f.path());
        assertTrue(f.actor().executable().endsWith("sh") || f.actor().executable().endsWith("dash"), f.toString());
        assertEquals("Makefile:7: warning: [trace] 'out.txt' wrote 'build.log', which is not a target of its rule; "
                + "add 'build.log' to the rule's targets (grouped, with '&:')", f.message());
        assertEquals(List.of(p.dir.resolve("build.log")), v.undeclaredOutputs());
    }

    @Test
    void writingAnotherRulesTargetSaysWhichRule(@TempDir Path temp) throws Exception {
        Project p = new Project(temp).rule(5, "b.txt").rule(9, "a.txt");
        JobVerdict v = p.run("a.txt", "echo a > a.txt; cp a.txt b.txt");
        Finding.WriteToOtherTarget f = only(v, Finding.WriteToOtherTarget.class);
        assertTrue(f.actor().executable().endsWith("/cp"), f.actor().toString());
        assertEquals("Makefile:9: warning: [trace] 'a.txt' wrote 'b.txt', a target of Makefile:5",
                f.message());
        assertEquals(List.of(), v.undeclaredOutputs(), "another rule's target is never deleted as undeclared");
    }

    @Test
    void deletingASourceIsReported(@TempDir Path temp) throws Exception {
        Project p = new Project(temp).rule(2, "new.c", "old.c");
        p.write("old.c", "int x;\n");
        JobVerdict v = p.run("new.c", "cp old.c new.c && rm old.c");
        Finding.DeletedSource f = only(v, Finding.DeletedSource.class);
        assertTrue(f.actor().executable().endsWith("/rm"), f.actor().toString());
        assertEquals("Makefile:2: warning: [trace] 'new.c' deleted source file 'old.c'", f.message());
        assertEquals(Set.of(p.dir.resolve("old.c")), v.effects().deletes().keySet());
    }

    @Test
    void listingADirectoryWhereAnotherJobWroteIsARaceUnlessTheGraphOrdersThem(@TempDir Path temp) throws Exception {
        Project p = new Project(temp).rule(30, "gen/a.h").rule(31, "list.txt").rule(32, "list2.txt", "gen/a.h");
        p.write("gen/old.h", "\n");
        assertEquals(List.of(), p.run("gen/a.h", "echo > gen/a.h").findings());
        JobVerdict v = p.run("list.txt", "ls gen > list.txt");
        Finding.GeneratedDirectoryListing f = only(v, Finding.GeneratedDirectoryListing.class);
        assertTrue(f.actor().executable().endsWith("/ls"), f.actor().toString());
        assertEquals("Makefile:31: warning: [trace] 'list.txt' listed directory 'gen', where Makefile:30 builds "
                + "'gen/a.h', which is not a prerequisite; add 'gen/a.h' to the prerequisites of 'list.txt'",
                f.message());
        JobVerdict declared = p.run("list2.txt", "ls gen > list2.txt");
        assertEquals(List.of(), declared.findings(), messages(declared));
    }

    @Test
    void aListingBeforeAnotherJobWritesThereIsRecordedAndBecomesARaceWhenThatJobFinishes(@TempDir Path temp)
            throws Exception {
        Project p = new Project(temp).rule(30, "gen/a.h").rule(31, "list.txt").rule(32, "gen/b.h", "list.txt");
        p.write("gen/old.h", "\n");
        // Nothing made gen/a.h yet: what ls saw did not depend on the order (yet).
        JobVerdict listed = p.run("list.txt", "ls gen > list.txt");
        assertTrue(listed.clean(), messages(listed));
        Finding.DirectoryListing recorded = (Finding.DirectoryListing) listed.findings().get(0);
        assertEquals("'list.txt' listed directory 'gen', where Makefile:30 could build 'gen/a.h', which no job of "
                + "this build made before it", recorded.summary());
        // gen/b.h is made after list.txt by the graph: the listing never sees it.
        JobVerdict after = p.run("gen/b.h", "echo > gen/b.h");
        assertEquals(List.of(), after.findings(), messages(after));
        // gen/a.h could come first or not: a race, said about list.txt, not held against gen/a.h.
        JobVerdict writer = p.run("gen/a.h", "echo > gen/a.h");
        Finding.GeneratedDirectoryListing race = only(writer, Finding.GeneratedDirectoryListing.class);
        assertEquals("list.txt", race.job());
        assertEquals(new Location("Makefile", 31), race.rule());
        assertEquals("gen/a.h", race.generated());
        assertEquals(List.of(race), writer.ofEarlierJobs());
        assertTrue(writer.clean(), "the writer did what its rule says");
    }

    @Test
    void aRenamedDependencyFileStaysTheJobsOwnWhereAnotherRuleMakesItsFirstVersion(@TempDir Path temp)
            throws Exception {
        // automake: .deps/x.Plo is the target of the rule that makes a dummy one for the makefile to include.
        Project p = new Project(temp).rule(466, ".deps/x.Plo").rule(486, "x.o", "x.c");
        p.write("x.c", "int x;\n");
        p.write(".deps/x.Plo", "# dummy\n");
        JobVerdict v = p.run("x.o", "gcc -MT x.o -MD -MP -MF .deps/x.Tpo -c -o x.o x.c && mv -f .deps/x.Tpo .deps/x.Plo");
        assertEquals(List.of(), v.findings(), messages(v));
        assertTrue(v.effects().writes().containsKey(p.dir.resolve(".deps/x.Plo")));
        JobVerdict other = p.run("x.o", "gcc -c -o x.o x.c && echo > .deps/x.Plo");
        Finding.WriteToOtherTarget f = only(other, Finding.WriteToOtherTarget.class);
        assertEquals(".deps/x.Plo", f.path());
    }

    @Test
    void filesTheTargetNamesAreItsOwnAndADirectoryNoRuleNamesIsTheToolsOwn(@TempDir Path temp) throws Exception {
        // libtool: x.lo names the PIC object in .libs and the plain one beside it.
        Project p = new Project(temp).rule(486, "x.lo", "x.c").rule(487, "y.lo", "x.c");
        p.write("x.c", "int x;\n");
        JobVerdict v = p.run("x.lo", "mkdir -p .libs && gcc -c x.c -fPIC -o .libs/x.o && gcc -c x.c -o x.o"
                + " && printf \"pic_object='.libs/x.o'\\nnon_pic_object='x.o'\\n\" > x.lo");
        assertTrue(v.clean(), messages(v));
        Finding.ToolOutputs tool = (Finding.ToolOutputs) v.findings().get(0);
        assertEquals(1, v.findings().size(), messages(v));
        assertEquals(".libs", tool.path());
        assertEquals(1, tool.files());
        // A file the target does not name, beside it, is still an undeclared output.
        JobVerdict unnamed = p.run("y.lo", "gcc -c x.c -o y.o && echo \"pic_object='.libs/y.o'\" > y.lo");
        assertEquals("y.o", only(unnamed, Finding.UndeclaredOutput.class).path());
    }

    @Test
    void aReadOfWhatAnotherJobWroteIsARaceOnlyWhenTheGraphDoesNotOrderThatJobFirst(@TempDir Path temp)
            throws Exception {
        Project p = new Project(temp).rule(486, "x.lo", "x.c").rule(444, "lib.a", "x.lo", "x.c")
                .rule(450, "other.a");
        p.write("x.c", "int x;\n");
        p.run("x.lo", "gcc -c x.c -o x.o && echo \"non_pic_object='x.o'\" > x.lo");
        JobVerdict ordered = p.run("lib.a", "ar rc lib.a x.o");
        assertEquals(List.of(), ordered.findings(), messages(ordered));
        JobVerdict race = p.run("other.a", "ar rc other.a x.o");
        Finding.MissingPrerequisite f = only(race, Finding.MissingPrerequisite.class);
        assertEquals("Makefile:450: warning: [trace] 'other.a' read 'x.o', built by Makefile:486, which is not a "
                + "prerequisite; add 'x.o' to the prerequisites of 'other.a'", f.message());
    }

    @Test
    void aStampFilesJobMakesTheFileTheStampStandsFor(@TempDir Path temp) throws Exception {
        // automake: config.h: stamp-h1 (recipe only a fallback); stamp-h1: config.h.in runs config.status.
        Project p = new Project(temp).rule(429, "config.h", "stamp-h1", "config.h.in").rule(433, "stamp-h1",
                "config.h.in").rule(440, "other", "config.h.in");
        p.write("config.h.in", "#define A 2\n");
        p.write("config.h", "#define A 1\n");
        JobVerdict v = p.run("stamp-h1", "cmp -s config.h.in config.h || cp config.h.in config.h; echo ts > stamp-h1");
        assertEquals(List.of(), v.findings(), messages(v));
        JobVerdict other = p.run("other", "cp config.h.in config.h; echo > other");
        assertEquals("config.h", only(other, Finding.WriteToOtherTarget.class).path());
    }

    @Test
    void inPlaceEditsRenamesAndTemporaryFilesLeaveOnlyTheTargets(@TempDir Path temp) throws Exception {
        Project p = new Project(temp).rule(1, "out.txt out2.txt", "in.txt");
        p.write("in.txt", "abc\n");
        JobVerdict v = p.run("out.txt out2.txt", "cp in.txt out.txt && sed -i s/a/b/ out.txt"
                + " && echo t > scratch.$$ && cat scratch.$$ > /dev/null && rm scratch.$$"
                + " && echo y > out2.tmp && mv out2.tmp out2.txt");
        assertEquals(List.of(), v.findings(), messages(v));
        assertEquals(Set.of(p.dir.resolve("out.txt"), p.dir.resolve("out2.txt")), v.effects().writes().keySet());
        assertEquals(Set.of(), v.effects().deletes().keySet());
        assertEquals(Set.of(p.dir.resolve("in.txt")), v.effects().reads().keySet());
    }

    @Test
    void aHardLinkIntoATargetIsAWrite(@TempDir Path temp) throws Exception {
        Project p = new Project(temp).rule(1, "copy").rule(2, "other");
        p.write("orig", "o\n");
        JobVerdict v = p.run("copy", "ln orig copy && ln -s orig other");
        assertEquals(Set.of(p.dir.resolve("copy"), p.dir.resolve("other")), v.effects().writes().keySet());
        Finding.WriteToOtherTarget f = only(v, Finding.WriteToOtherTarget.class);
        assertEquals("other", f.path());
    }

    @Test
    void gccDependencyFilesBesideTheObjectAndItsDirectoryAreAllowed(@TempDir Path temp) throws Exception {
        Project p = new Project(temp).rule(4, "obj/x.o", "x.c", "x.h");
        p.write("x.c", "#include \"x.h\"\nint x;\n");
        p.write("x.h", "\n");
        JobVerdict v = p.run("obj/x.o", "mkdir -p obj && gcc -MMD -MP -c x.c -o obj/x.o");
        assertEquals(List.of(), v.findings(), messages(v));
        assertEquals(Set.of(p.dir.resolve("obj"), p.dir.resolve("obj/x.d"), p.dir.resolve("obj/x.o")),
                v.effects().writes().keySet());
    }

    @Test
    void aDependencyFileTheCompilerIsToldToWriteElsewhereIsItsOwnOutput(@TempDir Path temp) throws Exception {
        Project p = new Project(temp).rule(4, "x.o", "x.c").rule(5, "y.o", "y.c").rule(6, "z.o", "z.c");
        p.write("x.c", "int x;\n");
        p.write("y.c", "int y;\n");
        p.write("z.c", "int z;\n");
        JobVerdict mf = p.run("x.o", "mkdir -p .depend && gcc -MMD -MF .depend/x.o.d -MT x.o -c x.c -o x.o");
        assertEquals(List.of(), mf.findings(), messages(mf));
        assertTrue(mf.effects().writes().containsKey(p.dir.resolve(".depend/x.o.d")), mf.effects().toString());
        JobVerdict wp = p.run("y.o", "mkdir -p deps && gcc -Wp,-MD,deps/y.d -c y.c -o y.o");
        assertEquals(List.of(), wp.findings(), messages(wp));
        assertTrue(wp.effects().writes().containsKey(p.dir.resolve("deps/y.d")), wp.effects().toString());
        // Not asked for by any argument: still a finding.
        JobVerdict stray = p.run("z.o", "gcc -c z.c -o z.o && echo 'z.o: z.c' > z.d");
        assertEquals("z.d", only(stray, Finding.UndeclaredOutput.class).path());
    }

    @Test
    void ignorePatternsSilenceFindings(@TempDir Path temp) throws Exception {
        Project p = new Project(temp, List.of("%.log", "cache/%")).rule(7, "out.txt");
        JobVerdict v = p.run("out.txt", "echo x > out.txt; echo log > sub.log; mkdir -p cache; echo c > cache/x");
        assertEquals(List.of(), v.warnings(), messages(v));
        // Observations stay in the report.
        assertTrue(v.effects().writes().containsKey(p.dir.resolve("sub.log")));
    }

    @Test
    void aStaticallyLinkedProgramLeavesTheJobUntraced(@TempDir Path temp) throws Exception {
        Project p = new Project(temp).rule(6, "data.txt").rule(8, "direct.txt");
        p.write("writer.c", "#include <stdio.h>\nint main(int c, char **v){FILE *f=fopen(v[c-1],\"w\");"
                + "fputs(\"x\\n\",f);return fclose(f);}\n");
        TracedRuns.Run cc = TracedRuns.plain(p.dir, List.of("gcc", "-static", "-O1", "-o", "writer", "writer.c"));
        assertEquals(0, cc.status(), cc.output());
        JobVerdict v = p.run("data.txt", "./writer data.txt");
        Finding.Untraced f = only(v, Finding.Untraced.class);
        assertEquals("writer", f.path());
        assertEquals("Makefile:6: warning: [trace] 'data.txt' ran 'writer', statically linked, not traced",
                f.message());
        assertFalse(v.clean());
        assertEquals("x\n", Files.readString(p.dir.resolve("data.txt")));
        // A script whose interpreter is static: the interpreter is what runs untraced (it writes its last argument).
        Path script = Files.writeString(p.dir.resolve("via-static"), "#!" + p.dir.resolve("writer") + "\n");
        Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        p.rule(11, "script.txt");
        JobVerdict viaScript = p.run("script.txt", "./via-static script.txt");
        assertEquals("'script.txt' ran 'via-static', statically linked, not traced",
                only(viaScript, Finding.Untraced.class).summary());
        // Run without a shell, the job has no traced process at all: a tracer error, never a clean job.
        JobVerdict direct = p.runCommand("direct.txt", List.of(p.dir.resolve("writer").toString(), "direct.txt"));
        Finding.TracerError e = only(direct, Finding.TracerError.class);
        assertTrue(e.message().startsWith("Makefile:8: warning: [trace] 'direct.txt': no process of the recipe "
                + "reported to the tracer"), e.message());
    }

    @Test
    void aScriptRunsUnderItsInterpreterAndIsTraced(@TempDir Path temp) throws Exception {
        Project p = new Project(temp).rule(1, "s.out", "tool.sh");
        p.write("tool.sh", "#!/bin/sh\necho hi > s.out\n");
        Files.setPosixFilePermissions(p.dir.resolve("tool.sh"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        JobVerdict v = p.run("s.out", "./tool.sh");
        assertEquals(List.of(), v.findings(), messages(v));
        assertTrue(v.effects().execs().containsKey(p.dir.resolve("tool.sh")), v.effects().execs().toString());
    }

    @Test
    void eachDistinctWarningIsHandedOutOncePerBuild(@TempDir Path temp) throws Exception {
        Project p = new Project(temp).rule(7, "out.txt");
        TraceVerifier verifier = p.verifier();
        TracedRuns.Run first = runs.traced(p.dir, List.of("sh", "-c", "echo x > out.txt; echo l > side.log"),
                p.tokens.get("out.txt"));
        TracedRuns.Run again = runs.traced(p.dir, List.of("sh", "-c", "echo x > out.txt; echo l > side.log"),
                p.tokens.get("out.txt"));
        assertEquals(1, verifier.newWarnings(verifier.verify(first.trace())).size());
        assertEquals(List.of(), verifier.newWarnings(verifier.verify(again.trace())));
    }

    @Test
    void aScratchDirectoryMadeOrRemovedIsNoOutputButAnotherRulesDirectoryIs(@TempDir Path temp) throws Exception {
        Project p = new Project(temp).rule(1, "x").rule(2, "y").rule(3, "out").rule(4, "z");
        assertEquals(List.of(), p.run("x", "mkdir scratch && touch x").findings());
        assertEquals(List.of(), p.run("y", "rmdir scratch && touch y").findings());
        JobVerdict z = p.run("z", "mkdir out && touch z");
        assertEquals("out", only(z, Finding.WriteToOtherTarget.class).path());
        assertTrue(z.effects().directories().contains(p.dir.resolve("out")), z.effects().toString());
    }

    @Test
    void aPhonyCleanRuleMayDeleteGeneratedFilesButNotSources(@TempDir Path temp) throws Exception {
        Project p = new Project(temp).rule(1, "a.o", "a.c").rule(9, true, "clean").rule(10, "other");
        p.write("a.c", "int a;\n");
        p.write("a.o", "");
        JobVerdict clean = p.run("clean", "rm -f a.o b.o");
        assertEquals(List.of(), clean.findings(), messages(clean));
        p.write("a.o", "");
        JobVerdict other = p.run("other", "rm -f a.o && touch other");
        Finding.WriteToOtherTarget f = only(other, Finding.WriteToOtherTarget.class);
        assertEquals("Makefile:10: warning: [trace] 'other' deleted 'a.o', a target of Makefile:1",
                f.message());
        JobVerdict sources = p.run("clean", "rm -f a.c");
        assertEquals("a.c", only(sources, Finding.DeletedSource.class).path());
    }

    @Test
    void arUpdatingItsOwnArchiveThroughATemporaryFileIsClean(@TempDir Path temp) throws Exception {
        Project p = new Project(temp).rule(1, "x.o", "x.c").rule(2, "lib/libx.a", "x.o", "x.c");
        p.write("x.c", "int x;\n");
        assertEquals(List.of(), p.run("x.o", "gcc -c x.c -o x.o").findings());
        JobVerdict first = p.run("lib/libx.a", "mkdir -p lib && ar rcs lib/libx.a x.o");
        assertEquals(List.of(), first.findings(), messages(first));
        JobVerdict again = p.run("lib/libx.a", "ar rcs lib/libx.a x.o");
        assertEquals(List.of(), again.findings(), messages(again));
        assertEquals(Set.of(p.dir.resolve("lib/libx.a")), again.effects().writes().keySet(),
                "ar's mkstemp file in lib/ is renamed over the archive: only the archive remains");
        assertEquals(Set.of(p.dir.resolve("x.o")), again.effects().reads().keySet(), "reading its own archive is no input");
    }

    @Test
    void pythonImportingATreeModuleIsAnImplicitInputAndItsBytecodeCacheIsIgnored(@TempDir Path temp)
            throws Exception {
        Project p = new Project(temp).rule(3, "out.txt", "gen.py");
        p.write("gen.py", "import helper\nprint(helper.VALUE)\n");
        p.write("helper.py", "VALUE = 42\n");
        JobVerdict v = p.run("out.txt", "python3 gen.py > out.txt");
        assertEquals(List.of(), v.warnings(), messages(v));
        assertEquals(List.of("helper.py"), v.findings().stream().map(Finding::path).toList(), messages(v));
        assertEquals("42\n", Files.readString(p.dir.resolve("out.txt")));
    }

    @Test
    void aGeneratedHeaderAParentMakeCompletedBeforeThisMakeStartedIsNoFinding(@TempDir Path temp) throws Exception {
        // automake: the parent's `all: config.h` runs `$(MAKE) all-am`, whose objects read config.h.
        Project ordered = new Project(Files.createDirectory(temp.resolve("ordered"))).rule(861, "config.h")
                .rule(12, "app.o", "app.c").completeBefore("config.h", "local.h");
        ordered.write("config.h", "#define N 1\n");
        ordered.write("local.h", "#define M 1\n");
        ordered.write("app.c", "#include \"config.h\"\n#include \"local.h\"\nint n = N + M;\n");
        JobVerdict v = ordered.run("app.o", "gcc -c app.c -o app.o");
        assertEquals(List.of(), v.warnings(), messages(v));
        // A source no rule builds is still an input the job does not declare, recorded.
        assertEquals(List.of("local.h"), v.findings().stream().map(Finding::path).toList(), messages(v));
        assertTrue(v.findings().get(0) instanceof Finding.ImplicitInput, messages(v));
        // Another file of the set orders nothing for config.h.
        Project unordered = new Project(Files.createDirectory(temp.resolve("unordered"))).rule(861, "config.h")
                .rule(12, "app.o", "app.c").completeBefore("other.h");
        unordered.write("config.h", "#define N 1\n");
        unordered.write("app.c", "#include \"config.h\"\nint n = N;\n");
        assertEquals("config.h", only(unordered.run("app.o", "gcc -c app.c -o app.o"),
                Finding.MissingPrerequisite.class).path());
    }

    @Test
    void aLookupOfAFileAParentMakeCompletedIsNoFinding(@TempDir Path temp) throws Exception {
        // gcc looks in gen/ first: the parent made sure gen/config.h is as it should be (here: not made at all).
        Project p = new Project(temp).rule(20, "gen/config.h").rule(12, "app.o", "app.c", "config.h")
                .completeBefore("gen/config.h");
        Files.createDirectories(p.dir.resolve("gen"));
        p.write("config.h", "#define N 1\n");
        p.write("app.c", "#include <config.h>\nint n = N;\n");
        JobVerdict v = p.run("app.o", "gcc -Igen -I. -c app.c -o app.o");
        assertEquals(List.of(), v.warnings(), messages(v));
    }

    @Test
    void aFileAParentCompletedButAnUnorderedJobOfThisMakeWroteIsStillARace(@TempDir Path temp) throws Exception {
        Project p = new Project(temp).rule(861, "config.h").rule(12, "app.o", "app.c").completeBefore("config.h");
        p.write("app.c", "#include \"config.h\"\nint n = N;\n");
        p.run("config.h", "echo '#define N 2' > config.h");
        Finding.MissingPrerequisite f = only(p.run("app.o", "gcc -c app.c -o app.o"),
                Finding.MissingPrerequisite.class);
        assertEquals("Makefile:12: warning: [trace] 'app.o' read 'config.h', built by Makefile:861, which is not a "
                + "prerequisite; add 'config.h' to the prerequisites of 'app.o'", f.message());
    }

    @Test
    void lookingForAGeneratedHeaderBeforeItIsBuiltIsAMissingPrerequisite(@TempDir Path temp) throws Exception {
        // gcc searches gen/ first: once the generator has run, app.o gets the other config.h.
        Project p = new Project(temp).rule(20, "gen/config.h").rule(12, "app.o", "app.c", "config.h");
        Files.createDirectories(p.dir.resolve("gen"));
        p.write("config.h", "#define N 1\n");
        p.write("app.c", "#include <config.h>\nint n = N;\n");
        JobVerdict v = p.run("app.o", "gcc -Igen -I. -c app.c -o app.o");
        Finding.MissingPrerequisite f = only(v, Finding.MissingPrerequisite.class);
        assertEquals("Makefile:12: warning: [trace] 'app.o' looked for 'gen/config.h' (not there yet), built by "
                + "Makefile:20, which is not a prerequisite; add 'gen/config.h' to the prerequisites of 'app.o'",
                f.message());
    }

    @Test
    void aSmallCProjectBuiltRuleByRuleHasNoWarning(@TempDir Path temp) throws Exception {
        Project p = new Project(temp)
                .rule(1, "version.h", "version.txt")
                .rule(2, "obj/main.o", "main.c", "util.h", "version.h", "version.txt")
                .rule(3, "obj/util.o", "util.c", "util.h")
                .rule(4, "lib/libutil.a", "obj/util.o", "util.c", "util.h")
                .rule(5, "app", "obj/main.o", "lib/libutil.a", "main.c", "util.c", "util.h", "version.h", "version.txt");
        p.write("version.txt", "3\n");
        p.write("util.h", "int twice(int);\n");
        p.write("util.c", "#include \"util.h\"\nint twice(int x){return 2*x;}\n");
        p.write("main.c", "#include \"util.h\"\n#include \"version.h\"\nint main(void){return twice(V) - 6;}\n");
        List<JobVerdict> verdicts = List.of(
                p.run("version.h", "printf '#define V %s\\n' $(cat version.txt) > version.h.tmp && mv version.h.tmp version.h"),
                p.run("obj/main.o", "mkdir -p obj && gcc -O2 -MMD -c main.c -o obj/main.o"),
                p.run("obj/util.o", "mkdir -p obj && gcc -O2 -MMD -c util.c -o obj/util.o"),
                p.run("lib/libutil.a", "mkdir -p lib && rm -f lib/libutil.a && ar rcs lib/libutil.a obj/util.o"),
                p.run("app", "gcc -o app obj/main.o -Llib -lutil"));
        for (JobVerdict v : verdicts) {
            assertEquals(List.of(), v.findings(), messages(v));
        }
        assertEquals(0, TracedRuns.plain(p.dir, List.of("./app")).status());
        assertEquals(Set.of(p.dir.resolve("app")), verdicts.get(4).effects().writes().keySet());
    }

    @Test
    void aSetuidProgramRunsWithoutTheShimAndIsNamedUnlessRunAsRoot(@TempDir Path temp) throws Exception {
        Path mount = Path.of("/usr/bin/mount");
        org.junit.jupiter.api.Assumptions.assumeTrue(ExecutableFile.inspect(mount).privileged(), "needs setuid mount");
        Project p = new Project(temp).rule(3, "v.txt");
        JobVerdict v = p.run("v.txt", "/usr/bin/mount --version > v.txt");
        if ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0) {
            // As root, setuid changes nothing: no secure-execution mode, the shim loads and the job is traced.
            assertEquals(List.of(), v.findings(), messages(v));
            return;
        }
        Finding.Untraced f = only(v, Finding.Untraced.class);
        assertEquals("'v.txt' ran '/usr/bin/mount', setuid or setgid, not traced", f.summary());
    }
}
