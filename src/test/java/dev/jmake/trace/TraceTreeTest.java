package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.jmake.syntax.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceTreeTest {
    @TempDir
    Path top;

    @Test
    void aSubMakesPartReachesTheTopInTheOrderWrittenAndRemovingLeavesNothing() throws Exception {
        TraceTree tree = TraceTree.create(top);
        Optional<TraceTree> seen = TraceTree.of(Map.of(TraceTree.TOP_VARIABLE, top.toString(),
                TraceTree.PARTS_VARIABLE, tree.parts().toString()));
        assertEquals(Optional.of(tree), seen);
        FindingText f = FindingText.of(new Finding.UndeclaredOutput(new Location("lib/Makefile", 3), "lib/a", "lib/b",
                null), "lib", "b");
        seen.get().write(new TracePart("lib", JsonParser.parseString("{\"version\":1,\"roots\":[],\"jobs\":[]}")
                .getAsJsonObject(), List.of(f), List.of(), false));
        seen.get().write(new TracePart("doc", JsonParser.parseString("{\"version\":1,\"roots\":[],\"jobs\":[]}")
                .getAsJsonObject(), List.of(), List.of(f.key()), true));
        List<TracePart> parts = tree.read();
        assertEquals(List.of("lib", "doc"), parts.stream().map(TracePart::directory).toList());
        assertEquals(List.of(f), parts.get(0).findings());
        assertEquals(List.of(f.key()), parts.get(1).shown());
        tree.remove();
        assertFalse(Files.exists(tree.parts()));
    }

    @Test
    void aMakeWhoseTreeIsGoneIsATop() throws Exception {
        assertTrue(TraceTree.of(Map.of(TraceTree.TOP_VARIABLE, top.toString(),
                TraceTree.PARTS_VARIABLE, top.resolve("gone").toString())).isEmpty());
        assertTrue(TraceTree.of(Map.of()).isEmpty());
    }

    @Test
    void aPartCutShortByAKilledSubMakeIsLeftOutAndTheNextOneKept() throws Exception {
        TraceTree tree = TraceTree.create(top);
        TracePart part = new TracePart("lib", JsonParser.parseString("{\"version\":1,\"roots\":[],\"jobs\":[]}")
                .getAsJsonObject(), List.of(), List.of(), false);
        Files.writeString(tree.parts().resolve(TraceTree.LOG), "\n{\"directory\":\"half\",\"rep");
        tree.write(part);
        assertEquals(List.of("lib"), tree.read().stream().map(TracePart::directory).toList());
    }

    @Test
    void makesEndingAtOnceEachAddTheirWholePart() throws Exception {
        TraceTree tree = TraceTree.create(top);
        String many = "x".repeat(200_000);
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            TracePart part = new TracePart("d" + i, JsonParser.parseString("{\"version\":1,\"pad\":\"" + many
                    + "\"}").getAsJsonObject(), List.of(), List.of(), false);
            writers.add(new Thread(() -> {
                try {
                    tree.write(part);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        writers.forEach(Thread::start);
        for (Thread t : writers) {
            t.join();
        }
        assertEquals(8, tree.read().stream().map(TracePart::directory).distinct().count());
    }
}
