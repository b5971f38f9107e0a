package dev.jmake.jobserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jmake.cli.CommandLineParser;
import dev.jmake.cli.CommandVariable;
import dev.jmake.cli.Options;
import dev.jmake.process.Termination;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJobserverTest {
    @TempDir
    Path dir;

    private final Options options = new CommandLineParser().parse(List.of("-k", "-j4", "FOO=a b"));
    private final List<CommandVariable> variables = CommandVariable.resolve(options.variables(), Map.of());

    @Test
    void recursiveLineGetsTheAuthAlone() {
        ChildJobserver child = ChildJobserver.pipe(10, 11, true);
        assertEquals("k -j4 --jobserver-auth=3,4 -- FOO=a\\ b", child.makeflags(options, variables, false));
        assertEquals("-k -j4 --jobserver-auth=3,4", child.mflags(options, false));
    }

    @Test
    void invalidationGoesBeforeTheVariablesAndAtTheEndOfMflags() {
        ChildJobserver child = ChildJobserver.pipe(10, 11, false);
        assertEquals("k -j4 --jobserver-auth=3,4 --jobserver-auth=-2,-2 -- FOO=a\\ b",
                child.makeflags(options, variables, false));
        assertEquals("-k -j4 --jobserver-auth=3,4 --jobserver-auth=-2,-2", child.mflags(options, false));
        assertEquals(" -j4 --jobserver-auth=3,4 --jobserver-auth=-2,-2",
                child.makeflags(new CommandLineParser().parse(List.of("-j4")), List.of(), false));
    }

    @Test
    void fifoIsNeverInvalidated() {
        ChildJobserver child = ChildJobserver.fifo("/tmp/jmake-1-2/fifo");
        assertEquals("k -j4 --jobserver-auth=fifo:/tmp/jmake-1-2/fifo -- FOO=a\\ b",
                child.makeflags(options, variables, false));
    }

    @Test
    void gnuMakeReadsTheInvalidatedFlagsAsUnavailableAndKeepsTheVariables() throws IOException {
        Files.writeString(dir.resolve("m.mk"), "all:;@echo '$(FOO)'\n");
        String makeflags = ChildJobserver.pipe(10, 11, false).makeflags(options, variables, false);
        GnuMakeChild.Result make = GnuMakeChild.run(dir, List.of("-f", "m.mk"), makeflags, List.of());
        assertEquals(new Termination.Exited(0), make.termination());
        assertEquals("a b\n", make.stdout());
        assertEquals("make: " + Unavailable.WARNING + "\n", make.stderr());
    }
}
