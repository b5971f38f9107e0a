package dev.jmake.process;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JVM for {@link InterruptSignalsTest}: installs {@link InterruptSignals}, prints how signals arrive, prints each
 * signal it is told about, and after {@code args[0]} of them exits by the last one; with {@code stop}, stops taking
 * them at once and says whether the waiting thread is still there.
 */
public final class InterruptSignalsProbe {
    private InterruptSignalsProbe() {}

    public static void main(String[] args) throws InterruptedException {
        if (args[0].equals("stop")) {
            InterruptSignals signals = InterruptSignals.install(new NativeLibrary(), signal -> {
                System.out.println("caught " + signal);
                System.out.flush();
            });
            System.out.println("ready " + signals.reception());
            signals.stop();
            boolean waiting = Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().equals("jmake-signals"));
            System.out.println("stopped, waiting thread left: " + waiting);
            System.out.flush();
            return;
        }
        int expected = Integer.parseInt(args[0]);
        AtomicInteger seen = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        int[] last = new int[1];
        InterruptSignals signals = InterruptSignals.install(new NativeLibrary(), signal -> {
            System.out.println("caught " + signal);
            System.out.flush();
            last[0] = signal;
            if (seen.incrementAndGet() == expected) {
                done.countDown();
            }
        });
        System.out.println("ready " + signals.reception() + " " + signals.caught() + " " + ProcessHandle.current().pid());
        System.out.flush();
        done.await();
        signals.exitBySignal(last[0]);
    }
}
