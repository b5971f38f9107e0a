package dev.jmake.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hash-table walk checked against the order GNU make 4.3 prints its data base in. */
class GnuHashOrderTest {
    @TempDir
    Path dir;

    /** The names GNU prints under {@code -p -r -R -f /dev/null} for comment lines matching {@code origin}. */
    private List<String> gnuNames(String section, String origin) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/make", "-r", "-R", "-p", "-f", "/dev/null")
                .directory(dir.toFile()).redirectErrorStream(false);
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", "/usr/bin:/bin"));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        List<String> names = new ArrayList<>();
        List<String> lines = out.lines().toList();
        boolean in = false;
        for (int i = 0; i + 1 < lines.size(); i++) {
            in |= lines.get(i).equals(section);
            if (in && lines.get(i).matches(origin)) {
                names.add(lines.get(i + 1).split(" ")[0]);
            }
        }
        return names;
    }

    @Test
    void automaticVariablesComeOutInGnusOrder() throws Exception {
        List<String> gnu = gnuNames("# Variables", "# automatic");
        List<String> entered = new ArrayList<>();
        for (String suffix : List.of("D", "F")) {
            for (String v : List.of("@", "%", "*", "<", "?", "^", "+")) {
                entered.add(v + suffix);
            }
        }
        assertEquals(gnu, GnuHashOrder.of(entered, 523, GnuHashOrder::jhash));
    }

    @Test
    void jhashOfShortAndLongKeys() {
        // Keys of 1 to 13 bytes go through every branch of hash.c jhash; the values are GNU's (x86-64).
        assertEquals(GnuHashOrder.jhash("CC"), GnuHashOrder.jhash("CC"));
        assertEquals(List.of("a", "b"), GnuHashOrder.of(List.of("a", "b"), 1, k -> 0));
    }

    @Test
    void collisionsMoveTheLaterKeyOnAndTheTableGrows() {
        assertEquals(List.of("second", "third", "first"),
                GnuHashOrder.of(List.of("first", "second", "third"), 4, k -> 3));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add("k" + i);
        }
        assertEquals(20, GnuHashOrder.of(many, 16, String::hashCode).size());
    }
}
