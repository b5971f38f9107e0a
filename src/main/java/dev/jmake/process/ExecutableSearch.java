package dev.jmake.process;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether execvp would find a program to run: the file itself when its name has a slash, else the first
 * candidate along PATH (glibc's default {@code /bin:/usr/bin} when unset; an empty entry is the directory the
 * program runs in) that is a regular file this user may execute. A guess made before spawning, for a launcher
 * that learns the real outcome later; it never decides what runs.
 */
public final class ExecutableSearch {
    /** glibc's _CS_PATH: what execvp searches when PATH is unset. */
    private static final String DEFAULT_PATH = "/bin:/usr/bin";

    private ExecutableSearch() {}

    /**
     * @param path      the child's PATH, null if unset
     * @param directory where the child runs (relative names are looked up there)
     */
    public static boolean findable(String program, String path, Path directory) {
        if (program.isEmpty()) {
            return false;
        }
        if (program.indexOf('/') >= 0) {
            return runnable(directory.resolve(program));
        }
        String entries = path == null ? DEFAULT_PATH : path;
        int start = 0;
        while (true) { // a loop over the entries, not a split: asked for every command started
            int end = entries.indexOf(':', start);
            String entry = entries.substring(start, end < 0 ? entries.length() : end);
            if (runnable((entry.isEmpty() ? directory : directory.resolve(entry)).resolve(program))) {
                return true;
            }
            if (end < 0) {
                return false;
            }
            start = end + 1;
        }
    }

    private static boolean runnable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
