package dev.jmake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SessionThreadsTest {
    @Test
    void aSessionAfterAnotherRunsOnTheSameDaemonThreadWithoutItsInterrupt() throws Exception {
        SessionThreads threads = new SessionThreads("jmake-session", LargeStackRun.STACK_BYTES, Duration.ofMinutes(1));
        CompletableFuture<Thread> first = new CompletableFuture<>();
        threads.execute(() -> {
            Thread.currentThread().interrupt();
            first.complete(Thread.currentThread());
        });
        Thread one = first.get(10, TimeUnit.SECONDS);
        // The first task has returned its thread once that thread waits for work again.
        for (int i = 0; i < 1000 && one.getState() != Thread.State.TIMED_WAITING; i++) {
            Thread.sleep(5);
        }
        CompletableFuture<Thread> second = new CompletableFuture<>();
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        threads.execute(() -> {
            interrupted.complete(Thread.currentThread().isInterrupted());
            second.complete(Thread.currentThread());
        });
        assertSame(one, second.get(10, TimeUnit.SECONDS));
        assertFalse(interrupted.get());
        assertTrue(one.isDaemon());
        assertEquals("jmake-session", one.getName());
    }

    @Test
    void sessionsAtOnceEachHaveAThread() throws Exception {
        SessionThreads threads = new SessionThreads("jmake-session", LargeStackRun.STACK_BYTES, Duration.ofMinutes(1));
        CountDownLatch both = new CountDownLatch(2);
        CompletableFuture<Thread> a = new CompletableFuture<>();
        CompletableFuture<Thread> b = new CompletableFuture<>();
        for (CompletableFuture<Thread> f : List.of(a, b)) {
            threads.execute(() -> {
                both.countDown();
                try {
                    both.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                f.complete(Thread.currentThread());
            });
        }
        assertNotSame(a.get(10, TimeUnit.SECONDS), b.get(10, TimeUnit.SECONDS));
    }
}
