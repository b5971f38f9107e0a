package dev.jmake.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jmake.ShellCommandRunner;
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
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files section as a build record describes each file (file.c print_file). */
class DatabasePrinterTest {
    @TempDir
    Path dir;

    private String files(String makefile, BuildRecord record) throws IOException {
        Files.writeString(dir.resolve("Makefile"), makefile);
        Diagnostics ui = new Diagnostics("make", 0, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        ProcessSpawner spawner = new ProcessSpawner(StandardCharsets.UTF_8);
        ReadSettings settings = new ReadSettings(dir, List.of(), List.of(), Map.of("PATH", "/usr/bin:/bin"),
                List.of(), false, true, false, "make", 0, "", List.of());
        Database database = new Evaluator(settings, ui, new ShellCommandRunner(spawner, Optional.of(dir), ui))
                .read();
        String all = DatabasePrinter.print(database, TargetGraph.from(database, false), false, "jmake", '\t',
                record);
        return all.substring(all.indexOf("# Files\n"), all.indexOf("\n# files hash-table stats"));
    }

    private static String paragraph(String files, String line) {
        for (String p : files.split("\n\n")) {
            if (p.lines().anyMatch(line::equals)) {
                return p;
            }
        }
        throw new AssertionError("no " + line + " in\n" + files);
    }

    private static FileRecord status(FileRecord.Modified modified, FileRecord.Outcome outcome) {
        return new FileRecord(false, false, null, modified, true, outcome, null, List.of(), false, false, List.of());
    }

    private static BuildRecord record(Map<String, FileRecord> files, Set<String> goals) {
        return new BuildRecord(files, Map.of(), List.of(), Map.of(), Map.of(), goals, false);
    }

    @Test
    void timesLoseTheirTrailingZeros() throws IOException {
        Instant at = Instant.parse("2020-01-01T00:00:00.500Z");
        String files = files("a:\n\ttrue\nb:\n\ttrue\n", record(Map.of(
                "a", status(new FileRecord.Modified.At(at.getEpochSecond() * 1_000_000_000L + at.getNano()),
                        FileRecord.Outcome.SUCCESS),
                "b", status(new FileRecord.Modified.At(at.getEpochSecond() * 1_000_000_000L),
                        FileRecord.Outcome.FAILED)), Set.of()));
        String local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(at.atZone(ZoneId.systemDefault()));
        assertEquals("a:\n#  Implicit rule search has not been done.\n#  Last modified " + local + ".5\n"
                + "#  File has been updated.\n#  Successfully updated.\n#  recipe to execute (from 'Makefile', line 2):\n"
                + "\ttrue", paragraph(files, "a:"));
        assertEquals("b:\n#  Implicit rule search has not been done.\n#  Last modified " + local + "\n"
                + "#  File has been updated.\n#  Failed to be updated.\n#  recipe to execute (from 'Makefile', line 4):\n"
                + "\ttrue", paragraph(files, "b:"));
    }

    @Test
    void aQuestionedCommandLineGoal() throws IOException {
        String files = files("a:\n\ttrue\n", record(Map.of("a", status(new FileRecord.Modified.Missing(),
                FileRecord.Outcome.QUESTION)), Set.of("a")));
        assertEquals("a:\n#  Command line target.\n#  Implicit rule search has not been done.\n"
                + "#  File does not exist.\n#  File has been updated.\n#  Needs to be updated (-q is set).\n"
                + "#  recipe to execute (from 'Makefile', line 2):\n\ttrue", paragraph(files, "a:"));
    }

    @Test
    void targetSpecificVariablesComeBeforeTheRuleAndTheirSetAfterIt() throws IOException {
        String files = files("x: V = 1\nx: W := $$y\nx: p\n", record(Map.of(), Set.of()));
        // The table's order, as GNU make 4.3 prints it (checked against make -p).
        assertEquals("# makefile (from 'Makefile', line 2)\nx: W := $$y\n# makefile (from 'Makefile', line 1)\n"
                + "x: V = 1\nx: p\n#  Implicit rule search has not been done.\n"
                + "#  Modification time never checked.\n#  File has not been updated.\n"
                + "# variable set hash-table stats:\n# Load=2/32=6%, Rehash=0, Collisions=0/2=0%",
                paragraph(files, "x: p"));
    }

    @Test
    void aFileFoundThroughVpathIsShownByTheNameFound() throws IOException {
        String files = files("p.o: p.c\n\ttrue\n", new BuildRecord(Map.of("p.c", new FileRecord(true, false, null,
                new FileRecord.Modified.Missing(), true, FileRecord.Outcome.SUCCESS, null, List.of(), false, false,
                List.of())), Map.of(), List.of(), Map.of("p.c", "src/p.c"), Map.of(), Set.of(), false));
        paragraph(files, "src/p.c:");
        paragraph(files, "p.o: src/p.c");
    }
}
