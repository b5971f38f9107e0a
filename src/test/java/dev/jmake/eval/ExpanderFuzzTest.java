package dev.jmake.eval;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jmake.fuzz.Fuzz;
import dev.jmake.syntax.MakeError;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the expander and the built-in functions with random expressions over a few variables (one a recursive
 * function for {@code $(call)}): an expansion either gives text or ends in a {@link MakeError}, never in another
 * exception (the budget and how to run it longer: {@link Fuzz}).
 */
class ExpanderFuzzTest {
    @TempDir
    Path dir;

    @Test
    void expandingRandomTextThrowsOnlyMakeErrors() {
        Fixture fixture = fixture();
        SplittableRandom random = Fuzz.random();
        for (int i = Fuzz.tries(2000); i > 0; i--) {
            expandsOrFailsWithMakeError(fixture, Fuzz.makeText(random, 30));
        }
    }

    @Test
    void regressionsFoundByTheFuzzer() {
        Fixture fixture = fixture();
        for (String text : List.<String>of()) {
            expandsOrFailsWithMakeError(fixture, text);
        }
    }

    private Fixture fixture() {
        return new Fixture(dir).define("x = a b c", "y := 1 2 3", "f = $(if $(word 3,$1),$1,$(call f,$1 $0))",
                "e = $(error stop)");
    }

    private static void expandsOrFailsWithMakeError(Fixture fixture, String text) {
        try {
            fixture.expand(text);
        } catch (MakeError expected) {
            // make's own error: what GNU make reports for a bad expression
        } catch (RuntimeException | StackOverflowError e) {
            fail(new AssertionError("expanding " + Fuzz.quoted(text) + " threw " + e, e));
        }
    }
}
