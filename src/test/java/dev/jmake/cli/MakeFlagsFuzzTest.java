package dev.jmake.cli;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jmake.fuzz.Fuzz;
import dev.jmake.syntax.MakeError;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the MAKEFLAGS parser and the command line parser (which reads MAKEFLAGS from the environment too) with
 * strings of option letters, long options, numbers, assignments and quoting: parsing either gives options or ends in
 * a {@link UsageError} or {@link MakeError}, never in another exception (the budget: {@link Fuzz}).
 */
class MakeFlagsFuzzTest {
    private static final String[] PIECES = {
        "-", "--", " ", "  ", "\t", "k", "j", "j4", "-j", "-j0", "-j99999999999999999999", "-l", "-l2.5", "s", "n", "r",
        "R", "e", "i", "B", "w", "I", "-I", "-C", "-f", "-o", "-W", "-O", "-Oline", "--jobserver-auth=3,4",
        "--jobserver-auth=fifo:", "--jobserver-fds=", "--debug", "--debug=", "--debug=b,v", "--trace", "--eval=",
        "--shuffle", "--shuffle=", "--shuffle=reverse", "--shuffle=-1", "--no-print-directory", "--warn-undefined",
        "--no-", "--x", "=", "V=1", "A\\ B=c", "$$", "$(", "\\", "'", "\"", "1", "0", "-1", ",", "x", "\u00e9", "\0",
    };

    @Test
    void parsingRandomMakeflagsThrowsOnlyMakesOwnErrors() {
        SplittableRandom random = Fuzz.random();
        CommandLineParser parser = new CommandLineParser();
        for (int i = Fuzz.tries(600); i > 0; i--) {
            String flags = flags(random);
            parsesOrFailsWithOwnError(flags, () -> MakeFlags.parse(flags));
            List<String> argv = List.of(flags(random).split(" "));
            parsesOrFailsWithOwnError(argv + " with MAKEFLAGS " + Fuzz.quoted(flags),
                    () -> parser.parse(argv, Map.of("MAKEFLAGS", flags)));
        }
    }

    @Test
    void regressionsFoundByTheFuzzer() {
        CommandLineParser parser = new CommandLineParser();
        // -j past Long's range threw NumberFormatException; "-f--" reached picocli as its end-of-options "--".
        for (List<String> argv : List.of(List.of("-j99999999999999999999"), List.of("-f--"), List.of("-I", "--"))) {
            parsesOrFailsWithOwnError(argv.toString(), () -> parser.parse(argv, Map.of()));
        }
        parsesOrFailsWithOwnError("-j99999999999999999999", () -> MakeFlags.parse("-j99999999999999999999"));
    }

    private static String flags(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(12); n > 0; n--) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    private static void parsesOrFailsWithOwnError(String input, Runnable parse) {
        try {
            parse.run();
        } catch (UsageError | MakeError expected) {
            // make's own errors: a usage message or a fatal error
        } catch (RuntimeException e) {
            fail(new AssertionError("parsing " + Fuzz.quoted(input) + " threw " + e, e));
        }
    }
}
