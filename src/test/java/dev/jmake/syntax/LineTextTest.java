package dev.jmake.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineTextTest {
    @Test
    void collapseJoinsContinuationsWithOneSpace() {
        assertEquals("a b", LineText.collapseContinuations("a  \\\n   b"));
        assertEquals("a$ b", LineText.collapseContinuations("a$\\\n\tb"));
        assertEquals("a\\ b", LineText.collapseContinuations("a\\\\\\\n b"));
        assertEquals("a b c", LineText.collapseContinuations("a \\\n\\\n b \\\n c"));
        assertEquals("no newline", LineText.collapseContinuations("no newline"));
    }

    @Test
    void findUnquotedSkipsEscapesAndReferences() {
        assertEquals(new LineText.Cut("a: b;c; d", 6), LineText.findUnquoted("a: b\\;c; d", ";#"));
        assertEquals(new LineText.Cut("a\\;b", 2), LineText.findUnquoted("a\\\\;b", ";#"));
        assertEquals(new LineText.Cut("x $(a;b) ${c#} $#; y", 17), LineText.findUnquoted("x $(a;b) ${c#} $#; y", ";#"));
        assertEquals(new LineText.Cut("abc$", -1), LineText.findUnquoted("abc$", ";#"));
        assertEquals(new LineText.Cut("a $(b ; c", -1), LineText.findUnquoted("a $(b ; c", ";#"));
    }

    @Test
    void removeCommentsUnquotesHashes() {
        assertEquals("X = a#b c\\", LineText.removeComments("X = a\\#b c\\\\#d"));
        assertEquals("X = \\#", LineText.removeComments("X = \\\\\\#"));
        assertEquals("X = $(a#b) ", LineText.removeComments("X = $(a#b) # c"));
    }

    @Test
    void recipePrefixDroppedAfterEachContinuation() {
        assertEquals("a \\\nb \\\n c", LineText.dropPrefixAfterContinuations("a \\\n\tb \\\n c", '\t'));
    }
}
