package dev.jmake.build;

import dev.jmake.eval.Database;
import dev.jmake.eval.Evaluator;
import dev.jmake.eval.ReadSettings;
import dev.jmake.ShellCommandRunner;
import dev.jmake.graph.TargetGraph;
import dev.jmake.graph.VpathSearch;
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

/** A makefile read into what the build stage's parts are made from, for their unit tests. */
final class BuildFixture {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin");

    final Path dir;
    final Database database;
    final Evaluator evaluator;
    final TargetGraph graph;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Diagnostics ui;

    private BuildFixture(Path dir, String makefile) throws IOException {
        this.dir = dir;
        Files.writeString(dir.resolve("Makefile"), makefile);
        ui = new Diagnostics("make", 0, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        ScriptedLauncher launcher = new ScriptedLauncher(dir);
        evaluator = new Evaluator(new ReadSettings(dir, List.of(), List.of(), ENV, List.of(), false, true, false,
                "make", 0, "", List.of()), ui, new ShellCommandRunner(launcher, Optional.of(dir), ui));
        database = evaluator.read();
        graph = TargetGraph.from(database, false);
    }

    /** {@code makefile} read in {@code dir} ({@code -r}: no built-in rules). */
    static BuildFixture read(Path dir, String makefile) throws IOException {
        return new BuildFixture(dir, makefile);
    }

    /** The search path the makefile sets up. */
    VpathSearch vpath() {
        TargetScopes scopes = new TargetScopes(database);
        return VpathSearch.of(database.vpaths(), evaluator.expander().value("VPATH", scopes.global(), null),
                evaluator.expander().value("GPATH", scopes.global(), null), dir);
    }

    /** Creates {@code name} (and its directory) with the time {@code epochSecond}. */
    void file(String name, long epochSecond) throws IOException {
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        Files.writeString(path, name);
        Files.setLastModifiedTime(path, FileTime.from(Instant.ofEpochSecond(epochSecond)));
    }

    /** {@code name}'s time as the build reads it. */
    long time(String name) {
        return new Timestamps(dir).of(name);
    }
}
