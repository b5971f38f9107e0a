package dev.jmake.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** make's stdout and stderr as descriptors of this process: 1 and 2 in process, the client's in a server session. */
public record StandardOutputs(int stdout, int stderr) {
    /** This process's own. */
    public static final StandardOutputs OWN = new StandardOutputs(1, 2);

    /**
     * output.c sync_init: whether both are open on the same file (fstat's device and inode), so that output sync
     * keeps a job's stdout and stderr in one capture, in the order written.
     */
    public boolean sameFile() {
        Path a = Path.of("/proc/self/fd/" + stdout);
        Path b = Path.of("/proc/self/fd/" + stderr);
        try {
            // Following the /proc links stats what the descriptors are open on, pipes and terminals included.
            return Files.getAttribute(a, "unix:dev").equals(Files.getAttribute(b, "unix:dev"))
                    && Files.getAttribute(a, "unix:ino").equals(Files.getAttribute(b, "unix:ino"));
        } catch (IOException | UnsupportedOperationException e) {
            // A closed stdout or stderr: keep them apart, as GNU does when fstat fails.
            return false;
        }
    }
}
