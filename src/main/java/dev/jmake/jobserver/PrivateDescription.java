package dev.jmake.jobserver;

import dev.jmake.process.FileDescriptors;
import dev.jmake.process.DescriptorStat;
import dev.jmake.process.NativeCallException;
import dev.jmake.process.OpenMode;
import java.nio.file.Path;

/**
 * This process's own way into a pool whose descriptors it shares with others: {@code /proc/self/fd/N} opened again
 * gives a new open file description, so {@code O_NONBLOCK} on it changes nobody else's reads (jobserver-rs does the
 * same). Without {@code /proc}, duplicates of the shared descriptors, made non-blocking as GNU make ≥ 4.3 does.
 */
record PrivateDescription(int readFd, int writeFd) {
    static PrivateDescription open(FileDescriptors fds, int read, int write) {
        DescriptorStat expected = fds.status(read);
        int own;
        try {
            own = fds.open(Path.of("/proc/self/fd/" + read), OpenMode.READ_WRITE, true);
        } catch (NativeCallException e) {
            int readCopy = fds.duplicate(read);
            fds.setNonBlocking(readCopy, true);
            return new PrivateDescription(readCopy, fds.duplicate(write));
        }
        if (!fds.status(own).sameFile(expected)) {
            fds.close(own);
            throw new IllegalStateException("/proc/self/fd/" + read + " reopened another file");
        }
        return new PrivateDescription(own, own);
    }
}
