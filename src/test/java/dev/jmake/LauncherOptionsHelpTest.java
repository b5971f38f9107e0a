package dev.jmake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.cli.CommandLineParser;
import dev.jmake.cli.HelpText;
import dev.jmake.cli.JmakeOption;
import dev.jmake.cli.UsageError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The options the launcher ({@code bin/jmake}), the native client and {@link Main} answer themselves, never seen by
 * the parser, are in {@code --help}'s jmake section too: every option word in their sources is listed there, is a
 * GNU switch the parser takes, or is the launcher's internal {@code --jmake-*} handshake.
 */
class LauncherOptionsHelpTest {
    private static final Pattern OPTION_WORD = Pattern.compile("\"(--[a-z][a-z-]*)|^\\s*(--[a-z][a-z-]*)\\)",
            Pattern.MULTILINE);

    @Test
    void everyLauncherAndClientOptionIsListed() throws IOException {
        TreeSet<String> words = new TreeSet<>();
        List<Path> sources = new ArrayList<>(List.of(Path.of("bin/jmake"), Path.of("bin/jmake-jvm")));
        try (Stream<Path> c = Files.list(Path.of("src/main/c"))) {
            c.filter(p -> p.toString().endsWith(".c")).forEach(sources::add);
        }
        for (Path source : sources) {
            Matcher m = OPTION_WORD.matcher(Files.readString(source));
            while (m.find()) {
                words.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        assertTrue(words.containsAll(List.of("--no-server", "--server-status", "--server-stop")), words.toString());
        List<String> unlisted = new ArrayList<>();
        for (String word : words) {
            if (!word.startsWith("--jmake-") && JmakeOption.named(word.substring(2)).isEmpty() && !gnuSwitch(word)) {
                unlisted.add(word);
            }
        }
        assertEquals(List.of(), unlisted);
    }

    @Test
    void mainsOwnOptionsAreListed() {
        for (String option : List.of(ClientSession.STATUS_OPTION, ClientSession.STOP_OPTION)) {
            assertTrue(HelpText.help("jmake").contains("\n  " + option + " "), option);
        }
    }

    private static boolean gnuSwitch(String word) {
        try {
            new CommandLineParser().parse(List.of(word + "=1"));
            return true;
        } catch (UsageError e) {
            return false;
        }
    }
}
