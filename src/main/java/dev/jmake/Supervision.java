package dev.jmake;

import dev.jmake.build.DiskTimes;
import dev.jmake.build.FatalSignal;
import dev.jmake.build.RunningRecipes;
import dev.jmake.process.FileDescriptors;
import dev.jmake.process.ProcessLauncher;

/**
 * Who owns the processes of one run: this JVM ({@link InProcessSupervision}) or, for a server session, its
 * client. The run asks it for a launcher, hands it the fatal-signal handling, and tells it when the run is over.
 */
interface Supervision {
    /** What starts the run's processes. */
    ProcessLauncher launcher();

    /** The descriptor primitives of the process that holds the run's descriptors (a parent's jobserver). */
    FileDescriptors descriptors();

    /** Where the run's builds read file times. */
    DiskTimes diskTimes();

    /** From now on (at the latest before the first process starts) an interrupting signal reaches {@code fatal}. */
    void supervise(FatalSignal fatal);

    /**
     * The run is over, normally or by an error. If an interrupt came, returns only once {@code fatal} has ended
     * the run (it reports and sets the status; nothing of ours may come first).
     */
    void end(RunningRecipes recipes, FatalSignal fatal);
}
