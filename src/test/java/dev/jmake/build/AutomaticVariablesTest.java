package dev.jmake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jmake.eval.Scope;
import dev.jmake.eval.VariableSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutomaticVariablesTest {
    private static String value(Scope scope, String name) {
        return scope.variables().get(name).value();
    }

    @Test
    void aMemberTargetHasTheArchiveInAtAndTheMemberInPercent() {
        Scope scope = new AutomaticVariables("lib.a(m.o)", List.of("m.o"), List.of(), List.of("m.o"), null)
                .bind(Scope.forTargets(new VariableSet()));
        assertEquals("lib.a", value(scope, "@"));
        assertEquals("m.o", value(scope, "%"));
        assertEquals("m.o", value(scope, "<"));
    }

    @Test
    void memberPrerequisitesAreListedByTheirMember() {
        Scope scope = new AutomaticVariables("prog", List.of("main.o", "lib.a(f.o)", "lib.a(f.o)"),
                List.of("lib.a(g.o)"), List.of("lib.a(f.o)"), null).bind(Scope.forTargets(new VariableSet()));
        assertEquals("prog", value(scope, "@"));
        assertEquals("", value(scope, "%"));
        assertEquals("main.o", value(scope, "<"));
        assertEquals("main.o f.o", value(scope, "^"));
        assertEquals("main.o f.o f.o", value(scope, "+"));
        assertEquals("f.o", value(scope, "?"));
        assertEquals("g.o", value(scope, "|"));
    }

    @Test
    void theSuffixStemOfAMemberIsTakenFromTheMember() {
        assertEquals("m", AutomaticVariables.suffixStem("lib.a(m.o)", List.of(".c", ".o")));
        assertEquals("", AutomaticVariables.suffixStem("lib.a(m.x)", List.of(".o")));
    }

    @Test
    void aNameListedBothWaysIsANormalPrerequisiteAndEmptyListsGiveEmptyValues() {
        Scope both = new AutomaticVariables("t", List.of("a", "b", "a"), List.of("b", "c", "c"), List.of("b", "b"), "s")
                .bind(Scope.forTargets(new VariableSet()));
        assertEquals("a b", value(both, "^"));
        assertEquals("a b a", value(both, "+"));
        assertEquals("b", value(both, "?"));
        assertEquals("c", value(both, "|"), "commands.c: not in $| when also a normal prerequisite, once");
        assertEquals("s", value(both, "*"));
        Scope none = new AutomaticVariables("t", List.of(), List.of(), List.of(), null)
                .bind(Scope.forTargets(new VariableSet()));
        for (String name : List.of("<", "^", "+", "?", "|", "*", "%")) {
            assertEquals("", value(none, name), "$" + name);
        }
    }
}
