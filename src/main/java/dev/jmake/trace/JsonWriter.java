package dev.jmake.trace;

import java.util.ArrayDeque;

/**
 * A minimal streaming JSON writer (RFC 8259) into a string: objects, arrays, strings, numbers, booleans and null,
 * commas placed automatically. Strings escape quotes, backslashes and every control character; characters beyond
 * the BMP pass through as their UTF-16 pairs (UTF-8 once encoded), and a lone surrogate is written as a
 * {@code \}{@code uXXXX} escape so the text stays valid.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    /** Per open container: whether it already holds a value (so the next one needs a comma). */
    private final ArrayDeque<Boolean> filled = new ArrayDeque<>();
    private boolean afterName;

    JsonWriter beginObject() {
        separate();
        out.append('{');
        filled.push(false);
        return this;
    }

    JsonWriter endObject() {
        filled.pop();
        out.append('}');
        return this;
    }

    JsonWriter beginArray() {
        separate();
        out.append('[');
        filled.push(false);
        return this;
    }

    JsonWriter endArray() {
        filled.pop();
        out.append(']');
        return this;
    }

    /** The member name of the next value in an object. */
    JsonWriter name(String name) {
        separate();
        quote(name);
        out.append(':');
        afterName = true;
        return this;
    }

    JsonWriter value(String text) {
        separate();
        if (text == null) {
            out.append("null");
        } else {
            quote(text);
        }
        return this;
    }

    JsonWriter value(long number) {
        separate();
        out.append(number);
        return this;
    }

    JsonWriter value(boolean flag) {
        separate();
        out.append(flag);
        return this;
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (!filled.isEmpty()) {
            if (filled.peek()) {
                out.append(',');
            } else {
                filled.pop();
                filled.push(true);
            }
        }
    }

    private void quote(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || lone(text, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** True if the char at {@code i} is a surrogate without its partner. */
    private static boolean lone(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }

    /** The document written so far. */
    @Override
    public String toString() {
        return out.toString();
    }
}
