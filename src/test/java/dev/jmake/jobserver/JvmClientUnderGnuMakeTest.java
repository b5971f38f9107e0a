package dev.jmake.jobserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.process.Termination;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM joining GNU make 4.3's pool with the {@code +} prefix, and refusing descriptors make did not pass. */
class JvmClientUnderGnuMakeTest {
    private static final Path JOB = Path.of("native-tests/job.sh").toAbsolutePath();

    @TempDir
    Path dir;

    private String java(int extra, String seconds) {
        return Path.of(System.getProperty("java.home"), "bin", "java") + " -XX:TieredStopAtLevel=1 -Xshare:auto -cp "
                + System.getProperty("java.class.path") + " " + ClientProbe.class.getName() + " " + extra + " " + JOB
                + " " + dir.resolve("log") + " " + seconds + " >" + dir.resolve("probe.out");
    }

    @Test
    void withPlusTheJvmTakesTokensFromMakesPoolAndGivesThemBack() throws IOException {
        Files.writeString(dir.resolve("m.mk"), "all: probe l1 l2 l3\nprobe:\n\t+@" + java(2, "1")
                + "\nl%:\n\t@sh " + JOB + " " + dir.resolve("log") + " 1\n");
        GnuMakeChild.Result make = GnuMakeChild.run(dir, List.of("-j4", "-f", "m.mk"), "", List.of());
        assertEquals(new Termination.Exited(0), make.termination(), make.stderr());
        assertEquals("joined\n", Files.readString(dir.resolve("probe.out")));
        assertEquals("", make.stderr(), "make found its pool whole: no INTERNAL complaint");
        List<String> log = Files.readAllLines(dir.resolve("log"));
        assertEquals(12, log.size(), "3 leaf jobs and 3 jobs of the probe");
        int max = maxConcurrency(log);
        assertTrue(max <= 4 && max >= 3, "max " + max);
    }

    @Test
    void withoutPlusTheJvmsReusedDescriptorsAreRefusedAndNoJarIsTouched() throws IOException {
        Map<Path, String> before = classpathDigests();
        Files.writeString(dir.resolve("m.mk"), "all:\n\t@" + java(0, "0") + "\n");
        GnuMakeChild.Result make = GnuMakeChild.run(dir, List.of("-j4", "-f", "m.mk"), "", List.of());
        assertEquals(new Termination.Exited(0), make.termination(), make.stderr());
        String out = Files.readString(dir.resolve("probe.out"));
        assertTrue(out.matches("unavailable: descriptor [34] is not (a pipe|open)\n"), out);
        assertEquals("jmake: " + Unavailable.WARNING + "\n", make.stderr());
        assertFalse(Files.exists(dir.resolve("log")), "ran nothing");
        assertEquals(before, classpathDigests());
    }

    private static Map<Path, String> classpathDigests() throws IOException {
        Map<Path, String> digests = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isRegularFile(path)) {
                try {
                    byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path));
                    digests.put(path, HexFormat.of().formatHex(hash));
                } catch (NoSuchAlgorithmException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return digests;
    }

    private static int maxConcurrency(List<String> lines) {
        List<long[]> events = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(" ");
            events.add(new long[] {Long.parseLong(parts[1]), parts[0].equals("start") ? 1 : 0});
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int running = 0;
        int max = 0;
        for (long[] e : events) {
            running += e[1] == 1 ? 1 : -1;
            max = Math.max(max, running);
        }
        return max;
    }
}
