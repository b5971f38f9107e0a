package dev.jmake.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON array of objects (RFC 8259) read just far enough to merge it: each object's text as written, kept verbatim,
 * and its members whose values are strings, decoded. Other values are checked and skipped.
 */
final class JsonObjectArray {
    /**
     * One object of the array.
     *
     * @param text the object as written
     * @param strings its members whose value is a string, decoded
     */
    record Element(String text, Map<String, String> strings) {
        Element {
            strings = Map.copyOf(strings);
        }
    }

    private final String text;
    private int at;

    private JsonObjectArray(String text) {
        this.text = text;
    }

    /** The objects of {@code text}, which must be one array of objects; IllegalArgumentException if it is not. */
    static List<Element> parse(String text) {
        JsonObjectArray reader = new JsonObjectArray(text);
        reader.space();
        List<Element> elements = reader.array();
        reader.space();
        if (reader.at != text.length()) {
            throw reader.error("text after the array");
        }
        return elements;
    }

    private List<Element> array() {
        expect('[');
        List<Element> elements = new ArrayList<>();
        space();
        if (peek() == ']') {
            at++;
            return elements;
        }
        do {
            space();
            int start = at;
            Map<String, String> strings = object();
            elements.add(new Element(text.substring(start, at), strings));
            space();
        } while (take(','));
        expect(']');
        return elements;
    }

    private Map<String, String> object() {
        expect('{');
        Map<String, String> strings = new LinkedHashMap<>();
        space();
        if (take('}')) {
            return strings;
        }
        do {
            space();
            String name = string();
            space();
            expect(':');
            space();
            if (peek() == '"') {
                strings.put(name, string());
            } else {
                skipValue();
            }
            space();
        } while (take(','));
        expect('}');
        return strings;
    }

    private void skipValue() {
        char c = peek();
        if (c == '{') {
            object();
        } else if (c == '[') {
            expect('[');
            space();
            if (take(']')) {
                return;
            }
            do {
                space();
                if (peek() == '"') {
                    string();
                } else {
                    skipValue();
                }
                space();
            } while (take(','));
            expect(']');
        } else if (c == '"') {
            string();
        } else {
            int start = at;
            while (at < text.length() && "+-.0123456789eEtruefalsn".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            if (at == start) {
                throw error("a value expected");
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = at < text.length() ? text.charAt(at++) : ' ';
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error("bad \\u escape");
                    }
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> throw error("bad escape");
            }
        }
    }

    private void space() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private boolean take(char c) {
        if (peek() == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!take(c)) {
            throw error("'" + c + "' expected");
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at offset " + at);
    }
}
