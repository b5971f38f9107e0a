package dev.jmake.server.wire;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The jar a server runs from, as its socket's name knows it ({@link ServerSocketName}). Once the file at that path is
 * another (rebuilt, touched, removed), no client computes this server's name again: the server has no one left to
 * serve and exits when its last session ends, instead of holding its heap until the idle time is over.
 */
public record ServedJar(Path jar, String identity) {
    /** The jar at {@code jar} as it is now. */
    public static ServedJar of(Path jar) throws IOException {
        return new ServedJar(jar, ServerSocketName.identity(jar));
    }

    /** Whether the path no longer names this jar: another file, or none that can be read (clients could not either). */
    public boolean replaced() {
        try {
            return !ServerSocketName.identity(jar).equals(identity);
        } catch (IOException e) {
            return true;
        }
    }
}
