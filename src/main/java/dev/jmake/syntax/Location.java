package dev.jmake.syntax;

/** A position in a makefile, printed as GNU make prints it ({@code Makefile:12}). */
public record Location(String file, int line) {
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
