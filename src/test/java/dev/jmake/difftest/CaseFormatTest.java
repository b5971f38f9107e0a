package dev.jmake.difftest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseFormatTest {

    private static DiffCase parse(String text) {
        return CaseFormat.parse("t", Path.of("t.case"), text);
    }

    private static String content(DiffCase c, String path) {
        return new String(c.files().get(path), StandardCharsets.UTF_8);
    }

    @Test
    void headerAndSectionsKeepTabsAndBlankLines() {
        DiffCase c = parse("""
                # What this checks.
                # args: -r -k 'V=a b'
                # env: FOO=bar baz
                --- Makefile
                all:
                \t@echo hi  \n\
                
                --- src/a.c
                int x;
                """);
        assertEquals(List.of(new Step.Run(List.of("-r", "-k", "V=a b"))), c.steps());
        assertEquals("bar baz", c.env().get("FOO"));
        assertEquals("all:\n\t@echo hi  \n\n", content(c, "Makefile"));
        assertEquals("int x;\n", content(c, "src/a.c"));
        assertEquals(CaseFormat.DEFAULT_TIMEOUT, c.timeout());
    }

    @Test
    void noeolDropsTheFinalNewlineAndStdinIsSpecial() {
        DiffCase c = parse("""
                --- Makefile [noeol]
                all: ; @cat
                --- @stdin
                input
                """);
        assertEquals("all: ; @cat", content(c, "Makefile"));
        assertArrayEquals("input\n".getBytes(StandardCharsets.UTF_8), c.stdin());
        assertEquals(List.of(new Step.Run(List.of())), c.steps());
    }

    @Test
    void stepsKeepTheirOrder() {
        Instant origin = Instant.parse("2024-05-01T00:00:00Z");
        DiffCase c = parse("""
                # touch: old.c 2020-01-01
                # run: -r
                # touch: a -10s
                # sh: echo x > y
                # run: -r -q
                # touch: b
                # timeout: 5
                --- Makefile
                """);
        assertEquals(6, c.steps().size());
        Step.Touch old = (Step.Touch) c.steps().get(0);
        assertEquals(Instant.parse("2020-01-01T00:00:00Z"), old.mtime().resolve(origin, origin));
        assertEquals(new Step.Run(List.of("-r")), c.steps().get(1));
        Step.Touch a = (Step.Touch) c.steps().get(2);
        assertEquals(origin.minusSeconds(10), a.mtime().resolve(origin, Instant.EPOCH));
        assertEquals(new Step.Shell("echo x > y"), c.steps().get(3));
        assertEquals(List.of(new Step.Run(List.of("-r")), new Step.Run(List.of("-r", "-q"))), c.runs());
        assertEquals(new Mtime.Now(), ((Step.Touch) c.steps().get(5)).mtime());
        assertEquals(Duration.ofSeconds(5), c.timeout());
    }

    @Test
    void absoluteTimeWithClock() {
        DiffCase c = parse("# touch: f 2020-01-01T10:00:05\n");
        Instant any = Instant.EPOCH;
        assertEquals(Instant.parse("2020-01-01T10:00:05Z"), ((Step.Touch) c.steps().get(0)).mtime().resolve(any, any));
    }

    @Test
    void argsAndRunAreExclusive() {
        assertThrows(IllegalArgumentException.class, () -> parse("# args: -r\n# run: -r\n--- Makefile\n"));
    }

    @Test
    void pathsMustStayInside() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("--- ../x\n"));
        assertTrue(e.getMessage().contains("t.case:1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse("# touch: /etc/x\n"));
    }

    @Test
    void strayHeaderTextAndBadTimesAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> parse("not a comment\n--- Makefile\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("# touch: f yesterday\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("# env: NOEQUALS\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("--- a\n--- a\n"));
    }
}
