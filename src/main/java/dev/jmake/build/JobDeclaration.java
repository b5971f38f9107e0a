package dev.jmake.build;

import dev.jmake.archive.ArchiveMemberName;
import dev.jmake.graph.TargetGraph;
import dev.jmake.syntax.Location;
import dev.jmake.trace.DeclaredJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rule of a job as the I/O tracer judges it: its targets (a group's or a pattern rule's siblings too) and every
 * prerequisite the build resolved for it, direct or transitive, as found through vpath and as named.
 */
final class JobDeclaration {
    private final TargetGraph graph;
    private final FileNodes nodes;
    private final Path top;

    JobDeclaration(TargetGraph graph, FileNodes nodes, Path top) {
        this.graph = graph;
        this.nodes = nodes;
        this.top = top;
    }

    DeclaredJob of(String name, String remadeAs, Plan plan) {
        LinkedHashSet<Path> targets = new LinkedHashSet<>();
        targets.add(onDisk(remadeAs));
        targets.add(onDisk(name));
        for (String sibling : plan.alsoMakes()) {
            targets.add(onDisk(nodes.seenAs(sibling)));
        }
        Set<Path> closure = new HashSet<>();
        Set<String> visited = new HashSet<>();
        List<Plan> pending = new ArrayList<>(List.of(plan));
        while (!pending.isEmpty()) {
            Plan p = pending.remove(pending.size() - 1);
            for (List<String> names : List.of(p.normal(), p.orderOnly(), p.extras().orderOnly())) {
                for (String prerequisite : names) {
                    if (!visited.add(prerequisite)) {
                        continue;
                    }
                    closure.add(onDisk(prerequisite));
                    closure.add(onDisk(nodes.seenAs(prerequisite)));
                    FileNode node = nodes.find(prerequisite);
                    Plan next = node == null ? null : node.plan;
                    if (next != null) {
                        pending.add(next);
                        // What the same recipe makes (a group, a pattern rule's other targets) is there as well.
                        for (String sibling : next.alsoMakes()) {
                            closure.add(onDisk(nodes.seenAs(sibling)));
                        }
                    }
                }
            }
        }
        Location location = plan.location() != null ? plan.location() : Location.builtin();
        return new DeclaredJob(location, List.copyOf(targets), closure, graph.isPhony(name));
    }

    /** The file a name stands for: an archive member's archive ({@code lib.a(m.o)} is written in {@code lib.a}). */
    private Path onDisk(String name) {
        ArchiveMemberName member = ArchiveMemberName.parse(name);
        return top.resolve(member == null ? name : member.archive()).normalize();
    }
}
