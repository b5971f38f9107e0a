package dev.jmake.build;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code --shuffle}: the order in which goals and each file's prerequisites are walked, as GNU make 4.4.1's
 * shuffle.c permutes them. The graph is walked depth-first from the goals, each file's list permuted once, the
 * random generator seeded again at each walk (from the goals, and when an implicit rule or second expansion gives
 * a file new prerequisites), so that a seed gives GNU's order. A list holding a {@code .WAIT} is left alone.
 * Only the walking order changes: {@code $^} and {@code $+} keep the makefile's order.
 */
public final class PrerequisiteShuffle {
    /** A list as it was when permuted, and its permutation (without {@code .WAIT}). */
    private record Shuffled(List<String> original, List<String> permuted) {}

    private static final String WAIT = ".WAIT";

    private final ShuffleMode mode;
    private final XorShift random;
    /** Targets named by {@code .NOTPARALLEL}: each prerequisite after the first waits, so the list stays. */
    private final Set<String> serial;
    /** filedef.h {@code was_shuffled}. */
    private final Set<String> walked = new HashSet<>();
    private final Map<String, Shuffled> orders = new HashMap<>();

    /**
     * Shuffles as {@code mode} says; {@code serial} are the targets a {@code .NOTPARALLEL} names (a bare
     * {@code .NOTPARALLEL} turns shuffling off: pass {@link ShuffleMode#NONE}).
     */
    public PrerequisiteShuffle(ShuffleMode mode, Set<String> serial) {
        this.mode = mode;
        this.serial = Set.copyOf(serial);
        this.random = new XorShift(mode instanceof ShuffleMode.Random r ? r.seed() : 0);
    }

    /** True if anything is reordered. */
    public boolean enabled() {
        return !(mode instanceof ShuffleMode.None);
    }

    /**
     * shuffle.c shuffle_deps_recursive from the goals: returns the goals in the order to update them, and
     * permutes the prerequisites of every file reachable through {@code prerequisitesOf} (a file's list in
     * GNU's order, {@code .WAIT} included).
     */
    public List<String> goals(List<String> goals, Function<String, List<String>> prerequisitesOf) {
        if (!enabled()) {
            return goals;
        }
        seed();
        List<String> permuted = permute(goals, false);
        walk(goals, prerequisitesOf);
        return permuted == null ? goals : permuted;
    }

    /**
     * implicit.c / file.c expand_deps: {@code name} got the prerequisites {@code list} (an implicit rule's, or
     * second expansion's); they are permuted from the seed again, and what they lead to walked.
     */
    public void reshuffle(String name, List<String> list, Function<String, List<String>> prerequisitesOf) {
        if (!enabled()) {
            return;
        }
        seed();
        record(name, list);
        walk(list, prerequisitesOf);
    }

    /** filedef.h {@code was_shuffled}: whether the walk already permuted {@code name}'s list. */
    public boolean walked(String name) {
        return walked.contains(name);
    }

    /** The order to update {@code list}, the prerequisites of {@code name} (as is if it was not permuted so). */
    public List<String> order(String name, List<String> list) {
        Shuffled shuffled = orders.get(name);
        return shuffled != null && shuffled.original().equals(list) ? shuffled.permuted() : list;
    }

    /** shuffle.c shuffle_file_deps_recursive for each of {@code list}, in the list's own order. */
    private void walk(List<String> list, Function<String, List<String>> prerequisitesOf) {
        for (String name : list) {
            if (name.equals(WAIT) || !walked.add(name)) {
                continue;
            }
            List<String> prerequisites = prerequisitesOf.apply(name);
            record(name, prerequisites);
            walk(prerequisites, prerequisitesOf);
        }
    }

    private void record(String name, List<String> list) {
        List<String> permuted = permute(list, serial.contains(name));
        if (permuted != null) {
            orders.put(name, new Shuffled(List.copyOf(list), permuted));
        }
    }

    private void seed() {
        if (mode instanceof ShuffleMode.Random r) {
            random.seed(r.seed());
        }
    }

    /**
     * shuffle.c shuffle_deps: {@code list} permuted, or null where GNU leaves it (empty, or some entry waits:
     * one after a {@code .WAIT}, or after the first of a {@code .NOTPARALLEL} target's).
     */
    List<String> permute(List<String> list, boolean serialTarget) {
        List<String> items = new ArrayList<>(list.size());
        boolean waitSeen = false;
        for (String name : list) {
            if (name.equals(WAIT)) {
                waitSeen = true;
            } else if (waitSeen || serialTarget && !items.isEmpty()) {
                return null;
            } else {
                items.add(name);
            }
        }
        if (items.isEmpty()) {
            return null;
        }
        int n = items.size();
        if (mode instanceof ShuffleMode.Random) {
            // random_shuffle_array: one number per slot, swapped with the slot it names.
            for (int i = 0; i < n; i++) {
                int j = (int) (Integer.toUnsignedLong(random.next()) % n);
                if (i != j) {
                    String t = items.get(i);
                    items.set(i, items.get(j));
                    items.set(j, t);
                }
            }
        } else if (mode instanceof ShuffleMode.Reverse) {
            for (int i = 0; i < n / 2; i++) {
                String t = items.get(i);
                items.set(i, items.get(n - 1 - i));
                items.set(n - 1 - i, t);
            }
        }
        return List.copyOf(items);
    }
}
