package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class IgnorePatternTest {
    @Test
    void aPatternWithoutSlashMatchesTheFileNameInAnyDirectory() {
        IgnorePattern p = new IgnorePattern("%.d");
        assertTrue(p.matches("x.d"));
        assertTrue(p.matches("obj/sub/x.d"));
        assertFalse(p.matches("x.do"));
        assertFalse(p.matches(".d"), "the stem is never empty");
    }

    @Test
    void aPatternWithASlashMatchesTheWholeRelativePath() {
        IgnorePattern p = new IgnorePattern("gen/%.tmp");
        assertTrue(p.matches("gen/a.tmp"));
        assertTrue(p.matches("gen/sub/a.tmp"), "% spans slashes");
        assertFalse(p.matches("src/gen/a.tmp"));
        assertTrue(new IgnorePattern("cache/%").matches("cache"), "the directory holding the ignored files");
        assertFalse(new IgnorePattern("cache/%").matches("cachex"));
    }

    @Test
    void aPatternWithoutPercentMatchesExactly() {
        IgnorePattern p = new IgnorePattern("build.log");
        assertTrue(p.matches("build.log"));
        assertTrue(p.matches("sub/build.log"));
        assertFalse(p.matches("build.logs"));
    }
}
