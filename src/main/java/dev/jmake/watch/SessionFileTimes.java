package dev.jmake.watch;

import dev.jmake.build.DiskTimes;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One session's file times from the server's {@link WatchedFileTimes}: the queued events are read on the first look
 * and after each time the session said files may have changed, not on every look.
 */
final class SessionFileTimes implements DiskTimes {
    private final WatchedFileTimes times;
    private final AtomicBoolean changed = new AtomicBoolean(true);

    SessionFileTimes(WatchedFileTimes times) {
        this.times = times;
    }

    @Override
    public long modified(Path directory, String name) {
        return times.look(directory, name, changed.getAndSet(false));
    }

    @Override
    public Optional<Listing> listing(Path directory) {
        return times.listing(directory, changed.getAndSet(false));
    }

    @Override
    public void changed() {
        changed.set(true);
    }
}
