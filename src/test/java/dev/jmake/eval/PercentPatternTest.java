package dev.jmake.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PercentPatternTest {
    @TempDir
    Path dir;

    @Test
    void backslashesBeforePercentAreHalvedAndAnOddRunQuotesIt() {
        assertEquals(new PercentPattern("a", ".c", true), PercentPattern.parse("a%.c"));
        assertEquals(new PercentPattern("a%b", "", false), PercentPattern.parse("a\\%b"));
        assertEquals(new PercentPattern("a\\", "b", true), PercentPattern.parse("a\\\\%b"));
        assertEquals(new PercentPattern("a\\%b", "", false), PercentPattern.parse("a\\\\\\%b"));
        assertEquals(new PercentPattern("%x", "\\%y", true), PercentPattern.parse("\\%x%\\%y"));
        assertEquals(new PercentPattern("a\\b", "", false), PercentPattern.parse("a\\b"));
    }

    @Test
    void matchesWordsAndExtractsTheStem() {
        PercentPattern pattern = PercentPattern.parse("src/%.c");
        assertTrue(pattern.matches("src/a.c"));
        assertTrue(pattern.matches("xsrc/a.cx", 1, 8));
        assertFalse(pattern.matches("src.c"));
        assertEquals("dir/a", pattern.stem("src/dir/a.c"));
        assertTrue(PercentPattern.parse("%").matches(""));
        assertTrue(PercentPattern.parse("lit").matches("lit"));
        assertFalse(PercentPattern.parse("lit").matches("lit2"));
    }

    @Test
    void quotingAgreesWithGnuMake() throws Exception {
        Fixture fixture = new Fixture(dir);
        String text = "$(patsubst a\\\\%b,<%>,a\\xb) $(patsubst a\\\\\\%b,Q,a\\%b) $(filter \\%x%\\%y,%x1\\%y %x1%y)";
        assertEquals(fixture.gnu(text), fixture.expand(text));
    }
}
