package dev.jmake.difftest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where things are and what to run, from system properties: {@code jmake.command} (default
 * {@code <repo>/bin/jmake}), {@code jmake.difftest} (a regex selecting cases by name) and
 * {@code jmake.difftest.keep} (keep sandboxes for debugging). {@code server}: jmake runs through its client and a
 * warm server (the default), whose directory is under {@code target/}, stopped after the last case (else it exits a
 * minute later); otherwise in process ({@code JMAKE_SERVER=off}).
 */
record HarnessSettings(Path repoRoot, String jmakeCommand, Pattern filter, boolean keep, boolean server) {

    /** The fixed PATH both makes get. */
    static final String PATH = "/usr/local/bin:/usr/bin:/bin";

    static HarnessSettings fromSystemProperties(boolean server) {
        Path root = findRepoRoot(Path.of(System.getProperty("user.dir")).toAbsolutePath());
        String command = System.getProperty("jmake.command", "");
        if (command.isBlank()) {
            command = root.resolve("bin/jmake").toString();
        }
        String filter = System.getProperty("jmake.difftest", "");
        return new HarnessSettings(root, command, filter.isBlank() ? null : Pattern.compile(filter),
                Boolean.getBoolean("jmake.difftest.keep"), server);
    }

    /** True when {@code caseName} is selected by the filter. */
    boolean selects(String caseName) {
        return filter == null || filter.matcher(caseName).find();
    }

    /** The environment every run starts from: nothing leaks in from the outer build. */
    Map<String, String> baseEnvironment() {
        Map<String, String> environment = new HashMap<>(Map.of(
                "PATH", PATH,
                "HOME", repoRoot.resolve("target/difftest-home").toString(),
                "LANG", "C",
                "TZ", "UTC"));
        // GNU make gets them too: a case that prints its environment sees the same under both.
        if (server) {
            // The server is jmake's default: nothing asks for it.
            environment.put("JMAKE_SERVER_DIR", serverDirectory().toString());
            environment.put("JMAKE_SERVER_IDLE", "60");
        } else {
            environment.put("JMAKE_SERVER", "off");
        }
        return Map.copyOf(environment);
    }

    /** Where the server of the server-mode cases lives. */
    Path serverDirectory() {
        return repoRoot.resolve("target/difftest-server");
    }

    private static Path findRepoRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no pom.xml above " + start);
    }
}
