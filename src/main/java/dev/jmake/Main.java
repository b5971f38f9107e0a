package dev.jmake;

import dev.jmake.ui.Diagnostics;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Entry point: runs one make invocation and exits with its status. */
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
        int status = LargeStackRun.run(() -> new MakeInvocation(program, environment).run(arguments), crash);
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
