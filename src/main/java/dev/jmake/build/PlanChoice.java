package dev.jmake.build;

import dev.jmake.eval.DirectoryListings;
import dev.jmake.eval.Expander;
import dev.jmake.eval.FileNames;
import dev.jmake.eval.Recipe;
import dev.jmake.eval.Scope;
import dev.jmake.eval.Words;
import dev.jmake.graph.DirectoryCache;
import dev.jmake.graph.DoubleColonRule;
import dev.jmake.graph.ExtraPrerequisites.Extras;
import dev.jmake.graph.ImplicitMatch;
import dev.jmake.graph.ImplicitRuleSearch;
import dev.jmake.graph.Target;
import dev.jmake.graph.TargetGraph;
import dev.jmake.graph.VpathSearch;
import dev.jmake.syntax.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each file is made from, chosen when the build first looks at it: its explicit rule, else an implicit rule
 * found by the search (remake.c try_implicit_rule), else {@code .DEFAULT}; prerequisites expanded a second time
 * under {@code .SECONDEXPANSION}; the order they are updated in, shuffled under {@code --shuffle}.
 */
final class PlanChoice {
    private final TargetGraph graph;
    private final Expander expander;
    private final TargetScopes scopes;
    private final FileNodes nodes;
    private final FileHistory history;
    private final ImplicitRuleSearch implicitRules;
    /** {@code --shuffle}: the order goals and prerequisites are walked in. */
    private final PrerequisiteShuffle shuffle;
    private final SecondExpansion secondExpansion;
    /** Each target's prerequisites once expanded again: GNU expands them once, before the build. */
    private final Map<String, SecondExpansion.Expanded> expanded = new HashMap<>();
    /**
     * For the I/O tracer, which may ask from another thread: the makefile's implicit rule chosen for each file this
     * build chose one for (a file some pattern rule could make but no one asked for has none).
     */
    private final Map<String, Location> implicitBuilders = new ConcurrentHashMap<>();

    PlanChoice(TargetGraph graph, Expander expander, TargetScopes scopes, FileNodes nodes, FileHistory history,
               VpathSearch vpath, Path directory, ShuffleMode shuffleMode) {
        this(graph, expander, scopes, nodes, history, vpath, directory, shuffleMode, DirectoryListings.direct());
    }

    /** {@code listings}: where the implicit rule search reads directories (a server keeps them). */
    PlanChoice(TargetGraph graph, Expander expander, TargetScopes scopes, FileNodes nodes, FileHistory history,
               VpathSearch vpath, Path directory, ShuffleMode shuffleMode, DirectoryListings listings) {
        this.graph = graph;
        this.expander = expander;
        this.scopes = scopes;
        this.nodes = nodes;
        this.history = history;
        this.secondExpansion = new SecondExpansion(expander, scopes, graph.suffixes(),
                new FileNames(directory, expander.value("HOME", scopes.global(), null)));
        this.implicitRules = new ImplicitRuleSearch(graph, directory, vpath, this::expandPatternPrerequisites,
                new DirectoryCache(directory, listings));
        // GNU make 4.4: a bare .NOTPARALLEL turns shuffling off; the targets it names keep their lists.
        boolean notParallel = graph.hasSpecial(".NOTPARALLEL") && graph.specialPrerequisites(".NOTPARALLEL").isEmpty();
        this.shuffle = new PrerequisiteShuffle(notParallel ? ShuffleMode.NONE : shuffleMode,
                graph.specialPrerequisites(".NOTPARALLEL"));
    }

    /** The goals in the order they are updated (shuffled under {@code --shuffle}). */
    List<String> goals(List<String> goalsAsGiven) {
        return shuffle.goals(goalsAsGiven.stream().map(TargetGraph::normalize).toList(),
                this::shuffledPrerequisites);
    }

    /** A file was remade: what an implicit search finds may differ from now on. */
    void filesChanged() {
        implicitRules.invalidate();
    }

    /** The plan of {@code name}, chosen on the first call. */
    Plan plan(String name) {
        FileNode node = nodes.of(name);
        if (node.plan == null) {
            boolean madeByChain = node.chainIntermediate;
            Plan plan = choose(name);
            if (shuffle.enabled()) {
                reshuffle(name, plan, madeByChain);
            }
            node.plan = plan;
            ImplicitMatch match = node.implicitMatch;
            if (match != null && plan.recipe() != null && isMakefileRule(match)) {
                implicitBuilders.put(name, match.rule().location());
            }
        }
        return node.plan;
    }

    /** The plan of {@code name} if one was chosen, else null. */
    Plan chosen(String name) {
        FileNode node = nodes.find(name);
        return node == null ? null : node.plan;
    }

    /**
     * --shuffle: a file that got prerequisites now (from an implicit rule, implicit.c; from second expansion,
     * file.c expand_deps) has them shuffled from the seed again. A file an implicit chain made already has its.
     */
    private void reshuffle(String name, Plan plan, boolean madeByChain) {
        Target target = graph.get(name);
        ImplicitMatch match = nodes.of(name).implicitMatch;
        boolean expanded = target != null && expandsAgain(target);
        boolean implicit = match != null && !madeByChain
                && (!match.prerequisites().isEmpty() || !match.orderOnly().isEmpty() || !shuffle.walked(name));
        if (expanded || implicit) {
            shuffle.reshuffle(name, listed(name, plan), this::shuffledPrerequisites);
        }
    }

    /** True if second expansion changes the prerequisites of {@code target} (read.c: some have a {@code $}). */
    private static boolean expandsAgain(Target target) {
        return target.expandsAgain();
    }

    private Plan choose(String name) {
        Target target = graph.get(name);
        List<String> prerequisites = target == null ? List.of() : target.prerequisites();
        List<String> orderOnly = target == null ? List.of() : target.orderOnly();
        List<String> listOrder = null;
        SecondExpansion.Expanded again = expanded(name);
        if (again != null) {
            prerequisites = again.normal();
            orderOnly = again.orderOnly();
            listOrder = again.order();
        }
        Recipe recipe = target == null ? null : target.recipe();
        Location location = target == null ? null : target.location();
        String stem = target == null ? null : target.stem();
        List<String> alsoMakes = target == null ? List.of() : target.groupMembers();
        boolean hasRule = target != null && target.isTarget();
        Extras extras = graph.extraPrerequisites(name);
        if (recipe == null && !graph.isPhony(name)) {
            ImplicitMatch match = implicitRules.find(name);
            if (match != null) {
                nodes.of(name).implicitMatch = match;
                match.intermediates().forEach(i -> nodes.of(i).chainIntermediate = true);
                match.targets().forEach(history::enter);
                match.intermediates().forEach(history::enter);
                match.prerequisites().forEach(history::enter);
                match.orderOnly().forEach(history::enter);
                List<String> all = new ArrayList<>(match.prerequisites());
                all.addAll(prerequisites);
                List<String> allOrderOnly = new ArrayList<>(match.orderOnly());
                allOrderOnly.addAll(orderOnly);
                // implicit.c puts the rule's prerequisites (its extras included) before the file's own.
                List<String> order = Plan.withExtras(Plan.sequence(match.prerequisites(), match.orderOnly()),
                        match.extras());
                order.addAll(Plan.withExtras(listOrder != null ? Plan.withoutWait(listOrder)
                        : Plan.sequence(Plan.withoutWait(prerequisites), Plan.withoutWait(orderOnly)), extras));
                return new Plan(all, allOrderOnly, match.rule().recipe(), match.rule().location(), match.stem(),
                        match.targets(), true, match.extras().then(extras), order);
            }
        }
        if (recipe == null && !hasRule && graph.defaultRule() != null) {
            Target dflt = graph.defaultRule();
            return new Plan(prerequisites, orderOnly, dflt.recipe(), dflt.location(), stem, alsoMakes, true, extras);
        }
        if (listOrder != null) {
            return new Plan(prerequisites, orderOnly, recipe, location, stem, alsoMakes, hasRule, extras,
                    Plan.withExtras(listOrder, extras));
        }
        return new Plan(prerequisites, orderOnly, recipe, location, stem, alsoMakes, hasRule, extras);
    }

    /** Whether the recipe of {@code plan} is {@code .DEFAULT}'s. */
    boolean fromDefault(Plan plan) {
        Target dflt = graph.defaultRule();
        return dflt != null && dflt.recipe() != null && plan.recipe() == dflt.recipe();
    }

    /**
     * The prerequisites in update order, {@code .WAIT} included, as GNU's list holds them (shuffled if asked): an
     * implicit rule's with its extras first, then the file's own with its {@code .EXTRA_PREREQS} (implicit.c,
     * file.c snap_file). Under {@code --shuffle} the extras follow the shuffled list.
     */
    List<String> sequence(String name, Plan plan) {
        if (shuffle.enabled()) {
            return Plan.withExtras(shuffle.order(name, listed(name, plan)), plan.extras());
        }
        Target target = graph.get(name);
        if (target == null || expandsAgain(target)) {
            return plan.order();
        }
        List<String> all = new ArrayList<>();
        ImplicitMatch match = nodes.of(name).implicitMatch;
        if (match != null) {
            all.addAll(Plan.withExtras(Plan.sequence(match.prerequisites(), match.orderOnly()), match.extras()));
        }
        all.addAll(Plan.withExtras(target.updateOrder(), graph.extraPrerequisites(name)));
        return all;
    }

    /**
     * GNU's list of the prerequisites of {@code name} ({@code file->deps}): an implicit rule's first, then the
     * explicit rules', each rule's order-only ones after its normal ones.
     */
    private List<String> listed(String name, Plan plan) {
        Target target = graph.get(name);
        if (target == null || expandsAgain(target)) {
            return Plan.sequence(plan.prerequisites(), plan.orderOnly());
        }
        ImplicitMatch match = nodes.of(name).implicitMatch;
        if (match == null) {
            return target.updateOrder();
        }
        List<String> all = Plan.sequence(match.prerequisites(), match.orderOnly());
        all.addAll(target.updateOrder());
        return all;
    }

    /** A double-colon rule's prerequisites in update order; GNU's shuffle reaches the first rule's only. */
    List<String> sequence(String name, int rule, DoubleColonRule doubleColon) {
        List<String> listed = Plan.sequence(doubleColon.prerequisites(), doubleColon.orderOnly());
        return rule == 0 ? shuffle.order(name, listed) : listed;
    }

    /**
     * For {@code --shuffle}'s walk: the prerequisites GNU's file {@code name} lists before it is updated (the
     * explicit ones; a double-colon file's first rule's; an intermediate file's from its implicit rule).
     */
    private List<String> shuffledPrerequisites(String name) {
        Target target = graph.get(name);
        if (target != null && !target.doubleColonRules().isEmpty()) {
            DoubleColonRule first = target.doubleColonRules().get(0);
            return Plan.sequence(first.prerequisites(), first.orderOnly());
        }
        List<String> explicit = target == null ? List.of() : target.updateOrder();
        FileNode node = nodes.find(name);
        if (node != null && node.chainIntermediate && node.implicitMatch == null) {
            ImplicitMatch match = implicitRules.find(name);
            if (match != null) {
                List<String> all = Plan.sequence(match.prerequisites(), match.orderOnly());
                all.addAll(explicit);
                return all;
            }
        }
        return explicit;
    }

    /**
     * The prerequisites of {@code name} expanded a second time (file.c expand_deps), expanded on the first call;
     * null if none of its rules left a text to expand.
     */
    SecondExpansion.Expanded expanded(String name) {
        SecondExpansion.Expanded done = expanded.get(name);
        if (done == null) {
            Target target = graph.get(name);
            if (target == null || !target.expandsAgain()) {
                return null;
            }
            done = secondExpansion.expand(name, target);
            expanded.put(name, done);
        }
        return done;
    }

    /**
     * Second expansion of a pattern rule's prerequisite text for {@code target} and {@code stem} (implicit.c): the
     * automatic variables come from the file's own prerequisites, already expanded.
     */
    private String expandPatternPrerequisites(String text, String target, String stem) {
        Target explicit = graph.get(target);
        List<String> normal = List.of();
        List<String> orderOnly = List.of();
        if (explicit != null) {
            SecondExpansion.Expanded again = expanded(target);
            normal = again != null ? again.normal() : explicit.prerequisites();
            orderOnly = again != null ? again.orderOnly() : explicit.orderOnly();
        }
        Scope scope = new AutomaticVariables(target, normal, orderOnly, List.of(), stem)
                .bind(scopes.forTarget(target, null));
        return expander.expand(text, scope, null);
    }

    /**
     * For the I/O tracer: the makefile's own implicit rule this build chose for {@code name}, or null (none chosen,
     * or a built-in or match-anything rule, which would claim every file).
     */
    Location chosenPatternBuilder(String name) {
        return implicitBuilders.get(name);
    }

    /**
     * For the I/O tracer: the makefile's own pattern rule that would make {@code name}, chosen or not, or null
     * (built-in and match-anything rules would claim every file).
     */
    Location patternBuilder(String name) {
        ImplicitMatch match = implicitRules.find(name);
        return match == null || !isMakefileRule(match) ? null : match.rule().location();
    }

    /**
     * For the I/O tracer: the prerequisites the makefile's own pattern rule that would make {@code name} gives it
     * (automake's {@code .log.trs} makes {@code x.trs} from {@code x.log}), or none.
     */
    List<String> patternPrerequisites(String name) {
        ImplicitMatch match = implicitRules.find(name);
        if (match == null || !isMakefileRule(match)) {
            return List.of();
        }
        List<String> all = new ArrayList<>(match.prerequisites());
        all.addAll(match.orderOnly());
        return all;
    }

    private static boolean isMakefileRule(ImplicitMatch match) {
        return match.rule().location() != null && match.rule().location().file() != null
                && !match.rule().targets().contains("%");
    }
}
