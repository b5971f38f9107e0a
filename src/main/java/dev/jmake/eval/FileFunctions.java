package dev.jmake.eval;

import dev.jmake.archive.ArchiveMemberName;
import dev.jmake.syntax.ByteText;
import dev.jmake.syntax.Location;
import dev.jmake.syntax.MakeError;
import dev.jmake.syntax.Strerror;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The built-in functions that look at the file system: {@code wildcard realpath abspath file}. Relative names
 * are resolved against {@code directory} (make's {@code CURDIR}), never against the JVM's working directory.
 */
public final class FileFunctions {
    private final Path directory;
    private final Charset charset;
    private Glob glob;
    private volatile Runnable wrote = () -> { };

    public FileFunctions(Path directory, Charset charset) {
        this.directory = directory.toAbsolutePath().normalize();
        this.charset = charset;
        this.glob = new Glob(this.directory);
    }

    /** From now on {@code $(wildcard)} reads directories through {@code listings} (a server keeps them). */
    public void listDirectoriesWith(DirectoryListings listings) {
        this.glob = new Glob(directory, listings);
    }

    /** From now on {@code wrote} runs after each {@code $(file >...)} or {@code $(file >>...)} wrote its file. */
    public void reportWrites(Runnable wrote) {
        this.wrote = wrote;
    }

    /** {@code $(wildcard patterns)}; {@code home} supplies {@code $(HOME)} for a leading {@code ~}. */
    public String wildcard(String patterns, Supplier<String> home) {
        List<String> out = new ArrayList<>();
        for (String word : FileNames.archiveMembers(Words.split(patterns))) {
            String pattern = tildeExpand(word, home);
            ArchiveMemberName member = ArchiveMemberName.parse(pattern);
            out.addAll(member == null ? glob.expand(pattern) : memberWildcard(member));
        }
        return String.join(" ", out);
    }

    /**
     * function.c string_glob on {@code lib.a(m.o)}: kept when the archive exists (the member is not looked for);
     * a member pattern that matches gives, as GNU make 4.3's parse_file_seq does without its string cache, the
     * archive pattern once per matching member.
     */
    private List<String> memberWildcard(ArchiveMemberName reference) {
        List<String> out = new ArrayList<>();
        for (String archive : glob.expand(reference.archive())) {
            List<String> members = FileNames.memberMagic(reference.member())
                    ? FileNames.membersMatching(directory.resolve(archive), reference.member()) : List.of();
            if (members.isEmpty()) {
                out.add(archive + "(" + reference.member() + ")");
            }
            for (int i = 0; i < members.size(); i++) {
                out.add(reference.archive());
            }
        }
        return out;
    }

    /** GNU {@code tilde_expand}: {@code ~} and {@code ~/x} use $(HOME), {@code ~user} the password file. */
    public static String tildeExpand(String word, Supplier<String> home) {
        if (!word.startsWith("~")) {
            return word;
        }
        int slash = word.indexOf('/');
        String user = slash < 0 ? word.substring(1) : word.substring(1, slash);
        String rest = slash < 0 ? "" : word.substring(slash);
        String dir;
        if (user.isEmpty()) {
            dir = home.get();
            if (dir == null || dir.isEmpty()) {
                dir = System.getProperty("user.home");
            }
        } else {
            dir = passwordFileHome(user);
        }
        return dir == null || dir.isEmpty() ? word : dir + rest;
    }

    private static String passwordFileHome(String user) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"), ByteText.CHARSET)) {
                String[] fields = line.split(":", -1);
                if (fields.length >= 6 && fields[0].equals(user)) {
                    return fields[5];
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** {@code $(realpath names)}: canonical names of the existing ones. */
    public String realpath(String names) {
        List<String> out = new ArrayList<>();
        for (String word : Words.split(names)) {
            Path path = directory.resolve(word);
            try {
                Path real = path.toRealPath();
                if (word.endsWith("/") && !Files.isDirectory(real)) {
                    continue;
                }
                out.add(real.toString());
            } catch (IOException e) {
                // realpath(3) failed: GNU silently drops the name.
                continue;
            }
        }
        return String.join(" ", out);
    }

    /** {@code $(abspath names)}: absolute, without {@code .}, {@code ..} or repeated slashes; no file access. */
    public String abspath(String names) {
        List<String> out = new ArrayList<>();
        for (String word : Words.split(names)) {
            out.add(abspathOf(word));
        }
        return String.join(" ", out);
    }

    private String abspathOf(String name) {
        StringBuilder dest = new StringBuilder(directory.toString().length() + name.length() + 1);
        if (name.startsWith("/")) {
            dest.append('/');
        } else {
            dest.append(directory.toString());
        }
        int rootLength = 1;
        int n = name.length();
        int i = 0;
        while (i < n) {
            while (i < n && name.charAt(i) == '/') {
                i++;
            }
            int start = i;
            while (i < n && name.charAt(i) != '/') {
                i++;
            }
            int len = i - start;
            if (len == 0) {
                break;
            } else if (len == 1 && name.charAt(start) == '.') {
                continue;
            } else if (len == 2 && name.charAt(start) == '.' && name.charAt(start + 1) == '.') {
                if (dest.length() > rootLength) {
                    int cut = dest.length() - 1;
                    while (dest.charAt(cut - 1) != '/') {
                        cut--;
                    }
                    dest.setLength(cut);
                }
            } else {
                if (dest.charAt(dest.length() - 1) != '/') {
                    dest.append('/');
                }
                dest.append(name, start, i);
            }
        }
        if (dest.length() > rootLength && dest.charAt(dest.length() - 1) == '/') {
            dest.setLength(dest.length() - 1);
        }
        return dest.toString();
    }

    /**
     * {@code $(file op,text)}: {@code >name} writes, {@code >>name} appends (a newline added unless the text
     * ends with one), {@code <name} reads (one trailing newline removed; a missing file reads as empty).
     * {@code text} is null when the call has a single argument. {@code location} is the line being read,
     * {@code expanding} the location GNU gives to argument errors.
     */
    public String file(String operation, String text, Location location, Location expanding) {
        if (operation.startsWith(">")) {
            boolean append = operation.startsWith(">>");
            String name = firstWord(operation.substring(append ? 2 : 1), expanding);
            Path path = directory.resolve(name);
            byte[] bytes = text == null ? new byte[0]
                    : (text.isEmpty() || !text.endsWith("\n") ? text + "\n" : text).getBytes(charset);
            try {
                if (append) {
                    Files.write(path, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } else {
                    Files.write(path, bytes);
                }
            } catch (IOException e) {
                throw new MakeError(location, "open: " + name + ": " + Strerror.of(e));
            } finally {
                wrote.run();
            }
            return "";
        }
        if (operation.startsWith("<")) {
            String name = firstWord(operation.substring(1), expanding);
            if (text != null) {
                throw new MakeError(expanding, "file: too many arguments");
            }
            InputStream in;
            try {
                in = Files.newInputStream(directory.resolve(name));
            } catch (NoSuchFileException e) {
                return "";
            } catch (IOException e) {
                throw new MakeError(location, "open: " + name + ": " + Strerror.of(e));
            }
            byte[] bytes;
            // A directory opens and fails when read: GNU names the call that failed.
            try (in) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new MakeError(location, "read: " + name + ": " + Strerror.of(e));
            }
            String content = new String(bytes, charset);
            if (content.endsWith("\n")) {
                int cut = content.length() > 1 && content.charAt(content.length() - 2) == '\r' ? 2 : 1;
                content = content.substring(0, content.length() - cut);
            }
            return content;
        }
        throw new MakeError(expanding, "file: invalid file operation: " + operation);
    }

    private static String firstWord(String text, Location expanding) {
        List<String> words = Words.split(text);
        if (words.isEmpty()) {
            throw new MakeError(expanding, "file: missing filename");
        }
        return words.get(0);
    }
}
