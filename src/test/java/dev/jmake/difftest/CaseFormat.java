package dev.jmake.difftest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the case file format documented in {@code src/test/resources/difftest/README.md}. */
final class CaseFormat {

    static final String STDIN_SECTION = "@stdin";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern HEADER = Pattern.compile("# (args|run|env|touch|sh|timeout|normalize):(?: (.*))?");
    private static final Pattern SECTION = Pattern.compile("--- (\\S+)( \\[noeol])?");
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d+)([smhd])");

    private CaseFormat() {}

    /** Parses {@code text}, the content of {@code source}, into a case called {@code name}. */
    static DiffCase parse(String name, Path source, String text) {
        List<String> lines = splitLines(text);
        List<Step> steps = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        List<String> args = null;
        Duration timeout = DEFAULT_TIMEOUT;
        boolean normalizeDb = false;
        int i = 0;
        for (; i < lines.size() && !lines.get(i).startsWith("--- "); i++) {
            String line = stripNewline(lines.get(i));
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                String value = header.group(2) == null ? "" : header.group(2);
                switch (header.group(1)) {
                    case "args" -> {
                        if (args != null) {
                            throw error(source, i, "more than one '# args:' line");
                        }
                        args = CommandLineWords.split(value);
                    }
                    case "run" -> steps.add(new Step.Run(CommandLineWords.split(value)));
                    case "env" -> {
                        int eq = value.indexOf('=');
                        if (eq <= 0) {
                            throw error(source, i, "'# env:' needs NAME=value");
                        }
                        env.put(value.substring(0, eq), value.substring(eq + 1));
                    }
                    case "touch" -> steps.add(parseTouch(source, i, value.strip()));
                    case "sh" -> steps.add(new Step.Shell(value));
                    case "timeout" -> timeout = Duration.ofSeconds(Long.parseLong(value.strip()));
                    case "normalize" -> {
                        if (!value.strip().equals("db")) {
                            throw error(source, i, "'# normalize:' knows only 'db'");
                        }
                        normalizeDb = true;
                    }
                    default -> throw new IllegalStateException(header.group(1));
                }
            } else if (!line.isBlank() && !line.startsWith("#")) {
                throw error(source, i, "header lines must be '# key: value' or '#' comments: " + line);
            }
        }
        boolean hasRun = steps.stream().anyMatch(Step.Run.class::isInstance);
        if (hasRun && args != null) {
            throw error(source, 0, "use either '# args:' or '# run:' lines, not both");
        }
        if (!hasRun) {
            steps.add(new Step.Run(args == null ? List.of() : args));
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] stdin = new byte[0];
        while (i < lines.size()) {
            Matcher section = SECTION.matcher(stripNewline(lines.get(i)));
            if (!section.matches()) {
                throw error(source, i, "bad section header: " + lines.get(i));
            }
            String path = section.group(1);
            StringBuilder content = new StringBuilder();
            int start = i;
            for (i++; i < lines.size() && !lines.get(i).startsWith("--- "); i++) {
                content.append(lines.get(i));
            }
            if (section.group(2) != null && content.length() > 0 && content.charAt(content.length() - 1) == '\n') {
                content.setLength(content.length() - 1);
            }
            byte[] bytes = content.toString().getBytes(StandardCharsets.UTF_8);
            if (path.equals(STDIN_SECTION)) {
                stdin = bytes;
            } else {
                checkRelative(source, start, path);
                if (files.put(path, bytes) != null) {
                    throw error(source, start, "duplicate section " + path);
                }
            }
        }
        return new DiffCase(name, source, text, files, env, stdin, steps, timeout, normalizeDb);
    }

    private static Step.Touch parseTouch(Path source, int line, String value) {
        int blank = value.indexOf(' ');
        String path = blank < 0 ? value : value.substring(0, blank);
        String when = blank < 0 ? "now" : value.substring(blank + 1).strip();
        if (path.isEmpty()) {
            throw error(source, line, "'# touch:' needs a path");
        }
        checkRelative(source, line, path);
        return new Step.Touch(path, parseMtime(source, line, when));
    }

    private static Mtime parseMtime(Path source, int line, String when) {
        if (when.equals("now")) {
            return new Mtime.Now();
        }
        Matcher offset = OFFSET.matcher(when);
        if (offset.matches()) {
            long amount = Long.parseLong(offset.group(2)) * (offset.group(1).equals("-") ? -1 : 1);
            Duration unit = switch (offset.group(3)) {
                case "s" -> Duration.ofSeconds(1);
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                default -> Duration.ofDays(1);
            };
            return new Mtime.Relative(unit.multipliedBy(amount));
        }
        try {
            if (when.length() == 10) {
                return new Mtime.Absolute(LocalDate.parse(when).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            return new Mtime.Absolute(LocalDateTime.parse(when.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw error(source, line, "bad time '" + when + "' (use now, -10s/+2m/-1h/-3d, 2020-01-01 or 2020-01-01T10:00:00)");
        }
    }

    private static void checkRelative(Path source, int line, String path) {
        if (path.startsWith("/") || List.of(path.split("/")).contains("..")) {
            throw error(source, line, "paths must stay inside the case directory: " + path);
        }
    }

    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }

    private static String stripNewline(String line) {
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    private static IllegalArgumentException error(Path source, int line, String message) {
        return new IllegalArgumentException(source + ":" + (line + 1) + ": " + message);
    }
}
