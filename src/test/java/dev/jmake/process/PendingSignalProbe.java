package dev.jmake.process;

import java.util.concurrent.CountDownLatch;

/**
 * A JVM for {@link InterruptSignalsTest}: under the launcher's blocking, a signal sent before
 * {@link InterruptSignals#install} waits as pending, is seen by {@link InterruptSignals#anyPending}, and is
 * reported once the signals are installed.
 */
public final class PendingSignalProbe {
    private PendingSignalProbe() {}

    public static void main(String[] args) throws InterruptedException {
        System.out.println("pending " + InterruptSignals.anyPending());
        System.out.flush();
        long end = System.nanoTime() + 10_000_000_000L;
        while (!InterruptSignals.anyPending() && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        System.out.println("pending " + InterruptSignals.anyPending());
        System.out.flush();
        CountDownLatch caught = new CountDownLatch(1);
        int[] last = new int[1];
        InterruptSignals signals = InterruptSignals.install(new NativeLibrary(), signal -> {
            last[0] = signal;
            caught.countDown();
        });
        caught.await();
        System.out.println("caught " + last[0] + ", pending " + InterruptSignals.anyPending());
        System.out.flush();
        signals.exitBySignal(last[0]);
    }
}
