package dev.jmake.trace;

import dev.jmake.syntax.ByteText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The files a job's targets name by their path relative to the target's directory: a target that is a small text
 * file describing others, as a libtool object {@code x.lo} names the two objects its job compiled
 * ({@code pic_object='.libs/x.o'}, {@code non_pic_object='x.o'}). The target stands for the files it names, so the
 * job writing them declared them through it: a rule that wants {@code x.o} depends on {@code x.lo}.
 */
public final class TargetDescription {
    /** Larger files describe nothing: a libtool object file is a few hundred bytes. */
    private static final long LIMIT = 64 * 1024;

    private TargetDescription() {
    }

    /** The files {@code declared}'s targets name (absolute), read from the targets as they are now. */
    public static Set<Path> namedBy(DeclaredJob declared) {
        Set<Path> named = new HashSet<>();
        for (Path target : declared.targets()) {
            String text = text(target);
            for (String word : text.split("[\\s'\"=]+")) {
                if (!word.isEmpty() && !word.startsWith("/") && !word.startsWith("-")) {
                    named.add(target.resolveSibling(word).normalize());
                }
            }
        }
        return named;
    }

    /** The contents of a small regular text file, else "". */
    private static String text(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > LIMIT) {
                return "";
            }
            byte[] bytes = Files.readAllBytes(file);
            for (byte b : bytes) {
                if (b == 0) {
                    return ""; // a binary: an object or a library names no file
                }
            }
            return new String(bytes, ByteText.FILE_NAMES);
        } catch (IOException e) {
            return ""; // gone or unreadable: it names nothing that can be checked
        }
    }
}
