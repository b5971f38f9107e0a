package dev.jmake.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds the warnings of a build into the lines a person reads: per rule, kind and extension of the job's name, the
 * jobs that did the same thing
 * to their own file ({@code a.o} wrote {@code .depend/a.o.d}, {@code b.o} wrote {@code .depend/b.o.d}) become one
 * line with the jobs' common name as a pattern and the stem substituted back as {@code %}
 * ({@code 2 jobs of rule '%.o' wrote '.depend/%.o.d'}); what is left, one job doing the same thing to many files
 * (a configure script's outputs), becomes one line with the files' common pattern and their count, when they have a
 * directory or an extension in common. A finding whose
 * summary does not start with its quoted job is never folded.
 */
public final class FindingGrouping {
    private FindingGrouping() {}

    /**
     * The lines for {@code findings} (distinct), by makefile and line of their rule, then in the order of each line's
     * first finding.
     */
    public static List<FindingGroup> of(List<FindingText> findings) {
        Map<String, List<FindingText>> partitions = new LinkedHashMap<>();
        for (FindingText f : findings) {
            // Jobs of one rule with other extensions (a rule of several targets, or built by hand) are another shape.
            partitions.computeIfAbsent(f.rule() + "\0" + f.kind() + "\0" + extension(f.job()),
                    k -> new ArrayList<>()).add(f);
        }
        List<FindingGroup> groups = new ArrayList<>();
        for (List<FindingText> partition : partitions.values()) {
            List<FindingText> left = byJobs(partition, groups);
            byPaths(left, groups);
        }
        Map<FindingText, Integer> order = new IdentityHashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            order.putIfAbsent(findings.get(i), i);
        }
        // By makefile and line, so that the lines come in the same order whichever job or sub-make finished first.
        groups.sort(Comparator.<FindingGroup, String>comparing(g -> g.first().makefile())
                .thenComparingInt(g -> g.first().line()).thenComparingInt(g -> order.get(g.first())));
        return groups;
    }

    /** Folds findings of several jobs into "N jobs of rule 'T'" lines; returns the findings left alone. */
    private static List<FindingText> byJobs(List<FindingText> partition, List<FindingGroup> groups) {
        Set<String> jobs = new LinkedHashSet<>();
        partition.stream().filter(FindingGrouping::foldable).forEach(f -> jobs.add(f.job()));
        if (jobs.size() < 2) {
            return partition;
        }
        NameTemplate template = NameTemplate.common(jobs);
        String job = template.pattern();
        // Each finding may read as several shapes (its path as is, or with the stem at one place or another): the
        // one most findings share is the line it joins.
        Map<FindingText, List<Shape>> candidates = new LinkedHashMap<>();
        Map<String, Integer> shared = new HashMap<>();
        for (FindingText f : partition) {
            if (!foldable(f)) {
                continue;
            }
            List<Shape> shapes = new ArrayList<>();
            for (String path : pathTemplates(f.path(), template.stem(f.job()))) {
                Shape shape = Shape.of(f, job, path);
                shapes.add(shape);
                shared.merge(shape.key(), 1, Integer::sum);
            }
            candidates.put(f, shapes);
        }
        Map<String, List<FindingText>> byShape = new LinkedHashMap<>();
        Map<String, Shape> shapes = new HashMap<>();
        for (Map.Entry<FindingText, List<Shape>> e : candidates.entrySet()) {
            Shape best = e.getValue().get(0);
            for (Shape s : e.getValue()) {
                if (shared.get(s.key()) > shared.get(best.key())) {
                    best = s;
                }
            }
            byShape.computeIfAbsent(best.key(), k -> new ArrayList<>()).add(e.getKey());
            shapes.putIfAbsent(best.key(), best);
        }
        List<FindingText> left = new ArrayList<>();
        Set<FindingText> folded = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, List<FindingText>> e : byShape.entrySet()) {
            List<FindingText> members = e.getValue();
            if (members.size() < 2) {
                continue;
            }
            Shape shape = shapes.get(e.getKey());
            String subject = members.size() + " jobs of rule '" + job + "'";
            groups.add(new FindingGroup(members, line(members.get(0).rule(), subject
                    + shape.rest().replace(" of its rule", " of their rule"), shape.fix())));
            folded.addAll(members);
        }
        for (FindingText f : partition) {
            if (!folded.contains(f)) {
                left.add(f);
            }
        }
        return left;
    }

    /** Folds findings of one job about several files into one line with the files' pattern; the rest alone. */
    private static void byPaths(List<FindingText> left, List<FindingGroup> groups) {
        Map<String, List<FindingText>> byShape = new LinkedHashMap<>();
        for (FindingText f : left) {
            String key = foldable(f) && !f.path().isEmpty()
                    ? f.job() + "\0" + Shape.of(f, f.job(), "\0").key() : "\0" + byShape.size();
            byShape.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        for (List<FindingText> members : byShape.values()) {
            FindingText first = members.get(0);
            String pattern = NameTemplate.common(members.stream().map(FindingText::path).toList()).pattern();
            if (members.size() < 2 || pattern.equals("%")) {
                // Files with no directory or extension in common (zlib's libz.so, libz.so.1) read better one by one.
                members.forEach(f -> groups.add(FindingGroup.of(f)));
                continue;
            }
            Shape shape = Shape.of(first, first.job(), pattern);
            String counted = "'" + pattern + "' (" + members.size() + " paths)";
            groups.add(new FindingGroup(members, line(first.rule(), "'" + first.job() + "'"
                    + shape.rest().replaceFirst(Pattern.quote("'" + pattern + "'"),
                            Matcher.quoteReplacement(counted)), shape.fix())));
        }
    }

    /** {@code .tar.gz} of {@code dir/x.tar.gz}: from the first dot of the last name on, or "". */
    private static String extension(String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        int dot = last.indexOf('.', 1);
        return dot < 0 ? "" : last.substring(dot);
    }

    private static String line(String rule, String summary, String fix) {
        return rule + ": warning: [trace] " + summary + (fix.isEmpty() ? "" : "; " + fix);
    }

    /** Whether the finding's summary starts with its quoted job, as every kind's does. */
    private static boolean foldable(FindingText f) {
        return f.summary().startsWith("'" + f.job() + "'");
    }

    /**
     * The ways {@code path} may read with {@code stem} as {@code %}: as it is, then with the stem replaced where it
     * starts a path component, then anywhere else it occurs.
     */
    private static List<String> pathTemplates(String path, String stem) {
        List<String> templates = new ArrayList<>();
        templates.add(path);
        if (stem.isEmpty() || path.isEmpty()) {
            return templates;
        }
        List<String> elsewhere = new ArrayList<>();
        for (int i = path.indexOf(stem); i >= 0; i = path.indexOf(stem, i + 1)) {
            String t = path.substring(0, i) + "%" + path.substring(i + stem.length());
            (i == 0 || path.charAt(i - 1) == '/' ? templates : elsewhere).add(t);
        }
        templates.addAll(elsewhere);
        return templates;
    }

    /**
     * A finding with its job and path replaced by templates: {@code rest} is the summary after the quoted job.
     */
    private record Shape(String rule, String kind, String rest, String fix) {
        static Shape of(FindingText f, String job, String path) {
            String rest = f.summary().substring(f.job().length() + 2);
            String fix = f.fix();
            if (!f.path().isEmpty()) {
                rest = rest.replace("'" + f.path() + "'", "'" + path + "'");
                fix = fix.replace("'" + f.path() + "'", "'" + path + "'");
            }
            fix = fix.replace("'" + f.job() + "'", "'" + job + "'");
            return new Shape(f.rule(), f.kind(), rest, fix);
        }

        String key() {
            return rule + "\0" + kind + "\0" + rest + "\0" + fix;
        }
    }
}
