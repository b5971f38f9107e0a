package dev.jmake.jobserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.cli.CommandLineParser;
import dev.jmake.cli.JobserverStyle;
import dev.jmake.cli.MakeFlags;
import dev.jmake.cli.Options;
import dev.jmake.process.FileDescriptors;
import dev.jmake.process.Termination;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a GNU make 4.3 child started the way the build stage will start a recipe line (descriptors and
 * MAKEFLAGS from {@link Jobserver#forChild}) takes its job slots from jmake's pool.
 */
class GnuMakeUsesThePoolTest {
    private static final Path JOB = Path.of("native-tests/job.sh").toAbsolutePath();

    private final FileDescriptors fds = new FileDescriptors(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private Path makefile(int jobs, String seconds) throws IOException {
        StringBuilder text = new StringBuilder("all:");
        for (int i = 0; i < jobs; i++) {
            text.append(" j").append(i);
        }
        text.append("\nj%:\n\t@sh ").append(JOB).append(' ').append(dir.resolve("log")).append(' ').append(seconds)
                .append('\n');
        return Files.writeString(dir.resolve("m.mk"), text);
    }

    private static String makeflags(int slots, ChildJobserver child) {
        Options options = new CommandLineParser().parse(List.of("-j" + slots));
        return child.makeflags(MakeFlags.encode(options, child.auth(), List.of(), false));
    }

    @Test
    void recursiveChildRunsAsManyJobsAsThePoolAllowsAndNoMore() throws IOException {
        makefile(8, "1");
        try (JobserverServer server = JobserverServer.start(4, JobserverStyle.PIPE, Map.of("TMPDIR", dir.toString()),
                fds)) {
            ChildJobserver child = server.forChild(true);
            String flags = makeflags(4, child);
            assertEquals(" -j4 --jobserver-auth=3,4", flags, "what make 4.3 gives its children");
            GnuMakeChild.Result make = GnuMakeChild.run(dir, List.of("-f", "m.mk"), flags, child.descriptors());
            assertEquals(new Termination.Exited(0), make.termination(), make.stderr());
            assertEquals("", make.stderr(), "no 'jobserver unavailable', no INTERNAL complaint");
            int max = maxConcurrency(dir.resolve("log"));
            assertTrue(max <= 4, "at most 4 at once, was " + max);
            assertTrue(max >= 3, "3 tokens + make's implicit slot, was " + max);
            assertEquals(new Reconciliation(3, 3), server.reconcile(), "every token came back");
        }
    }

    @Test
    void nonRecursiveChildIsToldToRunSerially() throws IOException {
        makefile(3, "0.3");
        try (JobserverServer server = JobserverServer.start(4, JobserverStyle.PIPE, Map.of("TMPDIR", dir.toString()),
                fds)) {
            ChildJobserver child = server.forChild(false);
            String flags = makeflags(4, child);
            assertEquals(" -j4 --jobserver-auth=3,4 --jobserver-auth=-2,-2", flags, "make 4.4's invalidation");
            GnuMakeChild.Result make = GnuMakeChild.run(dir, List.of("-f", "m.mk"), flags, child.descriptors());
            assertEquals(new Termination.Exited(0), make.termination(), make.stderr());
            assertEquals("make: " + Unavailable.WARNING + "\n", make.stderr());
            assertEquals(1, maxConcurrency(dir.resolve("log")));
            assertEquals(new Reconciliation(3, 3), server.reconcile());
        }
    }

    /** native-tests/lib.sh max_concurrency: events by time, an end before a start at the same instant. */
    private static int maxConcurrency(Path log) throws IOException {
        List<String[]> events = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            events.add(line.split(" "));
        }
        events.sort(Comparator.<String[]>comparingLong(e -> Long.parseLong(e[1]))
                .thenComparing(e -> e[0].equals("start") ? 1 : 0));
        int running = 0;
        int max = 0;
        for (String[] e : events) {
            running += e[0].equals("start") ? 1 : -1;
            max = Math.max(max, running);
        }
        return max;
    }
}
