package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.jmake.syntax.Location;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void partNamesSortAsTheTimesTheyWereWritten() {
        assertEquals("00000000000000000042", TraceTree.sortable(42));
        assertEquals(String.format("%020d", Long.MAX_VALUE), TraceTree.sortable(Long.MAX_VALUE));
        assertTrue(TraceTree.sortable(999).compareTo(TraceTree.sortable(1000)) < 0);
    }
}
