package dev.jmake.server;

import dev.jmake.process.ChildProcess;
import dev.jmake.process.SpawnResult;
import dev.jmake.process.Termination;
import dev.jmake.server.wire.KillScope;
import dev.jmake.server.wire.Message;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntFunction;

/**
 * A child the client spawns for this session: the client reaps it and reports its wait status; signals go
 * through the client, which sends them only while the child is unreaped, so a recycled pid is never hit.
 * It exists from the moment its SPAWN is sent: the session goes on while the client starts it, and its pid (or
 * the errno that kept it from starting) comes with the client's answer.
 */
final class RemoteChild implements ChildProcess {
    /** GNU make's status for a command that could not be run (its child's exit after a failed exec). */
    private static final int NOT_EXECUTED = 127;

    private final ClientLink link;
    private final String program;
    private final IntFunction<String> describe;
    /** The pid once the client started it; 0 if it could not be started; unknown until the answer. */
    private final CompletableFuture<Integer> start = new CompletableFuture<>();
    private final CompletableFuture<Termination> exit = new CompletableFuture<>();
    private volatile SpawnResult.Failed failure;
    private InputStream stdout;
    private InputStream stderr;
    /** Its request, and its roles for offers (ClientLink: a trigger's success, a failure that stops make). */
    private volatile int request;
    private volatile boolean endsJob;
    private volatile boolean failureStops;

    /**
     * @param program  the program asked for, as a failure to start names it
     * @param describe strerror for the errno of a failure to start
     */
    RemoteChild(ClientLink link, String program, IntFunction<String> describe) {
        this.link = link;
        this.program = program;
        this.describe = describe;
    }

    /** The read ends of the pipes its stdout and stderr were captured into (null: not captured). */
    void captured(InputStream out, InputStream err) {
        this.stdout = out;
        this.stderr = err;
    }

    /** Its SPAWN (or SPAWN_AFTER) goes out as {@code spawn}. */
    void sent(Message.Spawn spawn) {
        this.request = spawn.request();
        this.endsJob = spawn.endsJob();
        this.failureStops = spawn.failureStops();
    }

    /** Its request id; 0 before it was sent. */
    int request() {
        return request;
    }

    /** Whether its success ends its job. */
    boolean endsJob() {
        return endsJob;
    }

    /** Whether its failure stops make. */
    boolean failureStops() {
        return failureStops;
    }

    /** 0 until the client said it started (or if it never did). */
    @Override
    public int pid() {
        return start.isDone() && !start.isCompletedExceptionally() ? start.join() : 0;
    }

    @Override
    public Optional<InputStream> stdout() {
        return Optional.ofNullable(stdout);
    }

    @Override
    public Optional<InputStream> stderr() {
        return Optional.ofNullable(stderr);
    }

    @Override
    public Termination waitFor() {
        link.awaitUntil(exit::isDone);
        return join(exit);
    }

    @Override
    public Optional<Termination> termination() {
        return exit.isDone() && !exit.isCompletedExceptionally() ? Optional.of(exit.join()) : Optional.empty();
    }

    @Override
    public CompletableFuture<Termination> onExit() {
        return exit;
    }

    @Override
    public Optional<SpawnResult.Failed> startFailure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Waits for the client's answer to the SPAWN if it has not come yet (a signal needs the pid); nothing is sent
     * to a child that never started or whose session ended meanwhile.
     */
    @Override
    public boolean signal(int signal) {
        if (exit.isDone()) {
            return false;
        }
        int pid = start.handle((started, ended) -> ended == null ? started : 0).join();
        if (pid == 0 || exit.isDone()) {
            return false;
        }
        link.kill(pid, signal, KillScope.PROCESS);
        return true;
    }

    /** Waits for the client's answer: why it could not start, or nothing if it runs. */
    Optional<SpawnResult.Failed> awaitStart() {
        link.awaitUntil(start::isDone);
        join(start);
        return Optional.ofNullable(failure);
    }

    /** The client started it as {@code pid}. */
    void started(int pid) {
        start.complete(pid);
    }

    /** The client could not start it: execvp's {@code errno}; it ends as GNU make's child after a failed exec. */
    void notStarted(int errno) {
        failure = new SpawnResult.Failed(program, errno, describe.apply(errno));
        start.complete(0);
        exit.complete(new Termination.Exited(NOT_EXECUTED));
    }

    /** An offer that never started (every descendant was killed first): it ends as a command that did nothing. */
    void cancelled() {
        start.complete(0);
        exit.complete(new Termination.Exited(0));
    }

    /** The client reaped it. */
    void exited(Termination termination) {
        exit.complete(termination);
    }

    /** The session ended with the child unreaped: whoever waits for it unwinds. */
    void abandoned() {
        start.completeExceptionally(new SessionEnded());
        exit.completeExceptionally(new SessionEnded());
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "RemoteChild[" + pid() + "]";
    }
}
