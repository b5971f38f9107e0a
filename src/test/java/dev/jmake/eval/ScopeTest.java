package dev.jmake.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.jmake.syntax.Location;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Target-specific variables: appending, private, inheritance from the target that needed a prerequisite. */
class ScopeTest {
    /** {@code all} needs {@code sub}; each recipe prints the same references. */
    private static final String MAKEFILE = """
            private G = global
            X = x
            S := s
            E =
            all: X += xa-$(S)
            all: private P = p
            all: Q = q
            all: S := as
            all: U += ua
            all: E += ea
            sub: X += xs
            sub: P += ps
            sub: U += us
            sub: S += ss
            all: sub ; @echo "all [$(G)] [$(X)] [$(P)] [$(Q)] [$(S)] [$(U)] [$(E)]"
            sub: ; @echo "sub [$(G)] [$(X)] [$(P)] [$(Q)] [$(S)] [$(U)] [$(E)]"
            $(info top [$(G)] [$(X)] [$(P)] [$(Q)] [$(S)] [$(U)] [$(E)])
            """;
    private static final String PROBE = "[$(G)] [$(X)] [$(P)] [$(Q)] [$(S)] [$(U)] [$(E)]";

    @TempDir
    Path dir;

    private static Variable recursive(String name, String value, boolean isPrivate, boolean append) {
        return new Variable(name, value, Flavor.RECURSIVE, Origin.FILE, ExportMode.DEFAULT, isPrivate, append,
                new Location("Makefile", 1));
    }

    private static Variable simple(String name, String value) {
        return new Variable(name, value, Flavor.SIMPLE, Origin.FILE, ExportMode.DEFAULT, false, false,
                new Location("Makefile", 1));
    }

    @Test
    void targetVariablesAppendAndHideLikeGnuMake() throws Exception {
        Fixture fixture = new Fixture(dir);
        VariableSet globals = fixture.globals;
        globals.put(recursive("G", "global", true, false));
        globals.put(recursive("X", "x", false, false));
        globals.put(simple("S", "s"));
        globals.put(recursive("E", "", false, false));
        VariableSet all = new VariableSet();
        all.put(recursive("X", "xa-$(S)", false, true));
        all.put(recursive("P", "p", true, false));
        all.put(recursive("Q", "q", false, false));
        all.put(simple("S", "as"));
        all.put(recursive("U", "ua", false, true));
        all.put(recursive("E", "ea", false, true));
        VariableSet sub = new VariableSet();
        sub.put(recursive("X", "xs", false, true));
        sub.put(recursive("P", "ps", false, true));
        sub.put(recursive("U", "us", false, true));
        sub.put(new Variable("S", "ss", Flavor.SIMPLE, Origin.FILE, ExportMode.DEFAULT, false, true, null));

        Scope top = Scope.global(globals);
        Scope allScope = Scope.forTargets(globals).with(all);
        Scope subScope = Scope.forTargets(globals).withInherited(all).with(sub);
        Location at = new Location("Makefile", 16);
        String ours = "top " + fixture.expander.expand(PROBE, top, at) + "\n"
                + "sub " + fixture.expander.expand(PROBE, subScope, at) + "\n"
                + "all " + fixture.expander.expand(PROBE, allScope, at) + "\n";

        assertEquals(GnuMake.run(dir, MAKEFILE, Fixture.ENVIRONMENT).stdout(), ours);
    }

    @Test
    void lookupReturnsTheInnermostVisibleDefinition() {
        Fixture fixture = new Fixture(dir);
        Variable global = recursive("V", "g", false, false);
        fixture.globals.put(global);
        VariableSet parent = new VariableSet();
        Variable hidden = recursive("V", "p", true, false);
        parent.put(hidden);
        Scope scope = Scope.forTargets(fixture.globals).withInherited(parent);
        assertSame(global, fixture.expander.lookup("V", scope));
        assertSame(hidden, fixture.expander.lookup("V", Scope.forTargets(fixture.globals).with(parent)));
        assertNull(fixture.expander.lookup("nope", scope));
        assertSame(fixture.globals, scope.globals());
    }
}
