package dev.jmake.jobserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.cli.CommandLineParser;
import dev.jmake.cli.JobLimit;
import dev.jmake.cli.Options;
import dev.jmake.process.FdMapping;
import dev.jmake.process.FileDescriptors;
import dev.jmake.process.Pipe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MAKEFLAGS corpus (JOBSERVER.md §1.1 and odd values) decided by jmake and by GNU make 4.3, which runs with a
 * real pipe on 3,4 and {@code --debug=j} so that it says which descriptors it parsed.
 */
class JoinDecisionTest {
    private static final Pattern CLIENT = Pattern.compile("Jobserver client \\(fds (-?\\d+),(-?\\d+)\\)");

    @TempDir
    Path dir;

    private record Case(String makeflags, List<String> args) {}

    private static Case c(String makeflags, String... args) {
        return new Case(makeflags, List.of(args));
    }

    private static final List<Case> CORPUS = List.of(
            c(" -j4 --jobserver-auth=3,4"),
            c("ks -j4 --jobserver-auth=3,4 -- BAZ=a\\ b FOO=bar"),
            c(" -j3 -l2.5 --jobserver-auth=3,4"),
            c(" -j"),
            c(" -j1"),
            c(" -j4"),
            c(""),
            c(" -j4 --jobserver-auth=3,4 --jobserver-auth=-2,-2"),
            c(" -j4 --jobserver-auth=-2,-2 --jobserver-auth=3,4"),
            c("-ks -j4 --jobserver-auth=3,4"),
            c(" -j4 --jobserver-fds=3,4"),
            c(" -j --jobserver-fds=3,4"),
            c(" -j4 --jobserver-auth=3,4 --jobserver-fds=-2,-2"),
            c(" -j4 --jobserver-fds=-2,-2 --jobserver-auth=3,4"),
            c(" --jobserver-auth=3,4"),
            c("--jobserver-auth=3,4"),
            c("n --jobserver-auth=3,4"),
            c(" --jmake-private=1 --jobserver-auth=3,4"),
            c(" -j4 --jobserver-style=fifo --jobserver-auth=3,4"),
            c(" -j4 --jobserver-auth 3,4"),
            c(" -j4 --jobserver-a=3,4"),
            c(" -j4 --jobserver=3,4"),
            c(" -j4 --jobserver-auth=3\\,4"),
            c(" -j4 --jobserver-auth=+3,+4"),
            c(" -j4 --jobserver-auth=3,4x"),
            c(" -j4 --jobserver-auth=\\ 3,4"),
            c(" -j4 --jobserver-auth=abc"),
            c(" -j4 --jobserver-auth=3"),
            c(" -j4 --jobserver-auth=0x3,4"),
            c(" -j4 --jobserver-auth="),
            c(" -j4 --jobserver-auth= 3,4"),
            c(" -j4 --jobserver-auth=-1,4"),
            c(" -j4 --jobserver-auth=3,-2"),
            c(" -j4 --jobserver-auth=7,8"),
            c(" -j4 --jobserver-auth=99999999999,4"),
            c(" -- --jobserver-auth=3,4"),
            c(" -j4 --jobserver-auth=3,4", "-j2"),
            c(" -j4 --jobserver-auth=3,4", "-j1"),
            c(" -j4 --jobserver-auth=3,4", "-j"),
            c(" -j4 --jobserver-auth=abc", "-j2"),
            c(" -j4 --jobserver-auth=-2,-2", "-j3"),
            c(" -j4", "-j2"),
            c("", "--jobserver-auth=3,4"),
            c(" -j4 --jobserver-auth=-2,-2", "--jobserver-auth=3,4"));

    @Test
    void corpusDecidedAsByGnuMake43() throws IOException {
        Files.writeString(dir.resolve("m.mk"), "all:;@:\n");
        FileDescriptors fds = new FileDescriptors(StandardCharsets.UTF_8);
        Pipe pipe = fds.pipe();
        try {
            List<String> mismatches = new ArrayList<>();
            for (Case c : CORPUS) {
                List<String> args = new ArrayList<>(List.of("-f", "m.mk", "--debug=j"));
                args.addAll(c.args());
                GnuMakeChild.Result gnu = GnuMakeChild.run(dir, args, c.makeflags(),
                        List.of(new FdMapping(3, pipe.readFd()), new FdMapping(4, pipe.writeFd())));
                String expected = gnuDecision(gnu);
                String actual = jmakeDecision(c);
                if (!expected.equals(actual)) {
                    mismatches.add("[" + c.makeflags() + "] " + c.args() + ": make " + expected + ", jmake " + actual
                            + "\n" + gnu.stderr());
                }
            }
            assertEquals(List.of(), mismatches);
        } finally {
            fds.close(pipe.readFd());
            fds.close(pipe.writeFd());
        }
    }

    /** What make 4.3 did, from its messages. */
    private static String gnuDecision(GnuMakeChild.Result gnu) {
        String err = gnu.stderr();
        Matcher fatal = Pattern.compile("make: \\*\\*\\* (internal error: invalid --jobserver-auth string '.*')\\.  Stop\\.")
                .matcher(err);
        if (fatal.find()) {
            return "fatal " + fatal.group(1);
        }
        Matcher forced = Pattern.compile("make: (warning: -j\\d+ forced in submake: resetting jobserver mode\\.)")
                .matcher(err);
        if (forced.find()) {
            return forced.group(1);
        }
        Matcher client = CLIENT.matcher(gnu.stdout()); // --debug output goes to stdout
        if (client.find()) {
            boolean unavailable = err.contains("make: " + Unavailable.WARNING + "\n");
            return "client " + client.group(1) + "," + client.group(2) + (unavailable ? " unavailable" : "");
        }
        return "standalone";
    }

    /**
     * jmake's decision in the same words. In the GNU make child only 0-4 are open, so a pipe auth naming higher
     * descriptors is one that jmake's connect step refuses.
     */
    private static String jmakeDecision(Case c) {
        CommandLineParser parser = new CommandLineParser();
        Options merged = parser.parse(c.args(), Map.of("MAKEFLAGS", c.makeflags()));
        JobLimit commandLineJobs = parser.parse(c.args()).jobs();
        JoinDecision decision = JoinDecision.decide(merged.jobserverAuth(), commandLineJobs);
        if (decision instanceof JoinDecision.Malformed m) {
            return "fatal " + m.auth().message();
        }
        if (decision instanceof JoinDecision.ForcedInSubmake f) {
            return f.warning();
        }
        if (decision instanceof JoinDecision.Standalone) {
            return "standalone";
        }
        JobserverAuth auth = JobserverAuth.parse(merged.jobserverAuth().orElseThrow());
        if (decision instanceof Unavailable u) {
            JobserverAuth.Disabled d = assertInstanceOf(JobserverAuth.Disabled.class, auth);
            assertEquals(Unavailable.WARNING, u.warning());
            return "client " + d.readFd() + "," + d.writeFd() + " unavailable";
        }
        JobserverAuth.Pipe p = assertInstanceOf(JobserverAuth.Pipe.class, ((JoinDecision.Connect) decision).auth());
        assertEquals(auth, p);
        boolean open = p.readFd() <= 4 && p.writeFd() <= 4;
        return "client " + p.readFd() + "," + p.writeFd() + (open ? "" : " unavailable");
    }

    @Test
    void fifoIsJoinedWhereMake43Stops() throws IOException {
        // A deliberate difference: jmake joins make 4.4's fifo pools; make 4.3 stops on them.
        Files.writeString(dir.resolve("m.mk"), "all:;@:\n");
        String makeflags = " -j4 --jobserver-auth=fifo:/tmp/GMfifo1\\ x";
        GnuMakeChild.Result gnu = GnuMakeChild.run(dir, List.of("-f", "m.mk"), makeflags, List.of());
        assertTrue(gnu.stderr().contains("invalid --jobserver-auth string 'fifo:/tmp/GMfifo1 x'"), gnu.stderr());
        assertEquals(new JoinDecision.Connect(new JobserverAuth.Fifo(Path.of("/tmp/GMfifo1 x"))),
                JoinDecision.decide(makeflags, new JobLimit.Unset()));
    }

    @Test
    void noAuthIsStandaloneWhateverTheJobs() {
        assertEquals(new JoinDecision.Standalone(), JoinDecision.decide(Optional.empty(), new JobLimit.Slots(4)));
        assertEquals(new JoinDecision.ForcedInSubmake(0),
                JoinDecision.decide(Optional.of("3,4"), new JobLimit.Unlimited()));
    }
}
