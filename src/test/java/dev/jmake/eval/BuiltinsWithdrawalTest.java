package dev.jmake.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.syntax.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltinsWithdrawalTest {

    private static Database withBuiltins() {
        Database database = new Database();
        database.patternRules().add(new PatternRule(new Location("Makefile", 3), List.of("%.o"), List.of("%.c"),
                List.of(), new Recipe(List.of()), false));
        BuiltinRules.install(database);
        return database;
    }

    @Test
    void rulesLeavesOnlyTheMakefilesOwn() {
        Database database = withBuiltins();
        database.globals().put(new Variable("SUFFIXES", ".c .o", Flavor.RECURSIVE, Origin.DEFAULT,
                ExportMode.DEFAULT, false, false, null));
        BuiltinsWithdrawal.rules(database);
        assertEquals(1, database.patternRules().size());
        assertEquals("Makefile", database.patternRules().get(0).location().file());
        assertTrue(database.rules().isEmpty());
        assertEquals("", database.globals().get("SUFFIXES").value());
    }

    @Test
    void variablesDropsDefaultsNotSetByTheMakefile() {
        Database database = new Database();
        database.globals().put(new Variable("CC", "cc", Flavor.RECURSIVE, Origin.DEFAULT, ExportMode.DEFAULT, false,
                false, null));
        database.globals().put(new Variable("CXX", "mine", Flavor.RECURSIVE, Origin.FILE, ExportMode.DEFAULT, false,
                false, new Location("Makefile", 1)));
        BuiltinsWithdrawal.variables(database);
        assertNull(database.globals().get("CC"));
        assertEquals("mine", database.globals().get("CXX").value());
    }
}
