package dev.jmake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jmake(1): every option of {@code --help}, rendered by groff without a warning. */
class ManPageTest {
    @TempDir
    Path dir;

    @Test
    void rendersWithoutWarnings() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/groff")), "groff is not installed");
        Path page = dir.resolve("jmake.1");
        Files.writeString(page, ManPage.render("0.1.0"));
        Rendered rendered = groff(page);
        assertEquals("", rendered.stderr());
        assertEquals(0, rendered.status());
        assertTrue(rendered.stdout().contains("--trace=MODE"), rendered.stdout());
    }

    @Test
    void listsEveryOptionOfTheHelpText() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/groff")), "groff is not installed");
        Path page = dir.resolve("jmake.1");
        Files.writeString(page, ManPage.render("0.1.0"));
        String text = groff(page).stdout();
        for (HelpEntry entry : HelpText.gnuOptions()) {
            assertTrue(text.contains(entry.syntax()), entry.syntax());
        }
        for (JmakeOption option : JmakeOption.values()) {
            assertTrue(text.contains(option.helpEntry().syntax()), option.toString());
            assertTrue(text.contains(option.helpEntry().description()), option.toString());
        }
        assertTrue(text.contains("Report bugs at https://github.com/jmake-dev/jmake/issues"), text);
    }

    @Test
    void namesTheVersionInItsTitle() {
        assertEquals(".TH JMAKE 1 \"\" \"jmake 1.2.3\" \"User Commands\"",
                ManPage.render("1.2.3").lines().findFirst().orElseThrow());
    }

    @Test
    void escapesMinusSignsBackslashesAndLeadingDots() {
        assertEquals("\\-j \\e", ManPage.escape("-j \\"));
        assertEquals("\\&.PHONY", ManPage.escape(".PHONY"));
    }

    private record Rendered(String stdout, String stderr, int status) {
    }

    /** The page as plain text (hyphenation and adjustment off, so that words stay whole), its warnings. */
    private Rendered groff(Path page) throws Exception {
        Path err = dir.resolve("groff.err");
        Process process = new ProcessBuilder(List.of("groff", "-man", "-Tutf8", "-ww", "-rLL=200n", "-rHY=0",
                "-dAD=l", page.toString())).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "groff timed out");
        return new Rendered(out.replaceAll(".\b", "").replace('\u2010', '-').replace('\u2212', '-'),
                Files.readString(err), process.exitValue());
    }
}
