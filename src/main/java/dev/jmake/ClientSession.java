package dev.jmake;

import dev.jmake.process.FileDescriptors;
import dev.jmake.process.NativeLibrary;
import dev.jmake.process.ProcessSpawner;
import dev.jmake.server.ClientLink;
import dev.jmake.server.ClientOwner;
import dev.jmake.server.ClientStreams;
import dev.jmake.server.RemoteLauncher;
import dev.jmake.server.SessionEnded;
import dev.jmake.server.wire.DescriptorChannel;
import dev.jmake.server.wire.ExitKind;
import dev.jmake.server.wire.Message;
import dev.jmake.server.wire.ReceivedMessage;
import dev.jmake.syntax.ByteText;
import dev.jmake.ui.Diagnostics;
import dev.jmake.ui.StatusLine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jnr.posix.POSIX;

/**
 * One client's run of jmake in the server: the same invocation as in process, with the client's argv,
 * environment, directory and descriptors as its {@link Caller} and the client as the owner of its processes.
 */
final class ClientSession {
    /** Alone on the command line: the server says what it is (and stops). */
    static final String STATUS_OPTION = "--server-status";
    static final String STOP_OPTION = "--server-stop";

    private final ServerMain server;
    private final DescriptorChannel channel;
    private final POSIX posix;
    /** Shared by the sessions: binding libc costs tens of milliseconds. */
    private final FileDescriptors fds;
    private final NativeLibrary library;

    ClientSession(ServerMain server, DescriptorChannel channel, POSIX posix, FileDescriptors fds,
                  NativeLibrary library) {
        this.server = server;
        this.channel = channel;
        this.posix = posix;
        this.fds = fds;
        this.library = library;
    }

    /** Serves the session to its end; what it does not own it closes. */
    void serve() throws IOException {
        Optional<ReceivedMessage> first = channel.receive();
        if (first.isEmpty()) {
            return;
        }
        List<Integer> received = first.get().descriptors();
        try {
            if (!(first.get().message() instanceof Message.Hello hello) || received.size() < 3
                    || received.size() != 3 + hello.extraDescriptors().size()) {
                throw new IOException("the client did not begin with a well-formed HELLO");
            }
            run(hello, received);
        } finally {
            channel.closeAll(received);
        }
    }

    private void run(Message.Hello hello, List<Integer> received) {
        ClientLink link = new ClientLink(channel);
        link.start(server.readerThreads());
        try {
            run(hello, received, link);
        } finally {
            link.stopReading();
        }
    }

    /** The session itself, its client's messages read by {@code link}. */
    private void run(Message.Hello hello, List<Integer> received, ClientLink link) {
        int stdout = received.get(1);
        int stderr = received.get(2);
        ProcessSpawner local = new ProcessSpawner(ByteText.CHARSET, library);
        ClientStreams streams = new ClientStreams(fds, local.inputStream(received.get(0)), stdout, stderr, link);
        List<String> argv = hello.argv();
        String argv0 = argv.isEmpty() ? "jmake" : argv.get(0);
        Map<Integer, Integer> extras = new HashMap<>();
        for (int i = 0; i < hello.extraDescriptors().size(); i++) {
            extras.put(hello.extraDescriptors().get(i), received.get(3 + i));
        }
        Path directory = Path.of(hello.workingDirectory());
        Caller caller = new Caller(argv0, argv.isEmpty() ? List.of() : argv.subList(1, argv.size()),
                environment(hello.environment()), directory, streams.stdin(), streams.out(), streams.err(),
                StatusLine.isTerminal(Path.of("/proc/self/fd/" + stdout)), () -> server.terminalSize().columns(stdout),
                fd -> extras.getOrDefault(fd, -1));
        RemoteLauncher launcher = new RemoteLauncher(link, local, fds, directory, hello.closedStandard(), stdout,
                stderr);
        Supervision supervision = new ClientSupervision(link, launcher, new ClientOwner(link, posix), fds,
                server.sessionTimes());
        PrintStream crashErr = streams.err();
        Diagnostics crash = new Diagnostics(caller.program(),
                MakeInvocation.parseLevel(caller.environment().get("MAKELEVEL")), streams.out(), crashErr);
        List<String> args = caller.args();
        if (args.equals(List.of(STATUS_OPTION)) || args.equals(List.of(STOP_OPTION))) {
            streams.out().print(server.status());
            if (args.get(0).equals(STOP_OPTION)) {
                streams.out().println("stopping");
                server.stop();
            }
            streams.out().flush();
            link.exit(ExitKind.STATUS, 0);
            return;
        }
        int status;
        try {
            // The session's thread has the large stack already (ServerMain).
            status = LargeStackRun.runHere(() -> new MakeInvocation(caller, supervision, server.parser()).run(), crash);
        } catch (SessionEnded e) {
            return;
        }
        streams.out().flush();
        status = CloseStdout.status(status, streams.stdoutWatch(), crash);
        crashErr.flush();
        link.exit(ExitKind.STATUS, status);
    }

    /** {@code NAME=VALUE} strings as getenv sees them: the first of a name wins; one without {@code =} is skipped. */
    private static Map<String, String> environment(List<String> entries) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                environment.putIfAbsent(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return environment;
    }
}
