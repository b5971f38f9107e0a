package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.syntax.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    private static final Location AT = new Location("Makefile", 3);

    @Test
    void prefixesInAnyOrderWithBlanks() {
        CommandLine line = CommandLine.parse("@ - +echo hi", "@ - +echo hi", AT);
        assertEquals("echo hi", line.command());
        assertTrue(line.silent());
        assertTrue(line.ignoreErrors());
        assertTrue(line.recursive());
    }

    @Test
    void makeInTheUnexpandedLineMakesItRecursive() {
        assertTrue(CommandLine.parse("/usr/bin/make -C sub", "$(MAKE) -C sub", AT).recursive());
        assertTrue(CommandLine.parse("/usr/bin/make -C sub", "${MAKE} -C sub", AT).recursive());
        assertFalse(CommandLine.parse("make -C sub", "make -C sub", AT).recursive());
    }

    @Test
    void prefixesOfTheUnexpandedLineApplyToEveryCommand() {
        CommandLine line = CommandLine.parse("-false", "@$(cmds)", AT);
        assertEquals("false", line.command());
        assertTrue(line.silent());
        assertTrue(line.ignoreErrors());
        CommandLine plain = CommandLine.parse("echo two", "$(cmds)", AT);
        assertFalse(plain.silent());
        assertFalse(plain.ignoreErrors());
    }

    @Test
    void suffixStemUsesTheSuffixList() {
        assertEquals("foo", AutomaticVariables.suffixStem("foo.o", List.of(".c", ".o")));
        assertEquals("", AutomaticVariables.suffixStem("foo.z", List.of(".c", ".o")));
    }
}
