package dev.jmake.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArArchiveTest {
    @TempDir
    Path dir;

    /** Runs the real {@code ar} in {@code dir}. */
    private void ar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ar"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    private void file(String name, String text, long epochSeconds) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text);
        Files.setLastModifiedTime(path, FileTime.from(Instant.ofEpochSecond(epochSeconds)));
    }

    private List<String> names(Path archive) {
        List<String> names = new ArrayList<>();
        for (ArchiveMember m : assertInstanceOf(ArArchive.Scan.Members.class, ArArchive.scan(archive)).members()) {
            names.add(m.name());
        }
        return names;
    }

    @Test
    void memberDatesComeFromTheHeadersWrittenByRealArWithU() throws Exception {
        file("a.o", "alpha", 1_600_000_000L);
        file("b.o", "beta!", 1_600_000_123L);
        ar("rcU", "lib.a", "a.o", "b.o");
        Path lib = dir.resolve("lib.a");
        assertEquals(List.of("a.o", "b.o"), names(lib));
        assertEquals(1_600_000_000L, ArArchive.memberDate(lib, "a.o"));
        assertEquals(1_600_000_123L, ArArchive.memberDate(lib, "b.o"));
        assertEquals(1_600_000_123L, ArArchive.memberDate(lib, "sub/b.o"), "the directory is ignored");
        assertEquals(-1, ArArchive.memberDate(lib, "c.o"));
    }

    @Test
    void deterministicArWritesDateZeroWhichIsMissing() throws Exception {
        file("a.o", "alpha", 1_600_000_000L);
        ar("rcD", "lib.a", "a.o");
        Path lib = dir.resolve("lib.a");
        assertEquals(List.of("a.o"), names(lib));
        assertEquals(-1, ArArchive.memberDate(lib, "a.o"));
    }

    @Test
    void longNamesAreReadFromGnuNameTable() throws Exception {
        String longName = "a_rather_long_member_name.o";
        file(longName, "x", 1_500_000_000L);
        file("short.o", "odd", 1_500_000_001L);
        ar("rcU", "lib.a", longName, "short.o");
        Path lib = dir.resolve("lib.a");
        List<String> names = names(lib);
        assertTrue(names.contains(longName), names.toString());
        assertEquals(1_500_000_000L, ArArchive.memberDate(lib, longName));
        assertEquals(-1, ArArchive.memberDate(lib, "a_rather_long_member_name.c"));
        assertEquals(1_500_000_001L, ArArchive.memberDate(lib, "short.o"));
    }

    @Test
    void symbolTableOfRealObjectsIsSkipped() throws Exception {
        file("f.c", "int f(void) { return 1; }\n", 1_500_000_000L);
        Process cc = new ProcessBuilder("cc", "-c", "f.c").directory(dir.toFile()).inheritIO().start();
        assertEquals(0, cc.waitFor());
        Files.setLastModifiedTime(dir.resolve("f.o"), FileTime.from(Instant.ofEpochSecond(1_500_000_002L)));
        ar("rcsU", "lib.a", "f.o");
        Path lib = dir.resolve("lib.a");
        assertEquals(List.of("", "f.o"), names(lib), "the symbol table '/' has an empty name");
        assertEquals(1_500_000_002L, ArArchive.memberDate(lib, "f.o"));
    }

    @Test
    void bsdNamesCarryTheirNameInTheData() throws Exception {
        byte[] header = String.format("%-16s%-12s%-6s%-6s%-8s%-10s`\n", "#1/20", "1234567890", "0", "0", "644",
                "24").getBytes(StandardCharsets.US_ASCII);
        Path lib = dir.resolve("bsd.a");
        Files.write(lib, concat("!<arch>\n".getBytes(StandardCharsets.US_ASCII), header,
                "long_bsd_name.o\0\0\0\0\0data".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(List.of("long_bsd_name.o"), names(lib));
        assertEquals(1_234_567_890L, ArArchive.memberDate(lib, "long_bsd_name.o"));
    }

    @Test
    void missingAndInvalidArchives() throws Exception {
        assertInstanceOf(ArArchive.Scan.Missing.class, ArArchive.scan(dir.resolve("none.a")));
        file("text.a", "not an archive\n", 1_500_000_000L);
        assertInstanceOf(ArArchive.Scan.Invalid.class, ArArchive.scan(dir.resolve("text.a")));
        assertEquals(-1, ArArchive.memberDate(dir.resolve("text.a"), "a.o"));
        assertEquals(ArArchive.TouchOutcome.NO_ARCHIVE, ArArchive.touch(dir.resolve("none.a"), "a.o"));
        assertEquals(ArArchive.TouchOutcome.INVALID, ArArchive.touch(dir.resolve("text.a"), "a.o"));
    }

    @Test
    void touchWritesTheArchiveTimeAsArTvShowsIt() throws Exception {
        file("a.o", "alpha", 1_600_000_000L);
        ar("rcD", "lib.a", "a.o");
        Path lib = dir.resolve("lib.a");
        Files.setLastModifiedTime(lib, FileTime.from(Instant.ofEpochSecond(1_577_836_800L)));
        assertEquals(ArArchive.TouchOutcome.TOUCHED, ArArchive.touch(lib, "a.o"));
        assertEquals(1_577_836_800L, ArArchive.memberDate(lib, "a.o"));
        assertEquals(ArArchive.TouchOutcome.NO_MEMBER, ArArchive.touch(lib, "b.o"));
        // the real ar still reads the archive, and sees the date written
        Process tv = new ProcessBuilder("ar", "tv", "lib.a").directory(dir.toFile()).start();
        String listing = new String(tv.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, tv.waitFor());
        assertTrue(listing.contains("Jan  1 00:00 2020 a.o"), listing);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
