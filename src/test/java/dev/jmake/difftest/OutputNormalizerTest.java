package dev.jmake.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutputNormalizerTest {

    private final OutputNormalizer jmake =
            OutputNormalizer.forCommand("/repo/bin/jmake", List.of("/tmp/jmake-difftest-1", "/tmp/jmake-difftest-1/x"));

    @Test
    void programNameAtLineStartsBecomesMake() {
        assertEquals("make: *** No targets.  Stop.\nmake[2]: Entering directory '<DIR>/sub'\n",
                jmake.normalize("jmake: *** No targets.  Stop.\njmake[2]: Entering directory '/tmp/jmake-difftest-1/sub'\n"));
        assertEquals("Usage: make [options] [target] ...\n", jmake.normalize("Usage: jmake [options] [target] ...\n"));
    }

    @Test
    void programNameElsewhereIsKept() {
        assertEquals("echo jmake: here\n", jmake.normalize("echo jmake: here\n"));
    }

    @Test
    void commandPathBecomesMakeAndLongestSandboxPathWins() {
        assertEquals("make -C sub\n<DIR>\n", jmake.normalize("/repo/bin/jmake -C sub\n/tmp/jmake-difftest-1/x\n"));
    }

    @Test
    void gnuMakeInvokedByNameIsUntouchedExceptPaths() {
        OutputNormalizer make = OutputNormalizer.forCommand("make", List.of("/tmp/d"));
        assertEquals("make: /usr/bin/make <DIR>/a\n", make.normalize("make: /usr/bin/make /tmp/d/a\n"));
    }
}
