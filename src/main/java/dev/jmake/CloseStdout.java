package dev.jmake;

import dev.jmake.process.WriteFailureWatch;
import dev.jmake.ui.Diagnostics;

/** output.c close_stdout: what make does about its standard output when it exits. */
final class CloseStdout {
    private CloseStdout() {}

    /**
     * The exit status of a run that came to {@code status} with its output flushed: a write to stdout that failed is
     * reported on {@code ui} and makes it 1 (MAKE_TROUBLE), whatever the run came to.
     */
    static int status(int status, WriteFailureWatch stdout, Diagnostics ui) {
        if (stdout.failure().isEmpty()) {
            return status;
        }
        ui.error("write error: stdout");
        return 1;
    }
}
