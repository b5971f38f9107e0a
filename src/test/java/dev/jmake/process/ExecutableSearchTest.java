package dev.jmake.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutableSearchTest {
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
        assertTrue(ExecutableSearch.findable("tool", path, dir));
        assertFalse(ExecutableSearch.findable("missing", path, dir));
    }

    @Test
    void skipsFilesThatCannotBeExecutedAndDirectories() throws IOException {
        file("a/tool", "rw-r--r--");
        Files.createDirectories(dir.resolve("b/tool"));
        String path = dir.resolve("a") + ":" + dir.resolve("b");
        assertFalse(ExecutableSearch.findable("tool", path, dir));
    }

    @Test
    void anEmptyEntryAndARelativeEntryAreTheChildsDirectory() throws IOException {
        file("here", "rwxr-xr-x");
        file("sub/there", "rwxr-xr-x");
        assertTrue(ExecutableSearch.findable("here", "/nonexistent:", dir));
        assertTrue(ExecutableSearch.findable("there", "sub", dir));
        assertFalse(ExecutableSearch.findable("here", "/nonexistent", dir));
    }

    @Test
    void aNameWithASlashIsTheFileItselfAndPathIsNotSearched() throws IOException {
        file("sub/tool", "rwxr-xr-x");
        assertTrue(ExecutableSearch.findable("sub/tool", "/nonexistent", dir));
        assertTrue(ExecutableSearch.findable(dir.resolve("sub/tool").toString(), null, Path.of("/")));
        assertFalse(ExecutableSearch.findable("tool", "/nonexistent", dir.resolve("sub")));
    }

    @Test
    void unsetPathIsGlibcsDefaultAndAnEmptyNameIsNeverFound() {
        assertTrue(ExecutableSearch.findable("sh", null, dir)); // /bin/sh
        assertFalse(ExecutableSearch.findable("", null, dir));
    }
}
