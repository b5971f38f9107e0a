package dev.jmake.build;

import dev.jmake.syntax.Strerror;
import dev.jmake.graph.TargetGraph;
import dev.jmake.ui.Diagnostics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The intermediate files of a run (made by an implicit chain, or {@code .INTERMEDIATE}): which files are, the ones
 * made, and their removal at the end or on an interrupt (remake.c remove_intermediates).
 */
final class IntermediateFiles {
    private final TargetGraph graph;
    private final BuildOptions options;
    /** The -n, -q and -t in force (off while a makefile is remade). */
    private final ExecutionModes modes;
    private final FileNodes nodes;
    private final Timestamps timestamps;
    private final Diagnostics ui;
    private final DecisionLog log;
    private final Set<String> goals = new HashSet<>();
    /** Intermediate files whose recipe ran in this run, in order: removed at the end (read by a signal's thread). */
    private final Set<String> made = Collections.synchronizedSet(new LinkedHashSet<>());
    /** Set once they were removed (at the end, or by an interrupt from another thread). */
    private final AtomicBoolean removed = new AtomicBoolean();

    IntermediateFiles(TargetGraph graph, BuildOptions options, ExecutionModes modes, FileNodes nodes,
                      Timestamps timestamps, Diagnostics ui, DecisionLog log) {
        this.graph = graph;
        this.options = options;
        this.modes = modes;
        this.nodes = nodes;
        this.timestamps = timestamps;
        this.ui = ui;
        this.log = log;
    }

    /** A goal is never intermediate. */
    void goal(String name) {
        goals.add(name);
    }

    /** True if {@code name} is an intermediate file: made by an implicit chain, or {@code .INTERMEDIATE}. */
    boolean isIntermediate(String name) {
        // Asked of every prerequisite: the rare yes first, the goal and phony checks only for it.
        FileNode node = nodes.find(name);
        return (node != null && node.chainIntermediate || graph.isDeclaredIntermediate(name))
                && !goals.contains(name) && !graph.isPhony(name);
    }

    /** The recipe of intermediate file {@code name} ran: it goes at the end. */
    void made(String name) {
        made.add(name);
    }

    /**
     * Deletes the intermediate files made, printing one {@code rm} line; on a {@code signal} (any thread), each
     * with {@code *** Deleting intermediate file 'x'} and no {@code rm} line.
     */
    void remove(boolean signal) {
        if (modes.question() || modes.touch() || graph.allSecondary() || (signal && modes.justPrint())) {
            return;
        }
        if (removed.getAndSet(true)) {
            return;
        }
        List<String> names;
        synchronized (made) {
            names = new ArrayList<>(made);
        }
        List<String> deleted = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String name : FileTableOrder.sort(names)) {
            if (graph.isPrecious(name)) {
                continue;
            }
            if (signal) {
                try {
                    if (timestamps.delete(name)) {
                        ui.error("*** Deleting intermediate file '" + name + "'");
                    }
                } catch (IOException e) {
                    ui.error("unlink: " + name + ": " + Strerror.of(e));
                }
                continue;
            }
            if (!modes.justPrint()) {
                try {
                    if (!timestamps.delete(name)) {
                        continue;
                    }
                } catch (IOException e) {
                    // remake.c: named in the rm line all the same, then perror_with_name ("\nunlink: ").
                    failures.add("unlink: " + name + ": " + Strerror.of(e));
                }
            }
            deleted.add(name);
        }
        if (!deleted.isEmpty()) {
            log.basic(0, "Removing intermediate files...");
        }
        if (!deleted.isEmpty() && !options.silent() && !graph.specialAppliesToAll(".SILENT")) {
            ui.info("rm " + String.join(" ", deleted));
        }
        failures.forEach(ui::error);
    }
}
