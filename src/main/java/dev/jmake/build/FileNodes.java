package dev.jmake.build;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@link FileNode}s of one run, made on first use (GNU's file table as the build sees it). */
final class FileNodes {
    private final Map<String, FileNode> nodes = new HashMap<>();

    /** The node of {@code name}, made if new. */
    FileNode of(String name) {
        FileNode node = nodes.get(name);
        if (node == null) {
            node = new FileNode(name);
            nodes.put(name, node);
        }
        return node;
    }

    /** The node of {@code name} if it was ever made, else null. */
    FileNode find(String name) {
        return nodes.get(name);
    }

    /** The state of {@code name}, null if it was not looked at in this pass. */
    TargetState state(String name) {
        FileNode node = nodes.get(name);
        return node == null ? null : node.state;
    }

    /** The names as dependents see them: files found through the search path by their found name. */
    List<String> seenAs(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(seenAs(n));
        }
        return out;
    }

    String seenAs(String name) {
        FileNode node = nodes.get(name);
        return node == null ? name : node.seenAs();
    }

    /** A new pass looks again at the targets that waited for their prerequisites. */
    void forgetPending() {
        for (FileNode node : nodes.values()) {
            if (node.state == TargetState.DEPS_RUNNING) {
                node.state = null;
            }
        }
    }

    /** Every file looked at in this run, with its state. */
    Map<String, TargetState> states() {
        Map<String, TargetState> out = new HashMap<>();
        for (FileNode node : nodes.values()) {
            if (node.state != null) {
                out.put(node.name, node.state);
            }
        }
        return out;
    }

    /** The files whose search path location is known, for -p. */
    Map<String, String> foundAt() {
        Map<String, String> out = new HashMap<>();
        for (FileNode node : nodes.values()) {
            if (node.foundAt != null) {
                out.put(node.name, node.foundAt);
            }
        }
        return out;
    }
}
