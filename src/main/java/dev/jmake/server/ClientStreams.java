package dev.jmake.server;

import dev.jmake.process.FileDescriptors;
import dev.jmake.process.WriteFailureWatch;
import dev.jmake.syntax.ByteText;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * The client's stdin, stdout and stderr as a session writes and reads them: over the descriptors received with
 * HELLO, unbuffered like make's own (so their order with the jobs' output is as in process), and silent once the
 * session is over or the client lost.
 */
public final class ClientStreams {
    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;
    /** What became of the writes to stdout (make reports a failed one when it exits). */
    private final WriteFailureWatch stdoutWatch;

    public ClientStreams(FileDescriptors fds, InputStream stdin, int stdout, int stderr, ClientLink link) {
        // The descriptors stay the session's (closed with it): the streams over them are never closed.
        this.stdin = new BufferedInputStream(stdin);
        this.stdoutWatch = new WriteFailureWatch(new DescriptorOutput(fds, stdout,
                () -> link.open() && !link.lost()));
        this.out = new PrintStream(stdoutWatch, false, ByteText.CHARSET);
        this.err = new PrintStream(new DescriptorOutput(fds, stderr, () -> link.open() && !link.lost()), false,
                ByteText.CHARSET);
    }

    public InputStream stdin() {
        return stdin;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    /** The writes to stdout, to check once the run is over. */
    public WriteFailureWatch stdoutWatch() {
        return stdoutWatch;
    }
}
