package dev.jmake.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileNamesTest {
    @TempDir
    Path dir;

    @Test
    void archiveGroupsBecomeOneReferencePerMember() {
        assertEquals(List.of("lib.a(a.o)", "lib.a(b.o)", "lib.a(c.o)", "x"),
                FileNames.archiveMembers(List.of("lib.a(a.o", "b.o", "c.o)", "x")));
        assertEquals(List.of("lib.a(a.o)", "lib.a(b.o)"),
                FileNames.archiveMembers(List.of("lib.a(", "a.o", "b.o", ")")));
    }

    @Test
    void wordsThatOpenNoGroupPassThrough() {
        assertEquals(List.of("lib.a(a.o", "b.o"), FileNames.archiveMembers(List.of("lib.a(a.o", "b.o")),
                "no later word ends with ')'");
        assertEquals(List.of("(a.o", "b.o)"), FileNames.archiveMembers(List.of("(a.o", "b.o)")));
        assertEquals(List.of("x.a(a.o)(b.o)"), FileNames.archiveMembers(List.of("x.a(a.o)(b.o)")));
    }

    @Test
    void memberWildcardsMatchTheMembersOfTheArchiveSorted() throws Exception {
        for (String name : List.of("b.o", "a.o", "c.x")) {
            Files.writeString(dir.resolve(name), name);
        }
        Process ar = new ProcessBuilder("ar", "rcD", "lib.a", "b.o", "c.x", "a.o").directory(dir.toFile())
                .redirectErrorStream(true).start();
        assertEquals(0, ar.waitFor(), new String(ar.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        FileNames names = new FileNames(dir, null);
        assertEquals(List.of("lib.a(a.o)", "lib.a(b.o)"), names.expand("lib.a(*.o)"));
        assertEquals(List.of("lib.a(*.q)"), names.expand("lib.a(*.q)"));
        assertEquals(List.of("lib.a(c.x)"), names.expand("li*.a(c.x)"));
        assertEquals(List.of("none.a(*.o)"), names.expand("none.a(*.o)"));
        assertEquals(List.of("lib.a(z.o)"), names.expand("./lib.a(z.o)"));
    }
}
