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
}
