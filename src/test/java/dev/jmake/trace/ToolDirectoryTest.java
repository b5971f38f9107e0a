package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jmake.syntax.Location;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ToolDirectoryTest {
    private final Path top = Path.of("/p");
    private final RuleTable rules = new RuleTable(List.of(top), List.of(), Map.of(
            "1", new DeclaredJob(new Location("Makefile", 1), List.of(top.resolve("src/x.lo")),
                    Set.of(top.resolve("src/x.c"), top.resolve("include/x.h")))));
    private final TraceScope scope = TraceScope.of(List.of(top), List.of(), List.of());

    @Test
    void theOutermostDirectoryNoRuleNamesAFileInIsTheToolsOwn() {
        assertEquals(Optional.of(top.resolve("src/.libs")), ToolDirectory.of(top.resolve("src/.libs/x.o"), rules, scope));
        assertEquals(Optional.of(top.resolve("target")),
                ToolDirectory.of(top.resolve("target/release/deps/a.o"), rules, scope));
    }

    @Test
    void aDirectoryTheBuildNamesAFileInAndTheRootAreNot() {
        assertEquals(Optional.empty(), ToolDirectory.of(top.resolve("src/y.o"), rules, scope));
        assertEquals(Optional.empty(), ToolDirectory.of(top.resolve("include/y.h"), rules, scope));
        assertEquals(Optional.empty(), ToolDirectory.of(top.resolve("build.log"), rules, scope));
        assertEquals(Optional.empty(), ToolDirectory.of(Path.of("/elsewhere/d/x"), rules, scope));
    }
}
