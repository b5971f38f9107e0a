package dev.jmake.jobserver;

import dev.jmake.cli.JobLimit;
import dev.jmake.cli.MakeFlags;
import java.util.Optional;

/**
 * What a make started with a jobserver auth in MAKEFLAGS does about it, before touching any descriptor
 * (GNU make 4.3 main.c, after decode_env_switches): {@link #decide}.
 */
public sealed interface JoinDecision permits JoinDecision.Standalone, JoinDecision.Connect,
        JoinDecision.ForcedInSubmake, JoinDecision.Malformed, Unavailable {
    /** No auth: this make is the top level, with a pool of its own if {@code -jN} asks for one. */
    record Standalone() implements JoinDecision {}

    /** An auth to connect to with {@link JobserverClient#connect}: a {@link JobserverAuth.Pipe} or {@link JobserverAuth.Fifo}. */
    record Connect(JobserverAuth auth) implements JoinDecision {}

    /**
     * {@code -jN} on the command line beside an auth: warn, ignore the parent's pool and start one's own ({@code N}
     * is 0 for a bare {@code -j}, as GNU prints it).
     */
    record ForcedInSubmake(int slots) implements JoinDecision {
        /** GNU's warning, without the program prefix. */
        public String warning() {
            return "warning: -j" + slots + " forced in submake: resetting jobserver mode.";
        }
    }

    /** An auth GNU make 4.3 stops on: {@link JobserverAuth.Malformed#message()} is the fatal error. */
    record Malformed(JobserverAuth.Malformed auth) implements JoinDecision {}

    /**
     * Decides from the last {@code --jobserver-auth}/{@code --jobserver-fds} value (as {@link dev.jmake.cli.Options}
     * holds it, from GNUMAKEFLAGS, MAKEFLAGS and the command line) and the {@code -j} of the command line alone.
     */
    static JoinDecision decide(Optional<String> auth, JobLimit commandLineJobs) {
        if (auth.isEmpty()) {
            return new Standalone();
        }
        if (commandLineJobs instanceof JobLimit.Slots slots) {
            return new ForcedInSubmake(slots.count());
        }
        if (commandLineJobs instanceof JobLimit.Unlimited) {
            return new ForcedInSubmake(0);
        }
        JobserverAuth parsed = JobserverAuth.parse(auth.get());
        if (parsed instanceof JobserverAuth.Malformed malformed) {
            return new Malformed(malformed);
        }
        if (parsed instanceof JobserverAuth.Disabled) {
            return new Unavailable(Optional.empty(),
                    "the parent disabled the jobserver (--jobserver-auth=" + auth.get() + ")");
        }
        return new Connect(parsed);
    }

    /** {@link #decide} for a MAKEFLAGS value read with {@link MakeFlags#parse}, the one MAKEFLAGS parser. */
    static JoinDecision decide(String makeflags, JobLimit commandLineJobs) {
        return decide(MakeFlags.parse(makeflags).jobserverAuth(), commandLineJobs);
    }
}
