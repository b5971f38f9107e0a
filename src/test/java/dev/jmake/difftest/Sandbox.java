package dev.jmake.difftest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Plays a case in a fresh temporary directory with one make command: writes the files, applies the
 * steps in order and records every run. Files from the case start one hour older than the case's
 * time origin, so anything a run builds is newer than them; before each step all mtimes move back
 * by a second, so anything a step writes is strictly newer than everything already there.
 */
final class Sandbox {

    /** Not compared, at any depth: jmake's own persistent build state. */
    static final String STATE_DIR = ".jmake";
    static final Duration INITIAL_AGE = Duration.ofHours(1);
    static final Duration RUN_SEPARATION = Duration.ofSeconds(1);

    private final ProcessRunner runner;
    private final Map<String, String> baseEnv;
    private final boolean keep;

    /** {@code baseEnv} is the complete environment before the case's additions. */
    Sandbox(ProcessRunner runner, Map<String, String> baseEnv, boolean keep) {
        this.runner = runner;
        this.baseEnv = Map.copyOf(baseEnv);
        this.keep = keep;
    }

    /** Plays {@code diffCase} with {@code command} (its argv[0] exactly as given) and returns the runs. */
    List<RunRecord> play(DiffCase diffCase, String command) throws IOException, InterruptedException {
        Path given = Files.createTempDirectory("jmake-difftest-");
        Path dir = given.toRealPath();
        OutputNormalizer normalizer = OutputNormalizer.forCommand(command, List.of(dir.toString(), given.toString()));
        Map<String, String> env = new TreeMap<>(baseEnv);
        env.putAll(diffCase.env());
        Instant origin = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try {
            writeFiles(diffCase, dir, origin.minus(INITIAL_AGE));
            List<RunRecord> runs = new ArrayList<>();
            for (Step step : diffCase.steps()) {
                shiftBack(dir);
                if (step instanceof Step.Touch touch) {
                    touch(dir, touch, origin);
                } else if (step instanceof Step.Shell shell) {
                    ProcessOutcome outcome = runner.run(List.of("/bin/sh", "-c", shell.command()), dir, env,
                            new byte[0], diffCase.timeout());
                    if (outcome.status() != 0) {
                        throw new IllegalStateException("setup step '# sh: " + shell.command() + "' failed with "
                                + outcome.statusText() + ":\n" + outcome.stdout() + outcome.stderr());
                    }
                } else if (step instanceof Step.Run run) {
                    List<String> argv = new ArrayList<>();
                    argv.add(command);
                    argv.addAll(run.args());
                    ProcessOutcome raw = runner.run(argv, dir, env, diffCase.stdin(), diffCase.timeout());
                    ProcessOutcome outcome = new ProcessOutcome(varying(diffCase, normalizer.normalize(raw.stdout())),
                            varying(diffCase, normalizer.normalize(raw.stderr())), raw.status(), raw.timedOut());
                    runs.add(new RunRecord(run.args(), outcome, snapshot(dir, normalizer)));
                } else {
                    throw new IllegalStateException("unknown step " + step);
                }
            }
            return runs;
        } finally {
            if (!keep) {
                deleteTree(dir);
            }
        }
    }

    /** The output with the lines that vary by nature normalized, if the case asked for it. */
    private static String varying(DiffCase diffCase, String text) {
        return diffCase.normalizeDb() ? VaryingLines.normalize(text) : text;
    }

    /**
     * Moves every mtime in the sandbox back by {@link #RUN_SEPARATION}, keeping their order. File
     * systems stamp writes with a coarse clock (a few ms), so without this a step could write files
     * with the same mtime as the previous run or setup step, and make would see them as equally old.
     */
    private static void shiftBack(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.toList()) {
                if (!path.equals(dir) && !Files.isSymbolicLink(path)) {
                    FileTime mtime = Files.getLastModifiedTime(path);
                    Files.setLastModifiedTime(path, FileTime.from(mtime.toInstant().minus(RUN_SEPARATION)));
                }
            }
        }
    }

    private static void touch(Path dir, Step.Touch touch, Instant origin) throws IOException {
        Path file = dir.resolve(touch.path());
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(file.getParent());
            Files.createFile(file);
        }
        Files.setLastModifiedTime(file, FileTime.from(touch.mtime().resolve(origin, Instant.now())));
    }

    private static void writeFiles(DiffCase diffCase, Path dir, Instant mtime) throws IOException {
        for (Map.Entry<String, byte[]> file : diffCase.files().entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
        // Deepest first, so that setting a file's time does not disturb its directory's afterwards.
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(dir)) {
                    Files.setLastModifiedTime(path, FileTime.from(mtime));
                }
            }
        }
    }

    private static TreeMap<String, String> snapshot(Path dir, OutputNormalizer normalizer) throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path path, BasicFileAttributes attrs) {
                if (path.equals(dir)) {
                    return FileVisitResult.CONTINUE;
                }
                if (path.getFileName().toString().equals(STATE_DIR)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                files.put(relative(dir, path) + "/", "");
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path path, BasicFileAttributes attrs) throws IOException {
                String content = attrs.isSymbolicLink()
                        ? "-> " + Files.readSymbolicLink(path)
                        : attrs.isRegularFile() ? new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1) : "(special file)";
                files.put(relative(dir, path), normalizer.normalize(content));
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    private static String relative(Path dir, Path path) {
        return dir.relativize(path).toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                path.toFile().setWritable(true);
                Files.delete(path);
            }
        }
    }
}
