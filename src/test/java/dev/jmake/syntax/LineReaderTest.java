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

    @Test
    void aNulEndsItsLineAndTheNextPhysicalLineIsReadOntoIt() {
        // GNU make: "x := a\0b\n$(info [$(x)])" defines x as "a" after printing "[]"; the newline is not counted.
        LineReader reader = new LineReader("x := a\0b\n$(info)\nc\n", 1);
        assertEquals(new LogicalLine("x := a$(info)", 1), reader.next());
        assertEquals(0, reader.takeNulLine());
        assertEquals(new LogicalLine("c", 2), reader.next());
        assertNull(reader.next());
    }

    @Test
    void aNulStartingALineMakesItEmptyWithAWarning() {
        LineReader reader = new LineReader("a \\\n\0b\nc\n\0", 1);
        assertEquals(new LogicalLine("a \\\n", 1), reader.next());
        assertEquals(1, reader.takeNulLine());
        assertEquals(0, reader.takeNulLine());
        assertEquals(new LogicalLine("c", 3), reader.next());
        assertEquals(new LogicalLine("", 4), reader.next());
        assertEquals(4, reader.takeNulLine());
    }
}
