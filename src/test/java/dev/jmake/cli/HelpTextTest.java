package dev.jmake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --help}: GNU make 4.3's text byte for byte up to its bug-report line, then jmake's own section. */
class HelpTextTest {
    private static final String GNU_BUG_LINE = "Report bugs to <bug-make@gnu.org>\n";

    @TempDir
    Path dir;

    @Test
    void gnuPartIsGnuMakesHelpUpToItsBugReportLine() throws Exception {
        GnuMake.Result make = GnuMake.run(dir, List.of("--help"), Map.of());
        assertEquals(0, make.status());
        assertTrue(make.stdout().endsWith(GNU_BUG_LINE), make.stdout());
        String gnuPart = make.stdout().substring(0, make.stdout().length() - GNU_BUG_LINE.length());
        String help = HelpText.help("make");
        assertEquals(gnuPart, help.substring(0, gnuPart.length()));
        assertFalse(help.contains("bug-make@gnu.org"));
    }

    @Test
    void gnuPartNamesTheProgram() {
        String help = HelpText.help("jmake");
        assertTrue(help.startsWith("Usage: jmake [options] [target] ...\nOptions:\n"), help);
        assertEquals(HelpText.help("make").substring("Usage: make".length()),
                help.substring("Usage: jmake".length()));
    }

    @Test
    void endsWithJmakesOwnBugReportLine() {
        assertTrue(HelpText.help("jmake").endsWith("\n\nReport bugs at https://github.com/jmake-dev/jmake/issues\n"));
    }

    @Test
    void jmakeSectionListsEveryOptionTheParserKnowsThatGnusPartDoesNot() {
        String jmakeSection = jmakeSection();
        List<String> unlisted = new ArrayList<>();
        for (Switch.LongName name : Switch.longNames()) {
            String option = "--" + name.name();
            boolean inGnuPart = HelpText.gnuOptions().stream()
                    .anyMatch(e -> List.of(e.syntax().split("[ ,=\\[]+")).contains(option));
            boolean inJmakeSection = jmakeSection.lines().anyMatch(l -> l.startsWith("  " + option + "=")
                    || l.startsWith("  " + option + "[=") || l.startsWith("  " + option + " ")
                    || l.equals("  " + option));
            if (name.target().jmakeOnly() ? !inJmakeSection : !inGnuPart && !name.target().internal()) {
                unlisted.add(option);
            }
        }
        assertEquals(List.of(), unlisted);
    }

    @Test
    void jmakeSectionListsTraceModes() {
        assertTrue(jmakeSection().contains(
                "\n  --trace=MODE                Check recipes' file I/O (MODE: warn, error, off).\n"), jmakeSection());
    }

    @Test
    void jmakeSectionListsEveryJmakeOptionInGnusColumns() {
        String section = jmakeSection();
        for (JmakeOption option : JmakeOption.values()) {
            assertTrue(section.contains(option.helpEntry().render()), option + " in\n" + section);
        }
    }

    @Test
    void saysWhatRestoresDirectOutput() {
        String section = jmakeSection();
        assertTrue(section.contains("captures the output"), section);
        assertTrue(section.contains("-O none, --no-status, -j1 or TERM=dumb"), section);
    }

    @Test
    void fitsEightyColumns() {
        for (String line : HelpText.help("jmake").lines().toList()) {
            assertTrue(line.length() < 80, line);
        }
    }

    @Test
    void usageAfterABadOptionStaysGnuMakes() {
        assertTrue(HelpText.usage("make").endsWith("\n" + GNU_BUG_LINE));
        assertFalse(HelpText.usage("make").contains("jmake"));
    }

    private static String jmakeSection() {
        String help = HelpText.help("jmake");
        return help.substring(help.indexOf("\njmake's own options:\n"));
    }
}
