package dev.jmake.trace;

import dev.jmake.syntax.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * A job's writes and deletes that its {@link NestedBuild nested builds} made inside their own trees (issue 14): the
 * verifier judges them as one observation per build and tree ({@link Finding.NestedBuildTree}, no warning) instead of
 * a finding per file. A tree is a directory the tool owns ({@link NestedBuild#trees}) or one the job created. A path
 * stays the verifier's to judge when another rule builds it or the makefile names it (a source, a prerequisite):
 * what the tool did to it concerns the rest of the build.
 *
 * A nested make looking for one of its own goals (dh running {@code debian/rules override_dh_auto_build}) is that make
 * deciding whether to run the goal's rule, no input of the job ({@link #ownLookup}); and a listing that would see
 * such a goal sees a file of the job's own ({@link #goal}).
 *
 * @param absorbed the paths judged as part of a nested build's tree
 * @param observations one per nested build and tree that absorbed a file
 * @param builds the job's nested builds
 */
public record NestedBuildTrees(Set<Path> absorbed, List<Finding.NestedBuildTree> observations,
                               List<NestedBuild> builds) {
    public NestedBuildTrees {
        absorbed = Set.copyOf(absorbed);
        observations = List.copyOf(observations);
        builds = List.copyOf(builds);
    }

    /**
     * Whether a nested make of the job was given {@code path} as a goal: a file of this build's makefile that the job
     * makes through it (debian/rules' {@code override_dh_auto_build}, run by dh), so no other job's.
     */
    public boolean goal(Path path) {
        return builds.stream().anyMatch(b -> b.goals().values().stream().anyMatch(g -> g.contains(path)));
    }

    /** Whether {@code actor} looking at {@code path} is a nested make looking for a goal it was given. */
    public boolean ownLookup(Path path, Actor actor) {
        return builds.stream().anyMatch(b -> b.goals().getOrDefault(actor, Set.of()).contains(path));
    }

    /** One tree of one nested build. */
    private record Tree(NestedBuild build, Path directory) {}

    /** Sorts the effects of {@code trace} by {@code declared}'s job ({@code rules}, {@code scope}) into trees. */
    public static NestedBuildTrees of(JobTrace trace, JobEffects effects, DeclaredJob declared, DeclaredRules rules,
                                      TraceScope scope) {
        List<NestedBuild> builds = NestedBuild.of(trace);
        if (builds.isEmpty()) {
            return new NestedBuildTrees(Set.of(), List.of(), List.of());
        }
        List<Path> created = createdDirectories(effects);
        Set<Path> absorbed = new HashSet<>();
        Map<Tree, Integer> files = new LinkedHashMap<>();
        for (SortedMap<Path, Actor> kind : List.of(effects.writes(), effects.deletes())) {
            kind.forEach((path, actor) -> {
                if (rules.builderOf(path).isPresent() || rules.isSource(path) || declared.makes(path)) {
                    return;
                }
                for (NestedBuild build : builds) {
                    if (!build.members().contains(actor)) {
                        continue;
                    }
                    Path tree = treeOf(path, build.trees(), created);
                    if (tree != null) {
                        absorbed.add(path);
                        files.merge(new Tree(build, tree), effects.directories().contains(path) ? 0 : 1, Integer::sum);
                    }
                    return;
                }
            });
        }
        Location rule = declared.location();
        String job = scope.relative(declared.targets().get(0));
        List<Finding.NestedBuildTree> observations = new ArrayList<>();
        files.forEach((tree, count) -> observations.add(new Finding.NestedBuildTree(rule, job,
                scope.relative(tree.directory()), tree.build().tool(), count, tree.build().actor())));
        return new NestedBuildTrees(absorbed, observations, builds);
    }

    /** The outermost directories the job made and left (a build directory made for the tool: mkdir -p build). */
    private static List<Path> createdDirectories(JobEffects effects) {
        List<Path> dirs = effects.directories().stream().filter(effects.writes()::containsKey).sorted().toList();
        return dirs.stream().filter(d -> dirs.stream().noneMatch(o -> !o.equals(d) && d.startsWith(o))).toList();
    }

    /** The tree holding {@code path}: the tool's own first, else a directory the job created. */
    private static Path treeOf(Path path, List<Path> own, List<Path> created) {
        for (List<Path> trees : List.of(own, created)) {
            for (Path tree : trees) {
                if (path.startsWith(tree) && !path.equals(tree)) {
                    return tree;
                }
            }
        }
        for (Path tree : created) {
            if (path.equals(tree)) {
                return tree; // the created directory itself is part of the tree
            }
        }
        return null;
    }
}
