package dev.jmake.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.ShellCommandRunner;
import dev.jmake.eval.Database;
import dev.jmake.eval.Evaluator;
import dev.jmake.eval.ReadSettings;
import dev.jmake.graph.ExtraPrerequisites.Extras;
import dev.jmake.process.ProcessSpawner;
import dev.jmake.ui.Diagnostics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtraPrerequisitesTest {
    @TempDir
    Path dir;

    private record Read(Database database, ExtraPrerequisites extras) {}

    private Read read(String makefile) throws IOException {
        Files.writeString(dir.resolve("Makefile"), makefile);
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Diagnostics ui = new Diagnostics("make", 0, sink, sink);
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin");
        ReadSettings settings = new ReadSettings(dir, List.of(), List.of(), env, List.of(), false, true, false,
                "make", 0, "", List.of());
        ProcessSpawner spawner = new ProcessSpawner(StandardCharsets.UTF_8);
        Evaluator evaluator = new Evaluator(settings, ui, new ShellCommandRunner(spawner, Optional.of(dir), ui));
        Database database = evaluator.read();
        return new Read(database, ExtraPrerequisites.of(database, evaluator.expander(), dir));
    }

    private static Extras normal(String... names) {
        return new Extras(List.of(names), List.of());
    }

    @Test
    void theGlobalValueIsExpandedOnceReadingIsOver() throws IOException {
        Read r = read("X = a\n.EXTRA_PREREQS = $(X) ./b\nX = c\nall: ;\n");
        assertEquals(normal("c", "b"), r.extras().global());
        assertEquals(normal("c", "b"), r.extras().of("all", true));
        assertEquals(Extras.NONE, r.extras().of("a.h", false));
    }

    @Test
    void aTargetWithVariablesHasOnlyItsOwnValue() throws IOException {
        Read r = read(".EXTRA_PREREQS = g\nt: .EXTRA_PREREQS = own\nv: X = 1\na: .EXTRA_PREREQS += more\n"
                + "t v a w: ;\n");
        assertEquals(normal("own"), r.extras().of("t", true));
        assertEquals(Extras.NONE, r.extras().of("v", true));
        assertEquals(normal("more"), r.extras().of("a", true));
        assertEquals(normal("g"), r.extras().of("w", true));
    }

    @Test
    void namesAfterABarAreOrderOnlyAndATargetInTheListGetsNone() throws IOException {
        Read r = read(".EXTRA_PREREQS = g | o\nall g: ;\n");
        assertEquals(new Extras(List.of("g"), List.of("o")), r.extras().of("all", true));
        assertEquals(Extras.NONE, r.extras().of("g", true));
        assertEquals(Extras.NONE, r.extras().of("o", true));
    }

    @Test
    void wildcardsMatchFilesOrStayAsWritten() throws IOException {
        Files.writeString(dir.resolve("x1.h"), "");
        Files.writeString(dir.resolve("x2.h"), "");
        Read r = read(".EXTRA_PREREQS = x*.h none*.q\nall: ;\n");
        assertEquals(normal("x1.h", "x2.h", "none*.q"), r.extras().global());
    }

    @Test
    void theGraphGivesThemToTargetsPhonyNamesAndPatternRulesOnly() throws IOException {
        Read r = read(".EXTRA_PREREQS = g\n.PHONY: ph\nall: dep\n%.o: %.c ; cc\ng: ;\n");
        TargetGraph graph = TargetGraph.from(r.database(), true, r.extras());
        assertEquals(normal("g"), graph.extraPrerequisites("all"));
        assertEquals(normal("g"), graph.extraPrerequisites("ph"));
        assertEquals(normal("g"), graph.extraPrerequisites(".PHONY"));
        assertEquals(Extras.NONE, graph.extraPrerequisites("dep"));
        // default.c's suffix rules (.c.o) are built in: no targets to GNU, so none.
        assertEquals(Extras.NONE, graph.extraPrerequisites(".c.o"));
        assertEquals(Extras.NONE, graph.extraPrerequisites(".SUFFIXES"));
        assertEquals(normal("g"), graph.patternExtraPrerequisites());
        assertTrue(graph.isMentioned("g"));
    }

    @Test
    void aPatternRuleMatchNeedsItsExtrasAndHidesThem() throws IOException {
        Files.writeString(dir.resolve("x.c"), "");
        Read r = read(".EXTRA_PREREQS = %.h\n%.o: %.c ; cc\n");
        TargetGraph graph = TargetGraph.from(r.database(), false, r.extras());
        ImplicitRuleSearch search = new ImplicitRuleSearch(graph, dir);
        // The stem goes into a pattern in the extras, and x.h neither exists nor is mentioned.
        assertEquals(null, search.find("x.o"));
        Files.writeString(dir.resolve("x.h"), "");
        ImplicitMatch match = new ImplicitRuleSearch(graph, dir).find("x.o");
        assertEquals(List.of("x.c"), match.prerequisites());
        assertEquals(normal("x.h"), match.extras());
    }
}
