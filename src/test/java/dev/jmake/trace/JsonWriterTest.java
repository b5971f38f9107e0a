package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the writer produces is parsed by python3's json module, the reference reader. */
final class JsonWriterTest {
    /** Parses {@code json} with python3 and prints it back canonically (ASCII-only, sorted keys). */
    static String python(String json, String expression) throws Exception {
        Process p = new ProcessBuilder("python3", "-c",
                "import json,sys; d=json.loads(sys.stdin.buffer.read().decode('utf-8', 'surrogatepass')); print(" + expression + ")")
                .redirectErrorStream(true).start();
        p.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out + "\nfor: " + json);
        return out.strip();
    }

    @Test
    void nestedContainersGetTheirCommas() throws Exception {
        String json = new JsonWriter().beginObject().name("a").value(1).name("b").beginArray().value("x")
                .beginObject().endObject().beginArray().endArray().value(true).value((String) null).endArray()
                .name("c").value(false).endObject().toString();
        assertEquals("{\"a\":1,\"b\":[\"x\",{},[],true,null],\"c\":false}", json);
        assertEquals("{\"a\": 1, \"b\": [\"x\", {}, [], true, null], \"c\": false}",
                python(json, "json.dumps(d, sort_keys=True)"));
    }

    @Test
    void everyCharacterSurvivesPythonsParser() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x250; c++) {
            all.append(c);
        }
        all.append("\u2028\u2029\uffff\"\\/");
        all.appendCodePoint(0x1F600).appendCodePoint(0x10FFFF); // beyond the BMP: surrogate pairs in Java
        all.append('\ud800').append("x").append('\udc00'); // lone surrogates
        String text = all.toString();
        String json = new JsonWriter().beginObject().name(text).value(text).endObject().toString();
        String expected = text.codePoints().mapToObj(Integer::toString).collect(Collectors.joining(","));
        assertEquals(expected + "\n" + expected, python(json,
                "'\\n'.join(','.join(str(ord(c)) for c in s) for s in [list(d.keys())[0], list(d.values())[0]])"));
    }

    @Test
    void controlCharactersAreEscaped() {
        assertEquals("[\"a\\u0001\\n\\t\\\"\\\\\\u001f\\u007f\"]",
                new JsonWriter().beginArray().value("a\u0001\n\t\"\\\u001f\u007f").endArray().toString());
    }
}
