package dev.jmake.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Test fixture: a trace session over the shim built into target/classes, running real programs under it. */
final class TracedRuns implements AutoCloseable {
    /** What one traced command did: its exit status, its standard output (and error), its trace. */
    record Run(int status, String output, JobTrace trace) {}

    private final TraceSession session;
    private final AtomicInteger jobs = new AtomicInteger();

    TracedRuns(Path cache) throws IOException {
        session = TraceSession.start(ShimLibrary.install(cache));
    }

    TraceSession session() {
        return session;
    }

    /** Runs {@code command} in {@code directory} with the tracer preloaded, and collects its job. */
    Run traced(Path directory, List<String> command) throws IOException, InterruptedException {
        return traced(directory, command, "job-" + jobs.incrementAndGet());
    }

    /** Runs {@code command} in {@code directory} as the traced job {@code job} (a token unique in the session). */
    Run traced(Path directory, List<String> command, String job) throws IOException, InterruptedException {
        return traced(directory, command, job, Map.of());
    }

    /** As {@link #traced(Path, List, String)}, with {@code extra} added to the environment. */
    Run traced(Path directory, List<String> command, String job, Map<String, String> extra)
            throws IOException, InterruptedException {
        Map<String, String> base = new HashMap<>(System.getenv());
        base.putAll(extra);
        Map<String, String> env = session.environment(job, base);
        int[] status = new int[1];
        String output = run(directory, command, env, status);
        JobTrace trace = session.awaitJob(job, Duration.ofSeconds(30));
        return new Run(status[0], output, trace);
    }

    /**
     * Runs {@code command} in {@code directory} as the traced job {@code job}, with {@code roots} as the project's
     * directories: only programs there say hello at start-up, as in a build ({@link TraceSession#ROOTS_VARIABLE}).
     */
    Run tracedWithRoots(Path directory, List<String> command, String job, List<Path> roots)
            throws IOException, InterruptedException {
        return tracedWithRoots(directory, command, job, roots, Map.of());
    }

    /** As {@link #tracedWithRoots(Path, List, String, List)}, with {@code extra} added to the environment. */
    Run tracedWithRoots(Path directory, List<String> command, String job, List<Path> roots, Map<String, String> extra)
            throws IOException, InterruptedException {
        Map<String, String> base = new HashMap<>(System.getenv());
        base.putAll(extra);
        Map<String, String> env = session.environment(job, base, List.of(), roots);
        int[] status = new int[1];
        String output = run(directory, command, env, status);
        JobTrace trace = session.awaitJob(job, Duration.ofSeconds(30));
        return new Run(status[0], output, trace);
    }

    /** Runs {@code command} in {@code directory} without the tracer. */
    static Run plain(Path directory, List<String> command) throws IOException, InterruptedException {
        int[] status = new int[1];
        String output = run(directory, command, System.getenv(), status);
        return new Run(status[0], output, null);
    }

    private static String run(Path directory, List<String> command, Map<String, String> env, int[] status)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        status[0] = process.waitFor();
        return output;
    }

    /** Compiles one C file from the test resources into {@code directory}. */
    static Path compile(String resource, Path directory) throws IOException, InterruptedException {
        Path source = directory.resolve(resource);
        try (var in = TracedRuns.class.getResourceAsStream(resource)) {
            java.nio.file.Files.write(source, in.readAllBytes());
        }
        Path binary = directory.resolve(resource.replace(".c", ""));
        Run cc = plain(directory, List.of("gcc", "-O1", "-Wall", "-pthread", "-o", binary.toString(), source.toString()));
        if (cc.status() != 0) {
            throw new IOException("gcc failed:\n" + cc.output());
        }
        return binary;
    }

    @Override
    public void close() throws IOException {
        session.close();
    }
}
