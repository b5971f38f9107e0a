package dev.jmake;

import dev.jmake.build.DiskTimes;
import dev.jmake.server.wire.ServedJar;
import dev.jmake.watch.WatchedFileTimes;
import dev.jmake.process.WriteFailureWatch;
import dev.jmake.syntax.ByteText;
import dev.jmake.ui.Diagnostics;
import dev.jmake.ui.StatusLine;
import dev.jmake.ui.TerminalSize;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/** Entry point, the composition root of an in-process run: reads what the process was given, runs, exits. */
public final class Main {
    /** Set by {@code bin/jmake --jmake-server SOCKET}: this JVM is the server listening there. */
    private static final String SERVER_PROPERTY = "jmake.server";
    /** The server's idle time in seconds, from its own environment (tests make it short). */
    private static final String IDLE_VARIABLE = "JMAKE_SERVER_IDLE";
    /** {@code off}: the server stats every file on every run instead of keeping times inotify vouches for. */
    private static final String WATCH_VARIABLE = "JMAKE_SERVER_WATCH";
    /** The launcher's option for an in-process run ({@code bin/jmake}); jmake's own parser ignores it. */
    private static final String NO_SERVER_OPTION = "--no-server";
    /** At most this many file times are kept (about 100 bytes each). */
    private static final int MAX_KEPT_TIMES = 4_000_000;
    private static final int STDOUT = 1;

    private Main() {}

    /** Runs the server on {@code socket}; its messages go to its stderr, the log the client opened. */
    private static int serve(Path socket) {
        PrintStream log = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        // A throwable escaping a thread of the server (a session's reader, a reaper) is logged; sessions go on.
        Thread.setDefaultUncaughtExceptionHandler((thread, t) -> log.println(thread.getName() + ": " + t));
        Duration idle = ServerMain.DEFAULT_IDLE;
        String seconds = System.getenv(IDLE_VARIABLE);
        if (seconds != null && seconds.matches("[0-9]+")) {
            idle = Duration.ofSeconds(Long.parseLong(seconds));
        }
        try {
            DiskTimes times = "off".equals(System.getenv(WATCH_VARIABLE)) ? DiskTimes.direct()
                    : WatchedFileTimes.open(MAX_KEPT_TIMES);
            // bin/jmake runs the server with -jar: the class path is the jar that clients key its socket by.
            ServedJar jar = ServedJar.of(Path.of(System.getProperty("java.class.path")));
            return new ServerMain(socket, idle, log, times, jar).run();
        } catch (IOException e) {
            log.println("jmake server: " + e);
            return 2;
        }
    }

    public static void main(String[] args) {
        String server = System.getProperty(SERVER_PROPERTY);
        System.exit(server != null ? serve(Path.of(server)) : runInProcess(List.of(args)));
    }

    /** One run of jmake in this process, with what the process was given. */
    private static int runInProcess(List<String> arguments) {
        String program = System.getProperty("jmake.program", "jmake");
        Map<String, String> environment = CallerEnvironment.of(System.getenv(), System.getProperties());
        WriteFailureWatch stdout = new WriteFailureWatch(new FileOutputStream(FileDescriptor.out));
        PrintStream out = new PrintStream(stdout, false, ByteText.CHARSET);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), false, ByteText.CHARSET);
        List<String> withoutNoServer = arguments.stream()
                .filter(argument -> !argument.equals(NO_SERVER_OPTION)).toList();
        if (withoutNoServer.equals(List.of(ClientSession.STATUS_OPTION))
                || withoutNoServer.equals(List.of(ClientSession.STOP_OPTION))) {
            // Only a server answers them: this run is in process (JMAKE_SERVER=off, --no-server, or no client built).
            out.println(program.substring(program.lastIndexOf('/') + 1)
                    + ": no server: this run is in process (JMAKE_SERVER=off or --no-server)");
            out.flush();
            return 0;
        }
        Diagnostics crash = crashDiagnostics(program, environment);
        // A throwable escaping any other thread (a reaper, the trace collector) ends the run the same way.
        Thread.setDefaultUncaughtExceptionHandler((thread, t) -> {
            crash.fatal(LargeStackRun.asMakeError(t));
            Runtime.getRuntime().exit(2);
        });
        // System.in, buffered: JDK 17's FileInputStream.readAllBytes seeks, which fails on a pipe (-f - < pipe).
        TerminalSize terminal = new TerminalSize();
        Caller caller = new Caller(program, arguments, environment, Path.of("").toAbsolutePath(), System.in, out, err,
                StatusLine.isTerminal(Path.of("/proc/self/fd/1")), () -> terminal.columns(STDOUT),
                IntUnaryOperator.identity());
        int status = LargeStackRun.run(() -> new MakeInvocation(caller, new InProcessSupervision()).run(), crash);
        out.flush();
        return CloseStdout.status(status, stdout, crash);
    }

    /** Where a throwable that escaped the invocation is reported: stderr, as {@code jmake[LEVEL]: *** ...  Stop.}. */
    private static Diagnostics crashDiagnostics(String argv0, Map<String, String> environment) {
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.ISO_8859_1);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.ISO_8859_1);
        return new Diagnostics(argv0.substring(argv0.lastIndexOf('/') + 1),
                MakeInvocation.parseLevel(environment.get("MAKELEVEL")), out, err);
    }
}
