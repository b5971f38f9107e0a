package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage of programs run through a symbolic link (cc through /etc/alternatives), with the real shim and real
 * programs: the image says hello under the file the link leads to, which covers it; a static program is a hole
 * wherever the link points from.
 */
final class TraceCoverageTest {

    @Test
    void aProgramRunThroughALinkIsCoveredByTheImageOfItsTarget(@TempDir Path temp) throws Exception {
        Path d = Files.createDirectories(temp.resolve("p")).toRealPath();
        Files.createSymbolicLink(d.resolve("shell"), Path.of("/bin/dash"));
        Files.createSymbolicLink(d.resolve("static"), Path.of("/sbin/ldconfig"));
        try (TracedRuns runs = new TracedRuns(temp.resolve("cache"))) {
            TracedRuns.Run linked = runs.traced(d, List.of("/bin/sh", "-c", "./shell -c 'echo > made'"));
            assertEquals(0, linked.status(), linked.output());
            assertEquals(List.of(), TraceCoverage.holes(linked.trace(), List.of()));

            TracedRuns.Run staticLinked = runs.traced(d, List.of("/bin/sh", "-c", "./static -p > /dev/null"));
            assertEquals(0, staticLinked.status(), staticLinked.output());
            List<TraceCoverage.Hole> holes = TraceCoverage.holes(staticLinked.trace(), List.of());
            assertEquals(1, holes.size(), holes.toString());
            assertEquals(d.resolve("static"), holes.get(0).program());
            assertEquals("statically linked", holes.get(0).reason());
        }
    }

    @Test
    void eachRunOfAStaticProgramInALoopIsAHoleThoughItsFileIsJudgedOnce(@TempDir Path temp) throws Exception {
        Path d = Files.createDirectories(temp.resolve("p")).toRealPath();
        try (TracedRuns runs = new TracedRuns(temp.resolve("cache"))) {
            // dash runs each command of the loop through vfork: every exec is the shell's, the same process's.
            TracedRuns.Run loop = runs.traced(d, List.of("/bin/sh", "-c",
                    "for i in 1 2 3; do /sbin/ldconfig -p > /dev/null; true; done; echo > made"));
            assertEquals(0, loop.status(), loop.output());
            List<TraceCoverage.Hole> holes = TraceCoverage.holes(loop.trace(), List.of());
            assertEquals(3, holes.size(), holes.toString());
            for (TraceCoverage.Hole hole : holes) {
                assertEquals(Path.of("/sbin/ldconfig"), hole.program());
                assertEquals("statically linked", hole.reason());
            }
        }
    }
}
