package dev.jmake.watch;

import dev.jmake.eval.DirectoryListings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A directory under an inotify watch, by the path jmake names it with: the times kept for names in it, and the
 * watched directories one component below it (an event naming that component ends what is kept under it).
 */
final class WatchedDirectory {
    final String path;
    final int watch;
    final WatchedDirectory parent;
    /** The component of {@link #path} below {@link #parent}. */
    final String component;
    /** Names whose time is kept (a regular file with one link, or none at all: {@code DiskTimes.MISSING}). */
    final Map<String, Long> times = new HashMap<>();
    final Map<String, List<WatchedDirectory>> children = new HashMap<>();
    /** Its names as last read, while no name in it was created, removed or renamed since; null: none kept. */
    DirectoryListings.Listing listing;
    /** Counts the events seen for this directory: a time read before an event is not kept. */
    long generation;
    boolean alive = true;

    WatchedDirectory(String path, int watch, WatchedDirectory parent, String component) {
        this.path = path;
        this.watch = watch;
        this.parent = parent;
        this.component = component;
    }

    void addChild(WatchedDirectory child) {
        children.computeIfAbsent(child.component, c -> new ArrayList<>(1)).add(child);
    }

    void removeChild(WatchedDirectory child) {
        List<WatchedDirectory> named = children.get(child.component);
        if (named != null) {
            named.remove(child);
            if (named.isEmpty()) {
                children.remove(child.component);
            }
        }
    }
}
