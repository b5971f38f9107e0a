package dev.jmake;

import dev.jmake.build.DiskTimes;
import dev.jmake.cli.CommandLineParser;
import dev.jmake.watch.WatchedFileTimes;
import dev.jmake.process.FileDescriptors;
import dev.jmake.process.NativeLibrary;
import dev.jmake.ui.TerminalSize;
import dev.jmake.server.wire.DescriptorChannel;
import dev.jmake.server.wire.ReceiveBinding;
import dev.jmake.server.wire.ServedJar;
import dev.jmake.server.wire.ServerLock;
import dev.jmake.syntax.ByteText;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;
import jnr.unixsocket.Credentials;
import jnr.unixsocket.UnixServerSocketChannel;
import jnr.unixsocket.UnixSocketAddress;
import jnr.unixsocket.UnixSocketChannel;

/**
 * The warm jmake (docs/SERVER-PROTOCOL.md): listens on its socket, runs each client's session on a thread of its
 * own, and exits after an idle time or when asked. Its own environment and directory never reach a session.
 */
final class ServerMain {
    /** How long the server waits for a client before it exits, unless {@code JMAKE_SERVER_IDLE} says (seconds). */
    static final Duration DEFAULT_IDLE = Duration.ofHours(3);
    /** How long connections made before the socket went away have to be accepted. */
    private static final long LATE_CONNECTIONS_MILLIS = 200;

    private final Path socket;
    private final Duration idle;
    private final PrintStream log;
    private final POSIX posix = POSIXFactory.getNativePOSIX();
    private final FileDescriptors fds = new FileDescriptors(ByteText.CHARSET);
    private final ReceiveBinding receiving = ReceiveBinding.load();
    private final NativeLibrary library = new NativeLibrary();
    /** Shared by the sessions: binding libc once saves each interactive run tens of milliseconds. */
    private final TerminalSize terminalSize = new TerminalSize();
    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();
    private final Instant started = Instant.now();
    private volatile Instant lastActivity = Instant.now();
    private volatile boolean stopping;
    private final ServedJar jar;

    private final DiskTimes diskTimes;
    private final CommandLineParser parser = new CommandLineParser();
    private final SessionThreads sessionThreads = new SessionThreads("jmake-session", LargeStackRun.STACK_BYTES,
            SessionThreads.KEPT);
    private final SessionThreads readerThreads = new SessionThreads("jmake-client-reader", 0, SessionThreads.KEPT);

    /**
     * {@code diskTimes}: where every session's builds read file times; {@code jar}: the jar this JVM runs, whose
     * replacement ends the server once no session runs.
     */
    ServerMain(Path socket, Duration idle, PrintStream log, DiskTimes diskTimes, ServedJar jar) {
        this.socket = socket;
        this.jar = jar;
        this.idle = idle;
        this.log = log;
        this.diskTimes = diskTimes;
    }

    /** The command-line parser every session uses. */
    CommandLineParser parser() {
        return parser;
    }

    /** Where a session's link reads its client's messages. */
    SessionThreads readerThreads() {
        return readerThreads;
    }

    /** Where a new session's builds read file times. */
    DiskTimes sessionTimes() {
        return diskTimes instanceof WatchedFileTimes watched ? watched.session() : diskTimes;
    }

    /** Serves until idle for too long; returns the exit status. */
    int run() throws IOException {
        UnixServerSocketChannel server = UnixServerSocketChannel.open();
        server.socket().bind(new UnixSocketAddress(socket.toFile()));
        holdLock();
        log.println("jmake server " + MakeInvocation.VERSION + " (pid " + posix.getpid() + ") listening on "
                + socket);
        Thread acceptor = new Thread(() -> accept(server), "jmake-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        String reason = awaitIdle();
        // A client connecting from now on finds no socket and the lock held: it builds in process, and the first one
        // after this server's exit starts a new server. One that connected just before is accepted meanwhile and
        // served to its end: the server exits with no session running, and its exit releases the lock.
        Files.deleteIfExists(socket);
        awaitSessionsOver();
        log.println(reason + " after " + served.get() + " sessions since " + started + ": exiting");
        return 0;
    }

    /**
     * The client that started this server handed it the locked lock file ({@link ServerLock}): held as long as this
     * process lives, never closed, it tells clients that a server lives. It becomes close-on-exec, so that nothing
     * this JVM may start ever holds it once the server is gone. The lock file then says that the start succeeded.
     */
    private void holdLock() {
        if (ServerLock.isInherited(socket, fds)) {
            fds.setCloseOnExec(ServerLock.DESCRIPTOR, true);
        }
        try {
            ServerLock.markListening(socket, posix.getpid());
        } catch (IOException e) {
            log.println("cannot write " + ServerLock.of(socket) + ": " + e);
        }
    }

    private void accept(UnixServerSocketChannel server) {
        int uid = posix.getuid();
        while (true) {
            DescriptorChannel channel;
            try {
                UnixSocketChannel connection = server.accept();
                if (connection == null) {
                    continue;
                }
                channel = new DescriptorChannel(connection, posix, receiving);
                Credentials peer = channel.peer();
                if (peer.getUid() != uid) {
                    log.println("refused a client of uid " + peer.getUid());
                    channel.close();
                    continue;
                }
            } catch (IOException e) {
                log.println("accept: " + e);
                continue;
            }
            sessions.incrementAndGet();
            lastActivity = Instant.now();
            sessionThreads.execute(() -> serve(channel));
        }
    }

    private void serve(DescriptorChannel channel) {
        try (channel) {
            new ClientSession(this, channel, posix, fds, library).serve();
        } catch (IOException | RuntimeException e) {
            log.println("session ended by " + e);
        } finally {
            served.incrementAndGet();
            sessions.decrementAndGet();
            lastActivity = Instant.now();
        }
    }

    /** Asks a client's terminal its width (the status line). */
    TerminalSize terminalSize() {
        return terminalSize;
    }

    /** What {@code jmake --server-status} prints. */
    String status() {
        Runtime memory = Runtime.getRuntime();
        return "jmake server " + MakeInvocation.VERSION + ": pid " + posix.getpid() + ", socket " + socket + "\n"
                + "up since " + started + ", " + served.get() + " sessions served, " + sessions.get() + " running\n"
                + "heap " + (memory.totalMemory() - memory.freeMemory()) / (1 << 20) + " MiB used of "
                + memory.maxMemory() / (1 << 20) + " MiB; exits after " + idle + " idle\n"
                + jitCompilation()
                + (diskTimes instanceof WatchedFileTimes watched ? watched.describe() : "file times: not kept\n");
    }

    /**
     * The JIT's cumulative compilation time: a server is warm once it stops growing (per-session code keeps being
     * compiled for a thousand sessions or more; bench/server.sh waits for it).
     */
    private static String jitCompilation() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit == null || !jit.isCompilationTimeMonitoringSupported() ? ""
                : "JIT: " + jit.getTotalCompilationTime() + " ms compiling so far\n";
    }

    /** Exits once the running sessions are over ({@code jmake --server-stop}). */
    void stop() {
        stopping = true;
    }

    /** Waits a moment for connections already made to be accepted, then for every session to end. */
    private void awaitSessionsOver() {
        try {
            Thread.sleep(LATE_CONNECTIONS_MILLIS);
            while (sessions.get() > 0) {
                Thread.sleep(LATE_CONNECTIONS_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Returns, saying why, once no session runs and none ran for {@link #idle}, or {@link #stop} was asked, or the
     * jar was replaced.
     */
    private String awaitIdle() {
        while (true) {
            try {
                Thread.sleep(stopping ? 50 : Math.min(idle.toMillis(), 1_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
            if (sessions.get() > 0) {
                continue;
            }
            if (stopping) {
                return "stopped";
            }
            if (Duration.between(lastActivity, Instant.now()).compareTo(idle) >= 0) {
                return "idle for " + idle;
            }
            if (jar.replaced()) {
                return "its jar " + jar.jar() + " replaced";
            }
        }
    }
}
