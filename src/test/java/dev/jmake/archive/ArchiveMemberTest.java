package dev.jmake.archive;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArchiveMemberTest {
    @Test
    void truncatedNamesCompareOnFifteenCharacters() {
        ArchiveMember cut = new ArchiveMember("abcdefghijklmno", true, 8, 1);
        assertTrue(cut.isNamed("abcdefghijklmnopqrs.o"));
        assertTrue(cut.isNamed("dir/abcdefghijklmnopqrs.o"));
        assertFalse(cut.isNamed("abcdefghijklmnX"));
        ArchiveMember full = new ArchiveMember("abcdefghijklmno", false, 8, 1);
        assertFalse(full.isNamed("abcdefghijklmnopqrs.o"));
        assertTrue(full.isNamed("abcdefghijklmno"));
    }

    @Test
    void aPathStoredWithArPMatchesLiterally() {
        ArchiveMember withPath = new ArchiveMember("sub/m.o", false, 8, 1);
        assertTrue(withPath.isNamed("sub/m.o"));
        assertFalse(withPath.isNamed("m.o"));
    }
}
