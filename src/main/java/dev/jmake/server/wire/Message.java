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
    int OFFER_STARTED = 5;
    int SPAWN = 10;
    int KILL = 11;
    int EXIT = 12;
    int ENVIRONMENT = 13;
    int SPAWN_AFTER = 14;
    int PROMOTE = 15;

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

    /**
     * Client → server: the offer of {@code request} ({@link SpawnAfter}) started process {@code result} (> 0) or
     * failed ({@code -errno}) when {@code trigger} ended well (0: on {@link Promote}); {@code -ECANCELED}: it never
     * will (every descendant was killed). Sent before the trigger's EXITED, in the same write.
     */
    record OfferStarted(int request, int trigger, int result) implements Message {
        @Override
        public int type() {
            return OFFER_STARTED;
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
                 SpawnEnvironment environment, List<Integer> defaultSignals, List<DescriptorAction> actions,
                 boolean endsJob, boolean failureStops) implements Message {
        public Spawn {
            Objects.requireNonNull(program);
            Objects.requireNonNull(workingDirectory);
            Objects.requireNonNull(environment);
            argv = List.copyOf(argv);
            defaultSignals = List.copyOf(defaultSignals);
            actions = List.copyOf(actions);
        }

        /** A command that neither ends its job nor stops make by failing (as far as offers go). */
        public Spawn(int request, boolean newProcessGroup, String program, String workingDirectory, List<String> argv,
                     SpawnEnvironment environment, List<Integer> defaultSignals, List<DescriptorAction> actions) {
            this(request, newProcessGroup, program, workingDirectory, argv, environment, defaultSignals, actions,
                    false, false);
        }

        /** With the environment listed whole. */
        public Spawn(int request, boolean newProcessGroup, String program, String workingDirectory, List<String> argv,
                     List<String> environment, List<Integer> defaultSignals, List<DescriptorAction> actions) {
            this(request, newProcessGroup, program, workingDirectory, argv, new SpawnEnvironment.Listed(environment),
                    defaultSignals, actions);
        }

        /** The same request with {@code environment}. */
        public Spawn withEnvironment(SpawnEnvironment environment) {
            return new Spawn(request, newProcessGroup, program, workingDirectory, argv, environment, defaultSignals,
                    actions, endsJob, failureStops);
        }

        /** The same request, its roles for offers given: it ends its job if it succeeds; its failure stops make. */
        public Spawn withRoles(boolean endsJob, boolean failureStops) {
            return new Spawn(request, newProcessGroup, program, workingDirectory, argv, environment, defaultSignals,
                    actions, endsJob, failureStops);
        }

        @Override
        public int type() {
            return SPAWN;
        }
    }

    /**
     * Server → client: {@code spawn} offered ahead of its slot. The client starts it when the first of
     * {@code triggers} (commands that end their jobs) exits with status 0, whether before or after the offer came,
     * or on {@link Promote}; a failure of a command whose failure stops make, or a KILL of every descendant, cancels
     * it (docs/SERVER-PROTOCOL.md).
     */
    record SpawnAfter(List<Trigger> triggers, Spawn spawn) implements Message {
        public SpawnAfter {
            triggers = List.copyOf(triggers);
            Objects.requireNonNull(spawn);
        }

        @Override
        public int type() {
            return SPAWN_AFTER;
        }
    }

    /** A command whose success starts an offer; {@code holdsStdin}: the offered child then gets the client's stdin. */
    record Trigger(int request, boolean holdsStdin) {}

    /** Server → client: start the offer of {@code request} now if it has not started; its stdin as said. */
    record Promote(int request, boolean stdinFromClient) implements Message {
        @Override
        public int type() {
            return PROMOTE;
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
