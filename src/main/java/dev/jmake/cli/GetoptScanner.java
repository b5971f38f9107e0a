package dev.jmake.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits argv the way GNU make 4.3 does: glibc getopt_long in RETURN_IN_ORDER mode (options may follow goals,
 * {@code --} ends options), bundled short options, unambiguous long-option prefixes, and make's own look-ahead
 * that lets {@code -j 4} and {@code -l 2.5} take a following numeric word. Messages are glibc's and make's.
 */
final class GetoptScanner {
    /** The tokens in order and the error messages in the order GNU prints them. */
    record Scan(List<ArgToken> tokens, List<UsageError.Message> errors) {
        Scan {
            tokens = List.copyOf(tokens);
            errors = List.copyOf(errors);
        }
    }

    private final List<Switch.LongName> longNames = Switch.longNames();

    Scan scan(List<String> argv) {
        List<ArgToken> tokens = new ArrayList<>();
        List<UsageError.Message> errors = new ArrayList<>();
        int i = 0;
        while (i < argv.size()) {
            String word = argv.get(i++);
            if (word.equals("--")) {
                while (i < argv.size()) {
                    tokens.add(new ArgToken.Operand(argv.get(i++)));
                }
            } else if (word.startsWith("--")) {
                i = longOption(argv, i, word.substring(2), tokens, errors);
            } else if (word.startsWith("-") && word.length() > 1) {
                i = shortCluster(argv, i, word, tokens, errors);
            } else {
                tokens.add(new ArgToken.Operand(word));
            }
        }
        return new Scan(tokens, errors);
    }

    private int longOption(List<String> argv, int next, String body, List<ArgToken> tokens, List<UsageError.Message> errors) {
        int eq = body.indexOf('=');
        String name = eq < 0 ? body : body.substring(0, eq);
        String attached = eq < 0 ? null : body.substring(eq + 1);
        List<Switch.LongName> candidates = new ArrayList<>();
        Switch.LongName exact = null;
        for (Switch.LongName ln : longNames) {
            if (ln.name().equals(name)) {
                exact = ln;
                break;
            }
            // jmake's own long options must be spelt out, so GNU's prefixes and ambiguity lists stay the same.
            if (ln.name().startsWith(name) && !ln.target().jmakeOnly()) {
                candidates.add(ln);
            }
        }
        Switch.LongName found = exact;
        if (found == null && !candidates.isEmpty()) {
            found = candidates.get(0);
            // glibc reports ambiguity only when the candidates would act differently.
            for (Switch.LongName c : candidates) {
                if (c.target() != found.target()) {
                    StringBuilder msg = new StringBuilder("option '--" + body + "' is ambiguous; possibilities:");
                    Switch first = found.target();
                    candidates.stream().filter(k -> k == candidates.get(0) || k.target() != first)
                            .forEach(k -> msg.append(" '--").append(k.name()).append('\''));
                    errors.add(UsageError.Message.getopt(msg.toString()));
                    return next;
                }
            }
        }
        if (found == null) {
            errors.add(UsageError.Message.getopt("unrecognized option '--" + body + "'"));
            return next;
        }
        Switch target = found.target();
        String value = attached;
        switch (target.arg()) {
            case NONE -> {
                if (attached != null) {
                    errors.add(UsageError.Message.getopt("option '--" + found.name() + "' doesn't allow an argument"));
                    return next;
                }
            }
            case REQUIRED -> {
                if (attached == null) {
                    if (next >= argv.size()) {
                        errors.add(UsageError.Message.getopt("option '--" + found.name() + "' requires an argument"));
                        return next;
                    }
                    value = argv.get(next++);
                }
            }
            case OPTIONAL -> { }
        }
        return option(argv, next, target, value, tokens, errors);
    }

    private int shortCluster(List<String> argv, int next, String word, List<ArgToken> tokens, List<UsageError.Message> errors) {
        for (int j = 1; j < word.length(); j++) {
            char c = word.charAt(j);
            Switch target = Switch.forLetter(c).orElse(null);
            if (target == null) {
                errors.add(UsageError.Message.getopt("invalid option -- '" + c + "'"));
                continue;
            }
            String rest = word.substring(j + 1);
            switch (target.arg()) {
                case NONE -> tokens.add(new ArgToken.Option(target, null));
                case REQUIRED -> {
                    if (!rest.isEmpty()) {
                        return option(argv, next, target, rest, tokens, errors);
                    }
                    if (next >= argv.size()) {
                        errors.add(UsageError.Message.getopt("option requires an argument -- '" + c + "'"));
                        return next;
                    }
                    return option(argv, next + 1, target, argv.get(next), tokens, errors);
                }
                case OPTIONAL -> {
                    return option(argv, next, target, rest.isEmpty() ? null : rest, tokens, errors);
                }
            }
        }
        return next;
    }

    /** make's part: numeric look-ahead for -j/-l and the checks on the value (main.c decode_switches). */
    private int option(List<String> argv, int next, Switch target, String value, List<ArgToken> tokens,
                       List<UsageError.Message> errors) {
        switch (target.kind()) {
            case POSITIVE_INT -> {
                // GNU takes the next word when it is all digits, even when it is empty.
                if (value == null && next < argv.size() && argv.get(next).chars().allMatch(GetoptScanner::isDigit)) {
                    value = argv.get(next++);
                }
                if (value != null && !isPositiveInt(value)) {
                    errors.add(UsageError.Message.make("the '" + target.displayName() + "' option requires a positive integer argument"));
                    return next;
                }
            }
            case FLOATING -> {
                if (value == null && next < argv.size() && startsNumber(argv.get(next))) {
                    value = argv.get(next++);
                }
            }
            case STRING -> {
                if (value != null && value.isEmpty()) {
                    errors.add(UsageError.Message.make("the '" + target.displayName() + "' option requires a non-empty string argument"));
                    return next;
                }
            }
            case FLAG, IGNORED -> { }
        }
        tokens.add(new ArgToken.Option(target, value));
        return next;
    }

    private static boolean startsNumber(String word) {
        return !word.isEmpty() && (word.charAt(0) == '.' || isDigit(word.charAt(0)));
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isPositiveInt(String value) {
        if (value.isEmpty() || !value.chars().allMatch(GetoptScanner::isDigit)) {
            return false;
        }
        String digits = value.replaceFirst("^0+", "");
        // More than 10 digits is past Integer.MAX_VALUE (and past what Long.parseLong takes, at 20).
        return !digits.isEmpty() && (digits.length() < 10
                || digits.length() == 10 && Long.parseLong(digits) <= Integer.MAX_VALUE);
    }
}
