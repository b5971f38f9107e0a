package dev.jmake.trace;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import jnr.enxio.channels.NativeSocketChannel;

/**
 * The Unix-domain socket the shim reports to ({@link PacketListener}): one connection per process tree of a job (the
 * first process of the tree to report connects, its descendants share the connection), attributed to a job by the
 * token in its hello record; a connection's end means every process holding it has exited, so every record of the
 * tree is in. One daemon thread serves every connection; back-pressure blocks a tracee while this reader lags,
 * so no record is ever dropped. Every connection is accepted under the lock, by the reader or by a waiting
 * {@link #awaitJob} (which thus knows the backlog is empty without waking the reader); the reader reads a new
 * connection at once (its hello, often its whole trace and EOF, are there already) and all reads share one buffer.
 * The reader works in rounds, one every {@link #ROUND}, not on each connect and send: on 2 cores a reader woken by
 * every event was a pair of context switches per event, and most connections (a short job's) are over before it would
 * run anyway. A round that finds nothing doubles the pause before the next, up to {@link #QUIET_ROUND} (a round costs
 * some 0.2 ms of CPU on this kind of machine, and a compiler is silent for most of its run); one that finds a new
 * connection or records goes back to {@link #ROUND}. A waiter never depends on its rounds: it accepts and reads its
 * own job's connections itself, and closes those that ended; the reader's rounds keep the connections of running
 * jobs drained, so a tracee whose socket buffer (some 200 KiB of records) fills waits for one round at most.
 */
public final class TraceCollector implements AutoCloseable {
    /** The reader's period: what a connection of a running job waits at most to be read. */
    static final Duration ROUND = Duration.ofMillis(20);
    /** The reader's longest pause, reached after rounds that found nothing. */
    static final Duration QUIET_ROUND = Duration.ofMillis(160);
    /** A waiter's first pause for a connection still open (a process outliving its job); doubled up to a round. */
    private static final long FIRST_RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private final Path socket;
    private final PacketListener server;
    private final Selector selector;
    private final Thread reader;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Guarded by lock: exited processes per job, connections per job, connections without a hello yet. */
    private final Map<String, List<TracedProcess>> exited = new HashMap<>();
    private final Map<String, Set<TraceConnection>> open = new HashMap<>();
    private final Set<TraceConnection> unnamed = new HashSet<>();
    /** Guarded by lock: the jobs {@link #awaitJob} handed over, and the pids that first reported for them after. */
    private final Set<String> collected = new HashSet<>();
    private final Map<String, List<Integer>> late = new HashMap<>();
    /** Guarded by lock: connections a waiter accepted, for the reader to register. */
    private final List<TraceConnection> handedOver = new ArrayList<>();
    /** The reader's: one buffer for every connection's reads (direct: jnr reads into it without a copy). */
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    /** The reader's: connections registered with its selector (whose keys() is a fresh copy each time). */
    private int registered;
    private IOException failure;
    /** Guarded by lock: connections accepted so far (one per traced process tree that reported). */
    private long accepted;
    private volatile boolean closing;

    private TraceCollector(Path socket) throws IOException {
        this.socket = socket;
        this.server = PacketListener.bind(socket);
        server.channel().configureBlocking(false);
        this.selector = server.channel().provider().openSelector();
        this.reader = new Thread(this::serve, "jmake-trace-collector");
        reader.setDaemon(true);
    }

    /** Listens on a new socket at {@code socket} (which must not exist; at most 107 bytes long). */
    public static TraceCollector listen(Path socket) throws IOException {
        TraceCollector collector = new TraceCollector(socket);
        collector.reader.start();
        return collector;
    }

    /** The socket's path, for JMAKE_TRACE_SOCKET. */
    public Path socket() {
        return socket;
    }

    /**
     * Waits until no process of {@code job} can still report, then hands over (and forgets) its trace. Call it
     * once the job's own process has been reaped: every process it started has connected by then, so once the
     * pending connections are accepted and named, the job is complete when all of its connections reached EOF.
     * Processes that outlive the job (daemons) keep it incomplete until {@code timeout}; the result then lists
     * them as running, with what they reported so far.
     */
    public JobTrace awaitJob(String job, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            // Every connect() that finished before now is accepted once the backlog is empty: connections accepted
            // later cannot be the job's; of the earlier ones, wait for the names.
            if (failure == null) {
                takeBacklog();
            }
            Set<TraceConnection> nameless = new HashSet<>(unnamed);
            long recheck = FIRST_RECHECK_NANOS;
            while (true) {
                if (failure != null) {
                    throw failure;
                }
                // What the reader has not read yet is usually there already (the job's processes are gone).
                for (TraceConnection c : List.copyOf(nameless)) {
                    consume(c);
                }
                for (TraceConnection c : List.copyOf(open.getOrDefault(job, Set.of()))) {
                    consume(c);
                }
                nameless.retainAll(unnamed);
                if (nameless.isEmpty() && open.getOrDefault(job, Set.of()).isEmpty()) {
                    break;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                // Rechecked by this waiter itself (the reader reads such a connection only once a round).
                changed.awaitNanos(Math.min(left, recheck));
                recheck = Math.min(recheck * 2, ROUND.toNanos());
            }
            List<TracedProcess> processes = new ArrayList<>(exited.getOrDefault(job, List.of()));
            List<Integer> running = new ArrayList<>();
            for (TraceConnection c : open.getOrDefault(job, Set.of())) {
                processes.addAll(c.snapshot());
                running.addAll(stillRunning(c));
            }
            exited.remove(job);
            collected.add(job);
            return new JobTrace(job, processes, running);
        } finally {
            lock.unlock();
        }
    }

    private void serve() {
        try {
            long pause = ROUND.toNanos();
            while (!closing) {
                LockSupport.parkNanos(this, pause); // close() unparks
                if (closing) {
                    break;
                }
                if (Thread.interrupted()) {
                    fail(new InterruptedIOException("trace collector interrupted"));
                    return;
                }
                boolean found = acceptPending();
                if (registered > 0 && selector.selectNow() > 0) {
                    found = true;
                    Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                    while (keys.hasNext()) {
                        SelectionKey key = keys.next();
                        keys.remove();
                        if (key.isValid() && key.isReadable()) {
                            read(key, (TraceConnection) key.attachment());
                        }
                    }
                }
                pause = found ? ROUND.toNanos() : Math.min(pause * 2, QUIET_ROUND.toNanos());
            }
        } catch (IOException | RuntimeException e) {
            fail(e instanceof IOException io ? io : new IOException("trace collector failed", e));
        }
    }

    /** Accepts every pending connection as unnamed (lock held). */
    private List<TraceConnection> acceptBacklog() throws IOException {
        List<TraceConnection> fresh = new ArrayList<>();
        NativeSocketChannel channel;
        while ((channel = server.accept()) != null) {
            TraceConnection connection = new TraceConnection(channel);
            accepted++;
            unnamed.add(connection);
            fresh.add(connection);
        }
        return fresh;
    }

    /**
     * A waiter's accept (lock held): reads each new connection at once and closes those that ended (the reader never
     * saw them, so no key of its refers to them); hands the others over to the reader, woken to register them now
     * (it may be in a long pause, and their processes are still writing).
     */
    private void takeBacklog() throws IOException {
        boolean handed = false;
        for (TraceConnection connection : acceptBacklog()) {
            if (consume(connection)) {
                handedOver.add(connection);
                handed = true;
            } else {
                connection.channel().close();
            }
        }
        if (handed) {
            LockSupport.unpark(reader);
        }
    }

    /**
     * The reader's accept: the backlog and what waiters handed over, each read at once and registered if not over;
     * whether there was any.
     */
    private boolean acceptPending() throws IOException {
        lock.lock();
        try {
            handedOver.addAll(acceptBacklog());
        } finally {
            lock.unlock();
        }
        return startHandedOver();
    }

    private boolean startHandedOver() throws IOException {
        List<TraceConnection> fresh;
        lock.lock();
        try {
            if (handedOver.isEmpty()) {
                return false;
            }
            fresh = List.copyOf(handedOver);
            handedOver.clear();
        } finally {
            lock.unlock();
        }
        for (TraceConnection connection : fresh) {
            start(connection);
        }
        return true;
    }

    /** Reads a new connection at once; registers it for more unless it is over already. */
    private void start(TraceConnection connection) throws IOException {
        if (consumeLocked(connection)) {
            connection.channel().register(selector, SelectionKey.OP_READ, connection);
            registered++;
        } else {
            connection.channel().close();
        }
    }

    /** {@link #consume} under the lock: whether the connection goes on. */
    private boolean consumeLocked(TraceConnection connection) throws IOException {
        lock.lock();
        try {
            return consume(connection);
        } finally {
            lock.unlock();
        }
    }

    /** Records the failure for waiters and drops every connection: tracees then stop reporting instead of blocking. */
    private void fail(IOException e) {
        lock.lock();
        try {
            failure = e;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        for (SelectionKey key : selector.keys()) {
            try {
                key.channel().close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
        }
        try {
            closeHandedOver();
        } catch (IOException suppressed) {
            e.addSuppressed(suppressed);
        }
    }

    /** Closes the connections a waiter accepted that the reader never started (all of them, then the first failure). */
    private void closeHandedOver() throws IOException {
        IOException failed = null;
        lock.lock();
        try {
            for (TraceConnection connection : handedOver) {
                try {
                    connection.channel().close();
                } catch (IOException e) {
                    if (failed == null) {
                        failed = e;
                    } else {
                        failed.addSuppressed(e);
                    }
                }
            }
            handedOver.clear();
        } finally {
            lock.unlock();
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** The reader's read of a readable connection; closes it once it ended. */
    private void read(SelectionKey key, TraceConnection connection) throws IOException {
        if (!consumeLocked(connection)) {
            key.cancel();
            registered--;
            connection.channel().close();
        }
    }

    /**
     * Reads what {@code connection} holds now and files it under its job (lock held; any thread: a waiter reads its
     * job's connections itself rather than wait for the reader to be scheduled). Only the reader closes channels,
     * after their end was recorded here, so no one reads a closed one.
     *
     * @return false once the connection ended
     */
    private boolean consume(TraceConnection connection) {
        if (connection.ended()) {
            return false;
        }
        boolean more;
        try {
            more = connection.read(scratch);
        } catch (IOException e) {
            more = false; // a reset peer is an ended process; its snapshot says whether the stream was intact
        }
        String job = connection.job();
        if (job != null && unnamed.remove(connection)) {
            if (collected.contains(job)) {
                // A process of a finished job that connected only now (one outside the project connects with its
                // first record): what it does is judged by no one.
                late.computeIfAbsent(job, j -> new ArrayList<>()).add(connection.pid());
            }
            open.computeIfAbsent(job, j -> new HashSet<>()).add(connection);
        }
        if (!more) {
            connection.end();
            unnamed.remove(connection);
            List<TracedProcess> processes = connection.snapshot();
            String owner = processes.get(0).job();
            Set<TraceConnection> live = open.get(owner);
            if (live != null) {
                live.remove(connection);
                if (live.isEmpty()) {
                    open.remove(owner);
                }
            }
            exited.computeIfAbsent(owner, j -> new ArrayList<>()).addAll(processes);
        }
        changed.signalAll();
        return more;
    }

    /**
     * The processes of a connection that has not ended that still exist (one of them holds it), or the connecting one
     * when none of the traced ones does (an untraced program holds it).
     */
    private static List<Integer> stillRunning(TraceConnection connection) {
        List<Integer> alive = connection.pids().stream().filter(pid -> Files.exists(Path.of("/proc/" + pid))).toList();
        return alive.isEmpty() ? List.of(connection.pid()) : alive;
    }

    /**
     * The processes that began to report for a job after {@link #awaitJob} handed it over (a daemon the recipe left
     * behind), by job, in the order they connected; those that connected but sent no hello yet are accepted first.
     */
    public Map<String, List<Integer>> lateProcesses() throws IOException {
        lock.lock();
        try {
            if (failure == null) {
                takeBacklog();
            }
            for (TraceConnection c : List.copyOf(unnamed)) {
                consume(c);
            }
            Map<String, List<Integer>> copy = new HashMap<>();
            late.forEach((job, pids) -> copy.put(job, List.copyOf(pids)));
            return copy;
        } finally {
            lock.unlock();
        }
    }

    /** How many connections the shim opened so far. */
    long connectionsAccepted() {
        lock.lock();
        try {
            return accepted;
        } finally {
            lock.unlock();
        }
    }

    /** Stops serving and removes the socket; processes still tracing lose their connection. */
    @Override
    public void close() throws IOException {
        closing = true;
        LockSupport.unpark(reader);
        try {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        closeHandedOver();
        selector.close();
        server.close();
        Files.deleteIfExists(socket);
    }
}
