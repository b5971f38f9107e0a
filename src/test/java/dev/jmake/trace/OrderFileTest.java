package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class OrderFileTest {
    @Test
    void holdsWhatTheParentWroteThenWhatSubMakesAppended(@TempDir Path parts) throws Exception {
        OrderFile file = OrderFile.create(parts, List.of(Path.of("/t/config.h"), Path.of("/t/a b.h")));
        assertEquals(parts, file.file().getParent());
        file.append(List.of(Path.of("/t/tests/test1")));
        file.append(List.of());
        assertEquals(List.of(Path.of("/t/config.h"), Path.of("/t/a b.h"), Path.of("/t/tests/test1")), file.read());
        assertEquals("/t/config.h\n/t/a b.h\n/t/tests/test1\n", Files.readString(file.file()));
    }

    @Test
    void eachJobGetsItsOwnFile(@TempDir Path parts) throws Exception {
        OrderFile one = OrderFile.create(parts, List.of(Path.of("/t/a")));
        OrderFile two = OrderFile.create(parts, List.of(Path.of("/t/b")));
        assertEquals(List.of(Path.of("/t/a")), one.read());
        assertEquals(List.of(Path.of("/t/b")), two.read());
    }

    @Test
    void aNameNoLineCanHoldIsLeftOut(@TempDir Path parts) throws Exception {
        OrderFile file = OrderFile.create(parts, List.of(Path.of("/t/a\nb"), Path.of("/t/c")));
        assertEquals(List.of(Path.of("/t/c")), file.read());
    }

    @Test
    void appendsAtOnceDoNotInterleave(@TempDir Path parts) throws Exception {
        OrderFile file = OrderFile.create(parts, List.of());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int maker = i;
                done.add(pool.submit(() -> {
                    List<Path> remade = new ArrayList<>();
                    for (int n = 0; n < 500; n++) {
                        remade.add(Path.of("/t/dir" + maker + "/file" + n + ".o"));
                    }
                    file.append(remade);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<Path> read = file.read();
        assertEquals(4000, read.size());
        for (int i = 0; i < read.size(); i += 500) {
            String dir = read.get(i).getParent().toString();
            for (int n = 0; n < 500; n++) {
                assertEquals(Path.of(dir, "file" + n + ".o"), read.get(i + n));
            }
        }
    }

    @Test
    void onlyAFileInTheLiveTreesPartsDirectoryIsInherited(@TempDir Path temp) throws Exception {
        Path parts = Files.createDirectory(temp.resolve("parts"));
        Optional<TraceTree> tree = Optional.of(new TraceTree(temp, parts));
        OrderFile file = OrderFile.create(parts, List.of(Path.of("/t/a")));
        String name = file.file().toString();
        assertEquals(Optional.of(file), OrderFile.inherited(Map.of(OrderFile.VARIABLE, name), tree));
        assertEquals(Optional.empty(), OrderFile.inherited(Map.of(), tree));
        assertEquals(Optional.empty(), OrderFile.inherited(Map.of(OrderFile.VARIABLE, name), Optional.empty()));
        Path elsewhere = Files.writeString(temp.resolve("order-x.txt"), "/t/a\n");
        assertEquals(Optional.empty(), OrderFile.inherited(Map.of(OrderFile.VARIABLE, elsewhere.toString()), tree));
        assertEquals(Optional.empty(), OrderFile.inherited(Map.of(OrderFile.VARIABLE, "order.txt"), tree));
        assertEquals(Optional.empty(),
                OrderFile.inherited(Map.of(OrderFile.VARIABLE, parts.resolve("gone.txt").toString()), tree));
    }
}
