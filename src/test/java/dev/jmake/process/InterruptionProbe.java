package dev.jmake.process;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A miniature interrupted jmake for {@link InterruptionTest}: runs one job that leaves a tree of sleeps (named
 * {@code sleep <args[0]>.N}), and on the first interrupting signal takes every descendant down, reports, and
 * exits by that signal.
 */
public final class InterruptionProbe {
    private InterruptionProbe() {}

    public static void main(String[] args) throws InterruptedException {
        String sleep = "sleep " + args[0] + ".";
        NativeLibrary library = new NativeLibrary();
        ProcessTree tree = ProcessTree.subreaper(library);
        BlockingQueue<Integer> received = new LinkedBlockingQueue<>();
        InterruptSignals signals = InterruptSignals.install(library, received::add);
        ProcessSpawner spawner = new ProcessSpawner(StandardCharsets.UTF_8, library);
        String script = "sh -c '" + sleep + "1 & " + sleep + "2; :' & (" + sleep + "3 &); setsid " + sleep + "4 & wait";
        SpawnResult result = spawner.launch(SpawnRequest.of(List.of("sh", "-c", script),
                Map.of("PATH", "/usr/bin:/bin")).withStdout(Redirect.NULL_DEVICE).withStderr(Redirect.NULL_DEVICE));
        ChildProcess job = ((SpawnResult.Started) result).process();
        System.out.println("ready " + signals.reception());
        System.out.flush();
        int signal = received.take();
        ProcessTree.Outcome outcome = tree.terminateAll(Set.of(job.pid()), Duration.ofSeconds(2));
        System.out.println("signal " + signal);
        System.out.println("job " + job.waitFor());
        System.out.println("killed " + outcome.killed().size() + " survivors " + outcome.survivors().size());
        signals.exitBySignal(signal);
    }
}
