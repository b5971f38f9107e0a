package dev.jmake;

import java.nio.file.Path;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/**
 * Changes the process's working directory for {@code -C}: Java cannot, but children inherit the native one,
 * and every path jmake itself uses is resolved against an explicit directory, never the JVM's user.dir.
 */
final class WorkingDirectory {
    private WorkingDirectory() {}

    static void change(Path directory) {
        POSIX posix = POSIXFactory.getNativePOSIX();
        if (posix.chdir(directory.toString()) != 0) {
            throw new dev.jmake.syntax.MakeError(null, directory + ": " + posix.strerror(posix.errno()));
        }
    }
}
