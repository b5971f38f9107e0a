package dev.jmake.trace;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A job's net effect on the project tree: every path in scope once per kind, with the first process that touched it.
 * A file created and removed again is nothing; a rename is a write of the destination and a removal of the source;
 * a hard or symbolic link is a write of the new name; a read, probe or miss of a path the job itself wrote or
 * removed is not an input. Sequence numbers order events only within one process, so what a job did to a path it
 * both created and removed is decided by whether the path exists once the job is over, not by interleaving
 * processes.
 *
 * @param reads files whose contents were read (including programs in the tree that were run)
 * @param probes paths whose existence or metadata was looked at
 * @param missing paths looked up and not found: negative dependencies
 * @param listings directories whose entries were read
 * @param writes files and directories the job left created or changed
 * @param deletes paths the job removed and did not create
 * @param execs every program run successfully, in scope or not: those traced processes executed, and the commands
 *     make started itself (named by their first process image's program, symbolic links resolved)
 * @param directories the paths among {@code writes} and {@code deletes} that the job made or removed as directories
 *     (mkdir, rmdir): a scratch directory is no output
 */
public record JobEffects(SortedMap<Path, Actor> reads, SortedMap<Path, Actor> probes, SortedMap<Path, Actor> missing,
                         SortedMap<Path, Actor> listings, SortedMap<Path, Actor> writes,
                         SortedMap<Path, Actor> deletes, SortedMap<Path, Actor> execs, Set<Path> directories) {
    public JobEffects {
        reads = frozen(reads);
        probes = frozen(probes);
        missing = frozen(missing);
        listings = frozen(listings);
        writes = frozen(writes);
        deletes = frozen(deletes);
        execs = frozen(execs);
        directories = Set.copyOf(directories);
    }

    private static SortedMap<Path, Actor> frozen(SortedMap<Path, Actor> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    /** Reduces {@code trace} to its net effects inside {@code scope}, judging created paths by the file system now. */
    public static JobEffects of(JobTrace trace, TraceScope scope) {
        Reduction r = new Reduction(scope);
        Set<Integer> pids = new HashSet<>();
        trace.processes().forEach(p -> pids.add(p.pid()));
        Set<Integer> commands = new HashSet<>();
        for (TracedProcess process : trace.processes()) {
            Actor actor = new Actor(process.pid(), process.executable());
            if (!pids.contains(process.parentPid()) && commands.add(process.pid()) && !process.executable().isEmpty()) {
                // A command make itself started: no traced process reported its exec, but it was run.
                r.command(process.executable(), actor);
            }
            List<AccessEvent> events = process.events();
            for (int i = 0; i < events.size(); i++) {
                AccessEvent event = events.get(i);
                if (event instanceof AccessEvent.Exec && !succeeded(events, i)) {
                    continue;
                }
                r.add(event, actor);
            }
        }
        return r.result();
    }

    /**
     * The successful execs and spawns among {@code events}: the shim reports an exec before making it and, if the
     * call returned, a failure of the same path right after.
     */
    static List<AccessEvent.Exec> successfulExecs(List<AccessEvent> events) {
        List<AccessEvent.Exec> execs = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof AccessEvent.Exec exec && succeeded(events, i)) {
                execs.add(exec);
            }
        }
        return execs;
    }

    private static boolean succeeded(List<AccessEvent> events, int i) {
        if (i + 1 >= events.size()) {
            return true;
        }
        String path = events.get(i).path();
        AccessEvent next = events.get(i + 1);
        if (next instanceof AccessEvent.Missing m) {
            return !m.path().equals(path);
        }
        if (next instanceof AccessEvent.Failed f) {
            return !(f.operation().equals("exec") && f.path().equals(path));
        }
        return true;
    }

    /** The per-path bookkeeping while events are replayed. */
    private static final class Reduction {
        private final TraceScope scope;
        private final SortedMap<Path, Actor> reads = new TreeMap<>();
        private final SortedMap<Path, Actor> probes = new TreeMap<>();
        private final SortedMap<Path, Actor> missing = new TreeMap<>();
        private final SortedMap<Path, Actor> listings = new TreeMap<>();
        private final SortedMap<Path, Actor> created = new TreeMap<>();
        private final SortedMap<Path, Actor> removed = new TreeMap<>();
        private final SortedMap<Path, Actor> execs = new TreeMap<>();
        private final Set<Path> directories = new HashSet<>();

        Reduction(TraceScope scope) {
            this.scope = scope;
        }

        void add(AccessEvent event, Actor actor) {
            if (event instanceof AccessEvent.Read e) {
                note(reads, e.path(), actor);
            } else if (event instanceof AccessEvent.Probe e) {
                note(probes, e.path(), actor);
            } else if (event instanceof AccessEvent.Missing e) {
                note(missing, e.path(), actor);
            } else if (event instanceof AccessEvent.Listing e) {
                note(listings, e.path(), actor);
            } else if (event instanceof AccessEvent.Write) {
                note(created, event.path(), actor);
            } else if (event instanceof AccessEvent.MakeDir) {
                note(created, event.path(), actor);
                directories.add(TraceScope.canonical(event.path()));
            } else if (event instanceof AccessEvent.Delete) {
                note(removed, event.path(), actor);
            } else if (event instanceof AccessEvent.RemoveDir) {
                note(removed, event.path(), actor);
                directories.add(TraceScope.canonical(event.path()));
            } else if (event instanceof AccessEvent.Rename e) {
                note(created, e.path(), actor);
                note(e.exchange() ? created : removed, e.source(), actor);
            } else if (event instanceof AccessEvent.Link e) {
                note(reads, e.source(), actor); // linking a generated file depends on it as copying it does
                note(created, e.path(), actor);
            } else if (event instanceof AccessEvent.Symlink e) {
                note(created, e.path(), actor);
            } else if (event instanceof AccessEvent.Exec e) {
                execs.putIfAbsent(TraceScope.canonical(e.path()), actor);
                note(reads, e.path(), actor);
            }
            // AccessEvent.Failed: the call did nothing to the file.
        }

        /** The program of a command make started (as the kernel names it: symbolic links resolved). */
        void command(String executable, Actor actor) {
            execs.putIfAbsent(TraceScope.canonical(executable), actor);
        }

        private void note(SortedMap<Path, Actor> kind, String traced, Actor actor) {
            Path path = TraceScope.canonical(traced);
            if (scope.contains(path)) {
                kind.putIfAbsent(path, actor);
            }
        }

        JobEffects result() {
            SortedMap<Path, Actor> writes = new TreeMap<>();
            SortedMap<Path, Actor> deletes = new TreeMap<>();
            for (Map.Entry<Path, Actor> e : created.entrySet()) {
                if (Files.exists(e.getKey(), LinkOption.NOFOLLOW_LINKS)) {
                    writes.put(e.getKey(), e.getValue());
                }
            }
            for (Map.Entry<Path, Actor> e : removed.entrySet()) {
                if (!created.containsKey(e.getKey())) {
                    deletes.put(e.getKey(), e.getValue());
                }
            }
            for (Path own : created.keySet()) {
                reads.remove(own);
                probes.remove(own);
                missing.remove(own);
            }
            for (Path gone : removed.keySet()) {
                reads.remove(gone);
                probes.remove(gone);
                missing.remove(gone);
            }
            Set<Path> dirs = new HashSet<>();
            for (Path d : directories) {
                if (writes.containsKey(d) || deletes.containsKey(d)) {
                    dirs.add(d);
                }
            }
            return new JobEffects(reads, probes, missing, listings, writes, deletes, execs, dirs);
        }
    }
}
