package dev.jmake.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plays small cases with the real GNU make. */
class SandboxTest {

    @TempDir
    Path scratch;

    private List<RunRecord> play(String caseText) throws Exception {
        DiffCase diffCase = CaseFormat.parse("t", Path.of("t.case"), caseText);
        Sandbox sandbox = new Sandbox(new ProcessRunner(scratch),
                Map.of("PATH", HarnessSettings.PATH, "LANG", "C"), false);
        return sandbox.play(diffCase, "make");
    }

    @Test
    void recordsOutputsAndFilesWithTheSandboxNormalized() throws Exception {
        List<RunRecord> runs = play("""
                # args: -r -C sub
                --- sub/Makefile
                all:
                \t@echo '$(CURDIR)' > out; cat out; echo err >&2; exit 4
                """);
        assertEquals(1, runs.size());
        ProcessOutcome outcome = runs.get(0).outcome();
        assertEquals("make: Entering directory '<DIR>/sub'\n<DIR>/sub\nmake: Leaving directory '<DIR>/sub'\n",
                outcome.stdout());
        assertEquals("err\nmake: *** [Makefile:2: all] Error 4\n", outcome.stderr());
        assertEquals(2, outcome.status());
        assertEquals(Map.of("sub/", "", "sub/Makefile", "all:\n\t@echo '$(CURDIR)' > out; cat out; echo err >&2; exit 4\n",
                "sub/out", "<DIR>/sub\n"), runs.get(0).files());
    }

    @Test
    void stepsBetweenRunsAreStrictlyLater() throws Exception {
        List<RunRecord> runs = play("""
                # run: -r
                # run: -r
                # sh: echo changed > src
                # run: -r
                # touch: out -2h
                # run: -r
                --- Makefile
                out: src
                \t@cp src out; echo built
                --- src
                orig
                """);
        assertEquals(List.of("built\n", "make: 'out' is up to date.\n", "built\n", "built\n"),
                runs.stream().map(r -> r.outcome().stdout()).toList());
        assertEquals("changed\n", runs.get(3).files().get("out"));
    }

    @Test
    void sectionFilesAreOlderThanEverythingBuilt() throws Exception {
        List<RunRecord> runs = play("""
                # touch: newer -10s
                # args: -r
                --- Makefile
                all: built newer old
                \t@echo '$?'
                built:
                \t@touch built
                --- old
                """);
        assertEquals("built newer old\n", runs.get(0).outcome().stdout());
    }

    @Test
    void jmakeStateDirectoriesAreNotCompared() throws Exception {
        List<RunRecord> runs = play("""
                # args: -r
                --- Makefile
                all:
                	@mkdir -p .jmake sub/.jmake && touch .jmake/state sub/.jmake/state sub/kept
                """);
        assertEquals(List.of("Makefile", "sub/", "sub/kept"), List.copyOf(runs.get(0).files().keySet()));
    }
}
