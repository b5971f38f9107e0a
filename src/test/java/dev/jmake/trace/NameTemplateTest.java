package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameTemplateTest {
    @Test
    void thePrefixEndsADirectoryAndTheSuffixStartsAtADot() {
        NameTemplate t = NameTemplate.common(List.of("src/lib_a.o", "src/lib_b.o"));
        assertEquals("src/%.o", t.pattern());
        assertEquals("lib_a", t.stem("src/lib_a.o"));
    }

    @Test
    void namesWithNothingInCommonAreJustPercent() {
        assertEquals("%", NameTemplate.common(List.of("config.log", "Makefile")).pattern());
    }

    @Test
    void oneNameIsItsOwnTemplateUpToItsExtension() {
        NameTemplate t = NameTemplate.common(List.of("dir/x.tar.gz"));
        assertEquals("dir/%.tar.gz", t.pattern());
        assertEquals("x", t.stem("dir/x.tar.gz"));
    }

    @Test
    void prefixAndSuffixNeverOverlap() {
        assertEquals("a/%.o", NameTemplate.common(List.of("a/.o", "a/x.o")).pattern());
    }
}
