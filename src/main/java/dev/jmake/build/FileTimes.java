package dev.jmake.build;

import dev.jmake.graph.LibrarySearch;
import dev.jmake.graph.TargetGraph;
import dev.jmake.graph.VpathSearch;

/**
 * The times the build compares: a file's own ({@code -W} files newest, {@code -o} files oldest), through the search
 * path, and as dependents see it once it was updated (remake.c f_mtime and the {@code last_mtime} it caches).
 */
final class FileTimes {
    private final BuildOptions options;
    /** The -n, -q and -t in force (off while a makefile is remade). */
    private final ExecutionModes modes;
    private final Timestamps timestamps;
    private final VpathSearch vpath;
    private final LibrarySearch libraries;
    private final TargetGraph graph;
    private final FileNodes nodes;

    /** {@code -B} and {@code -W} are off for now (remaking the makefiles after a restart). */
    private boolean whatIfSuspended;

    FileTimes(BuildOptions options, Timestamps timestamps, VpathSearch vpath, TargetGraph graph, FileNodes nodes) {
        this(options, new ExecutionModes(options), timestamps, vpath, null, graph, nodes);
    }

    /** {@code libraries}: where {@code -lNAME} prerequisites are looked for (null: nowhere). */
    FileTimes(BuildOptions options, ExecutionModes modes, Timestamps timestamps, VpathSearch vpath,
              LibrarySearch libraries, TargetGraph graph, FileNodes nodes) {
        this.libraries = libraries;
        this.options = options;
        this.modes = modes;
        this.timestamps = timestamps;
        this.vpath = vpath;
        this.graph = graph;
        this.nodes = nodes;
    }

    /**
     * main.c: after a restart, {@code -B} and {@code -W} do not apply while the makefiles are remade again (else
     * they would be remade forever); they apply to the goals.
     */
    void suspendWhatIf(boolean suspended) {
        whatIfSuspended = suspended;
    }

    /** {@code -B}, unless suspended. */
    boolean alwaysMake() {
        return options.alwaysMake() && !whatIfSuspended;
    }

    /** The file's time, {@code -W} files newer than anything. */
    long own(String name) {
        // file.c lookup_file strips a leading ./: a name vpath found as ./dir/x is the file dir/x.
        if (!whatIfSuspended && options.newFiles().contains(TargetGraph.normalize(name))) {
            return Timestamps.NEWEST;
        }
        // file.c snap_deps: a phony target is nonexistent, never looked for on disk, before its recipe or after it
        // (remake.c notice_finished_file leaves its time alone).
        if (graph.isPhony(TargetGraph.normalize(name))) {
            return Timestamps.MISSING;
        }
        return timestamps.of(name);
    }

    /** The file's time, looked for through the search path if missing here. */
    long searched(String name) {
        long t = own(name);
        if (t == Timestamps.MISSING) {
            String found = find(name);
            if (found != null) {
                return own(found);
            }
        }
        return t;
    }

    /**
     * remake.c f_mtime: where a file missing here is found, through the search path or, for {@code -lNAME}, as a
     * library; null if nowhere.
     */
    String find(String name) {
        String found = vpath.find(name);
        if (found == null && libraries != null) {
            found = libraries.find(name);
        }
        return found;
    }

    /** The time dependents compare with: as known once updated, else on disk, a missing file newest. */
    long afterUpdate(String name) {
        FileNode node = nodes.find(name);
        if (node != null && node.timeAfter != null) {
            return node.timeAfter;
        }
        long now = searched(name);
        return now == Timestamps.MISSING ? Timestamps.NEWEST : now;
    }

    /** The time GNU make sees for a prerequisite after updating it: assumed new under -n -q -t once remade. */
    long seen(String name) {
        if (options.oldFiles().contains(name)) {
            return Timestamps.OLDEST;
        }
        FileNode node = nodes.find(name);
        if (node != null && node.recipeStarted && !graph.isPhony(name)
                && (modes.justPrint() || modes.question() || modes.touch())) {
            return Timestamps.NEWEST;
        }
        return searched(name);
    }

    /** remake.c's {@code d->changed}: the file's time moved while it was updated, or it was missing before. */
    boolean changedInThisRun(String name, long after) {
        FileNode node = nodes.find(name);
        Long before = node == null ? null : node.timeBefore;
        return before == null ? after == Timestamps.MISSING : before == Timestamps.MISSING || before != after;
    }
}
