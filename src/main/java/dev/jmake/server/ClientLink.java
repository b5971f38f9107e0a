package dev.jmake.server;

import dev.jmake.process.ExitDelivery;
import dev.jmake.process.InterruptSignals;
import dev.jmake.process.Redirect;
import dev.jmake.process.SpawnRequest;
import dev.jmake.process.SpawnResult;
import dev.jmake.process.Termination;
import dev.jmake.server.wire.DescriptorChannel;
import dev.jmake.server.wire.ExitKind;
import dev.jmake.server.wire.KillScope;
import dev.jmake.server.wire.Message;
import dev.jmake.server.wire.ReceivedMessage;
import dev.jmake.server.wire.Reception;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * One session's connection to its client (docs/SERVER-PROTOCOL.md): it sends what to spawn, what to kill and how
 * to end, and hears of the processes started and reaped and of the signals the client took. The session is over
 * once EXIT was sent or the client was lost; from then on nothing starts, nothing is written, and every thread
 * still waiting on the client unwinds with {@link SessionEnded}.
 *
 * <p>Whoever waits for the client reads it ({@link #awaitUntil}): the session's thread, waiting for its jobs, reads
 * their ends itself and goes on without a hand-over between threads. A background reader takes over only once
 * nobody has read for {@link #IDLE_BEFORE_BACKGROUND}, so that a signal forwarded while the session computes, or
 * the client's loss, is still heard; a waiter then {@link DescriptorChannel#wake wakes} it to take reading back.
 */
public final class ClientLink implements ExitDelivery {
    /** How long the connection may go unread before the background reader reads it. */
    static final long IDLE_BEFORE_BACKGROUND = TimeUnit.MILLISECONDS.toNanos(10);
    /** The client's answer for an offer that never started (a KILL of every descendant came first). */
    private static final int ECANCELED = 125;

    private final DescriptorChannel channel;
    private final Object lock = new Object();
    /** Held while a SPAWN and the base environment it refers to are sent: no other SPAWN may come between. */
    private final Object spawning = new Object();
    /** Guarded by {@link #spawning}. */
    private final EnvironmentBase environmentBase = new EnvironmentBase();
    /** The children asked for and not reaped yet, by request (those not started yet too). */
    private final Map<Integer, RemoteChild> running = new HashMap<>();
    /** Guarded by {@link #lock}: the offers sent and not taken yet, in the order sent. */
    private final List<ClientOffer> offers = new ArrayList<>();
    /** Guarded by {@link #lock}: a failure stopped make, as the client sees it: no offer starts by a trigger. */
    private boolean offersStopped;
    private final CompletableFuture<Void> over = new CompletableFuture<>();
    /** Completed once the reader has returned: it touches the connection no more. */
    private final CompletableFuture<Void> readerReturned = new CompletableFuture<>();
    private int nextRequest = 1;
    /** Guards who reads the connection; waiters for what another thread reads wait on it. */
    private final Object reading = new Object();
    /** Guarded by {@link #reading}: a thread reads now; it is the background reader; a waiter wants it back. */
    private boolean readerActive;
    /** Guarded by {@link #reading}: the thread reading now (for tests). */
    private Thread reader;
    private boolean readerInBackground;
    private boolean handBack;
    /** Guarded by {@link #reading}: the threads waiting on it (a read wakes them only if there are any). */
    private int waiters;
    /** Guarded by {@link #reading}: {@link System#nanoTime()} when the last reader let go. */
    private long releasedAt;
    /** Guarded by {@link #reading}: the stream ended or failed, or reading was stopped: nobody reads any more. */
    private boolean readingOver;
    private volatile boolean stopping;
    private volatile Thread background;
    private volatile boolean ended;
    private volatile boolean lost;
    private volatile InterruptSignals.Listener interrupts;

    public ClientLink(DescriptorChannel channel) {
        this.channel = channel;
        // Nobody has read yet: the background reader may start at once.
        this.releasedAt = System.nanoTime() - IDLE_BEFORE_BACKGROUND;
    }

    /** Starts the background reader thread; call once the HELLO was read. */
    public void start() {
        start(work -> {
            Thread reader = new Thread(work, "jmake-client-reader");
            reader.setDaemon(true);
            reader.start();
        });
    }

    /** Starts the background reader on a thread of {@code threads} (a server's, kept for the next session's). */
    public void start(Executor threads) {
        threads.execute(this::readInBackground);
    }

    /** Whether the session goes on: EXIT not sent, client not lost. */
    public boolean open() {
        return !ended;
    }

    /** Whether the client went away before it was told how to end. */
    public boolean lost() {
        return lost;
    }

    /** From now on the signals the client forwards reach {@code listener} (null: none). */
    public void onInterrupt(InterruptSignals.Listener listener) {
        this.interrupts = listener;
    }

    /** Blocks until the session is over, then unwinds the calling thread. */
    public void awaitOver() {
        over.join();
        throw new SessionEnded();
    }

    /**
     * Asks the client to start {@code spawn} (its request id from {@link #nextRequest}) as {@code child}, with
     * {@code environment} (its entries, in order: they travel from the session's base environment), and goes on:
     * the client's answer gives the child its pid or its failure to start, on the reader thread.
     */
    void spawn(Message.Spawn spawn, List<String> environment, List<Integer> descriptors, RemoteChild child) {
        synchronized (lock) {
            if (ended) {
                throw new SessionEnded();
            }
            child.sent(spawn);
            running.put(spawn.request(), child);
        }
        synchronized (spawning) {
            EnvironmentBase.Encoded encoded = environmentBase.encode(environment);
            if (encoded.newBase().isPresent()) {
                send(new Message.Environment(encoded.newBase().get()), List.of());
            }
            send(spawn.withEnvironment(encoded.environment()), descriptors);
        }
    }

    /**
     * Offers {@code spawn} to the client ahead of its slot (SPAWN_AFTER), to start as {@code child} when the first
     * of {@code triggers} ends well; {@code anew} launches it again should the offer be cancelled.
     */
    ClientOffer offer(Message.Spawn spawn, List<String> environment, RemoteChild child,
                      List<RemoteChild> triggers, List<Boolean> holdStdin,
                      Function<SpawnRequest, SpawnResult> anew) {
        ClientOffer offer = new ClientOffer(this, spawn.request(), child, triggers, anew);
        List<Message.Trigger> named = new ArrayList<>(triggers.size());
        for (int i = 0; i < triggers.size(); i++) {
            named.add(new Message.Trigger(triggers.get(i).request(), holdStdin.get(i)));
        }
        synchronized (lock) {
            if (ended) {
                throw new SessionEnded();
            }
            child.sent(spawn);
            offers.add(offer);
            if (offersStopped) {
                // The client has seen the failure too: it keeps the offer cancelled from the start.
                offer.state = ClientOffer.State.CANCELLED;
            } else {
                running.put(spawn.request(), child);
            }
        }
        synchronized (spawning) {
            EnvironmentBase.Encoded encoded = environmentBase.encode(environment);
            if (encoded.newBase().isPresent()) {
                send(new Message.Environment(encoded.newBase().get()), List.of());
            }
            send(new Message.SpawnAfter(named, spawn.withEnvironment(encoded.environment())), List.of());
        }
        return offer;
    }

    /** The trigger that started {@code offer}, as far as the client has said. */
    RemoteChild startedBy(ClientOffer offer) {
        synchronized (lock) {
            return offer.startedBy;
        }
    }

    /**
     * The session has a slot for {@code offer}: its child if a trigger started it, else started now (PROMOTE, its
     * stdin as {@code request} has it), or launched anew by {@code anew} if a failure cancelled it.
     */
    SpawnResult take(ClientOffer offer, SpawnRequest request, Function<SpawnRequest, SpawnResult> anew) {
        ClientOffer.State before;
        synchronized (lock) {
            before = offer.state;
            offers.remove(offer);
            if (before == ClientOffer.State.PENDING) {
                offer.state = ClientOffer.State.STARTED;
            }
        }
        if (before == ClientOffer.State.CANCELLED) {
            return anew.apply(request);
        }
        if (before == ClientOffer.State.PENDING) {
            send(new Message.Promote(offer.request, request.stdin() instanceof Redirect.Inherit), List.of());
        }
        return new SpawnResult.Started(offer.child);
    }

    /** A failure that stops make, as the client saw it: the offers not started never will be by a trigger. */
    private void stopOffers() {
        offersStopped = true;
        for (ClientOffer offer : offers) {
            if (offer.state == ClientOffer.State.PENDING) {
                offer.state = ClientOffer.State.CANCELLED;
                // The client keeps it (a PROMOTE sent meanwhile still starts it) but never answers for it.
                running.remove(offer.request);
            }
        }
    }

    /** A new request id. */
    int nextRequest() {
        synchronized (lock) {
            return nextRequest++;
        }
    }

    /** Sends {@code signal} to a child, its group or every descendant of the client; nothing once the session is over. */
    void kill(int pid, int signal, KillScope scope) {
        if (!ended) {
            send(new Message.Kill(pid, signal, scope), List.of());
        }
    }

    /** Whether offers are not to be made (a failure stopped make as the client sees it). */
    boolean offersStopped() {
        synchronized (lock) {
            return offersStopped;
        }
    }

    /** The children asked for and not reaped yet, started or not. */
    List<RemoteChild> running() {
        synchronized (lock) {
            return new ArrayList<>(running.values());
        }
    }

    /**
     * Tells the client how to end, once: the session is over. Threads still waiting on the client unwind; the
     * children not reaped are the client's business (it is their parent).
     */
    public void exit(ExitKind kind, int value) {
        synchronized (lock) {
            if (ended) {
                return;
            }
            ended = true;
        }
        try {
            channel.send(new Message.Exit(kind, value), List.of());
        } catch (IOException e) {
            // The client is gone already: it cannot be told anything any more, and the session is over either way.
            lost = true;
        }
        finish();
    }

    private void send(Message message, List<Integer> descriptors) {
        try {
            channel.send(message, descriptors);
        } catch (IOException e) {
            // The reader sees the same end and handles the loss; this thread must not go on as if it was sent.
            throw new SessionEnded();
        }
    }

    /**
     * Returns once {@code ready} holds, reading the client meanwhile unless another thread does (then waiting for
     * what it reads); at once once nothing will be read any more. The reads deliver to every waiter.
     */
    @Override
    public void awaitUntil(BooleanSupplier ready) {
        while (!ready.getAsBoolean()) {
            synchronized (reading) {
                if (ready.getAsBoolean() || readingOver) {
                    return;
                }
                if (readerActive) {
                    if (readerInBackground && !handBack) {
                        handBack = true;
                        channel.wake();
                    }
                    waitOn(reading);
                    continue;
                }
                readerActive = true;
                reader = Thread.currentThread();
                readerInBackground = false;
            }
            try {
                readWhile(() -> !ready.getAsBoolean());
            } finally {
                letGo();
            }
        }
    }

    /** The thread reading the client now, or null. */
    Thread reader() {
        synchronized (reading) {
            return reader;
        }
    }

    @Override
    public void wake() {
        channel.wake();
        synchronized (reading) {
            reading.notifyAll();
        }
    }

    /**
     * The background reader: reads while nobody else has for {@link #IDLE_BEFORE_BACKGROUND}, until a waiter wants
     * to read again; returns once reading is over.
     */
    private void readInBackground() {
        background = Thread.currentThread();
        try {
            while (true) {
                long sleep;
                synchronized (reading) {
                    if (readingOver || stopping) {
                        return;
                    }
                    long idle = System.nanoTime() - releasedAt;
                    if (readerActive || idle < IDLE_BEFORE_BACKGROUND) {
                        // Not notified when a waiter lets go (that would cost the wake-up saved): it looks again.
                        sleep = readerActive ? IDLE_BEFORE_BACKGROUND : IDLE_BEFORE_BACKGROUND - idle;
                    } else {
                        readerActive = true;
                        reader = Thread.currentThread();
                        readerInBackground = true;
                        handBack = false;
                        sleep = 0;
                    }
                }
                if (sleep > 0) {
                    LockSupport.parkNanos(this, sleep);
                    continue;
                }
                try {
                    readWhile(() -> {
                        synchronized (reading) {
                            return !handBack;
                        }
                    });
                } finally {
                    letGo();
                }
            }
        } finally {
            background = null;
            readerReturned.complete(null);
        }
    }

    /** Reads and dispatches messages while {@code go} holds, waking the waiters after each; stops at the end. */
    private void readWhile(BooleanSupplier go) {
        try {
            while (go.getAsBoolean()) {
                Reception reception = channel.receive(true);
                if (reception instanceof Reception.Arrived arrived) {
                    ReceivedMessage received = arrived.message();
                    channel.closeAll(received.descriptors());
                    dispatch(received.message());
                    synchronized (reading) {
                        if (waiters > 0) {
                            reading.notifyAll();
                        }
                    }
                } else if (reception instanceof Reception.Ended) {
                    readingEnded();
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // A broken or malformed connection is a lost client, like an EOF.
            lost = !ended;
            readingEnded();
        }
    }

    /** The reader lets go of the connection; whoever waits for it looks again. */
    private void letGo() {
        synchronized (reading) {
            readerActive = false;
            reader = null;
            releasedAt = System.nanoTime();
            if (waiters > 0) {
                reading.notifyAll();
            }
        }
    }

    /** The stream ended or failed: nobody reads it again, and the session learns that its client is gone. */
    private void readingEnded() {
        synchronized (reading) {
            if (readingOver) {
                return;
            }
            readingOver = true;
            reading.notifyAll();
        }
        clientGone();
    }

    /** Waits on {@link #reading}, which the caller holds, until a reader or a wake notifies it. */
    private void waitOn(Object monitor) {
        waiters++;
        try {
            monitor.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionEnded();
        } finally {
            waiters--;
        }
    }

    /**
     * Ends the reading of the client's messages and waits for the reader to return; call before the connection is
     * closed. A reader between two receives while the connection's descriptor was closed took its next messages from
     * whatever connection the server accepted next on the same descriptor number: that session waited for ever for
     * its child's end (seen with kept reader threads and sessions that end a job's report sooner).
     */
    public void stopReading() {
        stopping = true;
        try {
            channel.shutdown();
        } catch (IOException e) {
            // The connection is gone already: the reader sees that too.
        }
        Thread sleeping = background;
        if (sleeping != null) {
            LockSupport.unpark(sleeping);
        }
        readerReturned.join();
        synchronized (reading) {
            while (readerActive) {
                waitOn(reading);
            }
            readingOver = true;
        }
    }

    private void dispatch(Message message) {
        if (message instanceof Message.Spawned spawned) {
            started(spawned.request(), spawned.result());
        } else if (message instanceof Message.OfferStarted started) {
            synchronized (lock) {
                for (ClientOffer offer : offers) {
                    if (offer.request == started.request()) {
                        offer.state = started.result() == -ECANCELED ? ClientOffer.State.CANCELLED
                                : ClientOffer.State.STARTED;
                        for (RemoteChild trigger : offer.triggers) {
                            if (trigger.request() == started.trigger()) {
                                offer.startedBy = trigger;
                            }
                        }
                    }
                }
            }
            if (started.result() == -ECANCELED) {
                RemoteChild child;
                synchronized (lock) {
                    child = running.remove(started.request());
                }
                if (child != null) {
                    child.cancelled();
                }
            } else {
                started(started.request(), started.result());
            }
        } else if (message instanceof Message.Exited exited) {
            RemoteChild child;
            synchronized (lock) {
                child = running.remove(exited.request());
                if (child != null && child.failureStops() && exited.status() != 0) {
                    stopOffers();
                }
            }
            if (child != null) {
                child.exited(Termination.decode(exited.status()));
            }
        } else if (message instanceof Message.Signaled signaled) {
            interrupted(signaled.signal());
        }
        // A message only a server sends is ignored: the client never sends one.
    }

    /** The client's answer for request {@code request}: started as pid {@code result}, or not ({@code -errno}). */
    private void started(int request, int result) {
        RemoteChild child;
        synchronized (lock) {
            child = result > 0 ? running.get(request) : running.remove(request);
            if (child != null && result <= 0 && child.failureStops()) {
                stopOffers(); // a failure to start is the command's failure
            }
        }
        if (child != null && result > 0) {
            child.started(result);
        } else if (child != null) {
            child.notStarted(-result);
        }
    }

    /** Handles an interrupt on a thread of its own: it waits for exits, which this reader delivers. */
    private void interrupted(int signal) {
        InterruptSignals.Listener listener = interrupts;
        if (listener == null) {
            return;
        }
        Thread handler = new Thread(() -> {
            try {
                listener.interrupted(signal);
            } catch (SessionEnded e) {
                // The handler ended the session: what it was meant to do.
                return;
            }
        }, "jmake-interrupt");
        handler.setDaemon(true);
        handler.start();
    }

    /** The connection ended: if the session was still open, the client was lost, which ends it as SIGHUP would. */
    private void clientGone() {
        boolean wasOpen;
        synchronized (lock) {
            wasOpen = !ended;
            if (wasOpen) {
                lost = true;
            }
        }
        if (wasOpen && interrupts != null) {
            // The handler kills the children itself (the client cannot any more) and ends the session.
            interrupted(InterruptSignals.SIGHUP);
            return;
        }
        synchronized (lock) {
            ended = true;
        }
        finish();
    }

    /** The session is over: every thread waiting on the client unwinds. */
    private void finish() {
        List<RemoteChild> children;
        synchronized (lock) {
            children = new ArrayList<>(running.values());
            running.clear();
        }
        children.forEach(RemoteChild::abandoned);
        over.complete(null);
    }

    /** Marks {@code child} reaped from here (its client is lost, so it will never report it). */
    void forget(RemoteChild child) {
        synchronized (lock) {
            running.values().remove(child);
        }
    }
}
