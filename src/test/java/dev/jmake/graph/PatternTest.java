package dev.jmake.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PatternTest {
    @Test
    void matchesPrefixAndSuffix() {
        assertEquals("foo", Pattern.of("%.o").match("foo.o"));
        assertEquals("a", Pattern.of("lib%.a").match("liba.a"));
        assertEquals("", Pattern.of("x%y").match("xy"));
        assertNull(Pattern.of("%.o").match("foo.c"));
        assertNull(Pattern.of("ab%ba").match("aba"));
    }

    @Test
    void slashlessPatternMatchesTheFileNamePartAndKeepsTheDirectoryInTheStem() {
        assertEquals("src/foo", Pattern.of("%.o").match("src/foo.o"));
        assertEquals("dir/a", Pattern.of("e%t").match("dir/eat"));
        assertNull(Pattern.of("e%t").matchWhole("dir/eat"));
        assertEquals("foo", Pattern.of("src/%.o").match("src/foo.o"));
    }

    @Test
    void substitutesTheStem() {
        assertEquals("src/foo.c", Pattern.of("%.c").substitute("src/foo"));
        assertTrue(Pattern.of("%").matchesAnything());
        assertFalse(Pattern.of("%.c").matchesAnything());
        assertThrows(IllegalArgumentException.class, () -> Pattern.of("foo.c"));
    }

    @Test
    void aSlashEndingTheNameIsNotItsDirectory() {
        assertEquals("foo/", Pattern.directoryOf("foo/bar/"));
        assertEquals("", Pattern.directoryOf("bar/"));
        assertEquals("../", Pattern.directoryOf("../Makefile"));
        assertEquals("", Pattern.directoryOf("/"));
        assertEquals("foo/ar/", Pattern.of("b%").match("foo/bar/"));
        assertTrue(Pattern.of("src/%").hasSlash());
        assertFalse(Pattern.of("%.c").hasSlash());
    }
}
