package dev.jmake.jobserver;

import dev.jmake.process.FdMapping;
import java.util.List;
import java.util.Optional;

/**
 * What one recipe line's child gets from the jobserver: descriptors to inherit (add them to its
 * {@link dev.jmake.process.SpawnRequest}), the {@code --jobserver-auth} value (pass it to
 * {@link dev.jmake.cli.MakeFlags#encode} for MAKEFLAGS and MFLAGS) and a {@code suffix} appended to the very end of
 * MAKEFLAGS ({@code " --jobserver-auth=-2,-2"} for a non-recursive line in pipe style, as make 4.4 does).
 */
public record ChildJobserver(List<FdMapping> descriptors, Optional<String> auth, String suffix) {
    /** The invalidation make 4.4 appends for children that do not get the pipe. */
    public static final String INVALIDATION = " --jobserver-auth=-2,-2";
    /** The descriptor numbers children see, as with a GNU make that made its pipe first thing. */
    static final int CHILD_READ = 3;
    static final int CHILD_WRITE = 4;

    public ChildJobserver {
        descriptors = List.copyOf(descriptors);
    }

    /** Pipe style: {@code read} and {@code write} become the child's 3 and 4 only if the line is recursive. */
    static ChildJobserver pipe(int read, int write, boolean recursive) {
        if (recursive) {
            return new ChildJobserver(List.of(new FdMapping(CHILD_READ, read), new FdMapping(CHILD_WRITE, write)),
                    Optional.of(CHILD_READ + "," + CHILD_WRITE), "");
        }
        return new ChildJobserver(List.of(), Optional.of(CHILD_READ + "," + CHILD_WRITE), INVALIDATION);
    }

    /** Fifo style: every child gets the path and opens it itself. */
    static ChildJobserver fifo(String path) {
        return new ChildJobserver(List.of(), Optional.of(JobserverAuth.FIFO_PREFIX + path), "");
    }
}
