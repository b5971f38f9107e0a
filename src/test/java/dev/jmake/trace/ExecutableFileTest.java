package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ExecutableFileTest {
    @Test
    void dynamicAndStaticElfAreToldApartByTheProgramInterpreter(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("p.c"), "int main(void){return 0;}\n");
        for (String variant : List.of("-static", "-static-pie", "-no-pie", "-pie")) {
            Path out = dir.resolve("p" + variant);
            TracedRuns.Run cc = TracedRuns.plain(dir, List.of("gcc", variant, "-o", out.toString(), "p.c"));
            assertEquals(0, cc.status(), cc.output());
            ExecutableFile.Kind expected = variant.startsWith("-static")
                    ? ExecutableFile.Kind.STATIC_ELF : ExecutableFile.Kind.DYNAMIC_ELF;
            assertEquals(expected, ExecutableFile.inspect(out).kind(), variant);
        }
        assertEquals("statically linked", ExecutableFile.inspect(dir.resolve("p-static")).whyUntraced());
        assertEquals(ExecutableFile.Kind.DYNAMIC_ELF, ExecutableFile.inspect(Path.of("/bin/sh")).kind());
    }

    @Test
    void scriptsNameTheirInterpreterAndSetuidIsNoticed(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("s"), "#! /usr/bin/env python3 -u\nprint(1)\n");
        ExecutableFile f = ExecutableFile.inspect(script);
        assertEquals(ExecutableFile.Kind.SCRIPT, f.kind());
        assertEquals(Path.of("/usr/bin/env"), f.interpreter());
        assertFalse(f.privileged());
        assertEquals(ExecutableFile.Kind.OTHER, ExecutableFile.inspect(Files.writeString(dir.resolve("t"), "x")).kind());
        Path setuid = Files.copy(Path.of("/bin/true"), dir.resolve("su-true"));
        Files.setAttribute(setuid, "unix:mode", 04755);
        assertEquals("setuid or setgid", ExecutableFile.inspect(setuid).whyUntraced());
    }

    @Test
    void a32BitProgramIsToldApart(@TempDir Path dir) throws Exception {
        // The ELF identification of an i386 executable (class 1, little-endian) and the rest of its 52-byte header.
        byte[] header = new byte[64];
        byte[] ident = {0x7f, 'E', 'L', 'F', 1, 1, 1};
        System.arraycopy(ident, 0, header, 0, ident.length);
        header[0x10] = 2; // ET_EXEC
        header[0x12] = 3; // EM_386
        ExecutableFile f = ExecutableFile.inspect(Files.write(dir.resolve("i386"), header));
        assertEquals(ExecutableFile.Kind.ELF32, f.kind());
        assertEquals("a 32-bit program", f.whyUntraced());
    }
}
