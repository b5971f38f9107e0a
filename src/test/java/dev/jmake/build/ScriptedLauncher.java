package dev.jmake.build;

import dev.jmake.process.CaptureFile;
import dev.jmake.process.ChildProcess;
import dev.jmake.process.ExitDelivery;
import dev.jmake.process.OutputLock;
import dev.jmake.process.ProcessLauncher;
import dev.jmake.process.ProcessSpawner;
import dev.jmake.process.Redirect;
import dev.jmake.process.SpawnOffers;
import dev.jmake.process.SpawnRequest;
import dev.jmake.process.SpawnResult;
import dev.jmake.process.StandardOutputs;
import dev.jmake.process.Termination;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;

/**
 * A {@link ProcessLauncher} that starts nothing: each command is a script, {@code run TICKS [exit N] [writes
 * FILE...]}, that "runs" for TICKS ticks of a virtual clock (writing its files when it starts) and exits with N.
 * The clock moves only while the build's thread is blocked waiting for an event, and then to the next process's
 * end, so what starts when, in which order and how many at once is decided by the build alone, in milliseconds.
 */
final class ScriptedLauncher implements ProcessLauncher {
    /** One thing that happened, at a tick of the virtual clock. */
    record Event(int tick, String what, String command) {}

    private final Path directory;
    /** For what output sync needs of the launcher (an anonymous file, a lock): no process is started by it. */
    private final ProcessSpawner files = new ProcessSpawner(StandardCharsets.UTF_8);
    private final List<Event> events = new ArrayList<>();
    private final List<Scripted> running = new ArrayList<>();
    private int tick;
    private int nextPid = 1000;
    private int maxRunning;
    private boolean closed;

    /** Whether it takes offers, as a server session's client does (then {@link #offers} holds them). */
    private final boolean offering;
    private final List<ScriptedOffer> offers = new ArrayList<>();
    private boolean offersStopped;

    ScriptedLauncher(Path directory) {
        this(directory, false);
    }

    /** With {@code offering}, it starts offered commands when a trigger ends well, as the native client does. */
    ScriptedLauncher(Path directory, boolean offering) {
        this.directory = directory;
        this.offering = offering;
    }

    /** An offered command: pending, started (by a trigger, or when taken), or cancelled by a failure. */
    private final class ScriptedOffer implements SpawnOffers.Offer {
        final SpawnRequest request;
        final List<SpawnOffers.Trigger> triggers;
        Scripted process;
        Scripted startedBy;
        boolean cancelled;

        ScriptedOffer(SpawnRequest request, List<SpawnOffers.Trigger> triggers) {
            this.request = request;
            this.triggers = List.copyOf(triggers);
        }

        boolean names(Scripted child) {
            return triggers.stream().anyMatch(t -> t.child() == child);
        }

        @Override
        public Optional<ChildProcess> startedBy() {
            synchronized (ScriptedLauncher.this) {
                return Optional.ofNullable(startedBy);
            }
        }

        @Override
        public SpawnResult take(SpawnRequest taken) {
            synchronized (ScriptedLauncher.this) {
                offers.remove(this);
                if (process != null) {
                    return new SpawnResult.Started(process);
                }
                SpawnResult result = launch(taken);
                if (!cancelled) {
                    events.add(new Event(tick, "promoted", ((Scripted) ((SpawnResult.Started) result).process())
                            .command));
                }
                return result;
            }
        }
    }

    @Override
    public Optional<SpawnOffers> offers() {
        return offering ? Optional.of(this::offer) : Optional.empty();
    }

    private synchronized Optional<SpawnOffers.Offer> offer(SpawnRequest request, List<SpawnOffers.Trigger> triggers) {
        ScriptedOffer offer = new ScriptedOffer(request, triggers);
        offer.cancelled = offersStopped;
        events.add(new Event(tick, "offer", command(request)));
        offers.add(offer);
        return Optional.of(offer);
    }

    /** As the client does when it reaps {@code child}, before it reports the end: an offer starts, or is cancelled. */
    private void ended(Scripted child) {
        if (child.status != 0 && child.failureStops) {
            offersStopped = true;
            offers.forEach(o -> o.cancelled |= o.process == null);
            return;
        }
        if (child.status != 0 || !child.endsJob || offersStopped) {
            return;
        }
        for (ScriptedOffer offer : offers) {
            if (offer.process == null && !offer.cancelled && offer.names(child)) {
                offer.startedBy = child;
                offer.process = (Scripted) ((SpawnResult.Started) launch(offer.request)).process();
                return;
            }
        }
    }

    private static String command(SpawnRequest request) {
        List<String> argv = request.argv();
        return argv.size() >= 3 && argv.get(0).endsWith("sh") && argv.get(1).equals("-c")
                ? argv.get(2) : String.join(" ", argv);
    }

    /** A child process whose end the clock decides. */
    final class Scripted implements ChildProcess {
        private final int pid;
        private final String command;
        private final int end;
        private final int status;
        private final boolean endsJob;
        private final boolean failureStops;
        private final CompletableFuture<Termination> exit = new CompletableFuture<>();

        Scripted(int pid, String command, int end, int status, boolean endsJob, boolean failureStops) {
            this.pid = pid;
            this.command = command;
            this.end = end;
            this.status = status;
            this.endsJob = endsJob;
            this.failureStops = failureStops;
        }

        @Override
        public int pid() {
            return pid;
        }

        @Override
        public Optional<InputStream> stdout() {
            return Optional.empty();
        }

        @Override
        public Optional<InputStream> stderr() {
            return Optional.empty();
        }

        @Override
        public Termination waitFor() {
            return exit.join();
        }

        @Override
        public Optional<Termination> termination() {
            return Optional.ofNullable(exit.getNow(null));
        }

        @Override
        public CompletableFuture<Termination> onExit() {
            return exit;
        }

        @Override
        public boolean signal(int signal) {
            synchronized (ScriptedLauncher.this) {
                if (exit.isDone()) {
                    return false;
                }
                running.remove(this);
                events.add(new Event(tick, "killed", command));
            }
            exit.complete(new Termination.Signaled(signal, false));
            return true;
        }
    }

    @Override
    public synchronized SpawnResult launch(SpawnRequest request) {
        if (closed) {
            throw new IllegalStateException("launch after close");
        }
        String command = command(request);
        List<String> words = List.of(command.strip().split("\\s+"));
        if (request.stdout() instanceof Redirect.Capture || !words.get(0).equals("run")) {
            throw new IllegalArgumentException("not a scripted command: " + command);
        }
        int ticks = Integer.parseInt(words.get(1));
        int status = 0;
        for (int i = 2; i < words.size(); i++) {
            if (words.get(i).equals("exit")) {
                status = Integer.parseInt(words.get(++i));
            } else if (words.get(i).equals("writes")) {
                while (i + 1 < words.size()) {
                    write(words.get(++i));
                }
            }
        }
        Scripted process = new Scripted(nextPid++, command, tick + ticks, status, request.endsJob(),
                request.failureStops());
        running.add(process);
        maxRunning = Math.max(maxRunning, running.size());
        events.add(new Event(tick, "start", command));
        return new SpawnResult.Started(process);
    }

    private void write(String file) {
        try {
            Files.writeString(directory.resolve(file), "made at tick " + tick + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized Set<Integer> close() {
        closed = true;
        Set<Integer> pids = new HashSet<>();
        running.forEach(p -> pids.add(p.pid));
        return pids;
    }

    @Override
    public CaptureFile captureFile() {
        return files.captureFile();
    }

    @Override
    public OutputLock outputLock() {
        return files.outputLock();
    }

    @Override
    public StandardOutputs standardOutputs() {
        return StandardOutputs.OWN;
    }

    @Override
    public Charset charset() {
        return StandardCharsets.UTF_8;
    }

    @Override
    public ExitDelivery exitDelivery() {
        return ExitDelivery.UNASKED;
    }

    /**
     * Runs {@code build} on a thread of its own and drives the clock until it returns. Each time the build waits
     * with processes running, {@code idle} is told the tick first: if it says to stop (it interrupted the build,
     * say), the build's thread is left behind (an interrupted make never returns: its signal's thread ends it) and
     * -1 returned. Else the build's status is returned.
     */
    int drive(IntSupplier build, IntPredicate idle)
            throws InterruptedException {
        int[] status = {-1};
        Throwable[] failure = new Throwable[1];
        Thread builder = new Thread(() -> {
            try {
                status[0] = build.getAsInt();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "scripted-build");
        builder.setDaemon(true);
        builder.start();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // The build's thread is idle when it entered a wait after the last process ended (a wait counts once).
        long actedAt = -1;
        while (builder.isAlive()) {
            ThreadInfo info = threads.getThreadInfo(builder.getId());
            Scripted next = null;
            if (info != null && info.getThreadState() == Thread.State.WAITING && info.getWaitedCount() > actedAt) {
                synchronized (this) {
                    if (!running.isEmpty()) {
                        if (idle.test(tick)) {
                            return -1;
                        }
                        next = running.stream().min(Comparator.comparingInt((Scripted p) -> p.end)
                                .thenComparingInt(p -> p.pid)).orElseThrow();
                        running.remove(next);
                        tick = Math.max(tick, next.end);
                        events.add(new Event(tick, "end", next.command));
                        ended(next);
                    }
                }
            }
            if (next != null) {
                actedAt = info.getWaitedCount();
                next.exit.complete(new Termination.Exited(next.status));
            } else {
                Thread.sleep(0, 50_000);
            }
        }
        if (failure[0] != null) {
            throw new AssertionError("the build failed", failure[0]);
        }
        return status[0];
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    synchronized int maxRunning() {
        return maxRunning;
    }

    synchronized List<Scripted> running() {
        return List.copyOf(running);
    }
}
