package dev.jmake.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void equalTextsHaveNoDiff() {
        assertEquals("", LineDiff.unified("a", "x\ny\n", "b", "x\ny\n"));
    }

    @Test
    void changedLineWithContext() {
        assertEquals("""
                --- a
                +++ b
                @@ -1,3 +1,3 @@
                 one
                -two
                +TWO
                 three
                """, LineDiff.unified("a", "one\ntwo\nthree\n", "b", "one\nTWO\nthree\n"));
    }

    @Test
    void distantChangesMakeSeparateHunks() {
        String left = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
        String right = "X\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\nY\n";
        assertEquals("""
                --- a
                +++ b
                @@ -1,4 +1,4 @@
                -1
                +X
                 2
                 3
                 4
                @@ -9,4 +9,4 @@
                 9
                 10
                 11
                -12
                +Y
                """, LineDiff.unified("a", left, "b", right));
    }

    @Test
    void missingFinalNewlineIsShown() {
        assertEquals("""
                --- a
                +++ b
                @@ -1,1 +1,1 @@
                -x
                +x
                \\ No newline at end of file
                """, LineDiff.unified("a", "x\n", "b", "x"));
    }

    @Test
    void emptyVersusText() {
        assertEquals("--- a\n+++ b\n@@ -1,0 +1,1 @@\n+new\n", LineDiff.unified("a", "", "b", "new\n"));
    }
}
