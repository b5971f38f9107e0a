package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TraceScopeTest {
    @Test
    void onlyPathsUnderARootCountMinusVcsAndCacheDirectories() {
        TraceScope s = TraceScope.of(List.of(Path.of("/src/p"), Path.of("/inc")), List.of(), List.of());
        assertTrue(s.contains(Path.of("/src/p/a.c")));
        assertTrue(s.contains(Path.of("/inc/x.h")));
        assertFalse(s.contains(Path.of("/src/q/a.c")));
        assertFalse(s.contains(Path.of("/usr/include/stdio.h")));
        assertFalse(s.contains(Path.of("/src/p/.git/HEAD")));
        assertFalse(s.contains(Path.of("/src/p/sub/.jmake/state")));
        assertFalse(s.contains(Path.of("/src/p/tools/__pycache__/t.pyc")));
        assertTrue(s.contains(Path.of("/src/p/.github/ci.yml")), "a whole component, not a prefix of one");
        assertTrue(s.contains(Path.of("/src/p/x.git")));
        assertTrue(s.contains(Path.of("/src/p")), "the root itself");
        TraceScope inCache = TraceScope.of(List.of(Path.of("/home/u/.cache/b/p")), List.of(), List.of());
        assertTrue(inCache.contains(Path.of("/home/u/.cache/b/p/a.c")), "only components below the root count");
        assertFalse(inCache.contains(Path.of("/home/u/.cache/b/p/.cache/x")));
        assertEquals("sub/a.c", s.relative(Path.of("/src/p/sub/a.c")));
        assertEquals("/inc/x.h", s.relative(Path.of("/inc/x.h")), "outside the top root: absolute");
    }

    @Test
    void systemDirectoriesAreExcludedUnlessTheRootLiesInsideThem() {
        TraceScope root = TraceScope.of(List.of(Path.of("/")), List.of(Path.of("/home/u/.m2")), List.of());
        assertFalse(root.contains(Path.of("/usr/lib/libc.so")));
        assertFalse(root.contains(Path.of("/tmp/cc123.s")));
        assertFalse(root.contains(Path.of("/home/u/.m2/repo/x.jar")));
        assertTrue(root.contains(Path.of("/home/u/p/a.c")));
        TraceScope underTmp = TraceScope.of(List.of(Path.of("/tmp/build/p")), List.of(), List.of());
        assertTrue(underTmp.contains(Path.of("/tmp/build/p/a.o")));
        assertFalse(underTmp.contains(Path.of("/tmp/cc123.s")));
    }

    @Test
    void dotDotIsResolvedAfterTheSymbolicLinksBeforeIt(@TempDir Path temp) throws Exception {
        Path d = temp.toRealPath();
        Files.createDirectories(d.resolve("real/inner"));
        Files.createSymbolicLink(d.resolve("link"), d.resolve("real/inner"));
        assertEquals(d.resolve("real/x"), TraceScope.canonical(d + "/link/../x"));
        assertEquals(d.resolve("a/b"), TraceScope.canonical(d + "/a/b"));
        assertEquals(d.resolve("b"), TraceScope.canonical(d + "/gone/../b"), "lexical once the directory is gone");
    }

    @Test
    void tmpdirAndHomeCachesAreExcludedWhenARootContainsThem() {
        DeclaredRules rules = new RuleTable(List.of(Path.of("/home/u")), List.of("%.log"), java.util.Map.of());
        TraceScope s = TraceScope.of(rules, java.util.Map.of("HOME", "/home/u", "TMPDIR", "/home/u/tmp"));
        assertTrue(s.contains(Path.of("/home/u/p/a.c")));
        assertFalse(s.contains(Path.of("/home/u/tmp/x")));
        assertFalse(s.contains(Path.of("/home/u/.m2/repository/a.jar")));
        assertFalse(s.contains(Path.of("/home/u/.cargo/registry/x")));
        assertTrue(s.contains(Path.of("/home/u/.cargo/bin/x")));
        assertTrue(s.ignored(Path.of("/home/u/p/b.log")));
    }
}
