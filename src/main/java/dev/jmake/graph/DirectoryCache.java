package dev.jmake.graph;

import dev.jmake.eval.DirectoryListings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which files exist, answered from one listing per directory as GNU make's dir.c does: implicit rule search asks
 * about dozens of candidate files per target (`x.c`, `x.cc`, `RCS/x,v`, ...), and a stat for each is what made it
 * slow. Recipes create files, so the build invalidates the cache whenever it runs one.
 */
public final class DirectoryCache {
    private final Path base;
    private final DirectoryListings kept;
    private final Map<String, Set<String>> listings = new HashMap<>();

    public DirectoryCache(Path base) {
        this(base, DirectoryListings.direct());
    }

    /** Reading directories through {@code kept} (a server keeps their listings between runs). */
    public DirectoryCache(Path base, DirectoryListings kept) {
        this.base = base;
        this.kept = kept;
    }

    /** True if {@code name} (relative to the base directory, or absolute) names an existing directory entry. */
    public boolean exists(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("./") || name.endsWith("/")
                || name.endsWith(".")) {
            // Unusual names take the slow, exact way; plain relative names are the hot path. A `..` is left to
            // the system, as GNU's dir.c does: RCS/../Makefile exists only if the directory RCS does, so the
            // names are not normalized lexically.
            Path path = base.resolve(name);
            Path parent = path.getParent();
            Path file = path.getFileName();
            if (parent == null || file == null || file.toString().equals(".") || file.toString().equals("..")) {
                return Files.exists(path);
            }
            return listing(parent.toString()).contains(file.toString());
        }
        int slash = name.lastIndexOf('/');
        String directory = slash < 0 ? "" : name.substring(0, slash);
        return listing(directory).contains(slash < 0 ? name : name.substring(slash + 1));
    }

    /** Forgets every listing (a recipe ran and may have created or removed files). */
    public void invalidate() {
        listings.clear();
    }

    /** The entries of {@code directory}, relative to the base (empty: the base itself) or absolute. */
    private Set<String> listing(String key) {
        Set<String> names = listings.get(key);
        if (names != null) {
            return names;
        }
        // A directory that is missing or cannot be read holds nothing make can see, as for GNU make's dir.c.
        names = kept.listing(base.resolve(key).toAbsolutePath()).map(DirectoryListings.Listing::set).orElse(Set.of());
        listings.put(key, names);
        return names;
    }
}
