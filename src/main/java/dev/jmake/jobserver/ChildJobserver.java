package dev.jmake.jobserver;

import dev.jmake.process.FdMapping;
import java.util.List;
import java.util.Optional;

/**
 * What one recipe line's child gets from the jobserver: descriptors to inherit (add them to its
 * {@link dev.jmake.process.SpawnRequest}) and the {@code --jobserver-auth} value for its MAKEFLAGS and MFLAGS;
 * {@code invalidated}: in pipe style a non-recursive line's flags also say {@code --jobserver-auth=-2,-2}, as make
 * 4.4 writes them (variable.c target_environment), so that a make started there warns instead of using closed or
 * reused descriptors.
 */
public record ChildJobserver(List<FdMapping> descriptors, Optional<String> auth, boolean invalidated) {
    /** The invalidation make 4.4 adds for children that do not get the pipe. */
    public static final String INVALIDATION = " --jobserver-auth=-2,-2";
    /** The descriptor numbers children see, as with a GNU make that made its pipe first thing. */
    static final int CHILD_READ = 3;
    static final int CHILD_WRITE = 4;
    private static final String AUTH_OPTION = " --jobserver-auth=";
    private static final String VARIABLES = " -- ";

    public ChildJobserver {
        descriptors = List.copyOf(descriptors);
    }

    /**
     * A MAKEFLAGS value as this child gets it (the cli stage's encoding with {@link #auth}, or the makefile's own):
     * if invalidated and it names a pool, {@link #INVALIDATION} goes before the {@code " -- "} that starts the
     * variables, or at the end.
     */
    public String makeflags(String value) {
        if (!invalidated || !value.contains(AUTH_OPTION)) {
            return value;
        }
        int vars = value.indexOf(VARIABLES);
        return vars < 0 ? value + INVALIDATION : value.substring(0, vars) + INVALIDATION + value.substring(vars);
    }

    /** An MFLAGS value as this child gets it: if invalidated and it names a pool, {@link #INVALIDATION} at the end. */
    public String mflags(String value) {
        return invalidated && value.contains(AUTH_OPTION) ? value + INVALIDATION : value;
    }

    /** Pipe style: {@code read} and {@code write} become the child's 3 and 4 only if the line is recursive. */
    static ChildJobserver pipe(int read, int write, boolean recursive) {
        Optional<String> auth = Optional.of(CHILD_READ + "," + CHILD_WRITE);
        if (recursive) {
            return new ChildJobserver(List.of(new FdMapping(CHILD_READ, read), new FdMapping(CHILD_WRITE, write)),
                    auth, false);
        }
        return new ChildJobserver(List.of(), auth, true);
    }

    /** Fifo style: every child gets the path and opens it itself. */
    static ChildJobserver fifo(String path) {
        return new ChildJobserver(List.of(), Optional.of(JobserverAuth.FIFO_PREFIX + path), false);
    }
}
