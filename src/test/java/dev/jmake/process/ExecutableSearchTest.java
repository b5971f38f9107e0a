package dev.jmake.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutableSearchTest {
    private final ExecutableSearch search = new ExecutableSearch(new NativeLibrary(), StandardCharsets.ISO_8859_1);

    @TempDir
    Path dir;

    private Path file(String name, String permissions) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void findsAProgramAlongPathLikeExecvp() throws IOException {
        file("b/tool", "rwxr-xr-x");
        String path = dir.resolve("a") + ":" + dir.resolve("b");
        assertTrue(search.findable("tool", path, dir.toString()));
        assertFalse(search.findable("missing", path, dir.toString()));
    }

    @Test
    void skipsFilesThatCannotBeExecuted() throws IOException {
        file("a/tool", "rw-r--r--");
        String path = dir.resolve("a") + ":" + dir.resolve("b");
        assertFalse(search.findable("tool", path, dir.toString()));
        file("b/tool", "rwxr--r--");
        assertTrue(search.findable("tool", path, dir.toString()));
    }

    @Test
    void anEmptyEntryAndARelativeEntryAreTheChildsDirectory() throws IOException {
        file("here", "rwxr-xr-x");
        file("sub/there", "rwxr-xr-x");
        assertTrue(search.findable("here", "/nonexistent:", dir.toString()));
        assertTrue(search.findable("there", "sub", dir.toString()));
        assertFalse(search.findable("here", "/nonexistent", dir.toString()));
    }

    @Test
    void aNameWithASlashIsTheFileItselfAndPathIsNotSearched() throws IOException {
        file("sub/tool", "rwxr-xr-x");
        assertTrue(search.findable("sub/tool", "/nonexistent", dir.toString()));
        assertTrue(search.findable(dir.resolve("sub/tool").toString(), null, "/"));
        assertFalse(search.findable("tool", "/nonexistent", dir.resolve("sub").toString()));
    }

    @Test
    void unsetPathIsGlibcsDefaultAndAnEmptyNameIsNeverFound() {
        assertTrue(search.findable("sh", null, dir.toString())); // /bin/sh
        assertFalse(search.findable("", null, dir.toString()));
    }

    @Test
    void aProgramFoundOnceIsTakenAsFoundAgainForTheSamePath() throws IOException {
        Path tool = file("a/tool", "rwxr-xr-x");
        String path = dir.resolve("a").toString();
        assertTrue(search.findable("tool", path, dir.toString()));
        Files.delete(tool);
        assertTrue(search.findable("tool", path, dir.toString()), "remembered, as a shell's hash table");
        assertFalse(search.findable("tool", path + ":/nonexistent", dir.toString()), "another PATH is searched");
    }
}
