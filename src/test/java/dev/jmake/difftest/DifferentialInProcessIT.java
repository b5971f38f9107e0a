package dev.jmake.difftest;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The differential cases whose outcome depends on how jmake runs processes, run with jmake in process
 * ({@code JMAKE_SERVER=off}): sub-makes, jobs, the jobserver, output sync, recipes and their errors, I/O and the
 * tracer. {@link DifferentialIT} runs every case through the server; the rest of the code is the same in both.
 */
final class DifferentialInProcessIT {
    /** The topics (directories of src/test/resources/difftest) whose cases run in process too. */
    static final Set<String> PROCESS_TOPICS = Set.of("submake", "parallel", "jobserver", "output-sync", "recipes",
            "errors", "io-errors", "io", "trace", "options");

    @TestFactory
    Stream<DynamicNode> gnuMakeAndJmakeInProcessAgree() throws IOException {
        return DifferentialIT.cases(HarnessSettings.fromSystemProperties(false),
                name -> name.contains("/") && PROCESS_TOPICS.contains(name.substring(0, name.indexOf('/'))));
    }
}
