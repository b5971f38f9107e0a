package dev.jmake.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSpawnerTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin");
    private static final int SIGKILL = 9;
    private static final int SIGWINCH = 28;

    private final ProcessSpawner spawner = new ProcessSpawner(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private ChildProcess start(SpawnRequest request) {
        SpawnResult result = spawner.launch(request);
        return assertInstanceOf(SpawnResult.Started.class, result, result::toString).process();
    }

    private String captureStdout(SpawnRequest request) throws IOException {
        ChildProcess process = start(request.withStdout(Redirect.CAPTURE));
        try (InputStream out = process.stdout().orElseThrow()) {
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(new Termination.Exited(0), process.waitFor());
            return text;
        }
    }

    @Test
    void exitCodeIsReported() {
        ChildProcess process = start(SpawnRequest.of(List.of("sh", "-c", "exit 42"), ENV));
        assertEquals(new Termination.Exited(42), process.waitFor());
        assertEquals(new Termination.Exited(42), process.waitFor(), "a second wait returns the same outcome");
    }

    @Test
    void childKilledBySignalIsSignaled() {
        ChildProcess process = start(SpawnRequest.of(List.of("sh", "-c", "kill -9 $$"), ENV));
        assertEquals(new Termination.Signaled(SIGKILL, false), process.waitFor());
    }

    @Test
    void signalReachesTheChildAndStopsAfterReaping() throws Exception {
        ChildProcess process = start(SpawnRequest.of(List.of("sleep", "30"), ENV));
        assertTrue(process.signal(15));
        assertEquals(new Termination.Signaled(15, false), process.onExit().get(10, TimeUnit.SECONDS));
        assertFalse(process.signal(15), "a reaped pid must not be signalled");
    }

    @Test
    void capturesStdoutAndStderrSeparately() throws IOException {
        ChildProcess process = start(SpawnRequest.of(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), ENV)
                .withStdout(Redirect.CAPTURE).withStderr(Redirect.CAPTURE));
        try (InputStream out = process.stdout().orElseThrow(); InputStream err = process.stderr().orElseThrow()) {
            assertEquals("out\n", new String(out.readAllBytes(), StandardCharsets.UTF_8));
            assertEquals("err\n", new String(err.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(new Termination.Exited(3), process.waitFor());
    }

    @Test
    void environmentIsExactlyTheGivenMap() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ZED", "last letter");
        env.put("A", "x=y");
        env.put("EMPTY", "");
        assertEquals("ZED=last letter\nA=x=y\nEMPTY=\n",
                captureStdout(SpawnRequest.of(List.of("/usr/bin/env"), env)));
    }

    @Test
    void programIsSearchedInTheChildsPathNotTheJvms() throws IOException {
        Path tool = script(dir.resolve("jmake-test-tool"), "#!/bin/sh\necho tool \"$@\"\n");
        Map<String, String> env = Map.of("PATH", "/nonexistent:" + tool.getParent());
        assertEquals("tool a b\n", captureStdout(SpawnRequest.of(List.of("jmake-test-tool", "a", "b"), env)));
    }

    @Test
    void argvZeroIsKeptAsGiven() throws IOException {
        assertEquals("sh\n", captureStdout(SpawnRequest.of(List.of("sh", "-c", "echo $0"), ENV)));
    }

    @Test
    void missingProgramIsEnoent() {
        SpawnResult result = spawner.launch(SpawnRequest.of(List.of("nonexistent-cmd-jmake", "arg"), ENV));
        assertEquals(new SpawnResult.Failed("nonexistent-cmd-jmake", 2, "No such file or directory"), result);
        assertEquals("nonexistent-cmd-jmake: No such file or directory", ((SpawnResult.Failed) result).message());
    }

    @Test
    void nonExecutableFileIsEacces() throws IOException {
        Path file = dir.resolve("noexec");
        Files.writeString(file, "echo hi\n");
        SpawnResult result = spawner.launch(SpawnRequest.of(List.of(file.toString()), ENV));
        assertEquals(new SpawnResult.Failed(file.toString(), 13, "Permission denied"), result);
        SpawnResult directory = spawner.launch(SpawnRequest.of(List.of(dir.toString()), ENV));
        assertEquals(13, ((SpawnResult.Failed) directory).errno());
    }

    @Test
    void pathSearchGoesPastANonExecutableMatchAndReportsEaccesIfNothingElse() throws IOException {
        Path first = Files.createDirectory(dir.resolve("first"));
        Path second = Files.createDirectory(dir.resolve("second"));
        Files.writeString(first.resolve("tool"), "not executable\n");
        Map<String, String> onlyFirst = Map.of("PATH", first.toString());
        assertEquals(13, ((SpawnResult.Failed) spawner.launch(SpawnRequest.of(List.of("tool"), onlyFirst))).errno());
        script(second.resolve("tool"), "#!/bin/sh\necho second\n");
        Map<String, String> both = Map.of("PATH", first + ":" + second);
        assertEquals("second\n", captureStdout(SpawnRequest.of(List.of("tool"), both)));
    }

    @Test
    void scriptWithoutInterpreterLineRunsUnderBinSh() throws IOException {
        Path file = script(dir.resolve("plain"), "echo plain \"$@\"\n");
        assertEquals("plain x\n", captureStdout(SpawnRequest.of(List.of(file.toString(), "x"), ENV)));
    }

    @Test
    void workingDirectoryIsSetAndRelativeProgramsResolveInIt() throws IOException {
        Path real = dir.toRealPath();
        assertEquals(real + "\n", captureStdout(SpawnRequest.of(List.of("/bin/pwd", "-P"), ENV).inDirectory(real)));
        script(real.resolve("local"), "#!/bin/sh\necho local\n");
        assertEquals("local\n", captureStdout(SpawnRequest.of(List.of("./local"), ENV).inDirectory(real)));
        Map<String, String> relativePath = Map.of("PATH", ".");
        assertEquals("local\n", captureStdout(SpawnRequest.of(List.of("local"), relativePath).inDirectory(real)));
    }

    @Test
    void childHasOnlyStandardDescriptorsAndRequestedMappings() throws IOException {
        Pipe pipe = spawner.pipe();
        try {
            ChildProcess plain = start(SpawnRequest.of(List.of("sleep", "30"), ENV));
            ChildProcess mapped = start(SpawnRequest.of(List.of("sleep", "30"), ENV)
                    .withDescriptor(3, pipe.readFd()).withDescriptor(4, pipe.writeFd()));
            try {
                assertEquals(Set.of("0", "1", "2"), settledDescriptors(plain.pid(), Set.of("0", "1", "2")));
                assertEquals(Set.of("0", "1", "2", "3", "4"),
                        settledDescriptors(mapped.pid(), Set.of("0", "1", "2", "3", "4")));
                String parentPipe = Files.readSymbolicLink(Path.of("/proc/self/fd/" + pipe.readFd())).toString();
                assertEquals(parentPipe, link(mapped.pid(), 3));
                assertEquals(parentPipe, link(mapped.pid(), 4));
                assertEquals(0, accessMode(mapped.pid(), 3), "fd 3 is the read end");
                assertEquals(1, accessMode(mapped.pid(), 4), "fd 4 is the write end");
            } finally {
                plain.signal(SIGKILL);
                mapped.signal(SIGKILL);
                plain.waitFor();
                mapped.waitFor();
            }
        } finally {
            spawner.close(pipe.readFd());
            spawner.close(pipe.writeFd());
        }
    }

    @Test
    void mappingsMaySwapDescriptorsAndLeaveGaps() throws IOException {
        Pipe pipe = spawner.pipe();
        try {
            // The child's copy of readFd becomes the write end and vice versa; fd 7 is the read end; 5 and 6 stay closed.
            ChildProcess process = start(SpawnRequest.of(List.of("sleep", "30"), ENV)
                    .withDescriptor(pipe.readFd(), pipe.writeFd())
                    .withDescriptor(pipe.writeFd(), pipe.readFd())
                    .withDescriptor(7, pipe.readFd()));
            try {
                Set<String> expected = new TreeSet<>(Set.of("0", "1", "2", "7"));
                expected.add(Integer.toString(pipe.readFd()));
                expected.add(Integer.toString(pipe.writeFd()));
                assertEquals(expected, descriptors(process.pid()));
                assertEquals(1, accessMode(process.pid(), pipe.readFd()));
                assertEquals(0, accessMode(process.pid(), pipe.writeFd()));
                assertEquals(0, accessMode(process.pid(), 7));
            } finally {
                process.signal(SIGKILL);
                process.waitFor();
            }
        } finally {
            spawner.close(pipe.readFd());
            spawner.close(pipe.writeFd());
        }
    }

    @Test
    void stdioRedirectsToDescriptorsAndNullDevice() throws IOException {
        Pipe pipe = spawner.pipe();
        ChildProcess process;
        try {
            process = start(SpawnRequest.of(List.of("sh", "-c", "cat; echo to-err >&2"), ENV)
                    .withStdin(Redirect.NULL_DEVICE).withStdout(Redirect.NULL_DEVICE)
                    .withStderr(new Redirect.Descriptor(pipe.writeFd())));
        } finally {
            spawner.close(pipe.writeFd());
        }
        try (InputStream in = new DescriptorInputStream(LibraryLoader.create(LibC.class).load("c"), pipe.readFd())) {
            assertEquals("to-err\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(new Termination.Exited(0), process.waitFor());
    }

    @Test
    void stdoutAndStderrMayAppendToOneFile() throws IOException {
        Path log = dir.resolve("out.log");
        Files.writeString(log, "before\n");
        Path input = Files.writeString(dir.resolve("in.txt"), "input\n");
        ChildProcess process = start(SpawnRequest.of(List.of("sh", "-c", "cat; echo err >&2; echo out"), ENV)
                .withStdin(new Redirect.File(input)).withStdout(new Redirect.File(log))
                .withStderr(new Redirect.File(log)));
        assertEquals(new Termination.Exited(0), process.waitFor());
        assertEquals("before\ninput\nerr\nout\n", Files.readString(log));
    }

    @Test
    void signalMaskIsEmptyEvenWhenTheSpawningThreadBlocksEverything() throws Exception {
        TestLibC testLibc = LibraryLoader.create(TestLibC.class).load("c");
        Runtime runtime = Runtime.getRuntime(testLibc);
        Pointer all = Memory.allocateDirect(runtime, 128, true);
        Pointer old = Memory.allocateDirect(runtime, 128, true);
        testLibc.sigfillset(all);
        // Not the signals the JVM's own compiled code raises (SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGSEGV): blocked, the
        // kernel would kill the whole test JVM the first time one is raised on this thread.
        for (int synchronous : new int[] {4, 5, 7, 8, 11}) {
            testLibc.sigdelset(all, synchronous);
        }
        List<String> result = new ArrayList<>();
        Thread thread = new Thread(() -> {
            testLibc.pthread_sigmask(0 /* SIG_BLOCK */, all, old);
            try {
                result.add(statusField(Path.of("/proc/thread-self/status"), "SigBlk"));
                ChildProcess process = start(SpawnRequest.of(List.of("sleep", "30"), ENV));
                result.add(statusField(Path.of("/proc/" + process.pid() + "/status"), "SigBlk"));
                process.signal(SIGKILL);
                process.waitFor();
            } catch (IOException e) {
                throw new RuntimeException(e);
            } finally {
                testLibc.pthread_sigmask(2 /* SIG_SETMASK */, old, null);
            }
        });
        thread.start();
        thread.join();
        assertEquals(2, result.size());
        assertNotEquals("0000000000000000", result.get(0), "the spawning thread really blocks signals");
        assertEquals("0000000000000000", result.get(1));
    }

    @Test
    void ignoredSignalsStayIgnoredUnlessResetToDefault() throws IOException {
        TestLibC testLibc = LibraryLoader.create(TestLibC.class).load("c");
        long previous = testLibc.signal(SIGWINCH, 1 /* SIG_IGN */);
        try {
            long bit = 1L << (SIGWINCH - 1);
            ChildProcess inherited = start(SpawnRequest.of(List.of("sleep", "30"), ENV));
            ChildProcess reset = start(SpawnRequest.of(List.of("sleep", "30"), ENV)
                    .withDefaultSignals(Set.of(SIGWINCH)));
            try {
                long inheritedIgnored = Long.parseUnsignedLong(
                        statusField(Path.of("/proc/" + inherited.pid() + "/status"), "SigIgn"), 16);
                long resetIgnored = Long.parseUnsignedLong(
                        statusField(Path.of("/proc/" + reset.pid() + "/status"), "SigIgn"), 16);
                assertEquals(bit, inheritedIgnored & bit);
                assertEquals(0, resetIgnored & bit);
            } finally {
                inherited.signal(SIGKILL);
                reset.signal(SIGKILL);
                inherited.waitFor();
                reset.waitFor();
            }
        } finally {
            testLibc.signal(SIGWINCH, previous);
        }
    }

    @Test
    void processGroupIsInheritedUnlessANewOneIsRequested() throws IOException {
        ChildProcess same = start(SpawnRequest.of(List.of("sleep", "30"), ENV));
        ChildProcess leader = start(SpawnRequest.of(List.of("sleep", "30"), ENV).inNewProcessGroup());
        try {
            String ownGroup = processGroup("self");
            assertEquals(ownGroup, processGroup(Integer.toString(same.pid())));
            assertEquals(Integer.toString(leader.pid()), processGroup(Integer.toString(leader.pid())));
        } finally {
            same.signal(SIGKILL);
            leader.signal(SIGKILL);
            same.waitFor();
            leader.waitFor();
        }
    }

    @Test
    void failedSpawnLeavesNoDescriptorsBehind() throws IOException {
        Set<String> before = ownDescriptors();
        for (int i = 0; i < 20; i++) {
            spawner.launch(SpawnRequest.of(List.of("nonexistent-cmd-jmake"), ENV).withStdout(Redirect.CAPTURE)
                    .withStderr(Redirect.CAPTURE));
        }
        assertEquals(before, ownDescriptors());
    }

    private static Set<String> ownDescriptors() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/proc/self/fd"))) {
            Set<String> names = new TreeSet<>();
            entries.forEach(p -> names.add(p.getFileName().toString()));
            return names;
        }
    }

    /**
     * The child's descriptors once they are {@code expected}, or as they are after 5 s: a starting program opens
     * and closes some of its own (the dynamic loader its libraries, setlocale its archive), an inherited one stays.
     */
    private static Set<String> settledDescriptors(int pid, Set<String> expected) throws IOException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        Set<String> seen = descriptors(pid);
        while (!seen.equals(expected) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            seen = descriptors(pid);
        }
        return seen;
    }

    private static Set<String> descriptors(int pid) throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            Set<String> names = new TreeSet<>();
            entries.forEach(p -> names.add(p.getFileName().toString()));
            return names;
        }
    }

    private static String link(int pid, int fd) throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/" + pid + "/fd/" + fd)).toString();
    }

    /** O_ACCMODE of a child's descriptor, from the octal {@code flags:} line of its fdinfo. */
    private static int accessMode(int pid, int fd) throws IOException {
        return Integer.parseInt(statusField(Path.of("/proc/" + pid + "/fdinfo/" + fd), "flags"), 8) & 3;
    }

    private static String statusField(Path file, String name) throws IOException {
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        throw new AssertionError(name + " missing in " + file);
    }

    private static String processGroup(String pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return fields[2];
    }

    private static Path script(Path path, String text) throws IOException {
        Files.writeString(path, text);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }

    @Test
    void unreapedChildrenAreKnownUntilReaped() {
        ChildProcess process = start(SpawnRequest.of(List.of("sleep", "0.2"), ENV));
        assertEquals(Set.of(process.pid()), spawner.unreaped());
        process.waitFor();
        assertEquals(Set.of(), spawner.unreaped());
    }

    @Test
    void aClosedSpawnerStartsNothingAndHoldsTheCallerForever() throws Exception {
        ChildProcess running = start(SpawnRequest.of(List.of("sleep", "0.2"), ENV));
        assertEquals(Set.of(running.pid()), spawner.close(), "close returns the children not reaped");
        Path marker = dir.resolve("started");
        Thread caller = new Thread(() -> spawner.launch(SpawnRequest.of(List.of("touch", marker.toString()), ENV)));
        caller.setDaemon(true);
        caller.start();
        caller.join(300);
        assertTrue(caller.isAlive(), "spawn after close never returns");
        assertFalse(Files.exists(marker), "nothing was started");
        running.waitFor();
    }

    @Test
    void theFirstSpawnWaitsForThePreparation() {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        spawner.prepare(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            order.add("prepared");
        });
        start(SpawnRequest.of(List.of("true"), ENV)).waitFor();
        order.add("spawned");
        assertEquals(List.of("prepared", "spawned"), order);
    }

    @Test
    void aFailedPreparationFailsTheSpawn() {
        spawner.prepare(() -> {
            throw new IllegalStateException("no subreaper");
        });
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> spawner.launch(SpawnRequest.of(List.of("true"), ENV)));
        assertEquals("no subreaper", e.getMessage());
    }
}
