package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jmake.syntax.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The trace report of real traced jobs, read back by python3's json module. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class TraceReportTest {
    private TracedRuns runs;

    @BeforeAll
    void start(@TempDir Path temp) throws Exception {
        runs = new TracedRuns(temp.resolve("cache"));
    }

    @AfterAll
    void stop() throws Exception {
        runs.close();
    }

    @Test
    void everyJobWithDeclaredAndObservedPathsAndFindings(@TempDir Path temp) throws Exception {
        Path d = temp.toRealPath();
        String weird = "in \"q\\\u0001\ud83d\ude00.txt"; // a quote, a backslash, a control char, an emoji
        Files.writeString(d.resolve(weird), "w\n");
        Files.createDirectory(d.resolve("gen"));
        Files.writeString(d.resolve("gen/h.h"), "\n");
        RuleTable rules = new RuleTable(List.of(d), List.of(), Map.of(
                "r-gen", new DeclaredJob(new Location("Makefile", 2), List.of(d.resolve("gen/h.h")), Set.of()),
                "r-out", new DeclaredJob(new Location("Makefile", 5), List.of(d.resolve("out.txt")),
                        Set.of(d.resolve(weird)))));
        TraceVerifier verifier = new TraceVerifier(rules, System.getenv());
        TraceReport report = new TraceReport(verifier.scope());
        TracedRuns.Run run = runs.traced(d, List.of("sh", "-c", "cat \"$1\" gen/h.h > out.txt; test -e nope; ls gen",
                "sh", weird), "r-out");
        assertEquals(0, run.status(), run.output());
        report.add(verifier.verify(run.trace()));
        Path file = d.resolve("report.json");
        report.write(file);
        String json = Files.readString(file);
        assertEquals("r-out", JsonWriterTest.python(json, "d['jobs'][0]['job']['id']"));
        assertEquals("1 | Makefile:5 | out.txt | [\"" + "in \\\"q\\\\\\u0001\\ud83d\\ude00.txt" + "\"] | [\"out.txt\"]",
                JsonWriterTest.python(json, "d['version'], '|', d['jobs'][0]['job']['rule'], '|',"
                        + " d['jobs'][0]['job']['target'], '|',"
                        + " json.dumps(d['jobs'][0]['declared']['inputs']), '|',"
                        + " json.dumps(d['jobs'][0]['declared']['outputs'])"));
        assertEquals("[\"gen/h.h\", \"in \\\"q\\\\\\u0001\\ud83d\\ude00.txt\"] [\"nope\"] [\"gen\"] [\"out.txt\"] []",
                JsonWriterTest.python(json, "*(json.dumps(d['jobs'][0]['observed'][k]) for k in"
                        + " ['reads', 'missing', 'listings', 'writes', 'deletes'])"));
        assertEquals("missing-prerequisite gen/h.h True | directory-listing gen False | False",
                JsonWriterTest.python(json, "' | '.join(f['kind'] + ' ' + f['path'] + ' ' + str(f['warning'])"
                        + " for f in d['jobs'][0]['findings']), '|', d['jobs'][0]['clean']"));
        assertEquals("True", JsonWriterTest.python(json,
                "any(e.endswith('/cat') for e in d['jobs'][0]['observed']['execs'])"));
        // The command itself, started by make rather than by a traced process, is among them too.
        assertEquals("True", JsonWriterTest.python(json, "'" + Path.of("/bin/sh").toRealPath()
                + "' in d['jobs'][0]['observed']['execs']"));
        assertEquals("Makefile:5: warning: [trace] 'out.txt' read 'gen/h.h', built by Makefile:2, which is not a"
                + " prerequisite; add 'gen/h.h' to the prerequisites of 'out.txt'", JsonWriterTest.python(json,
                "d['jobs'][0]['findings'][0]['message']"));
    }
}
