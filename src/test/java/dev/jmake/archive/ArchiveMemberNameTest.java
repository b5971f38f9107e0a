package dev.jmake.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmake.syntax.MakeError;
import org.junit.jupiter.api.Test;

class ArchiveMemberNameTest {
    @Test
    void splitsArchiveAndMember() {
        assertEquals(new ArchiveMemberName("lib.a", "m.o"), ArchiveMemberName.parse("lib.a(m.o)"));
        assertEquals(new ArchiveMemberName("d/lib.a", "x(y"), ArchiveMemberName.parse("d/lib.a(x(y)"));
        assertEquals("lib.a(m.o)", ArchiveMemberName.parse("lib.a(m.o)").toString());
    }

    @Test
    void plainNamesAreNotMembers() {
        assertNull(ArchiveMemberName.parse("lib.a"));
        assertNull(ArchiveMemberName.parse("(m.o)"));
        assertNull(ArchiveMemberName.parse("lib.a()"));
        assertNull(ArchiveMemberName.parse("lib.a(m.o"));
        assertFalse(ArchiveMemberName.isMember("lib.a(m.o) "));
        assertTrue(ArchiveMemberName.isMember("lib.a(m.o)"));
    }

    @Test
    void symbolReferencesAreRefusedAsGnuMakeDoes() {
        MakeError e = assertThrows(MakeError.class, () -> ArchiveMemberName.parse("lib.a((entry))"));
        assertTrue(e.getMessage().contains("attempt to use unsupported feature: 'lib.a((entry))'"), e.getMessage());
    }
}
