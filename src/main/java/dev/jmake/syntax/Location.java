package dev.jmake.syntax;

/**
 * A position in a makefile, printed as GNU make prints it ({@code Makefile:12}). A built-in rule has no file
 * (GNU's {@code floc.filenm == NULL}): messages about it are unlocated, except the failed-recipe report, which
 * names it {@code <builtin>} ({@code *** [<builtin>: foo.o] Error 1}).
 */
public record Location(String file, int line) {
    /** Where GNU make 4.3's built-in rules and their recipes come from. */
    public static Location builtin() {
        return new Location(null, 0);
    }

    /** True for {@link #builtin()}. */
    public boolean isBuiltin() {
        return file == null;
    }

    @Override
    public String toString() {
        return isBuiltin() ? "<builtin>" : file + ":" + line;
    }
}
