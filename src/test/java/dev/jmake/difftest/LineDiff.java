package dev.jmake.difftest;

import java.util.ArrayList;
import java.util.List;

/** A unified-style line diff (3 lines of context), for failure messages. */
final class LineDiff {

    private static final int CONTEXT = 3;
    private static final long MAX_CELLS = 4_000_000;

    private LineDiff() {}

    /** The diff from {@code left} to {@code right}, with headers naming them; empty if equal. */
    static String unified(String leftName, String left, String rightName, String right) {
        if (left.equals(right)) {
            return "";
        }
        List<String> a = lines(left);
        List<String> b = lines(right);
        StringBuilder out = new StringBuilder("--- ").append(leftName).append("\n+++ ").append(rightName).append('\n');
        if ((long) a.size() * b.size() > MAX_CELLS) {
            a.forEach(line -> out.append('-').append(line).append('\n'));
            b.forEach(line -> out.append('+').append(line).append('\n'));
            return out.toString();
        }
        List<Edit> edits = edits(a, b);
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).kind == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // Extend the hunk while the next change is within 2*CONTEXT unchanged lines.
            while (true) {
                while (end < edits.size() && edits.get(end).kind != ' ') {
                    end++;
                }
                int next = end;
                while (next < edits.size() && edits.get(next).kind == ' ') {
                    next++;
                }
                if (next < edits.size() && next - end <= 2 * CONTEXT) {
                    end = next;
                } else {
                    end = Math.min(edits.size(), end + CONTEXT);
                    break;
                }
            }
            appendHunk(out, edits.subList(start, end));
            i = end;
        }
        return out.toString();
    }

    private static void appendHunk(StringBuilder out, List<Edit> hunk) {
        int aStart = hunk.get(0).aLine;
        int bStart = hunk.get(0).bLine;
        int aCount = (int) hunk.stream().filter(e -> e.kind != '+').count();
        int bCount = (int) hunk.stream().filter(e -> e.kind != '-').count();
        out.append("@@ -").append(aStart + 1).append(',').append(aCount)
                .append(" +").append(bStart + 1).append(',').append(bCount).append(" @@\n");
        hunk.forEach(e -> out.append(e.kind).append(e.text).append('\n'));
    }

    private record Edit(char kind, String text, int aLine, int bLine) {}

    private static List<Edit> edits(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Edit> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                edits.add(new Edit(' ', a.get(i), i++, j++));
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                edits.add(new Edit('-', a.get(i), i++, j));
            } else {
                edits.add(new Edit('+', b.get(j), i, j++));
            }
        }
        return edits;
    }

    /** Lines without their newline; a missing final newline is marked as in diff(1). */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        } else {
            lines.set(lines.size() - 1, lines.get(lines.size() - 1) + "\n\\ No newline at end of file");
        }
        return lines;
    }
}
