package dev.jmake.build;

import dev.jmake.cli.OutputSync;
import dev.jmake.process.OutputLock;
import dev.jmake.process.ProcessLauncher;
import dev.jmake.ui.Diagnostics;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Output sync ({@code -O}) for one make, GNU make 4.3's output.c: each job's output goes to anonymous files
 * ({@link JobOutput}), copied to make's stdout and stderr one job (or one command line) at a time. Copies are
 * serialised by this object's monitor, and across the makes sharing one stdout by GNU's lock ({@link OutputLock}).
 */
public final class OutputSynchronizer {
    private final OutputSettings settings;
    private final Diagnostics ui;
    private final ProcessLauncher launcher;
    private final Path directory;
    /** The captures of jobs not over yet, for {@link #flushAll()}. */
    private final Set<JobOutput> live = new LinkedHashSet<>();
    /** Whether make's stdout and stderr are one file (then a job gets one capture file for both); null: not known. */
    private Boolean combined;
    /** The lock shared with the other makes writing to the same stdout; made on the first dump. */
    private OutputLock lock;

    OutputSynchronizer(OutputSettings settings, Diagnostics ui, ProcessLauncher launcher, Path directory) {
        this.settings = settings;
        this.ui = ui;
        this.launcher = launcher;
        this.directory = directory;
    }

    OutputSync mode() {
        return settings.sync();
    }

    boolean captures() {
        return settings.captures();
    }

    /** Whether the capture is jmake's own for the status line rather than GNU's {@code -O}. */
    boolean forStatusLine() {
        return settings.forStatusLine();
    }

    /** A new, empty capture for one job (its files are made when a command first needs them). */
    synchronized JobOutput open() {
        JobOutput output = new JobOutput(this, ui, launcher);
        live.add(output);
        return output;
    }

    /**
     * Writes out everything captured so far by every running job: what make calls when it is interrupted, so that
     * nothing the jobs printed is lost.
     */
    public synchronized void flushAll() {
        for (JobOutput output : List.copyOf(live)) {
            output.flushSoFar();
        }
    }

    synchronized void closed(JobOutput output) {
        live.remove(output);
    }

    /** output.c sync_init: stdout and stderr are the same file when fstat gives the same device and inode. */
    synchronized boolean combined() {
        if (combined == null) {
            combined = launcher.standardOutputs().sameFile();
        }
        return combined;
    }

    /** Writes one dump framed by the directory messages when {@code -w} applies to it (output_dump). */
    synchronized void write(Runnable copy) {
        if (lock == null) {
            lock = launcher.outputLock();
        }
        boolean locked = lock.acquire();
        try {
            boolean framed = settings.printDirectory() && settings.sync() != OutputSync.RECURSE;
            if (framed) {
                ui.message("Entering directory '" + directory + "'");
            }
            copy.run();
            if (framed) {
                ui.message("Leaving directory '" + directory + "'");
            }
        } finally {
            if (locked) {
                lock.release();
            }
        }
    }
}
