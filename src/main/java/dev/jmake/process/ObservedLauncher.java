package dev.jmake.process;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A launcher that reports each child's start and end before anyone hears of them: whoever learns that a child
 * ended (by {@link ChildProcess#waitFor}, {@link ChildProcess#onExit} or {@link ChildProcess#termination}) does so
 * after {@code changed} ran. A server's cache of file times needs this: what a finished child wrote must be seen.
 */
public final class ObservedLauncher implements ProcessLauncher {
    private final ProcessLauncher launcher;
    private final Runnable changed;

    public ObservedLauncher(ProcessLauncher launcher, Runnable changed) {
        this.launcher = launcher;
        this.changed = changed;
    }

    @Override
    public SpawnResult launch(SpawnRequest request) {
        return observed(() -> launcher.launch(request));
    }

    /** What {@code start} started, its end observed; the start reported first. */
    private SpawnResult observed(Supplier<SpawnResult> start) {
        changed.run();
        SpawnResult result = start.get();
        return result instanceof SpawnResult.Started started
                ? new SpawnResult.Started(new ObservedChild(started.process()))
                : result;
    }

    @Override
    public Set<Integer> close() {
        return launcher.close();
    }

    @Override
    public void awaitEnd() {
        launcher.awaitEnd();
    }

    @Override
    public CaptureFile captureFile() {
        return launcher.captureFile();
    }

    @Override
    public OutputLock outputLock() {
        return launcher.outputLock();
    }

    @Override
    public StandardOutputs standardOutputs() {
        return launcher.standardOutputs();
    }

    @Override
    public Charset charset() {
        return launcher.charset();
    }

    @Override
    public ExitDelivery exitDelivery() {
        return launcher.exitDelivery();
    }

    /** The launcher's offers, their triggers and children seen through the observed ones. */
    @Override
    public Optional<SpawnOffers> offers() {
        return launcher.offers().map(offers -> (request, triggers) -> {
            Map<ChildProcess, ChildProcess> observed = new IdentityHashMap<>();
            List<SpawnOffers.Trigger> inner = new ArrayList<>(triggers.size());
            for (SpawnOffers.Trigger trigger : triggers) {
                ChildProcess child = trigger.child() instanceof ObservedChild o ? o.child : trigger.child();
                observed.put(child, trigger.child());
                inner.add(new SpawnOffers.Trigger(child, trigger.holdsStdin()));
            }
            changed.run();
            return offers.offer(request, inner).map(offer -> new SpawnOffers.Offer() {
                @Override
                public Optional<ChildProcess> startedBy() {
                    return offer.startedBy().map(observed::get);
                }

                @Override
                public SpawnResult take(SpawnRequest taken) {
                    return observed(() -> offer.take(taken));
                }
            });
        });
    }

    /** The child, its end reported first. */
    private final class ObservedChild implements ChildProcess {
        private final ChildProcess child;
        private final CompletableFuture<Termination> exit;

        ObservedChild(ChildProcess child) {
            this.child = child;
            this.exit = child.onExit().thenApply(termination -> {
                changed.run();
                return termination;
            });
        }

        @Override
        public int pid() {
            return child.pid();
        }

        @Override
        public Optional<InputStream> stdout() {
            return child.stdout();
        }

        @Override
        public Optional<InputStream> stderr() {
            return child.stderr();
        }

        @Override
        public Termination waitFor() {
            Termination termination = child.waitFor();
            changed.run();
            return termination;
        }

        @Override
        public Optional<Termination> termination() {
            Optional<Termination> termination = child.termination();
            if (termination.isPresent()) {
                changed.run();
            }
            return termination;
        }

        @Override
        public CompletableFuture<Termination> onExit() {
            return exit;
        }

        @Override
        public Optional<SpawnResult.Failed> startFailure() {
            return child.startFailure();
        }

        @Override
        public boolean signal(int signal) {
            return child.signal(signal);
        }
    }
}
