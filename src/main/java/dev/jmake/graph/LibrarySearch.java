package dev.jmake.graph;

import dev.jmake.ui.Diagnostics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * remake.c library_search: a prerequisite {@code -lNAME} that is no file is the library each {@code .LIBPATTERNS}
 * pattern names ({@code lib%.so lib%.a}) found in the directory, through the search path, or in the standard
 * directories, the earliest in search order winning as the linker's would.
 */
public final class LibrarySearch {
    /** GNU make's standard library directories (remake.c, LIBDIR of Debian's build). */
    private static final List<String> STANDARD_DIRECTORIES = List.of("/lib", "/usr/lib", "/usr/lib");

    private final VpathSearch vpath;
    private final Path directory;
    private final List<String> patterns;
    private final Diagnostics ui;
    private final Map<String, Optional<String>> found = new HashMap<>();

    /** A search with the words of {@code .LIBPATTERNS}; a word without {@code %} is reported on each search. */
    public LibrarySearch(VpathSearch vpath, Path directory, String libPatterns, Diagnostics ui) {
        this.vpath = vpath;
        this.directory = directory;
        this.patterns = List.of(libPatterns.strip().isEmpty() ? new String[0] : libPatterns.strip().split("\\s+"));
        this.ui = ui;
    }

    /** The library {@code name} ({@code -lNAME}) stands for, or null if it is no library reference or none is found. */
    public String find(String name) {
        if (!name.startsWith("-l")) {
            return null;
        }
        // remake.c renames the file to the library found, so each name is searched once.
        return found.computeIfAbsent(name, n -> Optional.ofNullable(search(n))).orElse(null);
    }

    private String search(String name) {
        String lib = name.substring(2);
        String best = null;
        long bestRank = Long.MAX_VALUE;
        for (String pattern : patterns) {
            int percent = pattern.indexOf('%');
            if (percent < 0) {
                ui.error(".LIBPATTERNS element '" + pattern + "' is not a pattern");
                continue;
            }
            String file = pattern.substring(0, percent) + lib + pattern.substring(percent + 1);
            if (Files.exists(directory.resolve(file))) {
                // In the directory itself: nothing can come earlier.
                return file;
            }
            VpathSearch.Located found = vpath.locate(file);
            if (found != null) {
                long rank = ((long) found.entry() << 32) | found.directory();
                if (best == null || rank < bestRank) {
                    best = found.found();
                    bestRank = rank;
                }
            }
            // The standard directories rank after every search path entry.
            long rank = Long.MAX_VALUE - STANDARD_DIRECTORIES.size();
            for (String dir : STANDARD_DIRECTORIES) {
                String candidate = dir + "/" + file;
                if (Files.exists(Path.of(candidate)) && (best == null || rank < bestRank)) {
                    best = candidate;
                    bestRank = rank;
                }
                rank++;
            }
        }
        return best;
    }
}
