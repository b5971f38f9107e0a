package dev.jmake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jmake.syntax.MakeError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad command lines: jmake's messages and exit status against /usr/bin/make's. */
class CommandLineErrorsTest {
    @TempDir
    Path dir;

    static Stream<Arguments> badCommandLines() {
        return Stream.of(
                List.of("-Z"), List.of("--foo"), List.of("--foo=1"), List.of("-j0"), List.of("-j", "-1"),
                List.of("-jx"), List.of("--jobs=x"), List.of("--jobs=0"), List.of("-j", "0"), List.of("-C"),
                List.of("--file"), List.of("--no"), List.of("--jobs="), List.of("-f", ""), List.of("--help=x"),
                List.of("--he=x"), List.of("-Z", "-Y", "--bar"), List.of("--debug="), List.of("--output-sync="),
                List.of("--eval="), List.of("-I", ""), List.of("--jobserver-auth="), List.of("--j=2"),
                List.of("--jo=2"), List.of("-jk"), List.of("-j3k"), List.of("-j4x"), List.of("-kZs"),
                List.of("-j", ""), List.of("--print"), List.of("--assume-"), List.of("--q"),
                List.of("-Z", "-j0", "--foo", "all", "-k"), List.of("-l", "-5"), List.of("all", "-X"),
                List.of("-k", "--directory"))
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("badCommandLines")
    void reportsBadOptionsLikeGnuMake(List<String> argv) throws Exception {
        Files.writeString(dir.resolve("Makefile"), GnuMake.ECHO_FLAGS);
        GnuMake.Result make = GnuMake.run(dir, argv, Map.of());
        assertEquals(UsageError.EXIT_STATUS, make.status());
        UsageError error = assertThrows(UsageError.class, () -> new CommandLineParser().parse(argv));
        assertEquals(make.stderr(), error.render("/usr/bin/make", "make"));
    }

    static Stream<Arguments> fatalCommandLines() {
        return Stream.of("--debug=z", "--debug=p", "--debug=b,z", "--debug=a --debug=x", "-Ofoo",
                        "--output-sync=foo", "=x", "A=1 =x")
                .map(line -> Arguments.of(Arrays.asList(line.split(" "))));
    }

    @ParameterizedTest
    @MethodSource("fatalCommandLines")
    void reportsFatalErrorsLikeGnuMake(List<String> argv) throws Exception {
        Files.writeString(dir.resolve("Makefile"), GnuMake.ECHO_FLAGS);
        GnuMake.Result make = GnuMake.run(dir, argv, Map.of());
        assertEquals(2, make.status());
        MakeError error = assertThrows(MakeError.class, () -> new CommandLineParser().parse(argv));
        assertEquals(make.stderr(), "make: *** " + error.getMessage() + ".  Stop.\n");
    }

    @Test
    void helpTextIsGnuMakes() throws Exception {
        GnuMake.Result make = GnuMake.run(dir, List.of("--help"), Map.of());
        assertEquals(0, make.status());
        assertEquals(make.stdout(), HelpText.usage("make"));
        Options options = new CommandLineParser().parse(List.of("--help"));
        assertEquals(true, options.help());
    }

    @Test
    void usageNamesTheProgram() {
        assertEquals("Usage: jmake [options] [target] ...\nOptions:\n",
                HelpText.usage("jmake").lines().limit(2).map(l -> l + "\n").reduce("", String::concat));
    }

    @Test
    void versionBannerClaimsCompatibility() {
        String banner = HelpText.version("0.1.0");
        assertEquals("jmake 0.1.0", banner.lines().findFirst().orElseThrow());
        assertEquals(true, banner.contains("compatible with GNU Make 4.3"));
    }
}
