package dev.jmake.server.wire;

import dev.jmake.process.FileDescriptors;
import dev.jmake.process.NativeCallException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lock beside a server's socket, {@code DIR/NAME.lock} (docs/SERVER-PROTOCOL.md, "Where the server lives"): the
 * client that starts a server takes {@code flock(LOCK_EX)} on it and hands the locked descriptor to the server as
 * descriptor {@link #DESCRIPTOR}, so the lock is held exactly as long as a server lives (a lock belongs to the open
 * file description, and dies with the last descriptor of it). Its text says how far the last start got:
 * {@link #STARTING}, written by the client, replaced by {@link #LISTENING} and the pid once the server listens.
 */
public final class ServerLock {
    /** Where the server finds the locked descriptor; it must never close it. */
    public static final int DESCRIPTOR = 9;
    /** Written by the client before it starts a server: still there after the server died, it never listened. */
    public static final String STARTING = "starting\n";
    /** What the server writes, then its pid and a newline. */
    public static final String LISTENING = "listening ";

    private ServerLock() {}

    /** The lock file of the server listening on {@code socket}. */
    public static Path of(Path socket) {
        return socket.resolveSibling(socket.getFileName() + ".lock");
    }

    /** Whether descriptor {@link #DESCRIPTOR} is an open of {@code socket}'s lock file (else it is not ours to use). */
    public static boolean isInherited(Path socket, FileDescriptors fds) {
        if (!fds.isOpen(DESCRIPTOR)) {
            return false;
        }
        try {
            Object inode = Files.getAttribute(of(socket), "unix:ino");
            return inode instanceof Long number && fds.status(DESCRIPTOR).inode() == number;
        } catch (IOException | NativeCallException e) {
            return false;
        }
    }

    /** Says in the lock file that the server {@code pid} listens on {@code socket}: its start did not fail. */
    public static void markListening(Path socket, long pid) throws IOException {
        Files.writeString(of(socket), LISTENING + pid + "\n", StandardCharsets.US_ASCII);
    }
}
