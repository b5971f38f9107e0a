package dev.jmake;

import dev.jmake.syntax.ByteText;
import dev.jmake.ui.Diagnostics;
import dev.jmake.ui.StatusLine;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Entry point, the composition root of an in-process run: reads what the process was given, runs, exits. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        String program = System.getProperty("jmake.program", "jmake");
        Map<String, String> environment = CallerEnvironment.of(System.getenv(), System.getProperties());
        List<String> arguments = List.of(args);
        Diagnostics crash = crashDiagnostics(program, environment);
        // A throwable escaping any other thread (a reaper, the trace collector) ends the run the same way.
        Thread.setDefaultUncaughtExceptionHandler((thread, t) -> {
            crash.fatal(LargeStackRun.asMakeError(t));
            Runtime.getRuntime().exit(2);
        });
        // System.in, buffered: JDK 17's FileInputStream.readAllBytes seeks, which fails on a pipe (-f - < pipe).
        Caller caller = new Caller(program, arguments, environment, Path.of("").toAbsolutePath(),
                System.in,
                new PrintStream(new FileOutputStream(FileDescriptor.out), false, ByteText.CHARSET),
                new PrintStream(new FileOutputStream(FileDescriptor.err), false, ByteText.CHARSET),
                StatusLine.isTerminal(Path.of("/proc/self/fd/1")));
        int status = LargeStackRun.run(() -> new MakeInvocation(caller, new InProcessSupervision()).run(), crash);
        System.exit(status);
    }

    /** Where a throwable that escaped the invocation is reported: stderr, as {@code jmake[LEVEL]: *** ...  Stop.}. */
    private static Diagnostics crashDiagnostics(String argv0, Map<String, String> environment) {
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.ISO_8859_1);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.ISO_8859_1);
        return new Diagnostics(argv0.substring(argv0.lastIndexOf('/') + 1),
                MakeInvocation.parseLevel(environment.get("MAKELEVEL")), out, err);
    }
}
