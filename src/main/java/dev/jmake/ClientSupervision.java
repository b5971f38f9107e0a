package dev.jmake;

import dev.jmake.build.DiskTimes;
import dev.jmake.build.FatalSignal;
import dev.jmake.build.RunningRecipes;
import dev.jmake.process.FileDescriptors;
import dev.jmake.process.ProcessLauncher;
import dev.jmake.server.ClientLink;
import dev.jmake.server.ClientOwner;
import dev.jmake.server.RemoteLauncher;

/**
 * A server session's client owns the run's processes: it spawns them, takes the signals and ends as the session
 * decides (docs/SERVER-PROTOCOL.md).
 */
final class ClientSupervision implements Supervision {
    private final ClientLink link;
    private final RemoteLauncher launcher;
    private final ClientOwner owner;
    private final FileDescriptors descriptors;
    private final DiskTimes diskTimes;

    ClientSupervision(ClientLink link, RemoteLauncher launcher, ClientOwner owner, FileDescriptors descriptors,
                      DiskTimes diskTimes) {
        this.link = link;
        this.launcher = launcher;
        this.owner = owner;
        this.descriptors = descriptors;
        this.diskTimes = diskTimes;
    }

    @Override
    public DiskTimes diskTimes() {
        return diskTimes;
    }

    @Override
    public FileDescriptors descriptors() {
        return descriptors;
    }

    @Override
    public ProcessLauncher launcher() {
        return launcher;
    }

    @Override
    public void supervise(FatalSignal fatal) {
        fatal.install(owner);
    }

    @Override
    public void end(RunningRecipes recipes, FatalSignal fatal) {
        fatal.stop();
        if (recipes.interrupted() || link.lost()) {
            // The interrupt's thread reports, cleans up and tells the client how to end; this one only unwinds.
            link.awaitOver();
        }
    }
}
