package dev.jmake.jobserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JobserverAuthTest {
    @Test
    void pipeIsTwoDecimalsLikeSscanf() {
        assertEquals(new JobserverAuth.Pipe(3, 4), JobserverAuth.parse("3,4"));
        assertEquals(new JobserverAuth.Pipe(21, 23), JobserverAuth.parse("21,23"));
        assertEquals(new JobserverAuth.Pipe(3, 4), JobserverAuth.parse("+3,+4"), "%d takes a sign");
        assertEquals(new JobserverAuth.Pipe(3, 4), JobserverAuth.parse("3, 4"), "%d skips blanks");
        assertEquals(new JobserverAuth.Pipe(3, 4), JobserverAuth.parse("3,4x"), "trailing text is ignored");
    }

    @Test
    void negativeDescriptorDisables() {
        assertEquals(new JobserverAuth.Disabled(-2, -2), JobserverAuth.parse("-2,-2"));
        assertEquals(new JobserverAuth.Disabled(-1, 4), JobserverAuth.parse("-1,4"));
        assertEquals(new JobserverAuth.Disabled(3, -2), JobserverAuth.parse("3,-2"));
    }

    @Test
    void anythingElseIsMalformed() {
        for (String text : new String[] {"", "abc", "3", "3,", ",4", "3 4", "0x3,4", "3;4", "-,4"}) {
            assertEquals(new JobserverAuth.Malformed(text), JobserverAuth.parse(text), text);
        }
        assertEquals("internal error: invalid --jobserver-auth string 'abc'",
                new JobserverAuth.Malformed("abc").message());
    }

    @Test
    void fifoKeepsTheRestAsThePath() {
        assertEquals(new JobserverAuth.Fifo(Path.of("/tmp/GMfifo31454")), JobserverAuth.parse("fifo:/tmp/GMfifo31454"));
        assertEquals(new JobserverAuth.Fifo(Path.of("/x/tmp dir/GMfifo1")), JobserverAuth.parse("fifo:/x/tmp dir/GMfifo1"));
    }

    @Test
    void hugeNumbersNarrowLikeGlibc() {
        // strtol saturates at LONG_MAX, then the int conversion keeps the low 32 bits: -1.
        assertEquals(new JobserverAuth.Disabled(-1, 4), JobserverAuth.parse("99999999999999999999,4"));
        assertEquals(new JobserverAuth.Pipe(1215752191, 4), JobserverAuth.parse("99999999999,4"));
    }
}
