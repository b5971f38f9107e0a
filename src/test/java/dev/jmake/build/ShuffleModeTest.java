package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jmake.syntax.MakeError;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShuffleModeTest {
    @Test
    void namedModesInAnyCase() {
        assertEquals(new ShuffleMode.Reverse(), ShuffleMode.parse("reverse"));
        assertEquals(new ShuffleMode.Reverse(), ShuffleMode.parse("ReVeRsE"));
        assertEquals(new ShuffleMode.Identity(), ShuffleMode.parse("IDENTITY"));
        assertEquals(ShuffleMode.NONE, ShuffleMode.parse("None"));
        assertEquals(Optional.empty(), ShuffleMode.NONE.word());
        assertEquals(Optional.of("reverse"), ShuffleMode.parse("REVERSE").word());
        assertEquals(Optional.of("identity"), ShuffleMode.parse("identity").word());
    }

    @Test
    void seedsAreReadAsStrtoulReadsThemCutTo32Bits() {
        assertEquals(Optional.of("12345"), ShuffleMode.parse("12345").word());
        assertEquals(Optional.of("7"), ShuffleMode.parse(" \t7").word());
        assertEquals(Optional.of("7"), ShuffleMode.parse("+7").word());
        assertEquals(Optional.of("0"), ShuffleMode.parse("0").word());
        assertEquals(Optional.of("4294967295"), ShuffleMode.parse("-1").word());
        assertEquals(Optional.of("4294967291"), ShuffleMode.parse("-5").word());
        assertEquals(Optional.of("1"), ShuffleMode.parse("4294967297").word());
        // Beyond unsigned long strtoul saturates.
        assertEquals(Optional.of("4294967295"), ShuffleMode.parse("99999999999999999999999").word());
        assertEquals(new ShuffleMode.Random(-1), ShuffleMode.parse("4294967295"));
    }

    @Test
    void randomPicksASeed() {
        assertInstanceOf(ShuffleMode.Random.class, ShuffleMode.parse("random"));
        assertInstanceOf(ShuffleMode.Random.class, ShuffleMode.parse("RANDOM"));
    }

    @Test
    void anythingElseIsAnInvalidMode() {
        for (String bad : new String[] {"abc", "12x", "-", " ", "1 ", "0x10"}) {
            MakeError e = assertThrows(MakeError.class, () -> ShuffleMode.parse(bad));
            assertEquals("invalid shuffle mode: Invalid value: '" + bad + "'", e.getMessage(), bad);
        }
        assertEquals("invalid shuffle mode: Missing value: ''",
                assertThrows(MakeError.class, () -> ShuffleMode.parse("")).getMessage());
    }
}
