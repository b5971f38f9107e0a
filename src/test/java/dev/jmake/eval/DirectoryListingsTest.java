package dev.jmake.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryListingsTest {
    @TempDir
    Path dir;

    @Test
    void aDirectoryIsReadWithoutDotAndDotDot() throws Exception {
        Files.writeString(dir.resolve("a.c"), "");
        Files.writeString(dir.resolve(".hidden"), "");
        Files.createDirectories(dir.resolve("sub"));
        DirectoryListings.Listing listing = DirectoryListings.direct().listing(dir).orElseThrow();
        assertEquals(Set.of("a.c", ".hidden", "sub"), listing.set());
        assertEquals(3, listing.names().size());
        assertTrue(listing.names().containsAll(listing.set()));
    }

    @Test
    void whatCannotBeReadIsLeftToTheCaller() throws Exception {
        Files.writeString(dir.resolve("file"), "");
        assertEquals(Optional.empty(), DirectoryListings.read(dir.resolve("absent")));
        assertEquals(Optional.empty(), DirectoryListings.read(dir.resolve("file")));
    }
}
