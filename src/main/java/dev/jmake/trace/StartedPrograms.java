package dev.jmake.trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The programs make itself started for one job's traced commands (argv[0] as given: {@code /bin/sh}, or a program
 * run without a shell, found along PATH as execvp finds it), for judging a job none of whose processes reported.
 *
 * @param names argv[0] of each command, in order
 * @param path the commands' PATH, null if unset
 * @param directory where the commands ran (absolute)
 */
public record StartedPrograms(List<String> names, String path, Path directory) {
    /** glibc's default search path when PATH is unset. */
    private static final String DEFAULT_PATH = "/bin:/usr/bin";

    public StartedPrograms {
        names = List.copyOf(names);
    }

    /** None known: a job judged without them. */
    public static final StartedPrograms NONE = new StartedPrograms(List.of(), null, Path.of("/"));

    /** The files the names run, as execvp would find them; empty if one cannot be found. */
    public Optional<List<Path>> files() {
        List<Path> files = new ArrayList<>(names.size());
        for (String name : names) {
            Optional<Path> file = find(name);
            if (file.isEmpty()) {
                return Optional.empty();
            }
            files.add(file.get());
        }
        return Optional.of(files);
    }

    private Optional<Path> find(String name) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (name.contains("/")) {
            return Optional.of(directory.resolve(name).normalize());
        }
        for (String entry : (path == null ? DEFAULT_PATH : path).split(":", -1)) {
            Path candidate = (entry.isEmpty() ? directory : directory.resolve(entry)).resolve(name).normalize();
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
