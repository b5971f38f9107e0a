package dev.jmake.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jnr.ffi.LibraryLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InterruptSignalsTest {
    private final ProcessSpawner spawner = new ProcessSpawner(StandardCharsets.UTF_8);
    private final LibC libc = LibraryLoader.create(LibC.class).load("c");

    private static String readyPrefix(String line) {
        return line.substring(0, line.lastIndexOf(' '));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 15})
    void launcherBlockedSignalsAreAllCaughtAndTheJvmDiesByThem(int signal) throws Exception {
        try (ChildJvm child = ChildJvm.start(spawner, InterruptSignalsProbe.class, true, "1")) {
            assertEquals("ready WAITED [1, 2, 3, 15]", readyPrefix(child.nextLine()));
            child.process().signal(signal);
            assertEquals("caught " + signal, child.nextLine());
            assertEquals(new Termination.Signaled(signal, false), child.process().waitFor());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 15})
    void withoutTheLauncherTheJvmHandlersCatchAllButQuit(int signal) throws Exception {
        try (ChildJvm child = ChildJvm.start(spawner, InterruptSignalsProbe.class, false, "1")) {
            assertEquals("ready JVM_HANDLERS [1, 2, 15]", readyPrefix(child.nextLine()));
            child.process().signal(signal);
            assertEquals("caught " + signal, child.nextLine());
            assertEquals(new Termination.Signaled(signal, false), child.process().waitFor());
        }
    }

    @Test
    void stoppingEndsTheWaitingThreadWithoutReportingItsWakeUp() throws Exception {
        // A thread left in sigwaitinfo would hold the JVM's exit up by 300 ms.
        try (ChildJvm child = ChildJvm.start(spawner, InterruptSignalsProbe.class, true, "stop")) {
            assertEquals("ready WAITED", child.nextLine());
            assertEquals("stopped, waiting thread left: false", child.nextLine());
            assertEquals(new Termination.Exited(0), child.process().waitFor());
        }
    }

    @Test
    void aSignalBeforeInstallIsPendingThenReported() throws Exception {
        try (ChildJvm child = ChildJvm.start(spawner, PendingSignalProbe.class, true)) {
            assertEquals("pending false", child.nextLine());
            child.process().signal(InterruptSignals.SIGINT);
            assertEquals("pending true", child.nextLine());
            assertEquals("caught 2, pending false", child.nextLine());
            assertEquals(new Termination.Signaled(InterruptSignals.SIGINT, false), child.process().waitFor());
        }
    }

    @Test
    void withoutTheLauncherSigquitIsTheJvmsThreadDump() throws Exception {
        try (ChildJvm child = ChildJvm.start(spawner, InterruptSignalsProbe.class, false, "1")) {
            readyPrefix(child.nextLine());
            child.process().signal(InterruptSignals.SIGQUIT);
            String line = child.nextLine();
            while (!line.startsWith("Full thread dump")) {
                line = child.nextLine();
            }
            child.process().signal(InterruptSignals.SIGINT);
            while (!line.startsWith("caught")) {
                line = child.nextLine();
            }
            assertEquals("caught 2", line, "SIGQUIT never reached the listener");
            assertEquals(new Termination.Signaled(InterruptSignals.SIGINT, false), child.process().waitFor());
        }
    }

    @Test
    void xrsWithoutTheLauncherLeavesTheDefaultActions() throws Exception {
        List<String> argv = new ArrayList<>(ChildJvm.javaArgv(false, InterruptSignalsProbe.class, "1"));
        argv.add(1, "-Xrs");
        try (ChildJvm child = ChildJvm.start(spawner, argv, false)) {
            assertEquals("ready NONE []", readyPrefix(child.nextLine()));
            child.process().signal(InterruptSignals.SIGINT);
            assertEquals(new Termination.Signaled(InterruptSignals.SIGINT, false), child.process().waitFor());
        }
    }

    @Test
    void aSecondSignalIsReportedToo() throws Exception {
        try (ChildJvm child = ChildJvm.start(spawner, InterruptSignalsProbe.class, true, "2")) {
            readyPrefix(child.nextLine());
            child.process().signal(InterruptSignals.SIGINT);
            assertEquals("caught 2", child.nextLine());
            child.process().signal(InterruptSignals.SIGTERM);
            assertEquals("caught 15", child.nextLine());
            assertEquals(new Termination.Signaled(InterruptSignals.SIGTERM, false), child.process().waitFor());
        }
    }

    @Test
    void aSignalIgnoredAtStartStaysIgnored() throws Exception {
        // Same probe, under `env --ignore-signal=HUP` like nohup: HUP must be neither caught nor fatal.
        List<String> argv = new ArrayList<>(List.of("env", "--ignore-signal=HUP"));
        argv.addAll(ChildJvm.javaArgv(true, InterruptSignalsProbe.class, "1"));
        try (ChildJvm child = ChildJvm.start(spawner, argv, false)) {
            assertEquals("ready WAITED [2, 3, 15]", readyPrefix(child.nextLine()));
            child.process().signal(InterruptSignals.SIGHUP);
            child.process().signal(InterruptSignals.SIGQUIT);
            assertEquals("caught 3", child.nextLine());
            assertEquals(new Termination.Signaled(InterruptSignals.SIGQUIT, false), child.process().waitFor());
        }
    }

    @Test
    void bashSeesStatus130AfterAnInterrupt() throws Exception {
        // The probe runs in the foreground: bash would start a background job with SIGINT ignored.
        List<String> argv = new ArrayList<>(List.of("bash", "-c", "\"$@\"; echo status=$?", "bash"));
        argv.addAll(ChildJvm.javaArgv(true, InterruptSignalsProbe.class, "1"));
        try (ChildJvm child = ChildJvm.start(spawner, argv, false)) {
            String ready = child.nextLine();
            int pid = Integer.parseInt(ready.substring(ready.lastIndexOf(' ') + 1));
            libc.kill(pid, InterruptSignals.SIGINT);
            assertEquals("caught 2", child.nextLine());
            assertEquals("status=130", child.nextLine());
            assertEquals(new Termination.Exited(0), child.process().waitFor());
        }
    }
}
