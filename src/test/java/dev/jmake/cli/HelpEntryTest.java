package dev.jmake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** GNU's two-column layout of an option in {@code --help}, both ways. */
class HelpEntryTest {
    @Test
    void aShortSyntaxSharesItsLineWithTheDescription() {
        assertEquals("  --no-status                 No progress line.\n",
                new HelpEntry("--no-status", "No progress line.").render());
    }

    @Test
    void aSyntaxThatLeavesLessThanTwoBlanksPutsTheDescriptionOnTheNextLine() {
        assertEquals("  -e, --environment-overrides\n                              Environment variables override.\n",
                new HelpEntry("-e, --environment-overrides", "Environment variables override.").render());
    }

    @Test
    void aSyntaxOfTwentySixColumnsStillFits() {
        assertEquals("  --warn-undefined-variables  Warn.\n",
                new HelpEntry("--warn-undefined-variables", "Warn.").render());
    }

    @Test
    void parsingGnuMakesOptionsAndRenderingThemGivesItsTextBack() {
        String rendered = HelpText.gnuOptions().stream().map(HelpEntry::render).reduce("", String::concat);
        String usage = HelpText.usage("make");
        int start = usage.indexOf("Options:\n") + "Options:\n".length();
        assertEquals(usage.substring(start, usage.indexOf("\n\nThis program") + 1), rendered);
    }

    @Test
    void parsesBothLayouts() {
        assertEquals(List.of(new HelpEntry("-b, -m", "Ignored."), new HelpEntry("-C DIR, --directory=DIR", "Change.")),
                HelpEntry.parse("Options:\n  -b, -m                      Ignored.\n  -C DIR, --directory=DIR\n"
                        + "                              Change.\n"));
    }
}
