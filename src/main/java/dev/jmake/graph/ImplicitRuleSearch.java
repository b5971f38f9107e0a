package dev.jmake.graph;

import dev.jmake.eval.PatternRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * GNU make's implicit rule search (implicit.c): candidate pattern rules ordered by stem length (shortest first,
 * then reading order); a rule applies when every prerequisite exists, ought to exist (is mentioned in the makefile),
 * or — in a second pass — can itself be made by a pattern rule (an intermediate file).
 */
public final class ImplicitRuleSearch {
    private static final int MAX_CHAIN = 8;
    private final TargetGraph graph;
    private final Path directory;
    private final VpathSearch vpath;
    private final PrerequisiteExpansion secondExpansion;

    public ImplicitRuleSearch(TargetGraph graph, Path directory) {
        this(graph, directory, VpathSearch.none(directory), null);
    }

    /**
     * A search where prerequisites also exist when found through {@code vpath}, and (if {@code secondExpansion}
     * is not null and the makefile has {@code .SECONDEXPANSION}) pattern prerequisites are expanded again.
     */
    public ImplicitRuleSearch(TargetGraph graph, Path directory, VpathSearch vpath,
                              PrerequisiteExpansion secondExpansion) {
        this.graph = graph;
        this.directory = directory;
        this.vpath = vpath;
        this.secondExpansion = secondExpansion;
    }

    /** The rule that makes {@code name}, or null. */
    public ImplicitMatch find(String name) {
        return find(name, 0, new ArrayList<>());
    }

    private record Candidate(PatternRule rule, String pattern, String stem, int order) {}

    private ImplicitMatch find(String name, int depth, List<PatternRule> inUse) {
        if (depth > MAX_CHAIN) {
            return null;
        }
        List<Candidate> candidates = new ArrayList<>();
        int order = 0;
        boolean specificMatch = false;
        for (PatternRule rule : graph.patternRules()) {
            order++;
            if (inUse.contains(rule)) {
                continue;
            }
            for (String target : rule.targets()) {
                Pattern pattern = Pattern.of(target);
                String stem = pattern.match(name);
                if (stem != null) {
                    specificMatch |= !pattern.matchesAnything();
                    // A rule with neither prerequisites nor recipe only marks a specific match (implicit.c).
                    if (rule.recipe() != null) {
                        candidates.add(new Candidate(rule, target, stem, order));
                    }
                    break;
                }
            }
        }
        candidates.sort(Comparator.comparingInt((Candidate c) -> c.stem().length())
                .thenComparingInt(Candidate::order));
        for (int pass = 0; pass < 2; pass++) {
            for (Candidate c : candidates) {
                boolean anything = Pattern.of(c.pattern()).matchesAnything();
                // A non-terminal match-anything rule is not used when a specific rule matched (implicit.c).
                if (anything && !c.rule().terminal() && specificMatch) {
                    continue;
                }
                if (depth > 0 && anything && !c.rule().terminal()) {
                    continue;
                }
                ImplicitMatch match = tryRule(c, name, pass, depth, inUse);
                if (match != null) {
                    return match;
                }
            }
        }
        return null;
    }

    private ImplicitMatch tryRule(Candidate c, String name, int pass, int depth, List<PatternRule> inUse) {
        String dirPart = directoryPrefixToRestore(c.pattern(), name);
        String stem = c.stem();
        String bareStem = dirPart.isEmpty() ? stem : stem.substring(dirPart.length());
        List<String> prerequisites = expandAll(c.rule().prerequisites(), name, stem, bareStem, dirPart);
        List<String> orderOnly = expandAll(c.rule().orderOnly(), name, stem, bareStem, dirPart);
        List<String> intermediates = new ArrayList<>();
        for (String p : prerequisites) {
            if (exists(p) || graph.isMentioned(p)) {
                continue;
            }
            if (pass == 0 || c.rule().terminal() || !chainable(p, c.rule(), depth, inUse)) {
                return null;
            }
            intermediates.add(p);
        }
        List<String> targets = new ArrayList<>();
        for (String t : c.rule().targets()) {
            targets.add(substituteTarget(t, stem, bareStem, dirPart));
        }
        return new ImplicitMatch(c.rule(), stem, prerequisites, orderOnly, targets, intermediates);
    }

    private List<String> expandAll(List<String> patterns, String name, String stem, String bareStem,
                                   String dirPart) {
        List<String> out = new ArrayList<>();
        for (String p : patterns) {
            out.add(expandPrerequisite(p, stem, bareStem, dirPart));
        }
        if (secondExpansion == null || !graph.secondExpansion() || out.isEmpty()) {
            return out;
        }
        List<String> expanded = new ArrayList<>();
        for (String word : secondExpansion.expand(String.join(" ", out), name, stem)) {
            expanded.add(TargetGraph.normalize(word));
        }
        return expanded;
    }

    private boolean chainable(String prerequisite, PatternRule rule, int depth, List<PatternRule> inUse) {
        inUse.add(rule);
        try {
            return find(prerequisite, depth + 1, inUse) != null;
        } finally {
            inUse.remove(inUse.size() - 1);
        }
    }

    private boolean exists(String name) {
        return Files.exists(directory.resolve(name)) || vpath.find(name) != null;
    }

    /** The directory GNU make removed before matching a slash-less pattern (to be put back on prerequisites). */
    private static String directoryPrefixToRestore(String pattern, String name) {
        if (pattern.indexOf('/') >= 0) {
            return "";
        }
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash + 1);
    }

    private static String expandPrerequisite(String prerequisite, String stem, String bareStem, String dirPart) {
        if (!Pattern.isPattern(prerequisite)) {
            return prerequisite;
        }
        Pattern p = Pattern.of(prerequisite);
        // GNU: a prerequisite pattern without a slash gets the target's directory in front of it.
        if (!dirPart.isEmpty() && prerequisite.indexOf('/') < 0) {
            return dirPart + p.substitute(bareStem);
        }
        return p.substitute(stem);
    }

    private static String substituteTarget(String target, String stem, String bareStem, String dirPart) {
        Pattern p = Pattern.of(target);
        if (!dirPart.isEmpty() && target.indexOf('/') < 0) {
            return dirPart + p.substitute(bareStem);
        }
        return p.substitute(stem);
    }
}
