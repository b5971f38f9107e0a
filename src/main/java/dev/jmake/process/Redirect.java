package dev.jmake.process;

import java.nio.file.Path;

/** What a child gets as one of its standard descriptors 0, 1 or 2. */
public sealed interface Redirect {
    /** The parent's own descriptor of the same number. */
    record Inherit() implements Redirect {}

    /** A new pipe whose read end the parent gets back from {@link SpawnedProcess} (stdout and stderr only). */
    record Capture() implements Redirect {}

    /** A duplicate of the parent's {@code fd} (a file for output sync, a pipe, the read end of an empty pipe for stdin). */
    record Descriptor(int fd) implements Redirect {}

    /**
     * A file opened by the child: for reading on stdin; otherwise created if missing and appended to, so that
     * stdout and stderr can share one file (output sync) without overwriting each other. A relative path is
     * opened before the child changes directory, so it is relative to the JVM's working directory.
     */
    record File(Path path) implements Redirect {}

    /** {@code /dev/null}, opened for reading on stdin and for writing otherwise. */
    record NullDevice() implements Redirect {}

    Redirect INHERIT = new Inherit();
    Redirect CAPTURE = new Capture();
    Redirect NULL_DEVICE = new NullDevice();
}
