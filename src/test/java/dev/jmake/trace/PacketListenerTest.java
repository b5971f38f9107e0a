package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collector's listening SOCK_SEQPACKET socket: where it can listen, and accepting with nothing pending. */
final class PacketListenerTest {
    @Test
    void listensAtAFreshPathAndAcceptsNothingUntilAProcessConnects(@TempDir Path dir) throws Exception {
        Path socket = dir.toRealPath().resolve("s");
        try (PacketListener listener = PacketListener.bind(socket)) {
            assertTrue(Files.exists(socket));
            assertNull(listener.accept(), "non-blocking: nothing pending");
        }
    }

    @Test
    void aTakenPathOrOneTooLongForSunPathIsAnError(@TempDir Path dir) throws Exception {
        Path taken = Files.writeString(dir.resolve("taken"), "");
        IOException inUse = assertThrows(IOException.class, () -> PacketListener.bind(taken));
        assertTrue(inUse.getMessage().contains(taken.toString()), inUse.getMessage());
        Path longPath = dir.resolve("x".repeat(120));
        IOException tooLong = assertThrows(IOException.class, () -> PacketListener.bind(longPath));
        assertTrue(tooLong.getMessage().contains("too long"), tooLong.getMessage());
    }
}
