package dev.jmake.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The order the recipes of the makes above guarantee, for one make run (all its passes; TRACING.md): what was
 * {@link CompleteBefore complete before} it started, read from its parent job's {@link OrderFile}; the order files it
 * makes for its own recursive jobs; and, at its end, what it and the sub-makes under it completed, appended to its
 * parent's order file for the later sub-makes of the same parent job. Thread-safe.
 */
public final class TreeOrder {
    /** An order file this make made, and how many lines it wrote there itself. */
    private record Made(OrderFile file, int own) {}

    private final Optional<OrderFile> inherited;
    private final CompleteBefore completeBefore;
    private final List<Made> made = new ArrayList<>();
    /** What this make remade or found up to date, kept only when there is a parent's order file to hand it to. */
    private final Set<Path> completed = new LinkedHashSet<>();

    private TreeOrder(Optional<OrderFile> inherited, CompleteBefore completeBefore) {
        this.inherited = inherited;
        this.completeBefore = completeBefore;
    }

    /**
     * The order of a make with {@code environment} in {@code tree} (none for a top make): an order file that cannot
     * be read orders nothing.
     */
    public static TreeOrder of(Map<String, String> environment, Optional<TraceTree> tree) {
        Optional<OrderFile> file = OrderFile.inherited(environment, tree);
        if (file.isEmpty()) {
            return new TreeOrder(Optional.empty(), CompleteBefore.none());
        }
        try {
            return new TreeOrder(file, CompleteBefore.of(file.get().read()));
        } catch (IOException e) {
            return new TreeOrder(Optional.empty(), CompleteBefore.none());
        }
    }

    /** What was complete before this make started. */
    public CompleteBefore completeBefore() {
        return completeBefore;
    }

    /**
     * A new order file in {@code parts} for a job whose (transitive) {@code prerequisites} are complete before its
     * recipe runs: they and what this make inherited.
     */
    public OrderFile orderFile(Path parts, Collection<Path> prerequisites) throws IOException {
        Set<Path> complete = new LinkedHashSet<>(prerequisites);
        complete.addAll(completeBefore.files());
        complete.removeIf(p -> p.toString().indexOf('\n') >= 0); // as the file leaves them out: one line each
        OrderFile file = OrderFile.create(parts, complete);
        synchronized (this) {
            made.add(new Made(file, complete.size()));
        }
        return file;
    }

    /**
     * {@code files} are complete: the targets of a job of this make whose recipe succeeded, or the goals of this make,
     * which ended successfully (remade or up to date: automake's {@code $(MAKE) $(check_PROGRAMS)} when the programs
     * were made before).
     */
    public void completed(Collection<Path> files) {
        if (inherited.isEmpty()) {
            return;
        }
        synchronized (this) {
            completed.addAll(files);
        }
    }

    /**
     * The make ended (not interrupted): appends, in one write, what it completed and what the sub-makes under it
     * appended to its order files, to its parent's order file.
     */
    public synchronized void finish() throws IOException {
        if (inherited.isEmpty()) {
            return;
        }
        Set<Path> done = new LinkedHashSet<>(completed);
        for (Made m : made) {
            List<Path> lines = m.file().read();
            done.addAll(lines.subList(Math.min(m.own(), lines.size()), lines.size()));
        }
        done.removeAll(new HashSet<>(completeBefore.files()));
        inherited.get().append(done);
        completed.clear();
        made.clear();
    }
}
