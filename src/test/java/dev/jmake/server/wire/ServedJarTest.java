package dev.jmake.server.wire;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServedJarTest {
    @TempDir
    Path temp;

    @Test
    void theSameFileIsNotReplacedAnotherTimeAnotherFileOrNoneIs() throws Exception {
        Path jar = Files.writeString(temp.resolve("jmake.jar"), "a jar");
        ServedJar served = ServedJar.of(jar);
        assertFalse(served.replaced());
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        assertTrue(served.replaced(), "touched");

        ServedJar again = ServedJar.of(jar);
        Path rebuilt = Files.writeString(temp.resolve("jmake.jar.new"), "a jar");
        Files.setLastModifiedTime(rebuilt, Files.getLastModifiedTime(jar));
        Files.move(rebuilt, jar, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(again.replaced(), "the same bytes and time in another file");

        ServedJar last = ServedJar.of(jar);
        Files.delete(jar);
        assertTrue(last.replaced(), "removed");
    }

    @Test
    void aJarReachedThroughASymlinkIsTheFileItNames() throws Exception {
        Path jar = Files.writeString(temp.resolve("jmake.jar"), "a jar");
        Path link = Files.createSymbolicLink(temp.resolve("link.jar"), jar);
        ServedJar served = ServedJar.of(link);
        assertFalse(served.replaced());
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        assertTrue(served.replaced());
    }
}
