package dev.jmake.server.wire;

import java.util.List;
import java.util.Objects;

/**
 * One message of the client-server protocol (docs/SERVER-PROTOCOL.md). Strings are bytes held one per char
 * (ISO-8859-1); descriptors travel beside a message, never inside it.
 */
public sealed interface Message {
    int HELLO = 1;
    int SPAWNED = 2;
    int EXITED = 3;
    int SIGNALED = 4;
    int SPAWN = 10;
    int KILL = 11;
    int EXIT = 12;
    int ENVIRONMENT = 13;

    /** The type number in the frame header. */
    int type();

    /**
     * Client → server, first: the session. Its descriptors are the client's 0, 1, 2 (a closed one as /dev/null),
     * then the extras, whose numbers in the client {@code extraDescriptors} lists.
     *
     * @param closedStandard bit n set: the client's descriptor n (0-2) was closed
     */
    record Hello(int version, int pid, int umask, String workingDirectory, List<String> argv,
                 List<String> environment, int closedStandard, List<Integer> extraDescriptors) implements Message {
        public static final int PROTOCOL_VERSION = 1;

        public Hello {
            Objects.requireNonNull(workingDirectory);
            argv = List.copyOf(argv);
            environment = List.copyOf(environment);
            extraDescriptors = List.copyOf(extraDescriptors);
        }

        @Override
        public int type() {
            return HELLO;
        }
    }

    /** Client → server: request {@code request} started process {@code result} (> 0), or failed: {@code -errno}. */
    record Spawned(int request, int result) implements Message {
        @Override
        public int type() {
            return SPAWNED;
        }
    }

    /** Client → server: the child of {@code request} was reaped with this raw wait status. */
    record Exited(int request, int status) implements Message {
        @Override
        public int type() {
            return EXITED;
        }
    }

    /** Client → server: the client received an interrupting signal (SIGHUP, SIGINT, SIGQUIT or SIGTERM). */
    record Signaled(int signal) implements Message {
        @Override
        public int type() {
            return SIGNALED;
        }
    }

    /**
     * Server → client: start a process. {@code program} with a {@code /} is used as is, else searched in the
     * {@code PATH} of {@code environment}; an empty {@code workingDirectory} is the client's own.
     */
    record Spawn(int request, boolean newProcessGroup, String program, String workingDirectory, List<String> argv,
                 SpawnEnvironment environment, List<Integer> defaultSignals, List<DescriptorAction> actions)
            implements Message {
        public Spawn {
            Objects.requireNonNull(program);
            Objects.requireNonNull(workingDirectory);
            Objects.requireNonNull(environment);
            argv = List.copyOf(argv);
            defaultSignals = List.copyOf(defaultSignals);
            actions = List.copyOf(actions);
        }

        /** With the environment listed whole. */
        public Spawn(int request, boolean newProcessGroup, String program, String workingDirectory, List<String> argv,
                     List<String> environment, List<Integer> defaultSignals, List<DescriptorAction> actions) {
            this(request, newProcessGroup, program, workingDirectory, argv, new SpawnEnvironment.Listed(environment),
                    defaultSignals, actions);
        }

        @Override
        public int type() {
            return SPAWN;
        }
    }

    /**
     * Server → client: the session's base environment from now on, which a SPAWN may start from
     * ({@link SpawnEnvironment.FromBase}); it replaces the previous one.
     */
    record Environment(List<String> entries) implements Message {
        public Environment {
            entries = List.copyOf(entries);
        }

        @Override
        public int type() {
            return ENVIRONMENT;
        }
    }

    /** Server → client: send {@code signal} to what {@code scope} names. */
    record Kill(int pid, int signal, KillScope scope) implements Message {
        public Kill {
            Objects.requireNonNull(scope);
        }

        @Override
        public int type() {
            return KILL;
        }
    }

    /** Server → client: end the session; the client exits with {@code value} or dies by signal {@code value}. */
    record Exit(ExitKind kind, int value) implements Message {
        public Exit {
            Objects.requireNonNull(kind);
        }

        @Override
        public int type() {
            return EXIT;
        }
    }
}
