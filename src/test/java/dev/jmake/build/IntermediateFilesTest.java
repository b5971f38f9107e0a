package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntermediateFilesTest {
    @TempDir
    Path dir;

    private IntermediateFiles intermediates(BuildFixture f, FileNodes nodes) {
        BuildOptions options = BuildOptions.builder().build();
        return new IntermediateFiles(f.graph, options, new ExecutionModes(options), nodes, new Timestamps(dir), f.ui,
                new DecisionLog(Verbosity.QUIET, f.ui));
    }

    @Test
    void chainFilesAndDeclaredOnesAreIntermediateUnlessGoalsOrPhony() throws Exception {
        BuildFixture f = BuildFixture.read(dir, ".INTERMEDIATE: declared goal\n.PHONY: p\n");
        FileNodes nodes = new FileNodes();
        nodes.of("chained").chainIntermediate = true;
        nodes.of("p").chainIntermediate = true;
        IntermediateFiles intermediates = intermediates(f, nodes);
        intermediates.goal("goal");
        assertTrue(intermediates.isIntermediate("chained"));
        assertTrue(intermediates.isIntermediate("declared"));
        assertFalse(intermediates.isIntermediate("goal"));
        assertFalse(intermediates.isIntermediate("p"));
        assertFalse(intermediates.isIntermediate("other"));
    }

    @Test
    void theMadeOnesGoAtTheEndInOneRmLineExceptPreciousOnes() throws Exception {
        BuildFixture f = BuildFixture.read(dir, ".PRECIOUS: kept\n");
        f.file("b.c", 1_000);
        f.file("a.c", 1_000);
        f.file("kept", 1_000);
        IntermediateFiles intermediates = intermediates(f, new FileNodes());
        intermediates.made("b.c");
        intermediates.made("a.c");
        intermediates.made("kept");
        intermediates.remove(false);
        intermediates.remove(false);
        // In the order of GNU's file table (its hash), not the order they were made in.
        assertEquals("rm a.c b.c\n", f.out.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(dir.resolve("a.c")));
        assertTrue(Files.exists(dir.resolve("kept")));
    }

    @Test
    void onASignalEachIsNamedAsItIsDeleted() throws Exception {
        BuildFixture f = BuildFixture.read(dir, "");
        f.file("x.c", 1_000);
        IntermediateFiles intermediates = intermediates(f, new FileNodes());
        intermediates.made("x.c");
        intermediates.remove(true);
        assertEquals("", f.out.toString(StandardCharsets.UTF_8));
        assertEquals("make: *** Deleting intermediate file 'x.c'\n", f.err.toString(StandardCharsets.UTF_8));
    }
}
