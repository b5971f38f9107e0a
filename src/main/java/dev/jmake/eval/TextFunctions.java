package dev.jmake.eval;

import dev.jmake.syntax.Location;
import dev.jmake.syntax.MakeError;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The built-in functions that only transform text, with GNU make 4.3's exact whitespace behaviour. */
public final class TextFunctions {
    private TextFunctions() {}

    /** {@code $(subst from,to,text)}: every occurrence; an empty {@code from} matches once, at the end. */
    public static String subst(String from, String to, String text) {
        if (from.isEmpty()) {
            return text + to;
        }
        return text.replace(from, to);
    }

    /** {@code $(patsubst pattern,replacement,text)} ({@code patsubst_expand}). */
    public static String patsubst(String pattern, String replacement, String text) {
        return patsubst(PercentPattern.parse(pattern), replacement, text);
    }

    /** {@code patsubst_expand} with a pattern that went through {@code find_percent}. */
    public static String patsubst(PercentPattern pattern, String replacement, String text) {
        if (!pattern.hasPercent()) {
            return substWords(pattern.prefix(), PercentPattern.parse(replacement).text(), text);
        }
        return patsubstPercent(pattern, PercentPattern.parse(replacement), text);
    }

    /** {@code $(var:from=to)}: without {@code %} in {@code from}, a suffix replacement at the end of each word. */
    public static String substitutionReference(String value, String from, String to) {
        PercentPattern pattern = PercentPattern.parse(from);
        if (pattern.hasPercent()) {
            return patsubstPercent(pattern, PercentPattern.parse(to), value);
        }
        return patsubstPercent(new PercentPattern("", pattern.prefix(), true), new PercentPattern("", to, true), value);
    }

    /** {@code patsubst_expand_pat} for a pattern with a {@code %}: words re-joined with single spaces. */
    private static String patsubstPercent(PercentPattern pattern, PercentPattern replacement, String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean doneAny = false;
        int n = text.length();
        int i = 0;
        while (true) {
            while (i < n && Words.isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && !Words.isSpace(text.charAt(i))) {
                i++;
            }
            boolean matched = pattern.matches(text, start, i);
            if (!matched) {
                out.append(text, start, i);
            } else {
                out.append(replacement.prefix());
                if (replacement.hasPercent()) {
                    out.append(text, start + pattern.prefix().length(), i - pattern.suffix().length())
                            .append(replacement.suffix());
                }
            }
            if (!matched || !replacement.prefix().isEmpty() || replacement.hasPercent()) {
                out.append(' ');
                doneAny = true;
            }
        }
        if (doneAny) {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    /** {@code subst_expand} by word: replaces whole words equal to {@code word}, keeping all other text. */
    private static String substWords(String word, String replacement, String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int slen = word.length();
        int t = 0;
        int n = text.length();
        do {
            int p;
            if (slen == 0) {
                p = t;
                while (p < n && Words.isSpace(text.charAt(p))) {
                    p++;
                }
                while (p < n && !Words.isSpace(text.charAt(p))) {
                    p++;
                }
            } else {
                p = text.indexOf(word, t);
                if (p < 0) {
                    out.append(text, t, n);
                    return out.toString();
                }
            }
            out.append(text, t, p);
            boolean struck = (p > 0 && !Words.isSpace(text.charAt(p - 1)))
                    || (p + slen < n && !Words.isSpace(text.charAt(p + slen)));
            out.append(struck ? word : replacement);
            t = p + slen;
        } while (t < n);
        return out.toString();
    }

    /** {@code $(strip text)}. */
    public static String strip(String text) {
        return Words.join(Words.split(text));
    }

    /** {@code $(findstring find,in)}. */
    public static String findstring(String find, String in) {
        return in.contains(find) ? find : "";
    }

    /** {@code $(filter patterns,text)} or, when {@code keep} is false, {@code $(filter-out)}. */
    public static String filter(String patterns, String text, boolean keep) {
        List<String> words = Words.split(text);
        if (words.isEmpty()) {
            return "";
        }
        List<PercentPattern> parsed = new ArrayList<>();
        for (String p : Words.split(patterns)) {
            parsed.add(PercentPattern.parse(p));
        }
        StringBuilder out = new StringBuilder(text.length());
        for (String word : words) {
            boolean matched = false;
            for (PercentPattern p : parsed) {
                if (p.matches(word)) {
                    matched = true;
                    break;
                }
            }
            if (matched == keep) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(word);
            }
        }
        return out.toString();
    }

    /** {@code $(sort list)}: byte order, duplicates removed. */
    public static String sort(String list) {
        return Words.join(new ArrayList<>(new TreeSet<>(Words.split(list))));
    }

    /** {@code $(word n,text)}; {@code location} is where errors are reported. */
    public static String word(String n, String text, Location location) {
        checkNumeric(n, "non-numeric first argument to 'word' function", location);
        int i = atoi(n);
        if (i == 0) {
            throw new MakeError(location, "first argument to 'word' function must be greater than 0");
        }
        if (i < 0) {
            return "";
        }
        List<String> words = Words.split(text);
        return i <= words.size() ? words.get(i - 1) : "";
    }

    /** {@code $(wordlist s,e,text)}: the text from word s to word e, inner whitespace kept. */
    public static String wordlist(String s, String e, String text, Location location) {
        checkNumeric(s, "non-numeric first argument to 'wordlist' function", location);
        checkNumeric(e, "non-numeric second argument to 'wordlist' function", location);
        int start = atoi(s);
        if (start < 1) {
            throw new MakeError(location, "invalid first argument to 'wordlist' function: '" + start + "'");
        }
        int count = atoi(e) - start + 1;
        if (count <= 0) {
            return "";
        }
        int n = text.length();
        int i = 0;
        int wordStart = -1;
        int wordEnd = -1;
        int seen = 0;
        while (true) {
            while (i < n && Words.isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int begin = i;
            while (i < n && !Words.isSpace(text.charAt(i))) {
                i++;
            }
            seen++;
            wordEnd = i;
            if (seen == start) {
                wordStart = begin;
            }
            if (wordStart >= 0 && seen - start + 1 == count) {
                break;
            }
        }
        return wordStart < 0 ? "" : text.substring(wordStart, wordEnd);
    }

    /** {@code $(words text)}. */
    public static String words(String text) {
        return Integer.toString(Words.split(text).size());
    }

    /** {@code $(firstword text)}. */
    public static String firstword(String text) {
        List<String> words = Words.split(text);
        return words.isEmpty() ? "" : words.get(0);
    }

    /** {@code $(lastword text)}. */
    public static String lastword(String text) {
        List<String> words = Words.split(text);
        return words.isEmpty() ? "" : words.get(words.size() - 1);
    }

    /** {@code $(dir names)}: up to the last slash, or {@code ./}. */
    public static String dir(String names) {
        StringBuilder out = new StringBuilder(names.length());
        for (String word : Words.split(names)) {
            if (out.length() > 0) {
                out.append(' ');
            }
            int slash = word.lastIndexOf('/');
            out.append(slash >= 0 ? word.substring(0, slash + 1) : "./");
        }
        return out.toString();
    }

    /** {@code $(notdir names)}: after the last slash (an empty word for {@code a/}, still separated). */
    public static String notdir(String names) {
        List<String> words = Words.split(names);
        List<String> out = new ArrayList<>(words.size());
        for (String word : words) {
            out.add(word.substring(word.lastIndexOf('/') + 1));
        }
        return String.join(" ", out);
    }

    /** {@code $(suffix names)}: from the last dot of the last component; words without one vanish. */
    public static String suffix(String names) {
        StringBuilder out = new StringBuilder();
        for (String word : Words.split(names)) {
            int dot = suffixDot(word);
            if (dot >= 0) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(word, dot, word.length());
            }
        }
        return out.toString();
    }

    /** {@code $(basename names)}. */
    public static String basename(String names) {
        StringBuilder out = new StringBuilder(names.length());
        boolean first = true;
        for (String word : Words.split(names)) {
            if (!first) {
                out.append(' ');
            }
            first = false;
            int dot = suffixDot(word);
            out.append(word, 0, dot >= 0 ? dot : word.length());
        }
        return out.toString();
    }

    private static int suffixDot(String word) {
        for (int i = word.length() - 1; i >= 0; i--) {
            char c = word.charAt(i);
            if (c == '.') {
                return i;
            }
            if (c == '/') {
                return -1;
            }
        }
        return -1;
    }

    /** {@code $(addprefix prefix,names)}. */
    public static String addprefix(String prefix, String names) {
        List<String> words = Words.split(names);
        List<String> out = new ArrayList<>(words.size());
        for (String word : words) {
            out.add(prefix + word);
        }
        return String.join(" ", out);
    }

    /** {@code $(addsuffix suffix,names)}. */
    public static String addsuffix(String suffix, String names) {
        List<String> words = Words.split(names);
        List<String> out = new ArrayList<>(words.size());
        for (String word : words) {
            out.add(word + suffix);
        }
        return String.join(" ", out);
    }

    /** {@code $(join a,b)}: word by word; extra words kept. */
    public static String join(String first, String second) {
        List<String> a = Words.split(first);
        List<String> b = Words.split(second);
        int n = Math.max(a.size(), b.size());
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add((i < a.size() ? a.get(i) : "") + (i < b.size() ? b.get(i) : ""));
        }
        return String.join(" ", out);
    }

    /** GNU 4.3 {@code is_numeric}: non-empty, and digits only once surrounding spaces are removed. */
    private static void checkNumeric(String text, String message, Location location) {
        boolean numeric = !text.isEmpty();
        String trimmed = Words.trim(text);
        for (int i = 0; numeric && i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            numeric = c >= '0' && c <= '9';
        }
        if (!numeric) {
            throw new MakeError(location, message + ": '" + text + "'");
        }
    }

    /** C {@code atoi} on glibc: {@code (int) strtol}, saturating at the long range before truncation. */
    private static int atoi(String text) {
        String digits = Words.trim(text);
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (value > (Long.MAX_VALUE - d) / 10) {
                value = Long.MAX_VALUE;
                break;
            }
            value = value * 10 + d;
        }
        return (int) value;
    }
}
