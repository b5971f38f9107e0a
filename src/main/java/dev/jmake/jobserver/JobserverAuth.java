package dev.jmake.jobserver;

import java.nio.file.Path;

/**
 * A {@code --jobserver-auth} (or {@code --jobserver-fds}) value as GNU make reads it (posixos.c
 * jobserver_parse_auth): {@code fifo:PATH} (make 4.4), else {@code sscanf("%d,%d")}.
 */
public sealed interface JobserverAuth {
    /** Two inherited descriptors, the pool's read and write ends. */
    record Pipe(int readFd, int writeFd) implements JobserverAuth {}

    /** A named FIFO that every process opens itself (make 4.4's default style). */
    record Fifo(Path path) implements JobserverAuth {}

    /** A negative descriptor: the parent withdrew the jobserver ({@code -2,-2}, make 4.4 for non-recursive lines). */
    record Disabled(int readFd, int writeFd) implements JobserverAuth {}

    /** Neither form: GNU make 4.3 stops with {@code internal error: invalid --jobserver-auth string '...'}. */
    record Malformed(String text) implements JobserverAuth {
        /** The fatal message, without {@code ***} and {@code .  Stop.}. */
        public String message() {
            return "internal error: invalid --jobserver-auth string '" + text + "'";
        }
    }

    String FIFO_PREFIX = "fifo:";

    /** Reads an auth value (already unescaped, as MAKEFLAGS parsing leaves it). */
    static JobserverAuth parse(String text) {
        if (text.startsWith(FIFO_PREFIX)) {
            return new Fifo(Path.of(text.substring(FIFO_PREFIX.length())));
        }
        ScanfCursor scan = new ScanfCursor(text);
        Integer read = scan.decimal();
        if (read == null || !scan.literal(',')) {
            return new Malformed(text);
        }
        Integer write = scan.decimal();
        if (write == null) {
            return new Malformed(text);
        }
        // Anything after the second number is ignored, as by sscanf.
        if (read < 0 || write < 0) {
            return new Disabled(read, write);
        }
        return new Pipe(read, write);
    }
}
