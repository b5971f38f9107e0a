package dev.jmake.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandardOutputsTest {
    private final FileDescriptors fds = new FileDescriptors(StandardCharsets.ISO_8859_1);

    @Test
    void twoDescriptorsAreOneFileWhenTheyAreOpenOnTheSameFile(@TempDir Path dir) throws IOException {
        Path log = Files.writeString(dir.resolve("log"), "");
        Path other = Files.writeString(dir.resolve("other"), "");
        Path link = Files.createSymbolicLink(dir.resolve("link"), log);
        int a = fds.open(log, OpenMode.WRITE, false);
        int b = fds.open(link, OpenMode.WRITE, false);
        int c = fds.open(other, OpenMode.WRITE, false);
        try {
            assertTrue(new StandardOutputs(a, b).sameFile());
            assertFalse(new StandardOutputs(a, c).sameFile());
            assertFalse(new StandardOutputs(a, 1_000_000).sameFile(), "a closed descriptor is another file");
        } finally {
            fds.close(a);
            fds.close(b);
            fds.close(c);
        }
    }
}
