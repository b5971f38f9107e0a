package dev.jmake.process;

import java.time.Duration;
import java.util.Set;

/** The JVM itself as the owner of its children: the subreaper of {@code tree}, its own signals, its own exit. */
public final class ThisProcess implements ProcessOwner {
    private final NativeLibrary library;
    private final ProcessTree tree;
    private volatile InterruptSignals signals;

    public ThisProcess(NativeLibrary library, ProcessTree tree) {
        this.library = library;
        this.tree = tree;
    }

    @Override
    public void takeInterrupts(InterruptSignals.Listener listener) {
        signals = InterruptSignals.install(library, listener);
    }

    @Override
    public void stopTakingInterrupts() {
        InterruptSignals installed = signals;
        if (installed != null) {
            installed.stop();
        }
    }

    @Override
    public ProcessTree.Outcome terminateAll(Set<Integer> jobs, Duration grace) {
        return tree.terminateAll(jobs, grace);
    }

    @Override
    public void exit(int status) {
        // No shutdown hook: the run cleaned up already, as GNU make's die does before exit.
        java.lang.Runtime.getRuntime().halt(status);
    }

    @Override
    public void dieBy(int signal) {
        signals.exitBySignal(signal);
    }
}
