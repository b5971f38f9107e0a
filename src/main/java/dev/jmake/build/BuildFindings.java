package dev.jmake.build;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jmake.syntax.Location;
import dev.jmake.trace.CompleteBefore;
import dev.jmake.trace.FindingGroup;
import dev.jmake.trace.FindingGrouping;
import dev.jmake.trace.FindingText;
import dev.jmake.trace.OrderFile;
import dev.jmake.trace.ShimLibrary;
import dev.jmake.trace.TracePart;
import dev.jmake.trace.TraceReport;
import dev.jmake.trace.TraceSummary;
import dev.jmake.trace.TraceTree;
import dev.jmake.trace.TreeOrder;
import dev.jmake.trace.TreeReport;
import dev.jmake.ui.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The trace findings of one make run, across the passes its restarts make (each finding printed once), and in the
 * top make of a tree, of its sub-makes too ({@link TraceTree}). Under {@code --trace=warn} a finished job's warnings
 * wait for the end of the build, where the top make prints them once, {@link FindingGrouping grouped}, then
 * the summary line; a failed job's (and {@code --trace=error}'s) are printed at once, since they explain a failure.
 * A sub-make hands its findings and report to the top instead of printing them. Thread-safe.
 */
public final class BuildFindings {
    /** How many default reports the cache keeps (one per top directory): the most recently written. */
    static final int KEPT_REPORTS = 32;
    /** This make's directory (real). */
    private final Path directory;
    /** The tree this make is a sub-make of, if it is one. */
    private final Optional<TraceTree> parent;
    /** What the recipes of the makes above guarantee done before this one started, and what it hands back. */
    private final TreeOrder order;
    /**
     * The cache directory the report goes to when no {@code --trace-report} is given (a top make with findings):
     * its name is made only then (a digest, at every sub-make's start otherwise).
     */
    private final Path cache;
    private final Map<String, FindingText> warnings = new LinkedHashMap<>();
    private final Set<String> shown = new HashSet<>();
    /** The reports of this make's passes, made into JSON only when a report is written. */
    private final List<TraceReport> reports = new ArrayList<>();
    private Optional<Path> reportFile = Optional.empty();
    /** The tree of the top make, made when its first recipe runs. */
    private TraceTree tree;
    private boolean traced;
    private boolean hinted;
    private boolean abandoned;

    private BuildFindings(Path directory, Optional<TraceTree> parent, TreeOrder order, Path cache) {
        this.directory = directory;
        this.parent = parent;
        this.order = order;
        this.cache = cache;
    }

    /**
     * The findings of the make in {@code directory} with {@code environment} (a sub-make when it names a live tree);
     * {@code home} is the user's home, for the default report in the cache directory.
     */
    public static BuildFindings of(Map<String, String> environment, Path directory, Path home) {
        Path real = directory.toAbsolutePath().normalize();
        try {
            real = real.toRealPath(); // as the tracer names paths, and as the top make names its directory
        } catch (IOException e) {
            // a directory that is gone is named as given
        }
        Optional<TraceTree> parent = TraceTree.of(environment);
        return new BuildFindings(real, parent, TreeOrder.of(environment, parent),
                ShimLibrary.cacheDirectory(environment, home));
    }

    /**
     * {@code $XDG_CACHE_HOME/jmake/trace/NAME-HASH.json}: one per top directory (its last name and a digest of its
     * path), replaced by each build of it, out of the tree (where a file GNU make would not write would be a
     * difference).
     */
    static Path defaultReport(Path cache, Path top) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(top.toString().getBytes(StandardCharsets.UTF_8));
            Path name = top.getFileName();
            return cache.resolve("trace").resolve((name == null ? "root" : name.toString()) + "-"
                    + HexFormat.of().formatHex(digest, 0, 4) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** The top make's directory: this make's own, unless it is a sub-make. */
    Path top() {
        return parent.map(TraceTree::top).orElse(directory);
    }

    /** This make's directory relative to the top make's ({@code .} for the top, absolute when outside it). */
    String relativeDirectory() {
        Path top = top();
        if (!directory.startsWith(top)) {
            return directory.toString();
        }
        return directory.equals(top) ? "." : top.relativize(directory).toString();
    }

    /** {@code location} as the top make names it: {@code lib/Makefile:12} for a sub-make's {@code Makefile:12}. */
    Location seenFromTop(Location location) {
        if (location == null || location.isBuiltin() || parent.isEmpty()) {
            return location;
        }
        Path file = directory.resolve(location.file()).normalize();
        Path top = top();
        return new Location(file.startsWith(top) ? top.relativize(file).toString() : file.toString(),
                location.line());
    }

    /**
     * The name a path seen from the top ({@code lib/x.d}) has in this make's directory ({@code x.d}): as its
     * {@code .JMAKE_TRACE_IGNORE} and its GNU-style messages name it.
     */
    String localName(String path) {
        String dir = relativeDirectory();
        return dir.equals(".") || !path.startsWith(dir + "/") ? path : path.substring(dir.length() + 1);
    }

    /** The variables that make a jmake run by a recipe a sub-make of this build; creates the tree if needed. */
    synchronized Map<String, String> treeVariables() throws IOException {
        if (parent.isPresent()) {
            return Map.of(TraceTree.TOP_VARIABLE, parent.get().top().toString(),
                    TraceTree.PARTS_VARIABLE, parent.get().parts().toString());
        }
        if (tree == null) {
            tree = TraceTree.create(directory);
        }
        return Map.of(TraceTree.TOP_VARIABLE, tree.top().toString(), TraceTree.PARTS_VARIABLE, tree.parts().toString());
    }

    /** The files complete before this make started, as its parent's recipe guarantees. */
    CompleteBefore completeBefore() {
        return order.completeBefore();
    }

    /**
     * A new order file in the tree's parts directory for a job whose (transitive) {@code prerequisites} are complete
     * before its sub-makes start; creates the tree if needed.
     */
    synchronized OrderFile orderFile(Collection<Path> prerequisites) throws IOException {
        if (parent.isEmpty() && tree == null) {
            tree = TraceTree.create(directory);
        }
        return order.orderFile(parent.map(TraceTree::parts).orElseGet(() -> tree.parts()), prerequisites);
    }

    /** A job of this make remade {@code targets}: complete for the later sub-makes of its parent's job. */
    void remade(Collection<Path> targets) {
        order.completed(targets);
    }

    /**
     * This make ended successfully: its command-line {@code goals} (relative to its directory) are complete, remade
     * or up to date, for the later sub-makes of its parent's job.
     */
    public void succeeded(List<String> goals) {
        order.completed(goals.stream().map(g -> directory.resolve(g).normalize()).toList());
    }

    /**
     * Records {@code found}, the warnings of a finished job; returns those to print now: with {@code immediate} (a
     * failed job, {@code --trace=error}) the ones not printed before, else none.
     */
    synchronized List<FindingText> record(List<FindingText> found, boolean immediate) {
        traced = true;
        List<FindingText> now = new ArrayList<>();
        for (FindingText f : found) {
            warnings.putIfAbsent(f.key(), f);
            if (immediate && shown.add(f.key())) {
                now.add(f);
            }
        }
        return now;
    }

    /**
     * How to silence a finding, once per build, with the first of {@code printed} it applies to as the example: a
     * user who means what the recipe does should not have to look the special target up.
     */
    synchronized Optional<String> hint(List<FindingText> printed) {
        Optional<FindingText> example = printed.stream().filter(f -> !f.ignoreName().isEmpty()).findFirst();
        if (hinted || example.isEmpty()) {
            return Optional.empty();
        }
        hinted = true;
        FindingText f = example.get();
        return Optional.of("[trace] to silence a finding you intend, name its file in the makefile: "
                + ".JMAKE_TRACE_IGNORE: " + f.ignoreName() + (f.directory().equals(".") ? "" : " (in " + f.makefile() + ")"));
    }

    /** Whether this make is a sub-make of a traced tree (it hands its part to the top). */
    boolean subMake() {
        return parent.isPresent();
    }

    /** A pass ended: its report, and its {@code --trace-report} file. */
    synchronized void report(TraceReport report, Optional<Path> file) {
        traced = true;
        reports.add(report);
        if (file.isPresent()) {
            reportFile = file;
        }
    }

    /** An interrupt: nothing is printed or written at the end. */
    synchronized void abandon() {
        abandoned = true;
    }

    /**
     * The build is over: a sub-make hands what it completed to its parent's {@link TreeOrder} (unless interrupted),
     * and its part to the top (and writes its own {@code --trace-report} if given one); the top prints the warnings
     * not printed yet, grouped, how to silence one, and the summary line, and writes the report of the whole tree.
     * Nothing else at all when nothing was traced or there is no finding.
     */
    public synchronized void finish(Diagnostics ui) {
        if (!abandoned) {
            try {
                order.finish();
            } catch (IOException e) {
                ui.error("warning: I/O trace order: " + e.getMessage());
            }
        }
        try {
            if (abandoned || !traced) {
                return;
            }
            if (parent.isPresent()) {
                List<JsonObject> own = json(reports);
                parent.get().write(new TracePart(relativeDirectory(), TreeReport.of(own, List.of()),
                        List.copyOf(warnings.values()), List.copyOf(shown), hinted));
                if (reportFile.isPresent()) {
                    TreeReport.write(reportFile.get(), TreeReport.of(own,
                            FindingGrouping.of(List.copyOf(warnings.values()))));
                }
                return;
            }
            List<JsonObject> parts = new ArrayList<>();
            if (tree != null) {
                for (TracePart part : tree.read()) {
                    parts.add(part.report());
                    part.findings().forEach(f -> warnings.putIfAbsent(f.key(), f));
                    shown.addAll(part.shown());
                    hinted |= part.hinted();
                }
            }
            List<FindingText> distinct = List.copyOf(warnings.values());
            List<FindingText> unshown = distinct.stream().filter(f -> !shown.contains(f.key())).toList();
            List<FindingGroup> lines = FindingGrouping.of(unshown);
            if (!lines.isEmpty()) {
                ui.out().flush();
                lines.forEach(g -> ui.err().println(g.message()));
                hint(lines.stream().flatMap(g -> g.members().stream()).toList())
                        .ifPresent(h -> ui.err().println(ui.prefix() + ": " + h));
                ui.err().flush();
            }
            if (reportFile.isEmpty() && distinct.isEmpty()) {
                return;
            }
            Path file = reportFile.orElseGet(() -> defaultReport(cache, directory));
            List<JsonObject> all = json(reports);
            all.addAll(parts);
            TreeReport.write(file, TreeReport.of(all, FindingGrouping.of(distinct)));
            if (reportFile.isEmpty()) {
                pruneReports(file.getParent());
            }
            ui.status().traceFindings(distinct.size());
            if (!distinct.isEmpty()) {
                ui.err().println(TraceSummary.of(distinct, file).line(ui.prefix()));
                ui.err().flush();
            }
        } catch (IOException e) {
            ui.error("warning: I/O trace report: " + e.getMessage());
        } finally {
            removeTree(ui);
        }
    }

    /**
     * Keeps the {@link #KEPT_REPORTS} most recent reports in {@code directory}: builds of throwaway directories (a
     * test suite's) would otherwise fill the cache with one each.
     */
    static void pruneReports(Path directory) throws IOException {
        List<Path> reports = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.json")) {
            entries.forEach(reports::add);
        }
        if (reports.size() <= KEPT_REPORTS) {
            return;
        }
        Map<Path, FileTime> modified = new HashMap<>();
        for (Path report : reports) {
            try {
                modified.put(report, Files.getLastModifiedTime(report));
            } catch (NoSuchFileException e) {
                // another build pruned it
            }
        }
        List<Path> oldestFirst = modified.keySet().stream().sorted(Comparator.comparing(modified::get)).toList();
        for (Path old : oldestFirst.subList(0, Math.max(0, oldestFirst.size() - KEPT_REPORTS))) {
            Files.deleteIfExists(old);
        }
    }

    /** The documents of {@code passes}: the cost of a report is paid only when one is written. */
    private static List<JsonObject> json(List<TraceReport> passes) {
        List<JsonObject> documents = new ArrayList<>();
        for (TraceReport report : passes) {
            documents.add(JsonParser.parseString(report.toJson()).getAsJsonObject());
        }
        return documents;
    }

    private void removeTree(Diagnostics ui) {
        if (tree == null) {
            return;
        }
        try {
            tree.remove();
        } catch (IOException e) {
            ui.error("warning: cannot remove " + tree.parts() + ": " + e.getMessage());
        }
        tree = null;
    }
}
