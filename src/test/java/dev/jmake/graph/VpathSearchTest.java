package dev.jmake.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.eval.VpathDirective;
import dev.jmake.syntax.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VpathSearchTest {
    private static final Location AT = new Location("Makefile", 1);

    @TempDir
    Path dir;

    private static VpathDirective vpath(String pattern, String... dirs) {
        return new VpathDirective(AT, pattern, List.of(dirs));
    }

    @BeforeEach
    void files() throws IOException {
        for (String f : List.of("one/a.c", "two/a.c", "two/b.c", "inc/x.h", "two/sub/s.c")) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.writeString(dir.resolve(f), "");
        }
    }

    @Test
    void directivesInOrderThenVpath() {
        VpathSearch search = VpathSearch.of(List.of(vpath("%.c", "one"), vpath("%.c", "two/")), "inc", "", dir);
        assertEquals("one/a.c", search.find("a.c"));
        assertEquals("two/b.c", search.find("b.c"));
        assertEquals("inc/x.h", search.find("x.h"));
        assertEquals("two/sub/s.c", search.find("sub/s.c"));
        assertNull(search.find("/abs/a.c"));
        assertNull(search.find("nowhere.c"));
    }

    @Test
    void vpathPatternClearsThatPatternAndVpathClearsAll() {
        VpathSearch cleared = VpathSearch.of(List.of(vpath("%.c", "one"), vpath("%.h", "inc"), vpath("%.c")),
                "", "", dir);
        assertNull(cleared.find("a.c"));
        assertEquals("inc/x.h", cleared.find("x.h"));
        VpathSearch all = VpathSearch.of(List.of(vpath("%.c", "one"), vpath("%.h", "inc"), vpath(null),
                vpath("%.c", "two")), "", "", dir);
        assertEquals("two/a.c", all.find("a.c"));
        assertNull(all.find("x.h"));
    }

    @Test
    void vpathVariableSplitsOnColonsAndBlanks() {
        VpathSearch search = VpathSearch.of(List.of(), "none:one  inc", "", dir);
        assertEquals("one/a.c", search.find("a.c"));
        assertEquals("inc/x.h", search.find("x.h"));
        assertTrue(VpathSearch.of(List.of(), " ", "", dir).isEmpty());
    }

    @Test
    void gpathNamesDirectoriesWhoseFilesAreRemadeInPlace() {
        VpathSearch search = VpathSearch.of(List.of(), "one:two", "two", dir);
        assertFalse(search.inGpath("one/a.c", "a.c"));
        assertTrue(search.inGpath("two/b.c", "b.c"));
    }
}
