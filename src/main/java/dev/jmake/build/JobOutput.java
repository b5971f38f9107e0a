package dev.jmake.build;

import dev.jmake.process.CaptureFile;
import dev.jmake.process.ProcessLauncher;
import dev.jmake.process.Redirect;
import dev.jmake.ui.Diagnostics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * One job's captured output under {@code -O} (GNU's {@code struct output}): a file for stdout and one for stderr,
 * or a single file for both when make's stdout and stderr are the same file. Commands write into them, and so do
 * make's messages about the job (echoed command lines, {@code *** [x] Error 1}) through {@link #diagnostics()};
 * {@link #dump()} copies them out and empties them.
 */
final class JobOutput implements AutoCloseable {
    private final OutputSynchronizer synchronizer;
    private final Diagnostics ui;
    private final ProcessLauncher launcher;
    private CaptureFile out;
    private CaptureFile err;
    private Diagnostics diagnostics;
    private boolean closed;

    JobOutput(OutputSynchronizer synchronizer, Diagnostics ui, ProcessLauncher launcher) {
        this.synchronizer = synchronizer;
        this.ui = ui;
        this.launcher = launcher;
    }

    /** What a synchronised command gets as stdout. */
    Redirect stdout() {
        files();
        return out.redirect();
    }

    /** What a synchronised command gets as stderr: the stdout file when make's stdout and stderr are one file. */
    Redirect stderr() {
        files();
        return err.redirect();
    }

    /** make's messages about this job, written into the capture (output.c _outputs with syncout set). */
    Diagnostics diagnostics() {
        if (diagnostics == null) {
            files();
            diagnostics = ui.withStreams(stream(out), stream(err));
        }
        return diagnostics;
    }

    /** Copies what was captured to make's stdout and stderr, then empties the files (output_dump). */
    void dump() {
        copy(true);
    }

    /** Copies what was captured so far and not copied yet, while commands may still write (make interrupted). */
    void flushSoFar() {
        copy(false);
    }

    private void copy(boolean empty) {
        synchronized (synchronizer) {
            if (out == null || out.isEmpty() && err.isEmpty()) {
                return;
            }
            synchronizer.write(() -> {
                try {
                    ui.out().flush();
                    ui.err().flush();
                    copy(out, ui.out(), empty);
                    if (err != out) {
                        copy(err, ui.err(), empty);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("copying a job's output", e);
                }
            });
        }
    }

    private static void copy(CaptureFile file, OutputStream to, boolean empty) throws IOException {
        if (empty) {
            file.drainTo(to);
        } else {
            file.copyNewTo(to);
        }
    }

    /** Dumps what is left and releases the files (output_close). */
    @Override
    public void close() {
        synchronized (synchronizer) {
            if (closed) {
                return;
            }
            closed = true;
            dump();
            if (out != null) {
                out.close();
                if (err != out) {
                    err.close();
                }
            }
            synchronizer.closed(this);
        }
    }

    private void files() {
        synchronized (synchronizer) {
            if (out == null) {
                out = launcher.captureFile();
                err = synchronizer.combined() ? out : launcher.captureFile();
            }
        }
    }

    private PrintStream stream(CaptureFile file) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                file.append(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                file.append(bytes, offset, length);
            }
        }, false, launcher.charset());
    }
}
