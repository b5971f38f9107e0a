package dev.jmake;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;

/**
 * Whoever invoked one run of jmake, as data: its argv, environment, working directory and standard streams. In
 * process they are this JVM's own (read once by {@link Main}); a server session gets them from its client. No
 * stage reads them from the process: a server runs many sessions at once.
 *
 * @param argv0            the name jmake was invoked as ({@code $(MAKE)}, messages)
 * @param environment      the environment as the caller had it
 * @param directory        the caller's working directory, absolute
 * @param stdin            read by {@code -f -}
 * @param stdoutIsTerminal whether {@code out} is a terminal (the status line)
 * @param stdoutColumns    the width of that terminal as it says it now, 0 if unknown (asked at each redraw)
 * @param descriptors      the caller's descriptor numbers (a parent's jobserver pipe) as this process has them:
 *                         the same in process; -1 for one a server session did not receive
 */
record Caller(String argv0, List<String> args, Map<String, String> environment, Path directory, InputStream stdin,
              PrintStream out, PrintStream err, boolean stdoutIsTerminal, IntSupplier stdoutColumns,
              IntUnaryOperator descriptors) {
    Caller {
        args = List.copyOf(args);
        environment = Map.copyOf(environment);
        if (!directory.isAbsolute()) {
            throw new IllegalArgumentException("not absolute: " + directory);
        }
    }

    /** The name of the program in messages: argv[0]'s last component. */
    String program() {
        return argv0.substring(argv0.lastIndexOf('/') + 1);
    }
}
