package dev.jmake;

import dev.jmake.build.DiskTimes;
import dev.jmake.build.FatalSignal;
import dev.jmake.build.RunningRecipes;
import dev.jmake.process.FileDescriptors;
import dev.jmake.process.InterruptSignals;
import dev.jmake.process.NativeLibrary;
import dev.jmake.process.ProcessLauncher;
import dev.jmake.process.ProcessSpawner;
import dev.jmake.process.ProcessTree;
import dev.jmake.process.ThisProcess;
import dev.jmake.syntax.ByteText;
import java.time.Duration;

/**
 * This JVM owns the run's processes: it spawns them with posix_spawn, is the subreaper of everything they leave
 * behind, and takes the interrupting signals itself.
 */
final class InProcessSupervision implements Supervision {
    /** How often the orphans adopted from recipes are reaped once they exit. */
    private static final Duration ORPHAN_REAPING = Duration.ofSeconds(1);

    private final NativeLibrary library = new NativeLibrary();
    private final ProcessSpawner spawner = new ProcessSpawner(ByteText.CHARSET, library);
    private final FileDescriptors descriptors = new FileDescriptors(ByteText.CHARSET);

    @Override
    public DiskTimes diskTimes() {
        return DiskTimes.direct();
    }

    @Override
    public ProcessLauncher launcher() {
        return spawner;
    }

    @Override
    public FileDescriptors descriptors() {
        return descriptors;
    }

    @Override
    public void supervise(FatalSignal fatal) {
        // Binding libc takes a while: done beside the reading, but before anything is spawned, so that every
        // orphan of the build becomes ours and a signal finds the build.
        spawner.prepare(() -> {
            ProcessTree tree = ProcessTree.subreaper(library);
            fatal.install(new ThisProcess(library, tree));
            tree.reapOrphansEvery(ORPHAN_REAPING, spawner::unreaped);
        });
    }

    @Override
    public void end(RunningRecipes recipes, FatalSignal fatal) {
        // Never end while libc is being bound: jffi would leave its half-extracted library behind.
        spawner.awaitPreparation();
        if (recipes.interrupted() || InterruptSignals.anyPending()) {
            // A signal that came before the handling was installed (nothing was spawned) is handled now.
            // The signal's thread reports and ends the process; no status or message of ours may come first.
            recipes.awaitEnd();
        }
        fatal.stop();
    }
}
