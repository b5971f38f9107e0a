package dev.jmake.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jmake.syntax.VariableDefinitionParser.Definition;
import org.junit.jupiter.api.Test;

class VariableDefinitionParserTest {
    private final VariableDefinitionParser parser = new VariableDefinitionParser();

    @Test
    void definitions() {
        assertEquals(new Definition("X", AssignOp.RECURSIVE, "a b "), parser.parse("  X \t=  a b ", 0));
        assertEquals(new Definition("$(a:b=c)", AssignOp.SIMPLE, "1"), parser.parse("$(a:b=c):=1", 0));
        assertEquals(new Definition("${a b}", AssignOp.APPEND, ""), parser.parse("${a b} +=", 0));
        assertEquals(new Definition("a+", AssignOp.APPEND, "x"), parser.parse("a++=x", 0));
        assertEquals(new Definition("a!b", AssignOp.RECURSIVE, "c"), parser.parse("a!b=c", 0));
        assertEquals(new Definition("$ ", AssignOp.RECURSIVE, "1"), parser.parse("$ =1", 0));
        assertEquals(new Definition("$:", AssignOp.CONDITIONAL, "1"), parser.parse("$:?=1", 0));
        assertEquals(new Definition("P", AssignOp.POSIX_SIMPLE, "1"), parser.parse("P ::= 1", 0));
        assertEquals(new Definition("S", AssignOp.SHELL, "ls"), parser.parse("S!=ls", 0));
        assertEquals(new Definition("", AssignOp.RECURSIVE, "x"), parser.parse("= x", 0));
        assertEquals(new Definition("X", AssignOp.RECURSIVE, "1"), parser.parse("export X = 1", 7));
    }

    @Test
    void notDefinitions() {
        assertNull(parser.parse("a b = c", 0));
        assertNull(parser.parse("a: = b", 0));
        assertNull(parser.parse("a:b=c", 0));
        assertNull(parser.parse("X :::= 1", 0));
        assertNull(parser.parse("$(a = b", 0));
        assertNull(parser.parse("a#b = c", 0));
        assertNull(parser.parse("abc$", 0));
        assertNull(parser.parse("a $(b)= c", 0));
        assertNull(parser.parse("all: a b", 0));
    }
}
