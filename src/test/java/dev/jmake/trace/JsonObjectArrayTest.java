package dev.jmake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a JSON array of objects far enough to merge it. */
final class JsonObjectArrayTest {
    @Test
    void eachObjectKeepsItsTextAndItsStringMembersDecoded() {
        String a = "{\"directory\": \"/p\", \"arguments\": [\"cc\", \"-c\", \"a\\\"b.c\"], \"file\": \"a\\u0041.c\","
                + " \"n\": -1.5e3, \"x\": {\"y\": [true, null]}}";
        List<JsonObjectArray.Element> elements = JsonObjectArray.parse(" [ " + a + " , {} ]\n");
        assertEquals(2, elements.size());
        assertEquals(a, elements.get(0).text());
        assertEquals(Map.of("directory", "/p", "file", "aA.c"), elements.get(0).strings());
        assertEquals("{}", elements.get(1).text());
        assertEquals(List.of(), JsonObjectArray.parse("[]"));
    }

    @Test
    void anythingButAnArrayOfObjectsIsRejected() {
        for (String bad : List.of("", "{}", "[1]", "[{\"a\": }]", "[{\"a\": \"b\"}", "[{}] x", "[{\"a\": \"b]")) {
            assertThrows(IllegalArgumentException.class, () -> JsonObjectArray.parse(bad), bad);
        }
    }
}
