package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileNodesTest {
    @Test
    void aNodeIsMadeOnceAndFoundAfterwards() {
        FileNodes nodes = new FileNodes();
        assertNull(nodes.find("a"));
        FileNode a = nodes.of("a");
        assertSame(a, nodes.of("a"));
        assertSame(a, nodes.find("a"));
        assertNull(nodes.state("a"));
    }

    @Test
    void aNewPassForgetsOnlyTheTargetsThatWaitedForPrerequisites() {
        FileNodes nodes = new FileNodes();
        nodes.of("waiting").state = TargetState.DEPS_RUNNING;
        nodes.of("running").state = TargetState.RUNNING;
        nodes.of("done").state = TargetState.REMADE;
        nodes.of("untouched");
        nodes.forgetPending();
        assertEquals(Map.of("running", TargetState.RUNNING, "done", TargetState.REMADE), nodes.states());
    }

    @Test
    void filesFoundThroughTheSearchPathAreSeenByTheirFoundName() {
        FileNodes nodes = new FileNodes();
        nodes.of("x.c").foundAt = "src/x.c";
        assertEquals(List.of("src/x.c", "y.c"), nodes.seenAs(List.of("x.c", "y.c")));
        assertEquals(Map.of("x.c", "src/x.c"), nodes.foundAt());
    }
}
