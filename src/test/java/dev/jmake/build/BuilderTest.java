package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jmake.ShellCommandRunner;
import dev.jmake.eval.ChildEnvironment;
import dev.jmake.eval.Database;
import dev.jmake.eval.Evaluator;
import dev.jmake.eval.ReadSettings;
import dev.jmake.graph.TargetGraph;
import dev.jmake.process.ProcessSpawner;
import dev.jmake.ui.Diagnostics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build phase in process against GNU make on copies of one tree: what each prints on stdout and stderr, its
 * exit status and the files it leaves. Recipes write to files, since they run as real child processes.
 */
class BuilderTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin");
    private static final Instant OLD = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant NEWER = Instant.parse("2021-01-01T00:00:00Z");

    @TempDir
    Path gnu;
    @TempDir
    Path ours;

    /** One run's outcome: stdout, stderr, status and the files left (name to content). */
    private record Outcome(String out, String err, int status, Map<String, String> files) {}

    private void tree(Map<String, Instant> files, String makefile) throws IOException {
        for (Path dir : List.of(gnu, ours)) {
            Files.writeString(dir.resolve("Makefile"), makefile);
            for (Map.Entry<String, Instant> e : files.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.writeString(p, e.getKey() + "\n");
                Files.setLastModifiedTime(p, FileTime.from(e.getValue()));
            }
        }
    }

    private Outcome gnuMake(List<String> args) throws IOException, InterruptedException {
        GnuMakeRun run = GnuMakeRun.in(gnu, ENV, args);
        return new Outcome(run.stdout(), run.stderr(), run.status(), files(gnu));
    }

    private Outcome jmake(BuildOptions options, List<String> goals) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Diagnostics ui = new Diagnostics("make", 0, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        ProcessSpawner spawner = new ProcessSpawner(StandardCharsets.UTF_8);
        ReadSettings settings = new ReadSettings(ours, List.of(), List.of(), ENV, List.of(), false, true, false,
                "make", 0, "", goals);
        Evaluator evaluator = new Evaluator(settings, ui, new ShellCommandRunner(spawner, Optional.of(ours), ui));
        Database database = evaluator.read();
        ChildEnvironment environment = new ChildEnvironment(evaluator.expander(), ENV, 0);
        Builder builder = new Builder(TargetGraph.from(database, false), database, evaluator.expander(), options,
                ui, BuildServices.of(spawner, environment::of, ours));
        List<String> targets = goals.isEmpty() ? List.of(database.firstTarget()) : goals;
        int status = builder.build(targets);
        return new Outcome(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status,
                files(ours));
    }

    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }

    private static BuildOptions options(Set<String> oldFiles, Set<String> newFiles) {
        return BuildOptions.builder().oldFiles(oldFiles).newFiles(newFiles).build();
    }

    private static final String OUT_FROM_SRC = "out: src\n\techo building >> log\n\tcp src out\n";

    /** GNU's output under --debug=b without the banner and the phase lines, which the caller of Builder prints. */
    private static Outcome decisions(Outcome gnu) {
        String out = gnu.out().lines().skip(9).map(line -> line + "\n").reduce("", String::concat);
        return new Outcome(out, gnu.err(), gnu.status(), gnu.files());
    }

    private static final String CHAIN =
            "all: a b\n\t@echo all >> log\na: c\n\t@echo a >> log; touch a\nb:\n\techo b >> log\nc:\n.PHONY: b\n";

    @Test
    void basicDebugLinesSayWhatIsMissingAndWhatWasRemade() throws Exception {
        tree(Map.of(), CHAIN);
        BuildOptions basic = options(Set.of(), Set.of()).withVerbosity(new Verbosity(false, true, false));
        assertEquals(decisions(gnuMake(List.of("--debug=b"))), jmake(basic, List.of()));
    }

    @Test
    void basicDebugLinesNamePrerequisitesNewerThanAnExistingTarget() throws Exception {
        tree(Map.of("out", OLD, "src", NEWER), OUT_FROM_SRC);
        BuildOptions basic = options(Set.of(), Set.of()).withVerbosity(new Verbosity(false, true, false));
        assertEquals(decisions(gnuMake(List.of("--debug=b"))), jmake(basic, List.of()));
    }

    @Test
    void traceGivesTheReasonBeforeEachRecipeAndEchoesSilentLines() throws Exception {
        tree(Map.of("out", OLD, "src", NEWER), CHAIN + OUT_FROM_SRC.replace("\techo", "\t@echo"));
        BuildOptions trace = options(Set.of(), Set.of()).withVerbosity(new Verbosity(true, false, false));
        assertEquals(gnuMake(List.of("--trace", "all", "out")), jmake(trace, List.of("all", "out")));
    }

    @Test
    void oldFileIsNeverRemadeNorMakesItsDependentsOutOfDate() throws Exception {
        tree(Map.of("out", OLD, "src", NEWER), OUT_FROM_SRC);
        assertEquals(gnuMake(List.of("-o", "src")), jmake(options(Set.of("src"), Set.of()), List.of()));
    }

    @Test
    void oldFileThatIsMissingIsNoError() throws Exception {
        tree(Map.of("out", OLD), OUT_FROM_SRC);
        assertEquals(gnuMake(List.of("-o", "src")), jmake(options(Set.of("src"), Set.of()), List.of()));
    }

    @Test
    void whatIfFileIsNewerThanAnything() throws Exception {
        tree(Map.of("out", NEWER, "src", OLD), OUT_FROM_SRC);
        assertEquals(gnuMake(List.of("-W", "src")), jmake(options(Set.of(), Set.of("src")), List.of()));
    }

    @Test
    void intermediateFilesAreRemovedWithOneRmLineInFileTableOrder() throws Exception {
        tree(Map.of("x.a", OLD, "y.a", OLD, "long-name-1.a", OLD, "long-name-2.a", OLD, "z.a", OLD),
                "all: x.c y.c long-name-1.c long-name-2.c z.c\n%.c: %.b\n\tcp $< $@\n%.b: %.a\n\tcp $< $@\n");
        assertEquals(gnuMake(List.of()), jmake(options(Set.of(), Set.of()), List.of()));
    }

    @Test
    void missingIntermediateIsNotRemadeWhenItsDependentIsUpToDate() throws Exception {
        tree(Map.of("x.a", OLD, "x.c", NEWER),
                "all: x.c\n%.c: %.b\n\tcp $< $@\n%.b: %.a\n\tcp $< $@\n");
        assertEquals(gnuMake(List.of()), jmake(options(Set.of(), Set.of()), List.of()));
    }

    @Test
    void intermediateMadeBeforeAnErrorIsStillRemoved() throws Exception {
        tree(Map.of("x.a", OLD), "all: x.c\n%.c: %.b\n\tfalse\n%.b: %.a\n\tcp $< $@\n");
        assertEquals(gnuMake(List.of()), jmake(options(Set.of(), Set.of()), List.of()));
    }

    private static BuildOptions plain() {
        return options(Set.of(), Set.of());
    }

    @Test
    void secondExpansionSeesTheTargetAndStem() throws Exception {
        tree(Map.of(), ".SECONDEXPANSION:\nall: sub/foo.x y.o\n"
                + "sub/foo.x: $$@.dep $$(@D)/d\n\t@echo '$@: $^' >> log\n"
                + "y.o: %.o: $$*.c\n\t@echo '$@: $^' >> log\n"
                + "%.c: $$*.in\n\t@echo '$@: $^' >> log\n"
                + "sub/foo.x.dep sub/d y.in:\n\t@echo $@ >> log\n");
        assertEquals(gnuMake(List.of()), jmake(plain(), List.of()));
    }

    @Test
    void oneShellRunsTheRecipeInOneShellEchoingItOnce() throws Exception {
        tree(Map.of(), ".ONESHELL:\nall:\n\tx=kept\n\t@echo \"x=$$x\" > log\n\t-cd /\n\tpwd >> \"$$OLDPWD/log\"\n");
        Outcome gnuRun = gnuMake(List.of());
        Outcome ours = jmake(plain(), List.of());
        assertEquals(gnuRun.out(), ours.out());
        assertEquals(gnuRun.status(), ours.status());
        assertEquals("x=kept\n/\n", ours.files().get("log"));
        assertEquals(gnuRun.files().get("log"), ours.files().get("log"));
    }

    @Test
    void prefixesOfAMultiLineVariableApplyToEachLine() throws Exception {
        tree(Map.of(), "define cmds\necho one >> log\n@echo two >> log\n-false\nendef\nall:\n\t@$(cmds)\n\t@echo end >> log\n");
        assertEquals(gnuMake(List.of()), jmake(plain(), List.of()));
    }

    @Test
    void suffixRulesWithTheirWarningAndStem() throws Exception {
        tree(Map.of("a.in", OLD, "b.in", OLD), ".SUFFIXES: .in .out\n.in.out: ignored\n\t@echo '$@ $< $*' >> log\n"
                + ".in:\n\t@echo 'single $@ $<' >> log\nall: a.out b\n");
        assertEquals(gnuMake(List.of()), jmake(plain(), List.of()));
    }

    @Test
    void vpathTargetsAreRemadeLocallyUnlessInGpath() throws Exception {
        for (Path dir : List.of(gnu, ours)) {
            Files.createDirectories(dir.resolve("src"));
            Files.createDirectories(dir.resolve("obj"));
            Files.createDirectories(dir.resolve("lib"));
            Files.writeString(dir.resolve("src/a.c"), "a");
            Files.writeString(dir.resolve("obj/a.o"), "old");
            Files.writeString(dir.resolve("lib/b.o"), "old");
            Files.setLastModifiedTime(dir.resolve("obj/a.o"), FileTime.from(OLD));
            Files.setLastModifiedTime(dir.resolve("lib/b.o"), FileTime.from(OLD));
            Files.setLastModifiedTime(dir.resolve("src/a.c"), FileTime.from(NEWER));
        }
        tree(Map.of(), "vpath %.c src\nvpath %.o obj lib\nGPATH = obj\nall: a.o b.o\n\t@echo 'all: $^' >> log\n"
                + "a.o b.o: a.c\n\t@echo '$@ from $<' >> log\n\t@cp $< $@\n");
        assertEquals(gnuMake(List.of()), jmake(plain(), List.of()));
    }
}
