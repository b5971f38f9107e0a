package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartedProgramsTest {
    @Test
    void namesAreFoundAsExecvpFindsThem(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("tool"), "not executable");
        Path tool = Files.writeString(bin.resolve("tool"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        // The first executable candidate along PATH; a name with a slash is relative to the directory.
        assertEquals(Optional.of(List.of(tool, dir.resolve("run.sh"))),
                new StartedPrograms(List.of("tool", "./run.sh"), other + ":" + bin, dir).files());
        // An empty PATH entry is the directory itself.
        assertEquals(Optional.of(List.of(tool)), new StartedPrograms(List.of("tool"), ":/nonexistent", bin).files());
        // One name not found: nothing is known.
        assertEquals(Optional.empty(), new StartedPrograms(List.of("tool", "nothere"), bin.toString(), dir).files());
        // PATH unset: glibc's default.
        assertEquals(Optional.of(List.of(Path.of("/bin/sh"))), new StartedPrograms(List.of("sh"), null, dir).files());
    }
}
