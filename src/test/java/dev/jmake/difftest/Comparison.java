package dev.jmake.difftest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;

/** Compares the runs of GNU make and jmake on one case and explains any difference. */
final class Comparison {

    private Comparison() {}

    /** A failure report, or empty when every run agrees on status, stdout, stderr and files. */
    static Optional<String> report(DiffCase diffCase, List<RunRecord> make, List<RunRecord> jmake) {
        StringBuilder differences = new StringBuilder();
        for (int i = 0; i < make.size(); i++) {
            String runDiff = compareRun(make.get(i), jmake.get(i));
            if (!runDiff.isEmpty()) {
                differences.append("run ").append(i + 1).append('/').append(make.size()).append(": ")
                        .append(commandLine(make.get(i))).append('\n').append(runDiff);
            }
        }
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        out.append("case ").append(diffCase.name()).append(" (").append(diffCase.source()).append(") differs\n");
        out.append(differences);
        out.append("\n========== case file ==========\n").append(diffCase.text());
        appendRuns(out, "make", make);
        appendRuns(out, "jmake", jmake);
        return Optional.of(out.toString());
    }

    private static String compareRun(RunRecord make, RunRecord jmake) {
        StringBuilder out = new StringBuilder();
        if (!make.outcome().statusText().equals(jmake.outcome().statusText())) {
            out.append("  exit status: make ").append(make.outcome().statusText())
                    .append(", jmake ").append(jmake.outcome().statusText()).append('\n');
        }
        appendDiff(out, "stdout", make.outcome().stdout(), jmake.outcome().stdout());
        appendDiff(out, "stderr", make.outcome().stderr(), jmake.outcome().stderr());
        SortedMap<String, String> a = make.files();
        SortedMap<String, String> b = jmake.files();
        List<String> onlyMake = new ArrayList<>();
        List<String> onlyJmake = new ArrayList<>();
        for (String path : new TreeSet<>(union(a.keySet(), b.keySet()))) {
            if (!b.containsKey(path)) {
                onlyMake.add(path);
            } else if (!a.containsKey(path)) {
                onlyJmake.add(path);
            } else {
                appendDiff(out, "file " + path, a.get(path), b.get(path));
            }
        }
        if (!onlyMake.isEmpty()) {
            out.append("  files left only by make: ").append(String.join(" ", onlyMake)).append('\n');
        }
        if (!onlyJmake.isEmpty()) {
            out.append("  files left only by jmake: ").append(String.join(" ", onlyJmake)).append('\n');
        }
        return out.toString();
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void appendDiff(StringBuilder out, String what, String make, String jmake) {
        String diff = LineDiff.unified("make " + what, make, "jmake " + what, jmake);
        if (!diff.isEmpty()) {
            out.append("  ").append(what).append(" differs:\n").append(diff);
        }
    }

    private static void appendRuns(StringBuilder out, String who, List<RunRecord> runs) {
        for (int i = 0; i < runs.size(); i++) {
            RunRecord run = runs.get(i);
            out.append("\n========== ").append(who).append(", run ").append(i + 1).append(": ")
                    .append(commandLine(run)).append(" ==========\n");
            out.append("exit status ").append(run.outcome().statusText()).append('\n');
            out.append("----- stdout -----\n").append(run.outcome().stdout());
            out.append("----- stderr -----\n").append(run.outcome().stderr());
            out.append("----- files -----\n").append(String.join(" ", run.files().keySet())).append('\n');
        }
    }

    private static String commandLine(RunRecord run) {
        return run.args().isEmpty() ? "make" : "make " + String.join(" ", run.args());
    }
}
