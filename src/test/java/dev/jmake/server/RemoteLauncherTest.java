package dev.jmake.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.jmake.process.FileDescriptors;
import dev.jmake.process.ProcessSpawner;
import dev.jmake.process.SpawnRequest;
import dev.jmake.server.wire.DescriptorAction;
import dev.jmake.server.wire.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a session's launcher asks its client for, read on the client's end of a real socket pair. */
@Timeout(30)
final class RemoteLauncherTest {
    private static final Path CLIENT_DIRECTORY = Path.of("/usr");

    private LinkedPair pair;
    private RemoteLauncher launcher;

    @BeforeEach
    void connect() throws IOException {
        pair = new LinkedPair();
        launcher = new RemoteLauncher(pair.link, new ProcessSpawner(StandardCharsets.UTF_8),
                new FileDescriptors(StandardCharsets.UTF_8), CLIENT_DIRECTORY, 0, 1, 2);
    }

    @AfterEach
    void close() throws IOException {
        pair.close();
    }

    private Message.Spawn spawned(SpawnRequest request) throws IOException {
        launcher.launch(request);
        return assertInstanceOf(Message.Spawn.class, pair.received());
    }

    @Test
    void aChildInTheClientsDirectoryInheritsItAndAnyOtherIsNamed() throws IOException {
        SpawnRequest request = SpawnRequest.of(List.of("true"), Map.of("PATH", "/bin:/usr/bin"));
        assertEquals("", spawned(request).workingDirectory(), "no directory: the client's own");
        assertEquals("", spawned(request.inDirectory(CLIENT_DIRECTORY)).workingDirectory(),
                "the client's own, named: inherited, no chdir");
        assertEquals("/usr/bin", spawned(request.inDirectory(Path.of("bin"))).workingDirectory(),
                "relative to the client's");
        assertEquals("/tmp", spawned(request.inDirectory(Path.of("/tmp"))).workingDirectory());
    }

    @Test
    void inheritedStandardDescriptorsAreTheClientsOwn() throws IOException {
        Message.Spawn spawn = spawned(SpawnRequest.of(List.of("true"), Map.of("PATH", "/bin:/usr/bin")));
        assertEquals(List.of(new DescriptorAction.ClientDescriptor(0, 0), new DescriptorAction.ClientDescriptor(1, 1),
                new DescriptorAction.ClientDescriptor(2, 2)), spawn.actions());
    }
}
