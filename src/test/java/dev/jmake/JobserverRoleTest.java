package dev.jmake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.cli.CommandLineParser;
import dev.jmake.cli.JobLimit;
import dev.jmake.cli.Options;
import dev.jmake.jobserver.JobserverClient;
import dev.jmake.jobserver.JobserverServer;
import dev.jmake.cli.JobserverStyle;
import dev.jmake.process.FileDescriptors;
import dev.jmake.syntax.MakeError;
import dev.jmake.ui.Diagnostics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobserverRoleTest {
    private final FileDescriptors fds = new FileDescriptors(StandardCharsets.UTF_8);
    private final CommandLineParser parser = new CommandLineParser();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Diagnostics ui = new Diagnostics("jmake", 1, new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    private Map<String, String> environment(String makeflags) {
        return Map.of("MAKEFLAGS", makeflags, "TMPDIR", dir.toString());
    }

    private JobserverRole join(List<String> args, Map<String, String> environment) {
        return JobserverRole.join(parser.parse(args, environment), parser.parse(args, Map.of()).jobs(), fds, ui);
    }

    private String warnings() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aTopLevelMakeStartsAPipePoolAfterReading() {
        Options options = parser.parse(List.of("-j3"));
        try (JobserverRole role = join(List.of("-j3"), Map.of())) {
            assertEquals(Optional.empty(), role.jobserver(), "no pool while the makefiles are read");
            assertEquals(options, role.afterReading(options, options, Map.of(), ui));
            assertInstanceOf(JobserverServer.class, role.jobserver().orElseThrow());
            assertEquals(Optional.of("3,4"), role.auth());
            assertEquals(3, role.jobSlots(options.jobs()));
            role.reconcile(ui);
        }
        assertEquals("", warnings());
    }

    @Test
    void noPoolForOneJobOrNoLimit() {
        for (String jobs : List.of("-j1", "-j")) {
            Options options = parser.parse(List.of(jobs));
            try (JobserverRole role = join(List.of(jobs), Map.of())) {
                role.afterReading(options, options, Map.of(), ui);
                assertEquals(Optional.empty(), role.jobserver(), jobs);
            }
        }
    }

    @Test
    void fifoStyleMakesAFifoThatCloseRemoves() throws Exception {
        Options options = parser.parse(List.of("-j2", "--jobserver-style=fifo"));
        Path fifo;
        try (JobserverRole role = join(List.of("-j2", "--jobserver-style=fifo"), Map.of())) {
            role.afterReading(options, options, Map.of("TMPDIR", dir.toString()), ui);
            fifo = ((JobserverServer) role.jobserver().orElseThrow()).fifo().orElseThrow();
            assertEquals(Optional.of("fifo:" + fifo), role.auth());
            assertTrue(fifo.startsWith(dir) && Files.exists(fifo));
        }
        assertFalse(Files.exists(fifo));
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aSubMakeJoinsThePoolItsMakeflagsNames() {
        try (JobserverServer server = JobserverServer.start(4, JobserverStyle.FIFO, Map.of("TMPDIR", dir.toString()),
                fds)) {
            Map<String, String> env = environment(" -j4 --jobserver-auth=fifo:" + server.fifo().orElseThrow());
            Options options = parser.parse(List.of(), env);
            try (JobserverRole role = join(List.of(), env)) {
                assertInstanceOf(JobserverClient.class, role.jobserver().orElseThrow());
                assertEquals(options, role.afterReading(options, options, env, ui));
                assertEquals(Integer.MAX_VALUE, role.jobSlots(options.jobs()), "the tokens govern");
                assertEquals(Optional.of("fifo:" + server.fifo().orElseThrow()), role.auth());
            }
            assertTrue(server.reconcile().balanced());
        }
        assertEquals("", warnings());
    }

    @Test
    void aMakefileThatSetsJobsLeavesThePoolJoined() {
        try (JobserverServer server = JobserverServer.start(4, JobserverStyle.FIFO, Map.of("TMPDIR", dir.toString()),
                fds)) {
            Map<String, String> env = environment(" -j4 --jobserver-auth=fifo:" + server.fifo().orElseThrow());
            Options before = parser.parse(List.of(), env);
            try (JobserverRole role = join(List.of(), env)) {
                Options effective = before.withJobs(new JobLimit.Slots(2));
                role.afterReading(before, effective, env, ui);
                assertInstanceOf(JobserverServer.class, role.jobserver().orElseThrow());
                assertEquals(Optional.of("3,4"), role.auth());
                assertEquals(2, role.jobSlots(effective.jobs()));
            }
        }
        assertEquals("jmake[1]: warning: -j2 forced in makefile: resetting jobserver mode.\n", warnings());
    }

    @Test
    void jobsOnTheCommandLineMakeAPoolOfItsOwn() {
        Map<String, String> env = environment(" -j4 --jobserver-auth=3,4");
        Options options = parser.parse(List.of("-j2"), env);
        try (JobserverRole role = join(List.of("-j2"), env)) {
            role.afterReading(options, options, env, ui);
            assertInstanceOf(JobserverServer.class, role.jobserver().orElseThrow());
        }
        assertEquals("jmake[1]: warning: -j2 forced in submake: resetting jobserver mode.\n", warnings());
    }

    @Test
    void descriptorsNotPassedMeanOneJobAndAWarning() {
        Map<String, String> env = environment(" -j4 --jobserver-auth=901,902");
        Options options = parser.parse(List.of(), env);
        try (JobserverRole role = join(List.of(), env)) {
            Options effective = role.afterReading(options, options, env, ui);
            assertEquals(new JobLimit.Slots(1), effective.jobs());
            assertEquals(1, role.jobSlots(effective.jobs()));
            assertEquals(Optional.empty(), role.jobserver());
            assertEquals(Optional.empty(), role.auth());
        }
        assertEquals("jmake[1]: warning: jobserver unavailable: using -j1.  Add '+' to parent make rule.\n",
                warnings());
    }

    @Test
    void aMissingFifoIsReportedBeforeTheWarning() {
        Map<String, String> env = environment(" -j4 --jobserver-auth=fifo:" + dir.resolve("gone"));
        try (JobserverRole role = join(List.of(), env)) {
            assertEquals(Optional.empty(), role.jobserver());
        }
        assertEquals("jmake[1]: cannot open jobserver " + dir.resolve("gone") + ": No such file or directory\n"
                + "jmake[1]: warning: jobserver unavailable: using -j1.  Add '+' to parent make rule.\n", warnings());
    }

    @Test
    void aMalformedAuthStopsMake() {
        MakeError error = assertThrows(MakeError.class, () -> join(List.of(), environment(" --jobserver-auth=xyz")));
        assertEquals("internal error: invalid --jobserver-auth string 'xyz'", error.getMessage());
    }
}
