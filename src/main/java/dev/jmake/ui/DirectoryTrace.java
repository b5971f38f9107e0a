package dev.jmake.ui;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * {@code -w}'s {@code Entering directory} and {@code Leaving directory} around a make's output, as GNU make 4.3
 * prints them (output.c output_start and log_working_directory): "Entering" just before the first output, so a
 * make that prints nothing prints no directory lines either, and "Leaving" at the end only if "Entering" was
 * printed. Under {@code -Oline}/{@code -Otarget} each synchronised chunk carries its own lines instead.
 */
public final class DirectoryTrace {
    private final PrintStream out;
    private final String prefix;
    private final String directory;
    private final boolean enabled;
    private boolean traced;
    /** False once output sync frames each chunk: later output no longer prints "Entering". */
    private boolean lazy = true;

    private DirectoryTrace(PrintStream out, String prefix, String directory, boolean enabled) {
        this.out = out;
        this.prefix = prefix;
        this.directory = directory;
        this.enabled = enabled;
    }

    /** No directory lines (no {@code -w}). */
    public static DirectoryTrace off() {
        return new DirectoryTrace(null, null, null, false);
    }

    /** Directory lines {@code prefix: Entering directory 'directory'} written to {@code out}. */
    public static DirectoryTrace on(PrintStream out, String prefix, String directory) {
        return new DirectoryTrace(out, prefix, directory, true);
    }

    /** Output is about to be written (a message, or a command that writes to make's stdout itself). */
    public synchronized void enter() {
        if (enabled && lazy && !traced) {
            traced = true;
            out.println(prefix + ": Entering directory '" + directory + "'");
            out.flush();
        }
    }

    /**
     * A make that re-executed itself after printing "Entering" (main.c: {@code MAKE_RESTARTS} starting with
     * {@code -}) prints "Leaving" only.
     */
    public synchronized void alreadyEntered() {
        traced = enabled;
    }

    /** Output sync frames each chunk from now on (main.c reads {@code -O} from the makefiles too). */
    public synchronized void framedPerChunk() {
        lazy = false;
    }

    /** The end of the make: "Leaving" if "Entering" was printed. */
    public synchronized void leave() {
        if (traced) {
            traced = false;
            out.println(prefix + ": Leaving directory '" + directory + "'");
            out.flush();
        }
    }

    /** {@code stream} printing "Entering" before its first write. */
    PrintStream guard(PrintStream stream, Charset charset) {
        if (!enabled) {
            return stream;
        }
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                enter();
                stream.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                enter();
                stream.write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                stream.flush();
            }
        }, false, charset);
    }
}
