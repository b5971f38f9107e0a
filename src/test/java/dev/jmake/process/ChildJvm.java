package dev.jmake.process;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test main run in a JVM of its own, started by {@link ProcessSpawner} so that its wait status is exact. */
final class ChildJvm implements AutoCloseable {
    static final String BLOCK_INTERRUPTS = "--block-signal=HUP,INT,QUIT,TERM";

    private final ChildProcess process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ChildJvm(ChildProcess process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.stdout().orElseThrow(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "child-jvm-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** The command that runs {@code main}, wrapped as bin/jmake would ({@code env --block-signal=... java -Xrs}). */
    static List<String> javaArgv(boolean launcherBlocks, Class<?> main, String... args) {
        List<String> argv = new ArrayList<>();
        if (launcherBlocks) {
            argv.add("env");
            argv.add(BLOCK_INTERRUPTS);
        }
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (launcherBlocks) {
            argv.add("-Xrs");
        }
        argv.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        argv.addAll(List.of(args));
        return argv;
    }

    static ChildJvm start(ProcessSpawner spawner, Class<?> main, boolean launcherBlocks, String... args) {
        return start(spawner, javaArgv(launcherBlocks, main, args), false);
    }

    /** Starts {@code argv} with stdout captured, optionally as the leader of a new process group. */
    static ChildJvm start(ProcessSpawner spawner, List<String> argv, boolean newGroup) {
        SpawnRequest request = SpawnRequest.of(argv, Map.of("PATH", "/usr/bin:/bin"))
                .withStdout(Redirect.CAPTURE);
        if (newGroup) {
            request = request.inNewProcessGroup();
        }
        SpawnResult result = spawner.launch(request);
        return new ChildJvm(assertInstanceOf(SpawnResult.Started.class, result, result::toString).process());
    }

    ChildProcess process() {
        return process;
    }

    /** The next line the child prints, waiting at most 20 s. */
    String nextLine() throws InterruptedException {
        String line = lines.poll(20, TimeUnit.SECONDS);
        assertNotNull(line, "no output from the child JVM");
        return line;
    }

    /** SIGKILLs the child if it still runs, and reaps it. */
    @Override
    public void close() {
        process.signal(9);
        process.waitFor();
    }
}
