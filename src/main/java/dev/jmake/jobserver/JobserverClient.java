package dev.jmake.jobserver;

import dev.jmake.process.FileDescriptors;
import dev.jmake.process.DescriptorStat;
import dev.jmake.process.NativeCallException;
import dev.jmake.process.OpenMode;
import java.util.Optional;

/**
 * A make's connection to its parent's pool. Pipe descriptors are checked before any byte moves: both must be open
 * FIFOs of the same inode, because when a parent did not pass them the JVM has reused 3 and 4 for its own files
 * (the runtime image, a classpath jar). This make then reads and writes through a description of its own and
 * hands the parent's descriptors (or the FIFO path) on to its recursive children.
 */
public final class JobserverClient implements Jobserver {
    private final TokenPool pool;
    private final JobserverAuth auth;

    private JobserverClient(TokenPool pool, JobserverAuth auth) {
        this.pool = pool;
        this.auth = auth;
    }

    /** Joins the pool {@code auth} ({@link JobserverAuth.Pipe} or {@link JobserverAuth.Fifo}) names. */
    public static JoinOutcome connect(JobserverAuth auth, FileDescriptors fds) {
        if (auth instanceof JobserverAuth.Pipe pipe) {
            return connectPipe(pipe, fds);
        }
        if (auth instanceof JobserverAuth.Fifo fifo) {
            return connectFifo(fifo, fds);
        }
        if (auth instanceof JobserverAuth.Disabled) {
            return new Unavailable(Optional.empty(), "the parent disabled the jobserver");
        }
        throw new IllegalArgumentException(((JobserverAuth.Malformed) auth).message());
    }

    private static JoinOutcome connectPipe(JobserverAuth.Pipe pipe, FileDescriptors fds) {
        int read = pipe.readFd();
        int write = pipe.writeFd();
        for (int fd : new int[] {read, write}) {
            if (!fds.isOpen(fd)) {
                return new Unavailable(Optional.empty(), "descriptor " + fd + " is not open");
            }
        }
        DescriptorStat readStatus = fds.status(read);
        DescriptorStat writeStatus = fds.status(write);
        if (!readStatus.isFifo() || !writeStatus.isFifo()) {
            return new Unavailable(Optional.empty(), "descriptor " + (readStatus.isFifo() ? write : read)
                    + " is not a pipe");
        }
        if (!readStatus.sameFile(writeStatus)) {
            return new Unavailable(Optional.empty(), "descriptors " + read + " and " + write
                    + " are different pipes");
        }
        fds.setCloseOnExec(read, true);
        fds.setCloseOnExec(write, true);
        PrivateDescription own = PrivateDescription.open(fds, read, write);
        return new JoinOutcome.Joined(new JobserverClient(new TokenPool(fds, own.readFd(), own.writeFd()), pipe));
    }

    private static JoinOutcome connectFifo(JobserverAuth.Fifo fifo, FileDescriptors fds) {
        int fd;
        try {
            // O_RDWR never waits for a peer; O_NONBLOCK is this description's alone.
            fd = fds.open(fifo.path(), OpenMode.READ_WRITE, true);
        } catch (NativeCallException e) {
            String error = "cannot open jobserver " + fifo.path() + ": " + fds.describe(e.errno());
            return new Unavailable(Optional.of(error), error);
        }
        if (!fds.status(fd).isFifo()) {
            fds.close(fd);
            return new Unavailable(Optional.empty(), fifo.path() + " is not a fifo");
        }
        return new JoinOutcome.Joined(new JobserverClient(new TokenPool(fds, fd, fd), fifo));
    }

    /** The pool joined, as the parent named it. */
    public JobserverAuth auth() {
        return auth;
    }

    @Override
    public TokenPool pool() {
        return pool;
    }

    @Override
    public ChildJobserver forChild(boolean recursive) {
        if (auth instanceof JobserverAuth.Pipe pipe) {
            return ChildJobserver.pipe(pipe.readFd(), pipe.writeFd(), recursive);
        }
        return ChildJobserver.fifo(((JobserverAuth.Fifo) auth).path().toString());
    }

    /** Writes every held token back and closes this make's own descriptors (the parent's stay open). */
    @Override
    public void close() {
        pool.close();
    }
}
