package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XorShiftTest {
    @TempDir
    Path dir;

    @Test
    void numbersAreGnuMakes() throws Exception {
        GnuShuffleCode gnu = GnuShuffleCode.compile(dir);
        for (long seed : List.of(1L, 2L, 42L, 12345L, 0x7fffffffL, 0x80000000L, 0xdeadbeefL, 4294967295L)) {
            XorShift random = new XorShift((int) seed);
            List<Long> ours = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                ours.add(Integer.toUnsignedLong(random.next()));
            }
            assertEquals(gnu.numbers(seed, 50), ours, "seed " + seed);
        }
    }

    @Test
    void seedingAgainStartsOver() {
        XorShift random = new XorShift(7);
        int first = random.next();
        random.next();
        random.seed(7);
        assertEquals(first, random.next());
    }

    @Test
    void zeroSeedTakesOneFromTheClock() {
        // GNU: "mk_state must never be 0"; a zero state would give zeros for ever.
        assertNotEquals(0, new XorShift(0).next());
    }
}
