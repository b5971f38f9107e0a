package dev.jmake.process;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Make's standard output, remembering the first write that failed: GNU make checks it when it exits (output.c
 * close_stdout) and fails with {@code write error: stdout}, where a {@link java.io.PrintStream} would only set a flag.
 */
public final class WriteFailureWatch extends FilterOutputStream {
    private IOException failure;

    public WriteFailureWatch(OutputStream out) {
        super(out);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw noted(e);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            throw noted(e);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw noted(e);
        }
    }

    /**
     * The first write that failed, unless the reader went away: GNU make dies of SIGPIPE then without a word, which
     * the JVM, ignoring the signal, sees as a broken pipe.
     */
    public synchronized Optional<IOException> failure() {
        if (failure == null || failure.getMessage() != null && failure.getMessage().endsWith("Broken pipe")) {
            return Optional.empty();
        }
        return Optional.of(failure);
    }

    private IOException noted(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }
}
