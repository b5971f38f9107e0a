package dev.jmake.eval;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jmake.fuzz.Fuzz;
import dev.jmake.syntax.MakeError;
import dev.jmake.ui.Diagnostics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the reading phase (line reader, statement reader, expander, rule and assignment parsers, {@code $(eval)})
 * with makefiles made of make-syntax fragments: reading one either succeeds or ends in a {@link MakeError}, never
 * in another exception (the budget and how to run it longer: {@link Fuzz}).
 */
class ReadingFuzzTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "HOME", "/nonexistent");

    @TempDir
    Path dir;

    @Test
    void readingRandomMakefilesThrowsOnlyMakeErrors() throws IOException {
        SplittableRandom random = Fuzz.random();
        for (int i = Fuzz.tries(400); i > 0; i--) {
            readOnlyFailsWithMakeError(Fuzz.makeText(random, 60));
        }
    }

    @Test
    void regressionsFoundByTheFuzzer() throws IOException {
        // A Latin-1 byte threw MalformedInputException; a NUL reached a file name (InvalidPathException).
        for (String makefile : List.of("# \u00e9t\u00e9\nx := \u00ff\n", "-include \u00000.RECIPEPREFIX\n",
                "-include q\u0000r\nall:;@:\n", "x := a\u0000b\n$(info [$(x)])\n")) {
            readOnlyFailsWithMakeError(makefile);
        }
    }

    private void readOnlyFailsWithMakeError(String makefile) throws IOException {
        Files.write(dir.resolve("Makefile"), makefile.getBytes(StandardCharsets.ISO_8859_1));
        ReadSettings settings = new ReadSettings(dir, List.of(), List.of(), ENV, List.of(), false, true, false,
                "make", 0, "", List.of());
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.ISO_8859_1);
        Evaluator evaluator = new Evaluator(settings, new Diagnostics("make", 0, sink, sink), new ProcessShellRunner(),
                new ByteArrayInputStream(new byte[0]));
        try {
            evaluator.read();
        } catch (MakeError expected) {
            // make's own error: what GNU make reports for a bad makefile
        } catch (RuntimeException | StackOverflowError e) {
            AssertionError failure = new AssertionError("reading " + Fuzz.quoted(makefile) + " threw " + e, e);
            fail(failure);
        }
    }
}
