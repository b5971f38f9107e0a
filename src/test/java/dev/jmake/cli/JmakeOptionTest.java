package dev.jmake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** jmake's own options: their syntax as {@code --help} writes it, and the words their values complete to. */
class JmakeOptionTest {
    @Test
    void writesEachKindOfArgumentAsGnuDoes() {
        assertEquals("--no-status", JmakeOption.NO_STATUS.helpEntry().syntax());
        assertEquals("--trace-report=FILE", JmakeOption.TRACE_REPORT.helpEntry().syntax());
        assertEquals("--shuffle[={SEED|random|reverse|none}]", JmakeOption.SHUFFLE.helpEntry().syntax());
    }

    @Test
    void completesValuesFromTheEnumsTheParserUses() {
        assertEquals(List.of("warn", "error", "off"), JmakeOption.TRACE.completions());
        assertEquals(List.of("pipe", "fifo"), JmakeOption.JOBSERVER_STYLE.completions());
        assertEquals(List.of(), JmakeOption.TRACE_REPORT.completions());
    }

    @Test
    void findsAnOptionByItsLongName() {
        assertEquals(Optional.of(JmakeOption.SERVER_STOP), JmakeOption.named("server-stop"));
        assertEquals(Optional.empty(), JmakeOption.named("jobs"));
    }

    @Test
    void descriptionsFitGnusColumns() {
        for (JmakeOption option : JmakeOption.values()) {
            assertEquals(true, HelpEntry.DESCRIPTION_COLUMN + option.helpEntry().description().length() < 80,
                    option.toString());
        }
    }
}
