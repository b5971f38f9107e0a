package dev.jmake.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The {@code --trace-report=FILE} document of one build: per job (in the order they finished) the job (its token,
 * first target and rule, as the messages name them), its declared inputs and outputs, what it was observed to read,
 * probe, miss, list, write, delete and execute (project-relative where inside the top root), its findings and the
 * programs it ran untraced. Thread-safe.
 */
public final class TraceReport {
    private final TraceScope scope;
    /** The directory of the make whose jobs these are, relative to the top make's ({@code .} for the top's own). */
    private final String directory;
    private final List<JobVerdict> verdicts = new ArrayList<>();

    public TraceReport(TraceScope scope) {
        this(scope, ".");
    }

    /** The report of the jobs of the make in {@code directory} (relative to the top make's) of a recursive build. */
    public TraceReport(TraceScope scope, String directory) {
        this.scope = scope;
        this.directory = directory;
    }

    /** Adds a judged job. */
    public synchronized void add(JobVerdict verdict) {
        verdicts.add(verdict);
    }

    /** Writes the document to {@code file} (UTF-8), replacing it. */
    public void write(Path file) throws IOException {
        Files.writeString(file, toJson() + "\n", StandardCharsets.UTF_8);
    }

    /** The document. */
    public synchronized String toJson() {
        JsonWriter json = new JsonWriter().beginObject();
        json.name("version").value(1);
        json.name("roots").beginArray();
        scope.roots().forEach(r -> json.value(r.toString()));
        json.endArray();
        json.name("jobs").beginArray();
        for (JobVerdict v : verdicts) {
            job(json, v);
        }
        return json.endArray().endObject().toString();
    }

    private void job(JsonWriter json, JobVerdict v) {
        json.beginObject();
        // The job as the messages name it: its first target and its rule's line (where every finding points).
        json.name("job").beginObject();
        json.name("id").value(v.job());
        json.name("target").value(scope.relative(v.declared().targets().get(0)));
        json.name("rule").value(v.declared().location().toString());
        json.endObject();
        json.name("directory").value(directory);
        json.name("declared").beginObject();
        paths(json, "inputs", v.declared().prerequisites().stream().sorted().toList());
        paths(json, "outputs", v.declared().outputs().toList());
        json.endObject();
        JobEffects e = v.effects();
        json.name("observed").beginObject();
        paths(json, "reads", e.reads().keySet());
        paths(json, "probes", e.probes().keySet());
        paths(json, "missing", e.missing().keySet());
        paths(json, "listings", e.listings().keySet());
        paths(json, "writes", e.writes().keySet());
        paths(json, "deletes", e.deletes().keySet());
        paths(json, "execs", e.execs().keySet());
        json.endObject();
        json.name("clean").value(v.clean());
        json.name("findings").beginArray();
        for (Finding f : v.findings()) {
            json.beginObject();
            json.name("kind").value(f.kind());
            json.name("job").value(f.job());
            json.name("warning").value(f.warning());
            json.name("path").value(f.path());
            actor(json, f.actor());
            json.name("message").value(f.message());
            json.name("fix").value(f.fix());
            if (f instanceof Finding.NestedBuildTree tree) {
                json.name("tool").value(tree.tool()).name("files").value(tree.files());
            }
            json.endObject();
        }
        json.endArray();
        json.name("untraced").beginArray();
        for (Finding f : v.findings()) {
            if (f instanceof Finding.Untraced u) {
                json.beginObject().name("program").value(u.path()).name("reason").value(u.reason());
                actor(json, u.actor());
                json.endObject();
            }
        }
        json.endArray();
        json.endObject();
    }

    private static void actor(JsonWriter json, Actor actor) {
        if (actor != null) {
            json.name("pid").value(actor.pid()).name("executable").value(actor.executable());
        }
    }

    private void paths(JsonWriter json, String name, Collection<Path> paths) {
        json.name(name).beginArray();
        paths.forEach(p -> json.value(scope.relative(p)));
        json.endArray();
    }
}
