package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TreeOrderTest {
    private static Path p(String name) {
        return Path.of("/t", name);
    }

    @Test
    void aTopMakeInheritsNothingAndHandsNothingBack(@TempDir Path parts) throws Exception {
        TreeOrder top = TreeOrder.of(Map.of(), Optional.empty());
        assertEquals(CompleteBefore.none(), top.completeBefore());
        OrderFile file = top.orderFile(parts, List.of(p("config.h")));
        assertEquals(List.of(p("config.h")), file.read());
        top.completed(List.of(p("x.o")));
        top.finish();
        assertEquals(List.of(p("config.h")), file.read());
    }

    @Test
    void sequentialSubMakesOfOneJobSeeWhatTheEarlierOnesRemade(@TempDir Path temp) throws Exception {
        Path parts = Files.createDirectory(temp.resolve("parts"));
        Optional<TraceTree> tree = Optional.of(new TraceTree(temp, parts));
        // check-am: all-am; then $(MAKE) $(check_PROGRAMS) and $(MAKE) check-TESTS, one line each.
        OrderFile job = TreeOrder.of(Map.of(), Optional.empty()).orderFile(parts, List.of(p("all-am"), p("lib.la")));
        Map<String, String> env = Map.of(OrderFile.VARIABLE, job.file().toString());

        TreeOrder first = TreeOrder.of(env, tree);
        assertEquals(Set.of(p("all-am"), p("lib.la")), first.completeBefore().files());
        first.completed(List.of(p("tests/test1")));
        // A sub-make of the first one, through its own job's order file, inherits and hands back too.
        OrderFile inner = first.orderFile(parts, List.of(p("tests/main.o")));
        assertEquals(Set.of(p("tests/main.o"), p("all-am"), p("lib.la")), Set.copyOf(inner.read()));
        TreeOrder nested = TreeOrder.of(Map.of(OrderFile.VARIABLE, inner.file().toString()), tree);
        nested.completed(List.of(p("tests/test3"), p("lib.la")));
        nested.finish();
        first.completed(List.of(p("tests/test2")));
        first.finish();

        TreeOrder second = TreeOrder.of(env, tree);
        CompleteBefore seen = second.completeBefore();
        for (String name : List.of("all-am", "lib.la", "tests/test1", "tests/test2", "tests/test3")) {
            assertTrue(seen.contains(p(name)), name);
        }
        assertFalse(seen.contains(p("tests/main.o")), "the inner job's own prerequisites are not handed back");
        // What the parent wrote is never appended again.
        assertEquals(5, job.read().size(), job.read().toString());
    }

    @Test
    void aSubMakeStartedBeforeAnotherEndedDoesNotSeeWhatThatOneRemade(@TempDir Path temp) throws Exception {
        Path parts = Files.createDirectory(temp.resolve("parts"));
        Optional<TraceTree> tree = Optional.of(new TraceTree(temp, parts));
        OrderFile job = TreeOrder.of(Map.of(), Optional.empty()).orderFile(parts, List.of());
        Map<String, String> env = Map.of(OrderFile.VARIABLE, job.file().toString());
        TreeOrder a = TreeOrder.of(env, tree);
        TreeOrder b = TreeOrder.of(env, tree); // $(MAKE) -C a & $(MAKE) -C b
        a.completed(List.of(p("a/x.o")));
        a.finish();
        assertFalse(b.completeBefore().contains(p("a/x.o")));
        assertTrue(TreeOrder.of(env, tree).completeBefore().contains(p("a/x.o")));
    }
}
