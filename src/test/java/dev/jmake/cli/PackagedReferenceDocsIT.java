package dev.jmake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** After {@code package} (failsafe runs then): the build wrote the man page and the completion into target/. */
class PackagedReferenceDocsIT {
    @Test
    void theBuildWroteTheManPageAndTheCompletion() throws Exception {
        Path completion = Path.of("target/completion/jmake.bash");
        Path man = Path.of("target/man/jmake.1");
        assertTrue(Files.isRegularFile(completion), completion + " was not built");
        assertTrue(Files.isRegularFile(man), man + " was not built");
        assertEquals(BashCompletion.script(), Files.readString(completion));
        String page = Files.readString(man);
        Matcher title = Pattern.compile("\\A\\.TH JMAKE 1 \"\" \"jmake ([^\"]+)\"").matcher(page);
        assertTrue(title.find(), "a man page's title line: " + page.lines().findFirst().orElse(""));
        assertEquals(ManPage.render(title.group(1)), page);
    }
}
