package dev.jmake.jobserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jmake.cli.CommandLineParser;
import dev.jmake.cli.CommandVariable;
import dev.jmake.cli.MakeFlags;
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

    /** The child's MAKEFLAGS as the build stage hands it down: cli encodes, the jobserver adds its part. */
    private static String makeflags(ChildJobserver child, Options options, List<CommandVariable> variables) {
        return child.makeflags(MakeFlags.encode(options, child.auth(), variables, false));
    }

    private static String mflags(ChildJobserver child, Options options) {
        return child.mflags(MakeFlags.encodeMflags(options, child.auth(), false));
    }

    @Test
    void recursiveLineGetsTheAuthAlone() {
        ChildJobserver child = ChildJobserver.pipe(10, 11, true);
        assertEquals("k -j4 --jobserver-auth=3,4 -- FOO=a\\ b", makeflags(child, options, variables));
        assertEquals("-k -j4 --jobserver-auth=3,4", mflags(child, options));
    }

    @Test
    void invalidationGoesBeforeTheVariablesAndAtTheEndOfMflags() {
        ChildJobserver child = ChildJobserver.pipe(10, 11, false);
        assertEquals("k -j4 --jobserver-auth=3,4 --jobserver-auth=-2,-2 -- FOO=a\\ b",
                makeflags(child, options, variables));
        assertEquals("-k -j4 --jobserver-auth=3,4 --jobserver-auth=-2,-2", mflags(child, options));
        assertEquals(" -j4 --jobserver-auth=3,4 --jobserver-auth=-2,-2",
                makeflags(child, new CommandLineParser().parse(List.of("-j4")), List.of()));
    }

    @Test
    void fifoIsNeverInvalidated() {
        ChildJobserver child = ChildJobserver.fifo("/tmp/jmake-1-2/fifo");
        assertEquals("k -j4 --jobserver-auth=fifo:/tmp/jmake-1-2/fifo -- FOO=a\\ b",
                makeflags(child, options, variables));
    }

    @Test
    void gnuMakeReadsTheInvalidatedFlagsAsUnavailableAndKeepsTheVariables() throws IOException {
        Files.writeString(dir.resolve("m.mk"), "all:;@echo '$(FOO)'\n");
        String makeflags = makeflags(ChildJobserver.pipe(10, 11, false), options, variables);
        GnuMakeChild.Result make = GnuMakeChild.run(dir, List.of("-f", "m.mk"), makeflags, List.of());
        assertEquals(new Termination.Exited(0), make.termination());
        assertEquals("a b\n", make.stdout());
        assertEquals("make: " + Unavailable.WARNING + "\n", make.stderr());
    }
}
