package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jmake.syntax.Location;
import org.junit.jupiter.api.Test;

class FindingTextTest {
    @Test
    void readsAsTheFindingAndNamesItsMakefile() {
        Finding f = new Finding.MissingPrerequisite(new Location("lib/Makefile", 4), "lib/app.o", "lib/gen.h", false,
                new Location("lib/Makefile", 7), null);
        FindingText text = FindingText.of(f, "lib", "gen.h");
        assertEquals(f.message(), text.message());
        assertEquals(f.key(), text.key());
        assertEquals("lib/Makefile", text.makefile());
        assertEquals(4, text.line());
        assertEquals("gen.h", text.ignoreName());
    }

    @Test
    void whatCannotBeSilencedHasNoIgnoreName() {
        Finding f = new Finding.Untraced(new Location("Makefile", 1), "x", "/bin/static", "statically linked", null);
        assertEquals("", FindingText.of(f, ".", "/bin/static").ignoreName());
    }
}
