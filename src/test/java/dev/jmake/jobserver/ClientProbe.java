package dev.jmake.jobserver;

import dev.jmake.cli.JobLimit;
import dev.jmake.process.FileDescriptors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A jmake stand-in run by GNU make: joins the pool MAKEFLAGS names, takes {@code extra} tokens (waiting for them
 * through the reader thread), runs one {@code job.sh LOG SECONDS} per slot held, gives the tokens back. Prints
 * {@code joined} or {@code unavailable: REASON} first.
 */
public final class ClientProbe {
    private ClientProbe() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int extra = Integer.parseInt(args[0]);
        Path job = Path.of(args[1]);
        String log = args[2];
        String seconds = args[3];
        FileDescriptors fds = new FileDescriptors(StandardCharsets.UTF_8);
        JoinDecision decision = JoinDecision.decide(System.getenv().getOrDefault("MAKEFLAGS", ""),
                new JobLimit.Unset());
        JoinOutcome outcome = decision instanceof JoinDecision.Connect connect
                ? JobserverClient.connect(connect.auth(), fds)
                : new Unavailable(java.util.Optional.empty(), "decision " + decision);
        if (outcome instanceof Unavailable u) {
            System.out.println("unavailable: " + u.reason());
            System.err.println("jmake: " + u.warning());
            return;
        }
        System.out.println("joined");
        try (JobserverClient client = ((JoinOutcome.Joined) outcome).client()) {
            TokenPool pool = client.pool();
            pool.trySlot();
            BlockingQueue<Token> tokens = new LinkedBlockingQueue<>();
            List<Token> held = new ArrayList<>();
            while (held.size() < extra) {
                pool.acquireAsync(tokens::add);
                held.add(tokens.take());
            }
            List<Process> jobs = new ArrayList<>();
            for (int i = 0; i <= extra; i++) {
                jobs.add(new ProcessBuilder("sh", job.toString(), log, seconds).inheritIO().start());
            }
            for (Process p : jobs) {
                p.waitFor();
            }
            for (Token t : held) {
                pool.release(t);
            }
            pool.release(new JobSlot.Implicit());
        }
    }
}
