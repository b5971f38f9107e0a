package dev.jmake.trace;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one {@code --trace-report} document of a build: the reports of its passes (restarts) and of its sub-makes as
 * one, their jobs in the order the makes ended, their roots without repeats, and the lines printed for the build's
 * warnings ({@code groups}), each with every finding it stands for.
 */
public final class TreeReport {
    private TreeReport() {}

    /** The document of {@code reports} (each as {@link TraceReport#toJson} writes it) and {@code groups}. */
    public static JsonObject of(List<JsonObject> reports, List<FindingGroup> groups) {
        JsonObject doc = new JsonObject();
        doc.addProperty("version", 1);
        JsonArray roots = new JsonArray();
        JsonArray jobs = new JsonArray();
        for (JsonObject report : reports) {
            for (JsonElement root : report.getAsJsonArray("roots")) {
                if (!roots.contains(root)) {
                    roots.add(root);
                }
            }
            jobs.addAll(report.getAsJsonArray("jobs"));
        }
        doc.add("roots", roots);
        doc.add("jobs", jobs);
        JsonArray lines = new JsonArray();
        for (FindingGroup group : groups) {
            JsonObject line = new JsonObject();
            line.addProperty("message", group.message());
            line.addProperty("kind", group.first().kind());
            line.addProperty("rule", group.first().rule());
            line.addProperty("count", group.members().size());
            JsonArray members = new JsonArray();
            for (FindingText f : group.members()) {
                JsonObject member = new JsonObject();
                member.add("job", new JsonPrimitive(f.job()));
                member.add("path", new JsonPrimitive(f.path()));
                member.add("directory", new JsonPrimitive(f.directory()));
                member.add("message", new JsonPrimitive(f.message()));
                members.add(member);
            }
            line.add("findings", members);
            lines.add(line);
        }
        doc.add("groups", lines);
        return doc;
    }

    /** Writes {@code doc} to {@code file} (UTF-8), replacing it; creates its directory. */
    public static void write(Path file, JsonObject doc) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, new GsonBuilder().disableHtmlEscaping().create().toJson(doc) + "\n",
                StandardCharsets.UTF_8);
    }
}
