package dev.jmake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.syntax.MakeError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CommandLineParserTest {
    private final CommandLineParser parser = new CommandLineParser();

    private Options parse(String... argv) {
        return parser.parse(List.of(argv));
    }

    @Test
    void aCommandLineParsedAgainGivesTheSameOptionsUnlessTheFlagsVariablesDiffer() {
        List<String> argv = new ArrayList<>(List.of("-C", "d1", "all"));
        Options first = parser.parse(argv, Map.of("MAKEFLAGS", "s", "MAKELEVEL", "1", "PATH", "/bin"));
        argv.set(2, "other"); // the caller's list may change afterwards
        assertEquals(List.of("all"), first.goals());
        Options again = parser.parse(List.of("-C", "d1", "all"), Map.of("MAKEFLAGS", "s", "MAKELEVEL", "1"));
        assertTrue(again == first);
        assertEquals(first, parser.parse(List.of("-C", "d1", "all"), Map.of("MAKEFLAGS", "s", "MAKELEVEL", "1")));
        assertFalse(parser.parse(List.of("-C", "d1", "all"), Map.of("MAKEFLAGS", "k", "MAKELEVEL", "1")).silent());
        assertTrue(parser.parse(List.of("-C", "d1", "all"), Map.of("GNUMAKEFLAGS", "k", "MAKEFLAGS", "s",
                "MAKELEVEL", "1")).keepGoing());
        assertTrue(parser.parse(List.of("all"), Map.of("MAKELEVEL", "1")).printDirectory());
        assertFalse(parser.parse(List.of("all"), Map.of()).printDirectory());
        assertThrows(UsageError.class, () -> parse("--compile=x"));
        assertThrows(UsageError.class, () -> parse("--compile=x"));
    }

    @Test
    void oneParserParsesAgainWithNothingLeftFromBefore() {
        Options first = parse("-k", "-j4", "-C", "dir", "goal", "V=1");
        Options second = parse("-s");
        assertEquals(List.of("goal"), first.goals());
        assertTrue(first.keepGoing());
        assertEquals(List.of(), second.goals());
        assertEquals(List.of(), second.variables());
        assertFalse(second.keepGoing());
        assertTrue(second.silent());
    }

    @Test
    void bundledFlagsAndJobs() {
        Options o = parse("-kj4");
        assertTrue(o.keepGoing());
        assertEquals(new JobLimit.Slots(4), o.jobs());
        Options sk = parse("-sk");
        assertTrue(sk.silent() && sk.keepGoing());
    }

    @Test
    void attachedAndSeparateArguments() {
        assertEquals(List.of("dir", "sub"), parse("-Cdir", "-C", "sub").directories());
        assertEquals(List.of("Makefile", "other.mk", "third.mk"),
                parse("-fMakefile", "--file=other.mk", "--makefile", "third.mk").makefiles());
        assertEquals(List.of("inc", "inc2"), parse("-Iinc", "--include-dir", "inc2").includeDirs());
        assertEquals(List.of("a"), parse("--dir=a").directories());
    }

    @Test
    void optionalNumericArgumentTakesOnlyANumber() {
        Options four = parse("-j", "4");
        assertEquals(new JobLimit.Slots(4), four.jobs());
        assertEquals(List.of(), four.goals());
        Options all = parse("-j", "all");
        assertEquals(new JobLimit.Unlimited(), all.jobs());
        assertEquals(List.of("all"), all.goals());
        assertEquals(new JobLimit.Slots(3), parse("--jobs", "3").jobs());
        assertEquals(new JobLimit.Slots(4), parse("--jobs=0004").jobs());
        assertEquals(new JobLimit.Unset(), parse().jobs());
        assertEquals(new JobLimit.Unlimited(), parse("-j2", "-j").jobs());
    }

    @Test
    void loadAverage() {
        assertEquals(OptionalDouble.of(2.5), parse("-l", "2.5").maxLoad());
        assertEquals(OptionalDouble.of(0.5), parse("--load-average", ".5").maxLoad());
        Options x = parse("-l", "x");
        assertEquals(OptionalDouble.empty(), x.maxLoad());
        assertEquals(List.of("x"), x.goals());
        assertEquals(OptionalDouble.of(0), parse("-lx").maxLoad());
        assertEquals(OptionalDouble.empty(), parse("-l3", "-l").maxLoad());
    }

    @Test
    void optionsMayFollowGoalsAndDoubleDashEndsThem() {
        Options o = parse("all", "-k", "B=1", "--", "-s", "C:=2");
        assertTrue(o.keepGoing());
        assertFalse(o.silent());
        assertEquals(List.of("all", "-s"), o.goals());
        assertEquals(List.of("B=1", "C:=2"), o.variables());
        assertEquals(List.of("--"), parse("--", "--").goals());
    }

    @Test
    void operandsAreVariablesOrGoalsInOrder() {
        Options o = parse("a", "B=1", "b", "C+=x y", "override D=1", ".WAIT", "c", "-", "", "E ?= 3");
        assertEquals(List.of("a", "b", "override D=1", ".WAIT", "c"), o.goals());
        assertEquals(List.of("B=1", "C+=x y", "E ?= 3"), o.variables());
    }

    @Test
    void argumentsThatLookLikeOptionsOrAtFilesStayLiteral() {
        assertEquals(List.of("--trace", "-k"), parse("-f", "--trace", "--file=-k").makefiles());
        assertEquals(List.of("a=b=c"), parse("--eval=a=b=c").evals());
        assertEquals(List.of("@foo"), parse("-f", "@foo").makefiles());
        assertEquals(List.of("@goal"), parse("@goal").goals());
        assertEquals(List.of("a=b"), parse("-C", "a=b").directories());
    }

    @Test
    void directoriesAccumulate() {
        Path start = Path.of("/start");
        assertEquals(Path.of("/start/a/b"), parse("-C", "a", "-C", "b").directory(start));
        assertEquals(Path.of("/abs/c"), parse("-C", "a", "-C", "/abs", "-Cc").directory(start));
        assertEquals(start, parse().directory(start));
    }

    @Test
    void lastOfOpposingSwitchesWins() {
        assertFalse(parse("-k", "-S").keepGoing());
        assertTrue(parse("-S", "-k").keepGoing());
        assertFalse(parse("-s", "--no-silent").silent());
        assertTrue(parse("--no-silent", "--quiet").silent());
        assertEquals(Optional.of("5,6"), parse("--jobserver-auth=3,4", "--jobserver-fds=5,6").jobserverAuth());
    }

    @Test
    void bareTraceIsGnusAndTraceWithAModeIsJmakesIoTracing() {
        Options bare = parse("--trace");
        assertTrue(bare.trace());
        assertEquals(Optional.empty(), bare.traceMode());
        Options error = parse("--trace=error", "warn");
        assertFalse(error.trace());
        assertEquals(Optional.of(TraceMode.ERROR), error.traceMode());
        assertEquals(List.of("warn"), error.goals(), "an optional argument is never the next word");
        assertEquals(Optional.of(TraceMode.OFF), parse("--trace=warn", "--tr=off").traceMode());
        assertEquals(Optional.of("r.json"), parse("--trace-report=r.json").traceReport());
        assertEquals(Optional.of("s.json"), parse("--trace-report", "s.json").traceReport());
        MakeError bad = assertThrows(MakeError.class, () -> parse("--trace=loud"));
        assertEquals("unknown trace mode 'loud' (expected warn, error or off)", bad.getMessage());
    }

    @Test
    void compileCommandsTakesAFileUnderItsFullNameOnlyAndNotFromMakeflags() {
        assertEquals(Optional.of("cc.json"), parse("--compile-commands=cc.json").compileCommands());
        assertEquals(Optional.of("x.json"), parse("--compile-commands", "x.json").compileCommands());
        assertEquals(Optional.empty(), parse().compileCommands());
        assertThrows(UsageError.class, () -> parse("--compile=x"));
        assertEquals(Optional.empty(), parser.parse(List.of(), Map.of("MAKEFLAGS", " --compile-commands=x"))
                .compileCommands());
    }

    @Test
    void traceReportIsOnlyItsFullNameAndTheModeIsNotTakenFromMakeflags() {
        assertThrows(UsageError.class, () -> parse("--trace-rep=x"));
        Options o = parser.parse(List.of(), Map.of("MAKEFLAGS", " --trace=error --trace"));
        assertTrue(o.trace());
        assertEquals(Optional.empty(), o.traceMode());
    }

    @Test
    void longNamesAliasesAndPrefixes() {
        assertTrue(parse("--just-print").justPrint());
        assertTrue(parse("--dry-run").justPrint());
        assertTrue(parse("--recon").justPrint());
        assertTrue(parse("--just").justPrint());
        assertTrue(parse("--tr").trace());
        assertEquals(List.of("x"), parse("--assume-new=x").newFiles());
        assertEquals(List.of("y", "z"), parse("--old-file", "y", "--assume-old=z").oldFiles());
        assertEquals(List.of("w"), parse("-Ww").newFiles());
    }

    @Test
    void optionalStringArgumentsDefault() {
        assertEquals(Optional.of(OutputSync.TARGET), parse("-O").outputSync());
        assertEquals(Optional.of(OutputSync.LINE), parse("-Oline").outputSync());
        assertEquals(List.of("basic"), parse("--debug").debugFlags());
        assertEquals(List.of("v,j"), parse("--debug=v,j").debugFlags());
    }

    @Test
    void jmakeOptionsNeedTheirFullNames() {
        Options o = parse("--jobserver-style=fifo", "--shuffle", "--no-status");
        assertEquals(Optional.of(JobserverStyle.FIFO), o.jobserverStyle());
        assertEquals(Optional.of("random"), o.shuffle());
        assertTrue(o.noStatus());
        assertEquals(Optional.of("reverse"), parse("--shuffle=reverse").shuffle());
        UsageError e = assertThrows(UsageError.class, () -> parse("--jobserver-st=pipe"));
        assertEquals(List.of(new UsageError.Message(true, "unrecognized option '--jobserver-st=pipe'")), e.messages());
        assertTrue(parse("--no-s").silent() == false && parse("-s", "--no-s").silent() == false);
    }

    @Test
    void noServerIsTheLaunchersOptionAndLeavesNothingBehind() {
        // bin/jmake runs in process when it sees --no-server; jmake itself accepts it anywhere an option may be.
        Options without = parse("-k", "-j2", "goal", "V=1");
        Options with = parse("--no-server", "-k", "-j2", "goal", "--no-server", "V=1");
        assertEquals(without, with);
        assertEquals(MakeFlags.encode(without), MakeFlags.encode(with));
        assertEquals(without, parser.parse(List.of("-k", "-j2", "goal", "V=1"), Map.of("MAKEFLAGS", "--no-server")));
        UsageError e = assertThrows(UsageError.class, () -> parse("--no-serv"));
        assertEquals(List.of(new UsageError.Message(true, "unrecognized option '--no-serv'")), e.messages());
    }

    @Test
    void simpleFlags() {
        Options o = parse("-B", "-d", "-e", "-h", "-i", "-L", "-n", "-p", "-q", "-R", "-t", "-v", "-w", "-b", "-m",
                "--trace", "--warn-undefined-variables");
        assertTrue(o.alwaysMake() && o.debugAll() && o.environmentOverrides() && o.help() && o.ignoreErrors()
                && o.checkSymlinkTimes() && o.justPrint() && o.printDataBase() && o.question() && o.touch()
                && o.version() && o.printDirectory() && o.trace() && o.warnUndefinedVariables());
        assertTrue(o.noBuiltinVariables() && o.noBuiltinRules(), "-R implies -r");
    }

    @Test
    void printDirectoryFollowsGnuDefaults() {
        assertTrue(parse("-C", ".").printDirectory());
        assertFalse(parse("-C", ".", "-s").printDirectory());
        assertTrue(parse("-C", ".", "-s", "-w").printDirectory());
        assertFalse(parse("-w", "--no-print-directory").printDirectory());
        assertTrue(parser.parse(List.of(), Map.of("MAKELEVEL", "1")).printDirectory());
        assertFalse(parser.parse(List.of(), Map.of("MAKELEVEL", "0")).printDirectory());
    }

    @Test
    void environmentComesFirstAndTheCommandLineWins() {
        Map<String, String> env = Map.of("GNUMAKEFLAGS", "i -- G=1", "MAKEFLAGS", "ks -j3 -- G=2 H=3");
        Options o = parser.parse(List.of("-S", "G=4", "goal"), env);
        assertTrue(o.ignoreErrors() && o.silent());
        assertFalse(o.keepGoing());
        assertEquals(new JobLimit.Slots(3), o.jobs());
        assertEquals(List.of("G=1", "G=2", "H=3", "G=4"), o.variables());
        assertEquals(List.of("goal"), o.goals());
    }

    @Test
    void badOptionsInTheEnvironmentAreIgnored() {
        Options o = parser.parse(List.of(), Map.of("MAKEFLAGS", "kZ --foo -j0 -C dir -f file"));
        assertTrue(o.keepGoing());
        assertEquals(new JobLimit.Unset(), o.jobs());
        assertEquals(List.of(), o.directories());
        assertEquals(List.of(), o.makefiles());
    }

    @Test
    void usageErrorListsEveryBadOptionInOrder() {
        UsageError e = assertThrows(UsageError.class, () -> parse("-Z", "-j0", "--foo", "all"));
        assertEquals(List.of(UsageError.Message.getopt("invalid option -- 'Z'"),
                UsageError.Message.make("the '-j' option requires a positive integer argument"),
                UsageError.Message.getopt("unrecognized option '--foo'")), e.messages());
        assertTrue(e.render("./jmake", "jmake").startsWith(
                "./jmake: invalid option -- 'Z'\njmake: the '-j' option requires a positive integer argument\n"
                        + "./jmake: unrecognized option '--foo'\nUsage: jmake [options] [target] ...\n"));
    }

    @Test
    void jobCountsBeyondAnIntAreRejected() {
        assertThrows(UsageError.class, () -> parse("-j99999999999"));
    }
}
