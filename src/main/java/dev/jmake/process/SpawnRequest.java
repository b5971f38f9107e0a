package dev.jmake.process;

import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything that decides what one child process sees. The child gets exactly descriptors 0-2 (per the three
 * redirects) plus {@code descriptors}; every other descriptor is closed. Its signal mask is empty; signals it
 * inherits as ignored stay ignored (as under GNU make) unless listed in {@code defaultSignals}.
 *
 * @param argv             program name (looked up in the {@code PATH} of {@code environment} like execvp) and arguments
 * @param environment      the child's whole environment, in this order
 * @param workingDirectory where the child starts; empty: the JVM's working directory
 * @param descriptors      extra descriptors, child fd 3 and up
 * @param newProcessGroup  whether the child leads a new process group (GNU make never does this)
 * @param defaultSignals   signal numbers reset to {@code SIG_DFL} in the child
 * @param endsJob          a recipe's last command: its success ends its job (a launcher may start the next then)
 * @param failureStops     its failure stops make (not -k, not ignored)
 */
public record SpawnRequest(
        List<String> argv,
        Map<String, String> environment,
        Optional<Path> workingDirectory,
        Redirect stdin,
        Redirect stdout,
        Redirect stderr,
        List<FdMapping> descriptors,
        boolean newProcessGroup,
        Set<Integer> defaultSignals,
        boolean endsJob,
        boolean failureStops) {

    public SpawnRequest {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty argv");
        }
        if (!(environment instanceof CopiedEnvironment) && !(environment instanceof OverlaidEnvironment)) {
            environment = new CopiedEnvironment(environment);
        }
        if (stdin instanceof Redirect.Capture) {
            throw new IllegalArgumentException("stdin cannot be captured");
        }
        descriptors = List.copyOf(descriptors);
        Set<Integer> seen = new HashSet<>();
        for (FdMapping mapping : descriptors) {
            if (mapping.childFd() < 3 || !seen.add(mapping.childFd())) {
                throw new IllegalArgumentException("bad or duplicate child descriptor " + mapping.childFd());
            }
        }
        defaultSignals = Set.copyOf(defaultSignals);
    }

    /** A private copy of an environment, in its order: the withers pass it on without copying it again. */
    private static final class CopiedEnvironment extends AbstractMap<String, String> {
        private final Map<String, String> entries;

        CopiedEnvironment(Map<String, String> environment) {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return entries.entrySet();
        }

        @Override
        public String get(Object key) {
            return entries.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public int size() {
            return entries.size();
        }
    }

    /** {@code argv} with this environment, inheriting stdin, stdout, stderr and the working directory. */
    public static SpawnRequest of(List<String> argv, Map<String, String> environment) {
        return new SpawnRequest(argv, environment, Optional.empty(), Redirect.INHERIT, Redirect.INHERIT,
                Redirect.INHERIT, List.of(), false, Set.of(), false, false);
    }

    /**
     * The same request running {@code argv}: its environment is this one's copy, not copied again (consecutive
     * jobs mostly share one environment).
     */
    public SpawnRequest withArgv(List<String> argv) {
        return new SpawnRequest(argv, environment, workingDirectory, stdin, stdout, stderr, descriptors,
                newProcessGroup, defaultSignals, endsJob, failureStops);
    }

    public SpawnRequest inDirectory(Path directory) {
        return new SpawnRequest(argv, environment, Optional.of(directory), stdin, stdout, stderr, descriptors,
                newProcessGroup, defaultSignals, endsJob, failureStops);
    }

    public SpawnRequest withStdin(Redirect redirect) {
        return new SpawnRequest(argv, environment, workingDirectory, redirect, stdout, stderr, descriptors,
                newProcessGroup, defaultSignals, endsJob, failureStops);
    }

    public SpawnRequest withStdout(Redirect redirect) {
        return new SpawnRequest(argv, environment, workingDirectory, stdin, redirect, stderr, descriptors,
                newProcessGroup, defaultSignals, endsJob, failureStops);
    }

    public SpawnRequest withStderr(Redirect redirect) {
        return new SpawnRequest(argv, environment, workingDirectory, stdin, stdout, redirect, descriptors,
                newProcessGroup, defaultSignals, endsJob, failureStops);
    }

    /** Adds child descriptor {@code childFd} (≥ 3) as a duplicate of the parent's {@code parentFd}. */
    public SpawnRequest withDescriptor(int childFd, int parentFd) {
        List<FdMapping> more = new ArrayList<>(descriptors);
        more.add(new FdMapping(childFd, parentFd));
        return new SpawnRequest(argv, environment, workingDirectory, stdin, stdout, stderr, more,
                newProcessGroup, defaultSignals, endsJob, failureStops);
    }

    public SpawnRequest inNewProcessGroup() {
        return new SpawnRequest(argv, environment, workingDirectory, stdin, stdout, stderr, descriptors,
                true, defaultSignals, endsJob, failureStops);
    }

    public SpawnRequest withDefaultSignals(Set<Integer> signals) {
        return new SpawnRequest(argv, environment, workingDirectory, stdin, stdout, stderr, descriptors,
                newProcessGroup, signals, endsJob, failureStops);
    }

    /** The same request with its roles for a launcher that starts jobs ahead (see the record's parameters). */
    public SpawnRequest withRoles(boolean endsJob, boolean failureStops) {
        return new SpawnRequest(argv, environment, workingDirectory, stdin, stdout, stderr, descriptors,
                newProcessGroup, defaultSignals, endsJob, failureStops);
    }
}
