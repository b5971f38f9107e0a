package dev.jmake.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jmake.syntax.AssignOp;
import dev.jmake.syntax.Modifiers;
import org.junit.jupiter.api.Test;

class AssignmentParserTest {
    @Test
    void operators() {
        assertEquals(new ParsedAssignment(Modifiers.NONE, "A", AssignOp.RECURSIVE, "b c "),
                AssignmentParser.parse("A =  b c "));
        assertEquals(AssignOp.SIMPLE, AssignmentParser.parse("A:=b").op());
        assertEquals(AssignOp.POSIX_SIMPLE, AssignmentParser.parse("A ::= b").op());
        assertEquals(AssignOp.APPEND, AssignmentParser.parse("A+=b").op());
        assertEquals(AssignOp.CONDITIONAL, AssignmentParser.parse("A ?= b").op());
        assertEquals(AssignOp.SHELL, AssignmentParser.parse("A != b").op());
    }

    @Test
    void namesMayHoldReferences() {
        assertEquals("$(x:a=b)y", AssignmentParser.parse("$(x:a=b)y = 1").name());
    }

    @Test
    void modifiers() {
        assertEquals(new ParsedAssignment(new Modifiers(true, true, false, true), "V", AssignOp.RECURSIVE, "1"),
                AssignmentParser.parse("private export override V = 1"));
        assertEquals("export", AssignmentParser.parse("export = 1").name());
    }

    @Test
    void notAssignments() {
        assertNull(AssignmentParser.parse("a b = c"));
        assertNull(AssignmentParser.parse("a: b"));
        assertNull(AssignmentParser.parse("export"));
        assertNull(AssignmentParser.parse(""));
    }
}
