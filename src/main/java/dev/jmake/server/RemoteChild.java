package dev.jmake.server;

import dev.jmake.process.ChildProcess;
import dev.jmake.process.Termination;
import dev.jmake.server.wire.KillScope;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A child the client spawned for this session: the client reaps it and reports its wait status; signals go
 * through the client, which sends them only while the child is unreaped, so a recycled pid is never hit.
 */
final class RemoteChild implements ChildProcess {
    private final ClientLink link;
    private final int pid;
    private final CompletableFuture<Termination> exit = new CompletableFuture<>();
    private InputStream stdout;
    private InputStream stderr;

    RemoteChild(ClientLink link, int pid) {
        this.link = link;
        this.pid = pid;
    }

    /** The read ends of the pipes its stdout and stderr were captured into (null: not captured). */
    void captured(InputStream out, InputStream err) {
        this.stdout = out;
        this.stderr = err;
    }

    @Override
    public int pid() {
        return pid;
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
        try {
            return exit.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
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
    public boolean signal(int signal) {
        if (exit.isDone()) {
            return false;
        }
        link.kill(pid, signal, KillScope.PROCESS);
        return true;
    }

    /** The client reaped it. */
    void exited(Termination termination) {
        exit.complete(termination);
    }

    /** The session ended with the child unreaped: whoever waits for it unwinds. */
    void abandoned() {
        exit.completeExceptionally(new SessionEnded());
    }

    @Override
    public String toString() {
        return "RemoteChild[" + pid + "]";
    }
}
