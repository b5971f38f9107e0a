package dev.jmake.jobserver;

import dev.jmake.cli.JobserverStyle;
import dev.jmake.process.FileDescriptors;
import dev.jmake.process.OpenMode;
import dev.jmake.process.Pipe;
import dev.jmake.syntax.MakeError;
import dev.jmake.syntax.Strerror;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The pool of a top-level {@code -jN} make (N > 1): N-1 {@code '+'} tokens, one slot being implicit (posixos.c
 * jobserver_setup). Pipe style is an anonymous pipe that recursive children inherit as 3,4; fifo style is a FIFO
 * in a private 0700 directory whose path has no blanks, removed by {@link #close()} (and by a shutdown hook, which
 * does not run under {@code -Xrs} or a re-raised signal: callers close explicitly on every exit path).
 */
public final class JobserverServer implements Jobserver {
    private static final String FIFO_NAME = "fifo";

    private final FileDescriptors fds;
    private final int slots;
    private final JobserverStyle style;
    private final TokenPool pool;
    /** Pipe style: the shared ends children inherit. */
    private final Optional<Pipe> pipe;
    /** Fifo style: the FIFO and its private directory. */
    private final Optional<Path> fifo;
    private final Thread cleanup;
    private boolean closed;

    private JobserverServer(FileDescriptors fds, int slots, JobserverStyle style, TokenPool pool,
                            Optional<Pipe> pipe, Optional<Path> fifo) {
        this.fds = fds;
        this.slots = slots;
        this.style = style;
        this.pool = pool;
        this.pipe = pipe;
        this.fifo = fifo;
        this.cleanup = new Thread(this::removeFifo, "jobserver-cleanup");
        if (fifo.isPresent()) {
            Runtime.getRuntime().addShutdownHook(cleanup);
        }
    }

    /**
     * Creates a pool for {@code slots} (≥ 2) concurrent jobs; a fifo goes under {@link #fifoRoot(Map)} of
     * {@code environment}.
     */
    public static JobserverServer start(int slots, JobserverStyle style, Map<String, String> environment,
                                        FileDescriptors fds) {
        if (slots < 2) {
            throw new IllegalArgumentException("a jobserver needs at least 2 slots: " + slots);
        }
        byte[] tokens = new byte[slots - 1];
        Arrays.fill(tokens, Token.PLUS);
        if (style == JobserverStyle.PIPE) {
            Pipe pipe = fds.pipe();
            PrivateDescription own = PrivateDescription.open(fds, pipe.readFd(), pipe.writeFd());
            seed(fds, own.writeFd(), tokens);
            return new JobserverServer(fds, slots, style, new TokenPool(fds, own.readFd(), own.writeFd()),
                    Optional.of(pipe), Optional.empty());
        }
        Path directory = privateDirectory(fifoRoot(environment));
        Path path = directory.resolve(FIFO_NAME);
        int fd = -1;
        try {
            fds.makeFifo(path, 0600);
            // O_RDWR: this make is a reader and a writer, so neither this open nor later ones by children block.
            fd = fds.open(path, OpenMode.READ_WRITE, true);
            seed(fds, fd, tokens);
            return new JobserverServer(fds, slots, style, new TokenPool(fds, fd, fd), Optional.empty(),
                    Optional.of(path));
        } catch (RuntimeException e) {
            if (fd >= 0) {
                fds.close(fd);
            }
            remove(path);
            throw e;
        }
    }

    /**
     * Where fifo directories go: {@code $TMPDIR} if it is absolute and has no character MAKEFLAGS would escape
     * (cargo's jobserver crate does not unescape), else {@code /tmp}.
     */
    public static Path fifoRoot(Map<String, String> environment) {
        String tmp = environment.get("TMPDIR");
        if (tmp != null && tmp.startsWith("/") && tmp.chars().noneMatch(c -> c <= ' ' || c == '\\' || c == '$')) {
            return Path.of(tmp);
        }
        return Path.of("/tmp");
    }

    private static Path privateDirectory(Path root) {
        try {
            return Files.createTempDirectory(root, "jmake-" + ProcessHandle.current().pid() + "-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            // Fatal in make's format, as GNU's pfatal_with_name words a failed system call.
            throw new MakeError(null, "cannot create the jobserver directory in " + root + ": " + Strerror.of(e));
        }
    }

    private static void seed(FileDescriptors fds, int fd, byte[] tokens) {
        int written = 0;
        while (written < tokens.length) {
            byte[] rest = Arrays.copyOfRange(tokens, written, tokens.length);
            int n = fds.write(fd, rest, rest.length);
            if (n == FileDescriptors.WOULD_BLOCK) {
                throw new IllegalStateException("the jobserver pool cannot hold " + tokens.length + " tokens");
            }
            written += n;
        }
    }

    /** The {@code -jN} this pool serves. */
    public int slots() {
        return slots;
    }

    public JobserverStyle style() {
        return style;
    }

    /** The FIFO children open, in fifo style. */
    public Optional<Path> fifo() {
        return fifo;
    }

    @Override
    public TokenPool pool() {
        return pool;
    }

    @Override
    public ChildJobserver forChild(boolean recursive) {
        if (pipe.isPresent()) {
            return ChildJobserver.pipe(pipe.get().readFd(), pipe.get().writeFd(), recursive);
        }
        return ChildJobserver.fifo(fifo.orElseThrow().toString());
    }

    /**
     * When no job runs and no token is held: counts the pool without waiting, restores it to N-1 tokens and says
     * whether tokens were lost (a killed child) or invented (a client that wrote more than it read).
     */
    public Reconciliation reconcile() {
        return pool.reconcile(slots - 1);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        pool.close();
        pipe.ifPresent(p -> {
            fds.close(p.readFd());
            fds.close(p.writeFd());
        });
        removeFifo();
        if (fifo.isPresent()) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // Closed from within shutdown: the hook runs anyway and finds nothing left to remove.
            }
        }
    }

    private void removeFifo() {
        fifo.ifPresent(JobserverServer::remove);
    }

    /** Removes the fifo and its private directory, whatever of them exists. */
    private static void remove(Path fifo) {
        try {
            Files.deleteIfExists(fifo);
            Files.deleteIfExists(fifo.getParent());
        } catch (IOException e) {
            throw new MakeError(null, "cannot remove the jobserver fifo " + fifo + ": " + Strerror.of(e));
        }
    }
}
