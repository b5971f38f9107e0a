package dev.jmake.difftest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One differential test case: the files to create, the environment additions, the stdin and the
 * steps (runs and setup actions) applied identically to GNU make and to jmake. {@code normalizeDb}: the case
 * asked for {@code # normalize: db} ({@link VaryingLines}).
 */
record DiffCase(
        String name,
        Path source,
        String text,
        Map<String, byte[]> files,
        Map<String, String> env,
        byte[] stdin,
        List<Step> steps,
        Duration timeout,
        boolean normalizeDb) {

    DiffCase {
        // Keep the case file's order: files are written to disk in it.
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        env = Map.copyOf(env);
        steps = List.copyOf(steps);
    }

    /** The runs only, in order. */
    List<Step.Run> runs() {
        return steps.stream().filter(Step.Run.class::isInstance).map(Step.Run.class::cast).toList();
    }
}
