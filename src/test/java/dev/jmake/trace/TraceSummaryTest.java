package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jmake.syntax.Location;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceSummaryTest {
    private static FindingText at(Location rule, String path) {
        return FindingText.of(new Finding.UndeclaredOutput(rule, "x", path, null), ".", path);
    }

    @Test
    void countsTheFindingsAndTheirRules() {
        Location a = new Location("Makefile", 1);
        Location b = new Location("lib/Makefile", 1);
        assertEquals("jmake: 3 trace findings in 2 rules; see /r.json",
                TraceSummary.of(List.of(at(a, "p"), at(a, "q"), at(b, "p")), Path.of("/r.json")).line("jmake"));
    }

    @Test
    void oneFindingIsSingular() {
        assertEquals("jmake: 1 trace finding in 1 rule; see /r.json",
                TraceSummary.of(List.of(at(new Location("Makefile", 1), "p")), Path.of("/r.json")).line("jmake"));
    }
}
