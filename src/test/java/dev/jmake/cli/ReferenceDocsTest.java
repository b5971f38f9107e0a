package dev.jmake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the build writes at {@code package}: the man page and the completion under the directory given. */
class ReferenceDocsTest {
    @TempDir
    Path dir;

    @Test
    void writesTheManPageAndTheCompletion() throws Exception {
        ReferenceDocs.main(new String[] {"0.1.0", dir.toString()});
        assertEquals(ManPage.render("0.1.0"), Files.readString(dir.resolve("man/jmake.1")));
        assertEquals(BashCompletion.script(), Files.readString(dir.resolve("completion/jmake.bash")));
    }

    @Test
    void theBuildWroteThemIntoTarget() throws Exception {
        // Surefire runs after `package` only when asked; the files of the last package are checked when present.
        Path built = Path.of("target/completion/jmake.bash");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(built), "no package yet");
        assertEquals(BashCompletion.script(), Files.readString(built));
        assertEquals(".TH JMAKE 1", Files.readString(Path.of("target/man/jmake.1")).substring(0, 11));
    }
}
