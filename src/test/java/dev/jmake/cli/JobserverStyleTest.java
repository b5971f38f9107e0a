package dev.jmake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jmake.syntax.MakeError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code --jobserver-style}: GNU make 4.4's words and its message for any other, with or without {@code -j}. */
class JobserverStyleTest {
    @Test
    void namesTheStylesAsGnuMake44() {
        assertEquals(JobserverStyle.FIFO, JobserverStyle.parse("fifo"));
        assertEquals(JobserverStyle.PIPE, JobserverStyle.parse("pipe"));
        assertEquals("fifo", JobserverStyle.FIFO.word());
    }

    @Test
    void rejectsAnUnknownStyleWithGnuMake44sMessage() {
        assertEquals("unknown jobserver auth style 'sem'",
                assertThrows(MakeError.class, () -> JobserverStyle.parse("sem")).getMessage());
    }

    @Test
    void parserRejectsAnUnknownStyleWithoutJobs() {
        MakeError error = assertThrows(MakeError.class,
                () -> new CommandLineParser().parse(List.of("--jobserver-style=bogus")));
        assertEquals("unknown jobserver auth style 'bogus'", error.getMessage());
    }

    @Test
    void parserRejectsAnUnknownStyleWithJobs() {
        MakeError error = assertThrows(MakeError.class,
                () -> new CommandLineParser().parse(List.of("-j2", "--jobserver-style=bogus")));
        assertEquals("unknown jobserver auth style 'bogus'", error.getMessage());
    }

    @Test
    void parserRejectsAnUnknownStyleFromMakeflags() {
        assertThrows(MakeError.class,
                () -> new CommandLineParser().parse(List.of(), Map.of("MAKEFLAGS", "--jobserver-style=bogus")));
    }

    @Test
    void parserKeepsAKnownStyle() {
        assertEquals(Optional.of(JobserverStyle.PIPE),
                new CommandLineParser().parse(List.of("--jobserver-style=pipe")).jobserverStyle());
    }
}
