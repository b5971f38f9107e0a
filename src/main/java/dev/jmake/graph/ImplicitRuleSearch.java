package dev.jmake.graph;

import dev.jmake.archive.ArArchive;
import dev.jmake.archive.ArchiveMemberName;
import dev.jmake.eval.Glob;
import dev.jmake.eval.PatternRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GNU make's implicit rule search (implicit.c): candidate pattern rules ordered by stem length (shortest first,
 * then reading order); a rule applies when every prerequisite exists, ought to exist (is mentioned in the makefile),
 * or — in a second pass — can itself be made by a pattern rule (an intermediate file).
 */
public final class ImplicitRuleSearch {
    private static final int MAX_CHAIN = 8;
    private final TargetGraph graph;
    private final VpathSearch vpath;
    private final PatternPrerequisites prerequisiteNames;
    private final DirectoryCache files;
    private final Path directory;
    private final List<CompiledPatternRule> rules;
    /** Rule indexes by the suffix of a target pattern: only rules whose suffix ends the name can match it. */
    private final Map<String, List<Integer>> rulesBySuffix = new HashMap<>();
    /** The suffixes of {@link #rulesBySuffix} by their last character ("" under none), each with a bit. */
    private final Map<Character, List<String>> suffixesByLastChar = new HashMap<>();
    private final Map<String, Long> suffixBits = new HashMap<>();
    /** {@link #rulesEnding} by the set of suffixes a name ends with (when there are at most 64 suffixes). */
    private final Map<Long, List<CompiledPatternRule>> rulesBySuffixSet = new HashMap<>();
    /** Files found impossible to make as intermediates (GNU's file_impossible), so chains are not searched again. */
    private final Set<String> impossible = new HashSet<>();

    public ImplicitRuleSearch(TargetGraph graph, Path directory) {
        this(graph, directory, VpathSearch.none(directory), null, new DirectoryCache(directory));
    }

    /**
     * A search where prerequisites also exist when found through {@code vpath}, and (if {@code secondExpansion}
     * is not null and the makefile has {@code .SECONDEXPANSION}) pattern prerequisites are expanded again.
     */
    public ImplicitRuleSearch(TargetGraph graph, Path directory, VpathSearch vpath,
                              PrerequisiteExpansion secondExpansion, DirectoryCache files) {
        this.graph = graph;
        this.vpath = vpath;
        this.files = files;
        this.directory = directory;
        this.prerequisiteNames = new PatternPrerequisites(new Glob(directory),
                graph.secondExpansion() ? secondExpansion : null);
        this.rules = CompiledPatternRule.compile(graph.patternRules());
        for (int i = 0; i < rules.size(); i++) {
            for (Pattern target : rules.get(i).targets()) {
                List<Integer> indexes = rulesBySuffix.computeIfAbsent(target.suffix(), k -> new ArrayList<>());
                if (indexes.isEmpty() || indexes.get(indexes.size() - 1) != i) {
                    indexes.add(i);
                }
            }
        }
        for (String suffix : rulesBySuffix.keySet()) {
            if (rulesBySuffix.size() <= Long.SIZE) {
                suffixBits.put(suffix, 1L << suffixBits.size());
            }
            if (!suffix.isEmpty()) {
                suffixesByLastChar.computeIfAbsent(suffix.charAt(suffix.length() - 1), c -> new ArrayList<>())
                        .add(suffix);
            }
        }
    }

    /** The rules, in reading order, that have a target pattern whose suffix ends {@code name}. */
    private List<CompiledPatternRule> rulesEnding(String name) {
        // Only the suffixes ending in the name's last character (and "") can end it; which of them do decides.
        List<String> ending = new ArrayList<>(2);
        if (rulesBySuffix.containsKey("")) {
            ending.add("");
        }
        List<String> sameLast = name.isEmpty() ? null : suffixesByLastChar.get(name.charAt(name.length() - 1));
        if (sameLast != null) {
            for (String suffix : sameLast) {
                if (name.endsWith(suffix)) {
                    ending.add(suffix);
                }
            }
        }
        if (suffixBits.size() != rulesBySuffix.size()) {
            return rulesFor(ending);
        }
        long set = 0;
        for (String suffix : ending) {
            set |= suffixBits.get(suffix);
        }
        return rulesBySuffixSet.computeIfAbsent(set, s -> rulesFor(ending));
    }

    /** The rules, in reading order, that have a target pattern with one of {@code suffixes}. */
    private List<CompiledPatternRule> rulesFor(List<String> suffixes) {
        BitSet marked = new BitSet(rules.size());
        for (String suffix : suffixes) {
            for (int i : rulesBySuffix.get(suffix)) {
                marked.set(i);
            }
        }
        List<CompiledPatternRule> out = new ArrayList<>(marked.cardinality());
        for (int i = marked.nextSetBit(0); i >= 0; i = marked.nextSetBit(i + 1)) {
            out.add(rules.get(i));
        }
        return out;
    }

    /** Forgets what was found impossible: a recipe ran and may have created files. */
    public void invalidate() {
        impossible.clear();
        files.invalidate();
    }

    /**
     * The rule that makes {@code name}, or null. For an archive member {@code lib.a(m.o)} that no rule makes as
     * a whole, the rules for {@code (m.o)} are tried next (implicit.c try_implicit_rule), such as {@code (%): %}.
     */
    public ImplicitMatch find(String name) {
        ImplicitMatch whole = find(name, 0, Collections.newSetFromMap(new IdentityHashMap<>()), false);
        if (whole != null) {
            return whole;
        }
        ArchiveMemberName member = ArchiveMemberName.parse(name);
        if (member == null) {
            return null;
        }
        ImplicitMatch inParens = find("(" + member.member() + ")", 0,
                Collections.newSetFromMap(new IdentityHashMap<>()), true);
        if (inParens == null) {
            return null;
        }
        return new ImplicitMatch(inParens.rule(), inParens.stem(), inParens.prerequisites(), inParens.orderOnly(),
                List.of(name), inParens.intermediates(), inParens.extras());
    }

    private record Candidate(PatternRule rule, Pattern pattern, String stem, int order) {}

    /** {@code archive}: {@code name} is the {@code (m.o)} of a member reference (implicit.c's ARCHIVE flag). */
    private ImplicitMatch find(String name, int depth, Set<PatternRule> inUse, boolean archive) {
        if (depth > MAX_CHAIN) {
            return null;
        }
        List<Candidate> candidates = new ArrayList<>();
        boolean specificMatch = false;
        // implicit.c: a member reference is never split into directory and file (lastslash = 0)
        boolean member = archive || ArchiveMemberName.isMember(name);
        for (CompiledPatternRule compiled : rulesEnding(name)) {
            PatternRule rule = compiled.rule();
            if (inUse.contains(rule)) {
                continue;
            }
            for (Pattern pattern : compiled.targets()) {
                String stem = member ? pattern.matchWhole(name) : pattern.match(name);
                if (stem != null) {
                    specificMatch |= !pattern.matchesAnything();
                    // A rule with neither prerequisites nor recipe only marks a specific match (implicit.c).
                    if (rule.recipe() != null) {
                        candidates.add(new Candidate(rule, pattern, stem, compiled.order()));
                    }
                    break;
                }
            }
        }
        sortByStemThenOrder(candidates);
        // Pass one: every prerequisite exists or ought to exist. Pass two (implicit.c's intermediate pass): the
        // missing ones can themselves be made by a pattern rule. Each candidate's prerequisites are computed once.
        List<PatternPrerequisites.Names> prerequisitesOf = new ArrayList<>(candidates.size());
        List<List<String>> missingOf = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            if (!eligible(c, specificMatch, depth)) {
                prerequisitesOf.add(null);
                missingOf.add(null);
                continue;
            }
            String dirPart = member ? "" : directoryPrefixToRestore(c.pattern(), name);
            PatternPrerequisites.Names prerequisites = prerequisiteNames.of(c.rule(), name, c.stem(),
                    bare(c, dirPart), dirPart);
            List<String> missing = new ArrayList<>(0);
            List<String> checked = new ArrayList<>(prerequisites.normal());
            ExtraPrerequisites.Extras extras = extras(c, dirPart);
            checked.addAll(prerequisites.orderOnly());
            checked.addAll(extras.normal());
            checked.addAll(extras.orderOnly());
            for (String p : checked) {
                if (!exists(p) && !graph.isMentioned(p)) {
                    missing.add(p);
                }
            }
            if (missing.isEmpty()) {
                return match(c, name, dirPart, prerequisites, List.of());
            }
            prerequisitesOf.add(prerequisites);
            missingOf.add(missing);
        }
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            List<String> missing = missingOf.get(i);
            if (missing == null || c.rule().terminal()) {
                continue;
            }
            boolean all = true;
            for (String p : missing) {
                if (!chainable(p, c.rule(), depth, inUse)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                String dirPart = member ? "" : directoryPrefixToRestore(c.pattern(), name);
                return match(c, name, dirPart, prerequisitesOf.get(i), missing);
            }
        }
        return null;
    }

    /** Shortest stem first, then reading order: an insertion sort, as the lists are short and searched often. */
    private static void sortByStemThenOrder(List<Candidate> candidates) {
        for (int i = 1; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            int j = i - 1;
            while (j >= 0 && before(c, candidates.get(j))) {
                candidates.set(j + 1, candidates.get(j));
                j--;
            }
            candidates.set(j + 1, c);
        }
    }

    private static boolean before(Candidate a, Candidate b) {
        int byStem = Integer.compare(a.stem().length(), b.stem().length());
        return byStem < 0 || byStem == 0 && a.order() < b.order();
    }

    /** implicit.c: a non-terminal match-anything rule is not used when a specific rule matched, nor in a chain. */
    private static boolean eligible(Candidate c, boolean specificMatch, int depth) {
        boolean anything = c.pattern().matchesAnything();
        return !(anything && !c.rule().terminal() && (specificMatch || depth > 0));
    }

    private static String bare(Candidate c, String dirPart) {
        return dirPart.isEmpty() ? c.stem() : c.stem().substring(dirPart.length());
    }

    private ImplicitMatch match(Candidate c, String name, String dirPart, PatternPrerequisites.Names prerequisites,
                                List<String> intermediates) {
        String matched = c.pattern().toString();
        List<String> targets = new ArrayList<>();
        for (String t : c.rule().targets()) {
            // implicit.c: the other targets are their pattern around the whole stem, directory included, so
            // `pre%.x pre%.y` matching d/prea.x also makes pred/a.y (GNU make 4.3 does so).
            targets.add(t.equals(matched) ? name : Pattern.of(t).substitute(c.stem()));
        }
        return new ImplicitMatch(c.rule(), c.stem(), prerequisites.normal(), prerequisites.orderOnly(), targets,
                intermediates, extras(c, dirPart));
    }

    /** The global {@code .EXTRA_PREREQS}, which rule.c appends to every pattern rule, with the stem put in. */
    private ExtraPrerequisites.Extras extras(Candidate c, String dirPart) {
        ExtraPrerequisites.Extras extras = graph.patternExtraPrerequisites();
        if (extras.isEmpty()) {
            return extras;
        }
        String bareStem = bare(c, dirPart);
        List<String> normal = new ArrayList<>();
        for (String p : extras.normal()) {
            normal.add(PatternPrerequisites.substitute(p, bareStem, dirPart));
        }
        List<String> orderOnly = new ArrayList<>();
        for (String p : extras.orderOnly()) {
            orderOnly.add(PatternPrerequisites.substitute(p, bareStem, dirPart));
        }
        return new ExtraPrerequisites.Extras(normal, orderOnly);
    }

    private boolean chainable(String prerequisite, PatternRule rule, int depth, Set<PatternRule> inUse) {
        if (impossible.contains(prerequisite)) {
            return false;
        }
        inUse.add(rule);
        try {
            boolean found = find(prerequisite, depth + 1, inUse, false) != null;
            if (!found) {
                impossible.add(prerequisite);
            }
            return found;
        } finally {
            inUse.remove(rule);
        }
    }

    private boolean exists(String name) {
        ArchiveMemberName member = ArchiveMemberName.parse(name);
        if (member != null) {
            // dir.c file_exists_p: a member exists if the archive gives it a date
            return ArArchive.memberDate(directory.resolve(member.archive()), member.member()) >= 0;
        }
        return files.exists(name) || vpath.find(name) != null;
    }

    /** The directory GNU make removed before matching a slash-less pattern (to be put back on prerequisites). */
    private static String directoryPrefixToRestore(Pattern pattern, String name) {
        return pattern.hasSlash() ? "" : Pattern.directoryOf(name);
    }
}
