package dev.jmake.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LineReaderTest {
    @Test
    void joinsOddBackslashContinuationsAndNumbersByFirstLine() {
        LineReader reader = new LineReader("a \\\nb\nc \\\\\nd\\\r\ne\r\nf", 1);
        assertEquals(new LogicalLine("a \\\nb", 1), reader.next());
        assertEquals(new LogicalLine("c \\\\", 3), reader.next());
        assertEquals(new LogicalLine("d\\\ne", 4), reader.next());
        assertEquals(new LogicalLine("f", 6), reader.next());
        assertNull(reader.next());
        assertEquals(6, reader.nextLineNumber());
    }

    @Test
    void skipsByteOrderMarkOnlyOnLineOne() {
        assertEquals(new LogicalLine("X", 1), new LineReader("\uFEFFX\n", 1).next());
        assertEquals(new LogicalLine("X", 1), new LineReader("\u00EF\u00BB\u00BFX", 1).next());
        assertEquals(new LogicalLine("\uFEFFX", 5), new LineReader("\uFEFFX\n", 5).next());
    }

    @Test
    void endOfTextLineNumberCountsNewlines() {
        LineReader reader = new LineReader("a\n\n", 10);
        assertEquals(new LogicalLine("a", 10), reader.next());
        assertEquals(new LogicalLine("", 11), reader.next());
        assertNull(reader.next());
        assertEquals(12, reader.nextLineNumber());
    }
}
