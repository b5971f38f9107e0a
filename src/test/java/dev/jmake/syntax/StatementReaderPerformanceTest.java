package dev.jmake.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A 10,000-target makefile (about 70,000 lines) is read in milliseconds once warm; the bound catches blow-ups. */
class StatementReaderPerformanceTest {
    @Test
    void readsTenThousandTargetsQuickly() {
        StringBuilder text = new StringBuilder("CFLAGS := -O2 -Wall\nOBJS =\n");
        for (int i = 0; i < 10_000; i++) {
            text.append("OBJS += obj/f").append(i).append(".o # object ").append(i).append('\n')
                    .append("obj/f").append(i).append(".o: src/f").append(i).append(".c $(HEADERS) | obj\n")
                    .append("\t$(CC) $(CFLAGS) -c -o $@ $< \\\n\t  -DNUM=").append(i).append('\n')
                    .append("ifeq ($(V),1)\n\t@echo built $@\nendif\n");
        }
        String makefile = text.toString();
        read(makefile); // warm-up
        long start = System.nanoTime();
        List<Statement> statements = read(makefile);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(2 + 10_000 * 3, statements.size());
        assertTrue(millis < 2_000, "reading took " + millis + " ms");
    }

    private static List<Statement> read(String makefile) {
        return new TestReaderContext().readAll(makefile);
    }
}
