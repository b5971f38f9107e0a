package dev.jmake.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A tab-separated table shipped in the jar (the default variables and rules): rows of fields, '#' lines skipped. */
final class ResourceTable {
    private ResourceTable() {}

    /** The rows of resource {@code name} beside this package, each split into exactly {@code fields} fields. */
    static List<String[]> read(String name, int fields) {
        InputStream in = ResourceTable.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " missing from the class path");
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isEmpty()) {
                    continue;
                }
                String[] row = line.split("\t", fields);
                if (row.length != fields) {
                    throw new IllegalStateException(name + ": not " + fields + " fields: " + line);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
        return rows;
    }
}
