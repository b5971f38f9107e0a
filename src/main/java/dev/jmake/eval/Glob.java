package dev.jmake.eval;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * File name globbing as {@code $(wildcard)} does it through glibc's {@code glob}: {@code * ? [...]} with
 * backslash escapes, leading dots matched only explicitly, results of one pattern sorted, names without
 * wildcards kept only if they exist. Relative patterns are resolved against {@code directory}, never the
 * JVM's working directory; results keep the pattern's spelling.
 */
public final class Glob {
    private final Path directory;
    private final DirectoryListings listings;

    public Glob(Path directory) {
        this(directory, DirectoryListings.direct());
    }

    /** Reading directories through {@code listings} (a server keeps them). */
    public Glob(Path directory, DirectoryListings listings) {
        this.directory = directory;
        this.listings = listings;
    }

    /** The existing names matching {@code pattern} (tilde already expanded). */
    public List<String> expand(String pattern) {
        if (!hasMagic(pattern)) {
            String name = unescape(pattern);
            if (name.length() > 1 && name.endsWith("/")) {
                // glibc globs "name/" as "name" with GLOB_MARK: a file loses the slashes, a directory keeps one
                int end = name.length();
                while (end > 1 && name.charAt(end - 1) == '/') {
                    end--;
                }
                String base = name.substring(0, end);
                if (!exists(base, false)) {
                    return List.of();
                }
                return List.of(isDirectory(base) && !base.equals("/") ? base + "/" : base);
            }
            return exists(name, false) ? List.of(name) : List.of();
        }
        List<String> results = new ArrayList<>();
        int start = 0;
        String prefix = "";
        if (pattern.startsWith("/")) {
            int i = 0;
            while (i < pattern.length() && pattern.charAt(i) == '/') {
                i++;
            }
            prefix = pattern.substring(0, i);
            start = i;
        }
        walk(prefix, pattern, start, results);
        Collections.sort(results);
        return results;
    }

    /** Matches the components of {@code pattern} from {@code from} on, below the directory named {@code prefix}. */
    private void walk(String prefix, String pattern, int from, List<String> results) {
        int slash = pattern.indexOf('/', from);
        String component = slash < 0 ? pattern.substring(from) : pattern.substring(from, slash);
        int next = slash;
        String separator = "";
        if (slash >= 0) {
            next = slash;
            while (next < pattern.length() && pattern.charAt(next) == '/') {
                next++;
            }
            separator = pattern.substring(slash, next);
        }
        boolean last = slash < 0 || next >= pattern.length();
        List<String> names;
        boolean listed = hasMagic(component);
        if (listed) {
            names = matchingEntries(prefix, component);
        } else {
            names = List.of(unescape(component));
        }
        for (String name : names) {
            String path = prefix + name + separator;
            if (last) {
                // A name read from its directory exists (as glob(3) takes it): only a trailing '/' needs a look.
                if (listed && separator.isEmpty() || exists(path, !separator.isEmpty())) {
                    results.add(path);
                }
            } else if (isDirectory(path)) {
                walk(path, pattern, next, results);
            }
        }
    }

    private List<String> matchingEntries(String prefix, String component) {
        Path dir = resolve(prefix.isEmpty() ? "." : prefix);
        List<String> names = new ArrayList<>();
        for (String special : new String[] {".", ".."}) {
            if (matches(component, special)) {
                names.add(special);
            }
        }
        Optional<DirectoryListings.Listing> listing = listings.listing(dir.toAbsolutePath());
        if (listing.isPresent()) {
            for (String name : listing.get().names()) {
                if (matches(component, name)) {
                    names.add(name);
                }
            }
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (matches(component, name)) {
                    names.add(name);
                }
            }
        } catch (NoSuchFileException | NotDirectoryException | AccessDeniedException e) {
            return List.of();
        } catch (DirectoryIteratorException e) {
            return names;
        } catch (IOException e) {
            // glob(3) without GLOB_ERR, as GNU's wildcard calls it, passes over a directory it cannot read.
            return List.of();
        }
        return names;
    }

    private Path resolve(String name) {
        return directory.resolve(name);
    }

    private boolean exists(String name, boolean mustBeDirectory) {
        if (name.isEmpty()) {
            return false;
        }
        Path path = resolve(name);
        return mustBeDirectory ? Files.isDirectory(path) : Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    private boolean isDirectory(String name) {
        return Files.isDirectory(resolve(name));
    }

    /** True when {@code pattern} holds an unescaped {@code *}, {@code ?} or {@code [}. */
    public static boolean hasMagic(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    private static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                c = text.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** {@code fnmatch(pattern, name, FNM_PERIOD)} for one path component. */
    static boolean matches(String pattern, String name) {
        if (name.startsWith(".") && !(pattern.startsWith(".") || pattern.startsWith("\\."))) {
            return false;
        }
        return match(pattern, 0, name, 0);
    }

    private static boolean match(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            switch (c) {
                case '*' -> {
                    while (pi < p.length() && p.charAt(pi) == '*') {
                        pi++;
                    }
                    if (pi == p.length()) {
                        return true;
                    }
                    for (int k = si; k <= s.length(); k++) {
                        if (match(p, pi, s, k)) {
                            return true;
                        }
                    }
                    return false;
                }
                case '?' -> {
                    if (si >= s.length()) {
                        return false;
                    }
                    pi++;
                    si++;
                }
                case '[' -> {
                    int end = bracketEnd(p, pi);
                    if (end < 0) {
                        if (si >= s.length() || s.charAt(si) != '[') {
                            return false;
                        }
                        pi++;
                        si++;
                    } else {
                        if (si >= s.length() || !bracketMatches(p, pi + 1, end, s.charAt(si))) {
                            return false;
                        }
                        pi = end + 1;
                        si++;
                    }
                }
                default -> {
                    if (c == '\\' && pi + 1 < p.length()) {
                        c = p.charAt(++pi);
                    }
                    if (si >= s.length() || s.charAt(si) != c) {
                        return false;
                    }
                    pi++;
                    si++;
                }
            }
        }
        return si == s.length();
    }

    /** The index of the {@code ]} closing the bracket expression at {@code open}, or -1. */
    private static int bracketEnd(String p, int open) {
        int i = open + 1;
        if (i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^')) {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++;
        }
        while (i < p.length() && p.charAt(i) != ']') {
            if (p.charAt(i) == '\\') {
                i++;
            }
            i++;
        }
        return i < p.length() ? i : -1;
    }

    private static boolean bracketMatches(String p, int from, int end, char c) {
        boolean negate = p.charAt(from) == '!' || p.charAt(from) == '^';
        int i = negate ? from + 1 : from;
        boolean found = false;
        boolean firstChar = true;
        while (i < end) {
            char lo = p.charAt(i);
            if (lo == '\\' && i + 1 < end) {
                lo = p.charAt(++i);
            } else if (lo == ']' && !firstChar) {
                break;
            }
            firstChar = false;
            i++;
            char hi = lo;
            if (i + 1 < end && p.charAt(i) == '-') {
                hi = p.charAt(i + 1);
                if (hi == '\\' && i + 2 < end) {
                    hi = p.charAt(i + 2);
                    i++;
                }
                i += 2;
            }
            if (c >= lo && c <= hi) {
                found = true;
            }
        }
        return found != negate;
    }
}
