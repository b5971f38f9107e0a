package dev.jmake.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineWordsTest {

    @Test
    void splitsAtBlanks() {
        assertEquals(List.of("-k", "all", "V=1"), CommandLineWords.split("  -k\tall   V=1 "));
    }

    @Test
    void quotesKeepBlanksAndDollars() {
        assertEquals(List.of("A=a b", "B=$(x) y", "C=\"q\""),
                CommandLineWords.split("'A=a b' \"B=$(x) y\" C=\\\"q\\\""));
    }

    @Test
    void adjacentQuotedPartsFormOneWord() {
        assertEquals(List.of("ab c", ""), CommandLineWords.split("a'b c' ''"));
    }

    @Test
    void emptyTextHasNoWords() {
        assertEquals(List.of(), CommandLineWords.split("   "));
    }

    @Test
    void unterminatedQuoteIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> CommandLineWords.split("'oops"));
    }
}
