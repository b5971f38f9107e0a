package dev.jmake.server.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jmake.process.ChildProcess;
import dev.jmake.process.ProcessSpawner;
import dev.jmake.process.Redirect;
import dev.jmake.process.SpawnRequest;
import dev.jmake.process.SpawnResult;
import dev.jmake.process.Termination;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;
import jnr.unixsocket.UnixServerSocketChannel;
import jnr.unixsocket.UnixSocketAddress;

/**
 * Test fixture: the real {@code target/jmake-client} (built in process-resources) run against a test acting as the
 * server, with the real wire classes, in a private server directory given by {@code JMAKE_SERVER_DIR}. The client
 * is started through {@code sh -c 'PREFIX; exec client ...'}, so a test can set its umask or ignore a signal first,
 * and by jmake's own spawner, so its wait status is exact.
 */
final class ClientUnderTest implements AutoCloseable {
    static final Path BINARY = Path.of("target/jmake-client").toAbsolutePath();
    static final POSIX POSIX = POSIXFactory.getNativePOSIX();
    private static final int O_RDWR = 2;
    private static final int LOCK_EX = 2;
    private static final int LOCK_NB = 4;

    final Path root;
    final Path serverDirectory;
    final Path jar;
    final Path java;
    final Path script;
    final Path socket;
    /** The lock beside the socket, which a server started by the client holds for its whole life. */
    final Path lock;
    final Map<String, String> environment = new LinkedHashMap<>();
    private UnixServerSocketChannel listener;
    private ChildProcess process;
    private Output stdout;
    private Output stderr;
    private final List<DescriptorChannel> channels = new ArrayList<>();
    private final List<Integer> descriptors = new ArrayList<>();

    /**
     * Everything in {@code root}: a 0700 server directory, a jar and a "java" to hash, and a script that echoes
     * its arguments, failing as a server.
     */
    ClientUnderTest(Path root) throws IOException {
        this.root = root;
        serverDirectory = root.resolve("servers");
        Files.createDirectory(serverDirectory, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        jar = Files.writeString(root.resolve("jmake.jar"), "a jar");
        java = Files.writeString(root.resolve("java"), "a jvm");
        script = root.resolve("jmake");
        writeScript("echo \"script $*\"; [ \"$1\" = --jmake-server ] && exit 1; exit 0");
        socket = serverDirectory.resolve(ServerSocketName.of(jar, java, POSIX.getuid()));
        lock = ServerLock.of(socket);
        environment.put("PATH", System.getenv("PATH"));
        environment.put("JMAKE_SERVER_DIR", serverDirectory.toString());
    }

    /** A second client of the same files, directory and server as {@code other}. */
    ClientUnderTest(Path root, ClientUnderTest other) {
        this.root = root;
        serverDirectory = other.serverDirectory;
        jar = other.jar;
        java = other.java;
        script = other.script;
        socket = other.socket;
        lock = other.lock;
        environment.putAll(other.environment);
    }

    void writeScript(String body) throws IOException {
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }

    /** Binds the server socket where the client will look for it. */
    ClientUnderTest listen() throws IOException {
        listener = UnixServerSocketChannel.open();
        listener.socket().bind(new UnixSocketAddress(socket.toFile()));
        return this;
    }

    /** Stops listening, leaving the socket file behind as a server that died would. */
    void closeListener() throws IOException {
        listener.close();
        listener = null;
    }

    /** Starts the client as jmake with {@code args}, in {@code directory}, after the shell runs {@code prefix}. */
    ClientUnderTest start(String prefix, Path directory, String... args) {
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", prefix + "; exec \"$0\" \"$@\""));
        return launch(argv, directory, args);
    }

    /** Starts the client with exactly {@link #environment}, in its order (a shell would reorder it). */
    ClientUnderTest startDirectly(Path directory, String... args) {
        return launch(new ArrayList<>(), directory, args);
    }

    private ClientUnderTest launch(List<String> argv, Path directory, String... args) {
        argv.addAll(List.of(BINARY.toString(), script.toString(), jar.toString(), java.toString(), "/usr/bin/jmake"));
        argv.addAll(List.of(args));
        SpawnRequest request = SpawnRequest.of(argv, environment).inDirectory(directory)
                .withStdout(Redirect.CAPTURE).withStderr(Redirect.CAPTURE);
        SpawnResult result = new ProcessSpawner(StandardCharsets.ISO_8859_1).launch(request);
        if (!(result instanceof SpawnResult.Started started)) {
            throw new AssertionError("cannot start the client: " + result);
        }
        process = started.process();
        stdout = new Output(process.stdout().orElseThrow());
        stderr = new Output(process.stderr().orElseThrow());
        return this;
    }

    ClientUnderTest start(String... args) {
        return start(":", root, args);
    }

    /** The next connection, its peer checked as the protocol says. */
    DescriptorChannel accept() throws IOException {
        DescriptorChannel channel = new DescriptorChannel(listener.accept());
        channels.add(channel);
        assertEquals(POSIX.getuid(), channel.peer().getUid());
        return channel;
    }

    /** The HELLO that opens a session; its descriptors are closed with this fixture. */
    ReceivedMessage hello(DescriptorChannel channel) throws IOException {
        ReceivedMessage hello = channel.receive().orElseThrow();
        descriptors.addAll(hello.descriptors());
        assertTrue(hello.message() instanceof Message.Hello, hello.toString());
        return hello;
    }

    /** The next message, which must be of {@code type}. */
    static <M extends Message> M next(DescriptorChannel channel, Class<M> type) throws IOException {
        ReceivedMessage received = channel.receive().orElseThrow(() -> new AssertionError("EOF from the client"));
        assertEquals(List.of(), received.descriptors());
        return type.cast(received.message());
    }

    ChildProcess process() {
        return process;
    }

    Termination waitFor() {
        return process.waitFor();
    }

    String stdoutWhen(Predicate<String> done) {
        return stdout.when(done);
    }

    String stderrWhen(Predicate<String> done) {
        return stderr.when(done);
    }

    /**
     * What the client wrote on stdout, all of it once it and its children are gone; the copies of its descriptors
     * that HELLO gave the test are closed first (they would hold the pipe open).
     */
    String stdout() {
        closeReceivedDescriptors();
        return stdout.all();
    }

    String stderr() {
        closeReceivedDescriptors();
        return stderr.all();
    }

    private void closeReceivedDescriptors() {
        descriptors.forEach(POSIX::close);
        descriptors.clear();
    }

    /** Whether nobody holds the flock of {@link #lock}: taken and released at once (false if it cannot be opened). */
    boolean lockFree() {
        int fd = POSIX.open(lock.toString(), O_RDWR, 0);
        if (fd < 0) {
            return false;
        }
        try {
            return POSIX.flock(fd, LOCK_EX | LOCK_NB) == 0;
        } finally {
            POSIX.close(fd);
        }
    }

    /** Waits until the lock is free: the server a client started is gone. */
    void awaitLockFree() throws InterruptedException {
        awaitLockFree(lock);
    }

    /** Waits until no process holds {@code other} open (the lock of a server started in another directory). */
    void awaitLockFree(Path other) throws InterruptedException {
        for (int i = 0; i < 2000 && !lockHolders(other).isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertTrue(lockHolders(other).isEmpty(), "the lock is still held by " + lockHolders(other));
    }

    /** The processes with a descriptor open on {@link #lock} now (a server the client started is one from its fork on). */
    Set<Integer> lockHolders() {
        return lockHolders(lock);
    }

    private static Set<Integer> lockHolders(Path lock) {
        Set<Integer> holders = new TreeSet<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (name.matches("[0-9]+") && holdsOpen(process.resolve("fd"), lock)) {
                    holders.add(Integer.parseInt(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return holders;
    }

    private static boolean holdsOpen(Path fds, Path file) {
        try (Stream<Path> entries = Files.list(fds)) {
            return entries.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(file);
                } catch (IOException e) {
                    return false; /* closed meanwhile */
                }
            });
        } catch (IOException e) {
            return false; /* gone meanwhile, or not ours to read */
        }
    }

    /** Waits until {@code file} exists (a fake server's report). */
    /** Waits for {@code file} to exist with a whole line in it (a shell's {@code echo > file} creates it first). */
    static void awaitFile(Path file) throws InterruptedException {
        for (int i = 0; i < 2000 && !complete(file); i++) {
            Thread.sleep(10);
        }
        assertTrue(complete(file), file + " never came");
    }

    private static boolean complete(Path file) {
        try {
            return Files.readString(file).endsWith("\n");
        } catch (IOException e) {
            return false; // not there yet
        }
    }

    /** Whether process {@code pid} still exists and is not a zombie. */
    static boolean running(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    /** Field {@code index} (from 1, as proc(5) numbers them) of /proc/PID/stat. */
    static long statField(int pid, int index) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(after[index - 3]);
    }

    /** Waits until process {@code pid} is reaped (a zombie still has its /proc entry). */
    static void awaitReaped(int pid) throws InterruptedException {
        Path entry = Path.of("/proc/" + pid);
        for (int i = 0; i < 1000 && Files.exists(entry); i++) {
            Thread.sleep(10);
        }
        if (Files.exists(entry)) {
            fail("process " + pid + " was not reaped");
        }
    }

    @Override
    public void close() throws IOException {
        for (DescriptorChannel channel : channels) {
            channel.close();
        }
        closeReceivedDescriptors();
        if (process != null && process.termination().isEmpty()) {
            process.signal(9);
            process.waitFor();
        }
        if (listener != null) {
            listener.close();
        }
    }

    /** A child's captured output, read as it comes by a thread of its own. */
    private static final class Output {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread reader;

        Output(InputStream in) {
            reader = new Thread(() -> {
                byte[] buffer = new byte[4096];
                try (in) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        synchronized (bytes) {
                            bytes.write(buffer, 0, n);
                            bytes.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "client-output");
            reader.setDaemon(true);
            reader.start();
        }

        String when(Predicate<String> done) {
            synchronized (bytes) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!done.test(bytes.toString(StandardCharsets.ISO_8859_1))) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        fail("never came: output so far: " + bytes.toString(StandardCharsets.ISO_8859_1));
                    }
                    try {
                        bytes.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AssertionError(e);
                    }
                }
                return bytes.toString(StandardCharsets.ISO_8859_1);
            }
        }

        String all() {
            try {
                reader.join(TimeUnit.SECONDS.toMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.ISO_8859_1);
            }
        }
    }
}
