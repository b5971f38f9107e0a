package dev.jmake.server;

import dev.jmake.process.FileDescriptors;
import dev.jmake.process.NativeCallException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Writes to one of the client's descriptors received with HELLO (its stdout or stderr) with write(2), as a
 * FileOutputStream on fd 1 or 2 does in process. Once the session is over, writes go nowhere: the client was told
 * how to end (in process the JVM would have halted) and its terminal must not get a late message.
 */
final class DescriptorOutput extends OutputStream {
    private final FileDescriptors fds;
    private final int fd;
    private final BooleanSupplier open;

    DescriptorOutput(FileDescriptors fds, int fd, BooleanSupplier open) {
        this.fds = fds;
        this.fd = fd;
        this.open = open;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        byte[] rest = Arrays.copyOfRange(bytes, offset, offset + length);
        while (rest.length > 0 && open.getAsBoolean()) {
            int n;
            try {
                n = fds.write(fd, rest, rest.length);
            } catch (NativeCallException e) {
                // As FileOutputStream: the PrintStream over it records the error (make reports it at exit).
                throw new IOException(e.getMessage(), e);
            }
            if (n == FileDescriptors.WOULD_BLOCK) {
                // Whoever shares the client's terminal or pipe may have made it non-blocking: wait for room.
                fds.awaitWritable(fd, -1);
            } else {
                rest = Arrays.copyOfRange(rest, n, rest.length);
            }
        }
    }
}
