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
    void onlyTheLiteralTextCountsAsGnuMakeMatchesIt() {
        // commands.c chop_commands: strstr for "$(MAKE)" or "${MAKE}", wherever it stands, and nothing else.
        assertFalse(CommandLine.parse("/usr/bin/make -C x", "$(SUB) -C x", AT).recursive());
        assertFalse(CommandLine.parse("/usr/bin/make", "$(MAKE_COMMAND)", AT).recursive());
        assertFalse(CommandLine.parse("echo", "echo $(MAKEFLAGS)", AT).recursive());
        assertTrue(CommandLine.parse("make # /usr/bin/make", "make # ${MAKE}", AT).recursive());
        assertTrue(CommandLine.parse("cd x && /usr/bin/make", "cd x && $(MAKE)", AT).recursive());
        // A + that only the expansion brings still marks the command (job.c start_job_command).
        assertTrue(CommandLine.parse("+cargo build", "$(PLUS)cargo build", AT).recursive());
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
