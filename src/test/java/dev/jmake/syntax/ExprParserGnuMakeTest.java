package dev.jmake.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Differential check against /usr/bin/make: a malformed reference fails with the message the tree carries. */
class ExprParserGnuMakeTest {
    private static final Path MAKE = Path.of("/usr/bin/make");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "$(foo",
        "a ${foo",
        "$(subst ${x,y},Q,XY)",
        "${subst $(x,y),Q,XY}",
        "$(subst ${x(y},Q,XY)",
        "$(info a",
        "${info",
        "$(word 1)",
        "$(subst a,b)",
        "$(wordlist 1,2)",
        "$(patsubst %)",
        "$(if a)",
        "$(if   )",
        "$(foreach a,b)",
    })
    void malformedMessagesMatch(String expression) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(MAKE));
        String message = firstMalformed(new ExprParser().parse(expression));
        Files.writeString(dir.resolve("t.mk"), "x = " + expression + "\n$(info $(x))\nall:;@:\n");
        Process process = new ProcessBuilder(MAKE.toString(), "-f", "t.mk").directory(dir.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        assertEquals("t.mk:1: *** " + message + ".  Stop.", output);
    }

    private static String firstMalformed(Expr expr) {
        List<Expr> pending = new ArrayList<>(List.of(expr));
        while (!pending.isEmpty()) {
            Expr e = pending.remove(0);
            if (e instanceof Expr.Malformed m) {
                return m.message();
            } else if (e instanceof Expr.Concat c) {
                pending.addAll(0, c.parts());
            } else if (e instanceof Expr.FunctionCall f) {
                pending.addAll(0, f.args());
            } else if (e instanceof Expr.VarRef v) {
                pending.add(0, v.name());
            } else if (e instanceof Expr.SubstRef s) {
                pending.addAll(0, List.of(s.name(), s.from(), s.to()));
            }
        }
        return "(none)";
    }
}
