package dev.jmake.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Tracing for one build: the unpacked shim, a collector on a private socket, and the environment that puts a
 * job's processes under trace. Usage: start a job's process with {@link #environment}, reap it, then
 * {@link #awaitJob} for every access its process tree made.
 */
public final class TraceSession implements AutoCloseable {
    /** Variables the shim reads (and re-injects into children that drop them). */
    public static final String SOCKET_VARIABLE = "JMAKE_TRACE_SOCKET";
    public static final String JOB_VARIABLE = "JMAKE_TRACE_JOB";
    /** Colon-separated path prefixes whose accesses the shim does not report at all. */
    public static final String IGNORE_VARIABLE = "JMAKE_TRACE_IGNORE";
    /**
     * Colon-separated project directories: a program whose image lies under one says hello at start-up; any other
     * connects with its first record, so one that touches nothing in scope costs nothing. Unset: every program
     * says hello at start.
     */
    public static final String ROOTS_VARIABLE = "JMAKE_TRACE_ROOTS";
    /**
     * Set for the process make starts: only it may stay silent (the shim takes the variable out of what that process
     * runs, so the chain of parent pids below it stays whole for nested builds and coverage).
     */
    public static final String LAZY_VARIABLE = "JMAKE_TRACE_LAZY";
    /**
     * The connection a traced process passes to what it runs ({@code N:INODE}): a job of this session starts without
     * one (a parent jmake's job's would report this make's jobs as its own), and connects itself.
     */
    public static final String CONNECTION_VARIABLE = "JMAKE_TRACE_FD";

    private final Path library;
    private final Path directory;
    private final TraceCollector collector;
    /** The last environment {@link #tracedBase} made, and what from (any thread: replaced whole). */
    private volatile TracedBase lastBase;

    private record TracedBase(Map<String, String> base, List<Path> ignored, List<Path> roots,
                              Map<String, String> traced) {}

    private TraceSession(Path library, Path directory, TraceCollector collector) {
        this.library = library;
        this.directory = directory;
        this.collector = collector;
    }

    /** Starts a session with the shim at {@code library} (see {@link ShimLibrary#install}). */
    public static TraceSession start(Path library) throws IOException {
        // A private directory under /tmp keeps the socket path short (sun_path holds 107 bytes) and unguessable.
        Path directory = Files.createTempDirectory(Path.of("/tmp"), "jmake-trace-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return new TraceSession(library, directory, TraceCollector.listen(directory.resolve("socket")));
    }

    /** The shim library this session preloads. */
    public Path library() {
        return library;
    }

    /**
     * {@code base} plus what traces a process of {@code job}: LD_PRELOAD (the shim first, the user's entries after
     * it), the socket and the job token.
     */
    public Map<String, String> environment(String job, Map<String, String> base) {
        return environment(job, base, List.of());
    }

    /**
     * As {@link #environment(String, Map)}, and the shim drops every access under one of {@code ignoredPrefixes}
     * (absolute directories such as /proc or /usr) before it is sent: the cheapest filter there is.
     */
    public Map<String, String> environment(String job, Map<String, String> base, List<Path> ignoredPrefixes) {
        return environment(job, base, ignoredPrefixes, List.of());
    }

    /**
     * As {@link #environment(String, Map, List)}, and only programs under {@code roots} (the project's directories)
     * connect at start-up whether or not they report anything ({@link #ROOTS_VARIABLE}); none given: all do.
     */
    public Map<String, String> environment(String job, Map<String, String> base, List<Path> ignoredPrefixes,
                                           List<Path> roots) {
        Map<String, String> env = new LinkedHashMap<>(tracedBase(base, ignoredPrefixes, roots));
        env.put(JOB_VARIABLE, job);
        return env;
    }

    /**
     * {@code base} with every tracer variable, {@link #JOB_VARIABLE} empty (a job's environment is this with its
     * token set there), unmodifiable; made once for consecutive jobs sharing {@code base} (the same map object), so
     * that the same map comes back for them.
     */
    public Map<String, String> tracedBase(Map<String, String> base, List<Path> ignoredPrefixes, List<Path> roots) {
        TracedBase last = lastBase;
        if (last != null && last.base() == base && last.ignored().equals(ignoredPrefixes)
                && last.roots().equals(roots)) {
            return last.traced();
        }
        Map<String, String> env = new LinkedHashMap<>(base);
        env.remove(CONNECTION_VARIABLE);
        if (!ignoredPrefixes.isEmpty()) {
            env.put(IGNORE_VARIABLE, ignoredPrefixes.stream().map(Path::toString).collect(Collectors.joining(":")));
        }
        if (!roots.isEmpty()) {
            env.put(ROOTS_VARIABLE, roots.stream().map(Path::toString).collect(Collectors.joining(":")));
            env.put(LAZY_VARIABLE, "1");
        } else {
            env.remove(ROOTS_VARIABLE); // a parent jmake's: this session's processes all say hello
            env.remove(LAZY_VARIABLE);
        }
        String user = base.get("LD_PRELOAD");
        env.put("LD_PRELOAD", user == null || user.isBlank() ? library.toString() : library + ":" + user);
        env.put(SOCKET_VARIABLE, collector.socket().toString());
        env.put(JOB_VARIABLE, "");
        Map<String, String> traced = Collections.unmodifiableMap(env);
        lastBase = new TracedBase(base, List.copyOf(ignoredPrefixes), List.copyOf(roots), traced);
        return traced;
    }

    /** See {@link TraceCollector#awaitJob}. */
    public JobTrace awaitJob(String job, Duration timeout) throws IOException, InterruptedException {
        return collector.awaitJob(job, timeout);
    }

    /** See {@link TraceCollector#connectionsAccepted}. */
    long connectionsAccepted() {
        return collector.connectionsAccepted();
    }

    /** See {@link TraceCollector#lateProcesses}. */
    public Map<String, List<Integer>> lateProcesses() throws IOException {
        return collector.lateProcesses();
    }

    @Override
    public void close() throws IOException {
        collector.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
