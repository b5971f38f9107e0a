package dev.jmake.process;

import java.nio.charset.Charset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether execvp would find a program to run: the file itself when its name has a slash, else the first
 * candidate along PATH (glibc's default {@code /bin:/usr/bin} when unset; an empty entry is the directory the
 * program runs in) that this user may execute ({@code access(X_OK)}, one system call a candidate, no exception
 * for a missing file: this is asked for every command started). A guess made before spawning, for a launcher
 * that learns the real outcome later; it never decides what runs (a directory of the name passes for a program:
 * a wrong guess only lets other jobs start before the failure is known). A program found once is taken as found
 * again for the same PATH and directory, as a shell's hash table does: most jobs run the same few programs.
 */
public final class ExecutableSearch {
    /** glibc's _CS_PATH: what execvp searches when PATH is unset. */
    static final String DEFAULT_PATH = "/bin:/usr/bin";
    private static final int X_OK = 1;

    private final LibC libc;
    private final Charset charset;
    /** Program, PATH and directory of each search that found the program. */
    private final Set<String> found = ConcurrentHashMap.newKeySet();

    public ExecutableSearch(NativeLibrary library, Charset charset) {
        this.libc = library.libc();
        this.charset = charset;
    }

    /**
     * @param path      the child's PATH, null if unset
     * @param directory where the child runs, absolute (relative names are looked up there)
     */
    public boolean findable(String program, String path, String directory) {
        String key = program + '\0' + path + '\0' + directory;
        if (found.contains(key)) {
            return true;
        }
        boolean findable = search(program, path, directory);
        if (findable) {
            found.add(key);
        }
        return findable;
    }

    private boolean search(String program, String path, String directory) {
        if (program.isEmpty()) {
            return false;
        }
        if (program.indexOf('/') >= 0) {
            return executable(program.charAt(0) == '/' ? program : directory + "/" + program);
        }
        String entries = path == null ? DEFAULT_PATH : path;
        int start = 0;
        while (true) { // a loop over the entries, not a split
            int end = entries.indexOf(':', start);
            String entry = entries.substring(start, end < 0 ? entries.length() : end);
            String dir = entry.isEmpty() ? directory : entry.charAt(0) == '/' ? entry : directory + "/" + entry;
            if (executable(dir + "/" + program)) {
                return true;
            }
            if (end < 0) {
                return false;
            }
            start = end + 1;
        }
    }

    private boolean executable(String file) {
        byte[] name = file.getBytes(charset);
        byte[] terminated = new byte[name.length + 1];
        System.arraycopy(name, 0, terminated, 0, name.length);
        return libc.access(terminated, X_OK) == 0;
    }
}
