package dev.jmake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MakeFlagsTest {
    @Test
    void firstWordIsALetterCluster() {
        Options o = MakeFlags.parse("ks");
        assertTrue(o.keepGoing() && o.silent());
        assertTrue(MakeFlags.parse("-k").keepGoing());
        assertTrue(MakeFlags.parse("  n  ").justPrint());
    }

    @Test
    void firstWordWithEqualsIsAVariable() {
        Options o = MakeFlags.parse("kA=1");
        assertFalse(o.keepGoing());
        assertEquals(List.of("kA=1"), o.variables());
    }

    @Test
    void variablesAfterDoubleDashAreUnescaped() {
        Options o = MakeFlags.parse("k -j4 --jobserver-auth=3,4 -- B=x\\ y C=a\\\\b D=$$x");
        assertEquals(List.of("B=x y", "C=a\\b", "D=$x"), o.variables());
        assertEquals(new JobLimit.Slots(4), o.jobs());
        assertEquals(List.of(), o.goals());
    }

    @Test
    void lastJobserverAuthWins() {
        assertEquals(Optional.of("-2,-2"),
                MakeFlags.parse(" -j4 --jobserver-auth=3,4 --jobserver-auth=-2,-2").jobserverAuth());
        assertEquals(Optional.of("fifo:/tmp/a b"),
                MakeFlags.parse(" -j4 --jobserver-auth=fifo:/tmp/a\\ b").jobserverAuth());
    }

    @Test
    void unknownAndCommandLineOnlyOptionsAreIgnored() {
        Options o = MakeFlags.parse("kZ --jmake-private=1 --jobserver-style=fifo -C dir -f file -o old -W new -h");
        assertTrue(o.keepGoing());
        assertEquals(Optional.of(JobserverStyle.FIFO), o.jobserverStyle());
        assertEquals(List.of(), o.directories());
        assertEquals(List.of(), o.makefiles());
        assertEquals(List.of(), o.oldFiles());
        assertEquals(List.of(), o.newFiles());
        assertFalse(o.help());
    }

    @Test
    void emptyValueCarriesNothing() {
        assertEquals(MakeFlags.parse(""), new CommandLineParser().parse(List.of()));
        assertEquals("", MakeFlags.encode(MakeFlags.parse("   ")));
    }

    @Test
    void encodingLayout() {
        Options o = new CommandLineParser().parse(List.of("-ks", "-j4", "-I", "a b", "--eval=$(x)", "V=1"));
        assertEquals("ks -Ia\\ b -j4 --jobserver-auth=3,4 --eval=$$(x) -- V=1",
                MakeFlags.encode(o, Optional.of("3,4"), CommandVariable.resolve(o.variables(), Map.of())));
        assertEquals("-ks -Ia\\ b -j4 --jobserver-auth=3,4", MakeFlags.encodeMflags(o, Optional.of("3,4")));
        Options noLetters = new CommandLineParser().parse(List.of("-j", "V=1"));
        assertEquals(" -j -- V=1", MakeFlags.encode(noLetters));
        assertEquals("-j", MakeFlags.encodeMflags(noLetters, Optional.empty()));
        assertEquals("", MakeFlags.encodeMflags(new CommandLineParser().parse(List.of("V=1")), Optional.empty()));
    }

    @Test
    void overridesAreQuoted() {
        assertEquals("B=x\\ y A:=$$z C=a\\\\b", MakeFlags.overrides(List.of(new CommandVariable("B", false, "x y"),
                new CommandVariable("A", true, "$z"), new CommandVariable("C", false, "a\\b"))));
        assertEquals("", MakeFlags.overrides(List.of()));
    }

    @Test
    void encodeThenParseKeepsTheOptions() {
        Options o = new CommandLineParser().parse(
                List.of("-kin", "-j3", "-l1.5", "-Oline", "--debug=b", "--trace", "-I/x y", "A=a b", "B:=$$"));
        Options back = MakeFlags.parse(MakeFlags.encode(o));
        assertEquals(o.keepGoing(), back.keepGoing());
        assertEquals(o.jobs(), back.jobs());
        assertEquals(o.maxLoad(), back.maxLoad());
        assertEquals(o.outputSync(), back.outputSync());
        assertEquals(o.debugFlags(), back.debugFlags());
        assertEquals(o.includeDirs(), back.includeDirs());
        assertEquals(List.of("B:=$", "A=a b"), back.variables());
    }
}
