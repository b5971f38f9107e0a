package dev.jmake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jmake.syntax.AssignOp;
import dev.jmake.syntax.MakeError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AssignmentTest {
    @Test
    void operators() {
        assertEquals(Optional.of(new Assignment("A", AssignOp.RECURSIVE, "1")), Assignment.parse("A=1"));
        assertEquals(Optional.of(new Assignment("A", AssignOp.SIMPLE, "x y ")), Assignment.parse(" A := x y "));
        assertEquals(Optional.of(new Assignment("A", AssignOp.POSIX_SIMPLE, "1")), Assignment.parse("A::=1"));
        assertEquals(Optional.of(new Assignment("A", AssignOp.APPEND, "1")), Assignment.parse("A+=1"));
        assertEquals(Optional.of(new Assignment("A", AssignOp.CONDITIONAL, "1")), Assignment.parse("A?=1"));
        assertEquals(Optional.of(new Assignment("A", AssignOp.SHELL, "echo")), Assignment.parse("A!=echo"));
        assertEquals(Optional.of(new Assignment("A$(B:=c)", AssignOp.RECURSIVE, "1")),
                Assignment.parse("A$(B:=c)=1"));
    }

    @Test
    void goalsThatLookLikeAssignments() {
        for (String goal : List.of("all", "A:B=3", "A#=1", "a b=c", "override A=1", "A:::=1", "A\\ B=1", "x:y")) {
            assertEquals(Optional.empty(), Assignment.parse(goal), goal);
        }
    }

    @Test
    void emptyNameIsFatal() {
        MakeError e = assertThrows(MakeError.class, () -> Assignment.parse("=x"));
        assertEquals("empty variable name", e.getMessage());
    }

    @Test
    void commandVariablesInMakeoverridesOrder() {
        assertEquals(List.of(new CommandVariable("B", true, "2 3"), new CommandVariable("A", false, "5")),
                CommandVariable.resolve(List.of("A=1", "B:=2", "A=5", "B+=3"), Map.of()));
        assertEquals(List.of(new CommandVariable("P", false, "/bin x")),
                CommandVariable.resolve(List.of("P+=x"), Map.of("P", "/bin")));
    }
}
