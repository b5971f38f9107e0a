package dev.jmake.jobserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.process.FileDescriptors;
import dev.jmake.process.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A pool joined over a real pipe that the test seeds and inspects from outside, as a parent make would. */
class TokenPoolTest {
    private final FileDescriptors fds = new FileDescriptors(StandardCharsets.UTF_8);
    private Pipe parent;
    private JobserverClient client;

    @BeforeEach
    void join() {
        parent = fds.pipe();
        fds.setNonBlocking(parent.readFd(), true);
        JoinOutcome outcome = JobserverClient.connect(new JobserverAuth.Pipe(parent.readFd(), parent.writeFd()), fds);
        client = assertInstanceOf(JoinOutcome.Joined.class, outcome).client();
    }

    @AfterEach
    void close() {
        client.close();
        fds.close(parent.readFd());
        fds.close(parent.writeFd());
    }

    private void put(String bytes) {
        byte[] b = bytes.getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(b.length, fds.write(parent.writeFd(), b, b.length));
    }

    /** What is in the pool now, taken out. */
    private String drain() {
        StringBuilder out = new StringBuilder();
        byte[] one = new byte[1];
        while (fds.read(parent.readFd(), one, 1) == 1) {
            out.append((char) (one[0] & 0xff));
        }
        return out.toString();
    }

    @Test
    void implicitSlotFirstThenTokensWhileThereAreAny() {
        TokenPool pool = client.pool();
        put("++");
        assertEquals(Optional.of(new JobSlot.Implicit()), pool.trySlot());
        assertEquals(Optional.of(new Token((byte) '+')), pool.trySlot());
        assertEquals(Optional.of(new Token((byte) '+')), pool.trySlot());
        assertEquals(Optional.empty(), pool.trySlot());
        assertEquals(2, pool.held());
        pool.release(new Token((byte) '+'));
        pool.release(new JobSlot.Implicit());
        assertEquals(1, pool.held());
        assertFalse(pool.implicitInUse());
        assertEquals("+", drain(), "only the token went back, never the implicit slot");
    }

    @Test
    void theByteReadIsTheByteWrittenBack() {
        TokenPool pool = client.pool();
        put("JxJ");
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tokens.add(pool.tryAcquire().orElseThrow());
        }
        assertEquals(List.of(new Token((byte) 'J'), new Token((byte) 'x'), new Token((byte) 'J')), tokens);
        assertEquals("", drain());
        pool.release(tokens.get(1));
        assertEquals("x", drain());
        assertThrows(IllegalStateException.class, () -> pool.release(new Token((byte) 'x')),
                "a token not held cannot be released");
        assertThrows(IllegalStateException.class, () -> pool.release(new Token((byte) '+')));
        assertEquals(2, pool.releaseAll());
        assertEquals("JJ", drain());
    }

    @Test
    void afterReleaseAllTheSchedulerMayStillReleaseWhatItReapsButTakesNothing() throws InterruptedException {
        TokenPool pool = client.pool();
        put("ab");
        JobSlot implicit = pool.trySlot().orElseThrow();
        JobSlot a = pool.trySlot().orElseThrow();
        JobSlot b = pool.trySlot().orElseThrow();
        BlockingQueue<Token> delivered = new LinkedBlockingQueue<>();
        pool.acquireAsync(delivered::add);
        assertEquals(2, pool.releaseAll(), "e.g. from the signal thread");
        assertFalse(pool.acquiring());
        assertTrue(pool.implicitInUse(), "the job on the implicit slot still runs");
        assertEquals("ab", drain());
        pool.release(a);
        pool.release(b);
        pool.release(implicit);
        assertEquals("", drain(), "nothing written twice");
        put("c");
        assertEquals(Optional.of(new JobSlot.Implicit()), pool.trySlot());
        assertEquals(Optional.empty(), pool.trySlot());
        pool.acquireAsync(delivered::add);
        assertNull(delivered.poll(200, TimeUnit.MILLISECONDS));
        assertEquals("c", drain());
    }

    @Test
    void asyncRequestIsServedWhenATokenArrives() throws InterruptedException {
        TokenPool pool = client.pool();
        BlockingQueue<Token> delivered = new LinkedBlockingQueue<>();
        pool.acquireAsync(delivered::add);
        assertTrue(pool.acquiring());
        assertNull(delivered.poll(100, TimeUnit.MILLISECONDS), "nothing in the pool yet");
        assertThrows(IllegalStateException.class, () -> pool.acquireAsync(delivered::add));
        put("Q");
        assertEquals(new Token((byte) 'Q'), delivered.poll(5, TimeUnit.SECONDS));
        assertFalse(pool.acquiring());
        assertEquals(1, pool.held());
        pool.release(new Token((byte) 'Q'));
        assertEquals("Q", drain());
    }

    @Test
    void cancelledRequestLeavesEveryByteInThePool() throws InterruptedException {
        TokenPool pool = client.pool();
        BlockingQueue<Token> delivered = new LinkedBlockingQueue<>();
        pool.acquireAsync(delivered::add);
        assertTrue(pool.cancelAcquire());
        assertFalse(pool.cancelAcquire(), "nothing left to cancel");
        put("Z");
        assertNull(delivered.poll(200, TimeUnit.MILLISECONDS));
        assertEquals(0, pool.held());
        assertEquals("Z", drain());
    }

    @Test
    void racingCancelsNeverLoseOrInventATokenOfThePool() throws InterruptedException {
        TokenPool pool = client.pool();
        BlockingQueue<Token> delivered = new LinkedBlockingQueue<>();
        int rounds = 300;
        int deliveredCount = 0;
        for (int i = 0; i < rounds; i++) {
            pool.acquireAsync(delivered::add);
            put("+");
            if (i % 3 == 0) {
                Thread.onSpinWait();
            }
            boolean cancelled = pool.cancelAcquire();
            Token token = delivered.poll();
            if (cancelled) {
                assertNull(token, "a cancelled request delivers nothing");
            } else {
                // Delivered before the cancel: the caller owns it and gives it back.
                Token got = token != null ? token : delivered.poll(5, TimeUnit.SECONDS);
                assertEquals(new Token((byte) '+'), got);
                pool.release(got);
                deliveredCount++;
            }
            assertEquals(0, pool.held());
            assertEquals("+", drain(), "round " + i);
        }
        assertTrue(deliveredCount <= rounds);
    }

    @Test
    void closeGivesBackWhatIsHeld() {
        TokenPool pool = client.pool();
        put("+-");
        pool.tryAcquire();
        pool.tryAcquire();
        pool.acquireAsync(t -> { });
        client.close();
        assertEquals("+-", drain());
        put("+");
        assertEquals(Optional.empty(), pool.tryAcquire(), "a closed pool reads nothing");
        pool.release(new Token((byte) '+'));
        assertEquals("+", drain(), "and writes nothing");
        client.close();
    }
}
