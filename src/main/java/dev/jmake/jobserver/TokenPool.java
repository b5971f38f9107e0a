package dev.jmake.jobserver;

import dev.jmake.process.FileDescriptors;
import dev.jmake.process.Pipe;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One make's view of a jobserver pool: its implicit slot plus the tokens it read, each remembered by its byte so
 * that exactly that byte goes back. Made for a single scheduling thread; {@link #releaseAll()} and {@link #close()}
 * may also come from a signal-handling thread. Reads never block the caller: {@link #tryAcquire()} reads at once,
 * {@link #acquireAsync} hands a token over from one reader thread, which waits in {@code poll} and reads only
 * under this pool's lock, so a cancelled request can never swallow a byte.
 */
public final class TokenPool implements AutoCloseable {
    private static final int WRITE_WAIT_MILLIS = 1000;
    private static final int RECONCILE_LIMIT = 65536;

    private final FileDescriptors fds;
    private final int readFd;
    private final int writeFd;
    /** How many tokens of each byte value are held. */
    private final int[] held = new int[256];
    private int heldCount;
    private boolean implicitInUse;
    private Consumer<Token> delivery;
    private Thread reader;
    private Pipe wake;
    private RuntimeException readerFailure;
    /** Set by {@link #releaseAll()}: no token is taken any more; releasing one already given back does nothing. */
    private boolean finished;
    private boolean closed;

    /**
     * A pool read through {@code readFd} (non-blocking, a description of its own) and written through
     * {@code writeFd} (may be the same descriptor); the pool closes both.
     */
    TokenPool(FileDescriptors fds, int readFd, int writeFd) {
        this.fds = fds;
        this.readFd = readFd;
        this.writeFd = writeFd;
    }

    /** A slot to run one job now: the implicit one if it is free, else a token if one can be read at once. */
    public synchronized Optional<JobSlot> trySlot() {
        if (!implicitInUse) {
            implicitInUse = true;
            return Optional.of(new JobSlot.Implicit());
        }
        return tryAcquire().map(token -> token);
    }

    /** Whether the implicit slot is taken. */
    public synchronized boolean implicitInUse() {
        return implicitInUse;
    }

    /** Reads one token if one is available now (never blocks); none once {@link #releaseAll()} ran. */
    public synchronized Optional<Token> tryAcquire() {
        // Finished before closed: a scheduler racing with close() on another thread just gets nothing.
        if (finished) {
            return Optional.empty();
        }
        checkOpen();
        byte[] one = new byte[1];
        int n = fds.read(readFd, one, 1);
        if (n != 1) {
            return Optional.empty();
        }
        return Optional.of(hold(one[0]));
    }

    /**
     * Asks the reader thread for one token: when one is read, it is held and passed to {@code delivery} on the
     * reader thread, under this pool's lock, so {@code delivery} must only hand it on (e.g. onto a queue). One
     * request at a time. Once {@link #releaseAll()} or {@link #close()} ran, the request is never served.
     *
     * @throws IllegalStateException if a request is pending or the reader failed
     */
    public synchronized void acquireAsync(Consumer<Token> delivery) {
        if (finished) {
            return;
        }
        checkOpen();
        if (readerFailure != null) {
            throw new IllegalStateException("jobserver reader failed", readerFailure);
        }
        if (this.delivery != null) {
            throw new IllegalStateException("a token request is already pending");
        }
        if (reader == null) {
            wake = fds.pipe();
            fds.setNonBlocking(wake.writeFd(), true);
            reader = new Thread(this::readTokens, "jobserver-reader");
            reader.setDaemon(true);
            reader.start();
        }
        this.delivery = delivery;
        notifyAll();
    }

    /** Whether an {@link #acquireAsync} request is pending. */
    public synchronized boolean acquiring() {
        return delivery != null;
    }

    /**
     * Withdraws the pending request; afterwards its {@code delivery} is never called. Returns false if there was
     * none (a token already delivered belongs to the caller, who releases it if it is not needed any more).
     */
    public synchronized boolean cancelAcquire() {
        if (delivery == null) {
            return false;
        }
        delivery = null;
        poke();
        return true;
    }

    /**
     * Gives a slot back: the implicit one becomes free, a token's byte is written back to the pool (after
     * {@link #releaseAll()}, a token it already gave back is not written again).
     */
    public synchronized void release(JobSlot slot) {
        if (slot instanceof Token token) {
            int index = token.value() & 0xff;
            if (held[index] == 0 && finished) {
                return;
            }
            if (held[index] == 0) {
                throw new IllegalStateException("token " + index + " is not held");
            }
            writeBack(token.value());
            held[index]--;
            heldCount--;
        } else {
            if (!implicitInUse) {
                throw new IllegalStateException("the implicit slot is not in use");
            }
            implicitInUse = false;
        }
    }

    /**
     * For the end of a build, however it ends (failure, {@code -k}, a signal, exit), possibly from another thread
     * than the scheduler's: cancels any request, writes every held token back (never anything for the implicit
     * slot) and takes no token any more; the scheduler may still release the slots of jobs it reaps afterwards.
     * Returns how many tokens went back.
     */
    public synchronized int releaseAll() {
        finished = true;
        cancelAcquire();
        int count = 0;
        for (int value = 0; value < held.length; value++) {
            while (held[value] > 0) {
                writeBack((byte) value);
                held[value]--;
                heldCount--;
                count++;
            }
        }
        return count;
    }

    /** The tokens read and not yet released (the implicit slot not counted). */
    public synchronized int held() {
        return heldCount;
    }

    /**
     * The top-level check when no job runs and nothing is held: takes every byte now in the pool without waiting
     * (at most 64 KiB), then puts back exactly {@code expected}, the first bytes found first, {@code '+'} for the
     * missing ones. Once {@link #releaseAll()} ran (make is going down, maybe from another thread), nothing is read
     * or written and the pool counts as balanced.
     */
    synchronized Reconciliation reconcile(int expected) {
        if (finished) {
            return new Reconciliation(expected, expected);
        }
        checkOpen();
        if (heldCount != 0 || delivery != null) {
            throw new IllegalStateException("reconcile with " + heldCount + " tokens held"
                    + (delivery != null ? " and a request pending" : ""));
        }
        byte[] chunk = new byte[4096];
        byte[] kept = new byte[expected];
        int count = 0;
        while (count < RECONCILE_LIMIT) {
            int n = fds.read(readFd, chunk, chunk.length);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n && count + i < expected; i++) {
                kept[count + i] = chunk[i];
            }
            count += n;
        }
        for (int i = 0; i < expected; i++) {
            writeBack(i < count ? kept[i] : Token.PLUS);
        }
        return new Reconciliation(count, expected);
    }

    private Token hold(byte value) {
        held[value & 0xff]++;
        heldCount++;
        return new Token(value);
    }

    private void writeBack(byte value) {
        byte[] one = {value};
        while (fds.write(writeFd, one, 1) != 1) {
            // A full pool (64 KiB of tokens) only drains when others read; wait for room.
            fds.awaitWritable(writeFd, WRITE_WAIT_MILLIS);
        }
    }

    private void poke() {
        if (wake != null) {
            fds.write(wake.writeFd(), new byte[] {1}, 1);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("jobserver pool closed");
        }
    }

    /** The reader thread: waits for a request, then for the pool or a poke, and reads under the lock. */
    private void readTokens() {
        byte[] one = new byte[1];
        byte[] pokes = new byte[64];
        try {
            while (true) {
                synchronized (this) {
                    while (delivery == null && !closed) {
                        wait();
                    }
                    if (closed) {
                        return;
                    }
                }
                Set<Integer> ready = fds.awaitReadable(List.of(readFd, wake.readFd()), -1);
                if (ready.contains(wake.readFd())) {
                    fds.read(wake.readFd(), pokes, pokes.length);
                }
                if (!ready.contains(readFd)) {
                    continue;
                }
                synchronized (this) {
                    if (delivery == null || closed) {
                        continue;
                    }
                    int n = fds.read(readFd, one, 1);
                    if (n == FileDescriptors.WOULD_BLOCK) {
                        continue; // another reader took it first
                    }
                    if (n == 0) {
                        throw new IllegalStateException("jobserver pool closed by every writer");
                    }
                    Consumer<Token> taker = delivery;
                    delivery = null;
                    Token token = hold(one[0]);
                    try {
                        taker.accept(token);
                    } catch (RuntimeException e) {
                        release(token);
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            synchronized (this) {
                readerFailure = e;
                delivery = null;
            }
        }
    }

    /** Writes every held token back, stops the reader and closes the descriptors. */
    @Override
    public void close() {
        Thread stopping;
        synchronized (this) {
            if (closed) {
                return;
            }
            releaseAll();
            closed = true;
            notifyAll();
            poke();
            stopping = reader;
        }
        if (stopping != null) {
            try {
                stopping.join(WRITE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        fds.close(readFd);
        if (writeFd != readFd) {
            fds.close(writeFd);
        }
        if (wake != null) {
            fds.close(wake.readFd());
            fds.close(wake.writeFd());
        }
    }
}
