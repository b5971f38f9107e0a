package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrerequisiteShuffleTest {
    @TempDir
    Path dir;

    private static List<String> names(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("f" + i);
        }
        return out;
    }

    private static PrerequisiteShuffle random(long seed) {
        return new PrerequisiteShuffle(new ShuffleMode.Random((int) seed), Set.of());
    }

    @Test
    void permutationsAreGnuMakes() throws Exception {
        GnuShuffleCode gnu = GnuShuffleCode.compile(dir);
        for (long seed : List.of(1L, 3L, 99L, 12345L, 0x80000001L, 4294967295L)) {
            for (int n = 1; n <= 13; n++) {
                List<String> expected = gnu.permutation(seed, n).stream().map(i -> "f" + i).toList();
                assertEquals(expected, random(seed).permute(names(n), false), "seed " + seed + ", " + n + " files");
            }
        }
    }

    /** GNU make 4.4.1 itself, where the native tests built it: goal {@code all}'s prerequisites in its order. */
    @Test
    void buildOrderIsGnuMake441s() throws Exception {
        Path cache = Path.of(System.getenv().getOrDefault("JMAKE_CACHE",
                System.getProperty("user.home") + "/.cache/jmake-native"));
        Path make = cache.resolve("make-4.4.1/bin/make");
        assumeTrue(Files.isExecutable(make), "GNU make 4.4.1 is not in " + cache);
        List<String> files = names(9);
        Files.writeString(dir.resolve("Makefile"), "all: " + String.join(" ", files) + "\n"
                + String.join(" ", files) + ": ; @echo $@\n.PHONY: all " + String.join(" ", files) + "\n");
        Function<String, List<String>> prerequisites = name -> name.equals("all") ? files : List.of();
        for (String mode : List.of("1", "7", "31337", "4000000000", "reverse", "identity")) {
            Process p = new ProcessBuilder(make.toString(), "-s", "--shuffle=" + mode).directory(dir.toFile())
                    .redirectErrorStream(true).start();
            List<String> gnu = new String(p.getInputStream().readAllBytes()).lines().toList();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            PrerequisiteShuffle ours = new PrerequisiteShuffle(ShuffleMode.parse(mode), Set.of());
            assertEquals(List.of("all"), ours.goals(List.of("all"), prerequisites));
            assertEquals(gnu, ours.order("all", files), "--shuffle=" + mode);
        }
    }

    @Test
    void reverseIdentityAndNone() {
        List<String> list = names(5);
        assertEquals(List.of("f4", "f3", "f2", "f1", "f0"),
                new PrerequisiteShuffle(new ShuffleMode.Reverse(), Set.of()).permute(list, false));
        assertEquals(list, new PrerequisiteShuffle(new ShuffleMode.Identity(), Set.of()).permute(list, false));
        PrerequisiteShuffle none = new PrerequisiteShuffle(ShuffleMode.NONE, Set.of());
        assertFalse(none.enabled());
        List<String> goals = List.of("b", "a");
        assertSame(goals, none.goals(goals, name -> names(3)));
        assertEquals(names(3), none.order("b", names(3)));
    }

    @Test
    void aListWithAWaitIsLeftAlone() {
        PrerequisiteShuffle reverse = new PrerequisiteShuffle(new ShuffleMode.Reverse(), Set.of());
        assertNull(reverse.permute(List.of("a", ".WAIT", "b", "c"), false));
        assertNull(reverse.permute(List.of(".WAIT", "a", "b"), false));
        // A .WAIT with nothing after it makes no prerequisite wait.
        assertEquals(List.of("b", "a"), reverse.permute(List.of("a", "b", ".WAIT"), false));
        assertNull(reverse.permute(List.of(), false));
    }

    @Test
    void aNotParallelTargetKeepsItsListOfTwoOrMore() {
        Map<String, List<String>> graph = Map.of("all", List.of("t", "u"), "t", List.of("a", "b"),
                "u", List.of("c", "d"), "v", List.of("e"));
        PrerequisiteShuffle shuffle = new PrerequisiteShuffle(new ShuffleMode.Reverse(), Set.of("t", "v"));
        assertEquals(List.of("all"), shuffle.goals(List.of("all"), name -> graph.getOrDefault(name, List.of())));
        assertEquals(List.of("u", "t"), shuffle.order("all", graph.get("all")));
        assertEquals(List.of("a", "b"), shuffle.order("t", graph.get("t")));
        assertEquals(List.of("d", "c"), shuffle.order("u", graph.get("u")));
        assertEquals(List.of("e"), shuffle.permute(List.of("e"), true));
    }

    @Test
    void theWalkPermutesEachFileOnceDepthFirst() throws Exception {
        // all -> x y; x -> s t; y -> s u: s is reached twice, permuted once; numbers are drawn in walk order.
        Map<String, List<String>> graph = Map.of("all", List.of("x", "y"), "x", List.of("s", "t"),
                "y", List.of("s", "u"), "s", List.of("p", "q", "r"));
        List<String> visited = new ArrayList<>();
        PrerequisiteShuffle shuffle = random(5);
        List<String> goals = shuffle.goals(List.of("all", "z"), name -> {
            visited.add(name);
            return graph.getOrDefault(name, List.of());
        });
        assertEquals(List.of("all", "x", "s", "p", "q", "r", "t", "y", "u", "z"), visited);
        assertTrue(shuffle.walked("s") && shuffle.walked("z"));
        assertFalse(shuffle.walked("nowhere"));
        // The same numbers, drawn in the same order from the seed, give the same permutations.
        PrerequisiteShuffle replay = random(5);
        assertEquals(replay.permute(List.of("all", "z"), false), goals);
        assertEquals(replay.permute(graph.get("all"), false), shuffle.order("all", graph.get("all")));
        assertEquals(replay.permute(graph.get("x"), false), shuffle.order("x", graph.get("x")));
        assertEquals(replay.permute(graph.get("s"), false), shuffle.order("s", graph.get("s")));
        assertEquals(replay.permute(graph.get("y"), false), shuffle.order("y", graph.get("y")));
    }

    @Test
    void newPrerequisitesAreShuffledFromTheSeedAgain() {
        PrerequisiteShuffle shuffle = random(12345);
        List<String> before = names(2);
        shuffle.goals(before, name -> List.of());
        List<String> added = names(6);
        shuffle.reshuffle("t", added, name -> List.of());
        assertEquals(random(12345).permute(added, false), shuffle.order("t", added));
        // A list that changed since is walked as it is.
        List<String> other = names(4);
        assertSame(other, shuffle.order("t", other));
    }

    @Test
    void seedsGiveDifferentOrders() {
        List<String> list = names(10);
        assertNotEquals(random(1).permute(list, false), random(2).permute(list, false));
    }
}
