package dev.jmake.ui;

import dev.jmake.syntax.Location;
import dev.jmake.syntax.MakeError;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * Every message jmake prints, in GNU make's format. The program name is the one jmake was invoked as;
 * from a sub-make ({@code MAKELEVEL > 0}) it carries the level: {@code jmake[1]: Entering directory ...}.
 */
public final class Diagnostics {
    private final String program;
    private final int makeLevel;
    private final PrintStream out;
    private final PrintStream err;
    private final StatusLine status;
    private final DirectoryTrace trace;

    public Diagnostics(String program, int makeLevel, PrintStream out, PrintStream err) {
        this(program, makeLevel, out, err, StatusLine.off(), DirectoryTrace.off());
    }

    private Diagnostics(String program, int makeLevel, PrintStream out, PrintStream err, StatusLine status,
                        DirectoryTrace trace) {
        this.program = program;
        this.makeLevel = makeLevel;
        this.out = out;
        this.err = err;
        this.status = status;
        this.trace = trace;
    }

    /** The same messages written to other streams (a job's captured output under {@code -O}), same status line. */
    public Diagnostics withStreams(PrintStream out, PrintStream err) {
        return new Diagnostics(program, makeLevel, out, err, status, trace);
    }

    /** The same messages with {@code status} shown on the terminal, erased before every write to stdout or stderr. */
    public Diagnostics withStatus(StatusLine status, Charset charset) {
        return new Diagnostics(program, makeLevel, status.guard(out, charset), status.guard(err, charset), status,
                trace);
    }

    /** The same messages preceded, before the first of them, by {@code -w}'s {@code Entering directory}. */
    public Diagnostics withDirectoryTrace(Path directory, Charset charset) {
        DirectoryTrace on = DirectoryTrace.on(out, prefix(), directory.toString());
        return new Diagnostics(program, makeLevel, on.guard(out, charset), on.guard(err, charset), status, on);
    }

    /** {@code -w}'s directory lines ({@link DirectoryTrace#off()} without {@code -w}). */
    public DirectoryTrace directoryTrace() {
        return trace;
    }

    /** A command that writes to make's stdout itself is about to start (output.c output_start). */
    public void startOutput() {
        trace.enter();
    }

    /** The progress line ({@link StatusLine#off()} unless on a terminal). */
    public StatusLine status() {
        return status;
    }

    /** {@code jmake} or {@code jmake[2]}: the prefix of unlocated messages. */
    public String prefix() {
        return makeLevel == 0 ? program : program + "[" + makeLevel + "]";
    }

    /** A line on stdout as {@code $(info)} prints it. */
    public void info(String text) {
        out.println(text);
        out.flush();
    }

    /** {@code jmake: text} on stdout ({@code Nothing to be done for 'all'.}). */
    public void message(String text) {
        out.println(prefix() + ": " + text);
        out.flush();
    }

    /** {@code Makefile:3: text} on stderr ({@code $(warning)}, {@code overriding recipe for target}); unlocated: {@code jmake: text}. */
    public void warning(Location location, String text) {
        out.flush();
        err.println((unlocated(location) ? prefix() : location.toString()) + ": " + text);
        err.flush();
    }

    /** {@code jmake: text} on stderr ({@code *** [Makefile:3: x] Error 1}, {@code Circular a <- b dependency dropped.}). */
    public void error(String text) {
        out.flush();
        err.println(prefix() + ": " + text);
        err.flush();
    }

    /** A fatal error: {@code Makefile:7: *** missing separator.  Stop.} or {@code jmake: *** No targets.  Stop.}. */
    public void fatal(MakeError error) {
        out.flush();
        String where = unlocated(error.location()) ? prefix() : error.location().toString();
        err.println(where + ": *** " + error.getMessage() + ".  Stop.");
        err.flush();
    }

    /** GNU prints no location for messages about built-in rules (their floc has no file name). */
    private static boolean unlocated(Location location) {
        return location == null || location.isBuiltin();
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }
}
