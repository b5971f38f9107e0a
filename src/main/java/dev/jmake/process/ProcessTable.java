package dev.jmake.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every process of the system as {@code /proc/<pid>/stat} showed it during one scan. The scan is not atomic: a
 * process may fork or exit while it runs, which is why callers scan again until nothing changes.
 */
final class ProcessTable {
    private static final Path PROC = Path.of("/proc");

    private final Map<Integer, ProcessStat> byPid;
    private final Map<Integer, List<ProcessStat>> children;

    private ProcessTable(Map<Integer, ProcessStat> byPid) {
        this.byPid = byPid;
        this.children = new HashMap<>();
        for (ProcessStat process : byPid.values()) {
            children.computeIfAbsent(process.parent(), parent -> new ArrayList<>()).add(process);
        }
    }

    static ProcessTable scan() {
        Map<Integer, ProcessStat> byPid = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.isEmpty() && name.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    ProcessStat.read(Integer.parseInt(name)).ifPresent(process -> byPid.put(process.pid(), process));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProcessTable(byPid);
    }

    Optional<ProcessStat> get(int pid) {
        return Optional.ofNullable(byPid.get(pid));
    }

    /** The direct children of {@code pid}. */
    List<ProcessStat> childrenOf(int pid) {
        return children.getOrDefault(pid, List.of());
    }

    /** The descendants of {@code pid} (not {@code pid} itself), every parent before its children. */
    List<ProcessStat> descendantsOf(int pid) {
        List<ProcessStat> result = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        seen.add(pid);
        Deque<Integer> pending = new ArrayDeque<>();
        pending.add(pid);
        while (!pending.isEmpty()) {
            for (ProcessStat child : childrenOf(pending.remove())) {
                // A pid cannot be its own ancestor, but a torn scan could show a cycle: never loop on one.
                if (seen.add(child.pid())) {
                    result.add(child);
                    pending.add(child.pid());
                }
            }
        }
        return result;
    }
}
