package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.ui.Diagnostics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeVariablesTest {
    @TempDir
    Path top;
    @TempDir
    Path home;

    @Test
    void theFirstRecipeMakesTheTreeAndEveryRecipeNamesIt() throws Exception {
        BuildFindings findings = BuildFindings.of(Map.of(), top, home);
        TreeVariables env = new TreeVariables((scope, location) -> Map.of("PATH", "/bin"), findings);
        Map<String, String> first = env.of(null, null);
        assertEquals(top.toRealPath().toString(), first.get("JMAKE_TRACE_TOP"));
        Path parts = Path.of(first.get("JMAKE_TRACE_PARTS"));
        assertTrue(Files.isDirectory(parts));
        assertEquals(first, env.of(null, null));
        findings.finish(new Diagnostics("jmake", 0, System.out, System.err));
        assertTrue(Files.notExists(parts), "the top removes it at the end");
    }
}
