package dev.jmake.archive;

/**
 * One member of an ar archive as its header gives it: the name ({@code truncated} when it came from the 16-byte
 * header field, where a longer name may have been cut), where the header starts, and the date in seconds.
 */
public record ArchiveMember(String name, boolean truncated, long headerOffset, long date) {

    /** arscan.c {@code ar_name_equal}: whether the member named {@code wanted} (a path, maybe) is this one. */
    public boolean isNamed(String wanted) {
        if (wanted.equals(name)) {
            return true;
        }
        String base = wanted.substring(wanted.lastIndexOf('/') + 1);
        if (truncated) {
            // strneq over the 15 characters a short name field can hold
            return prefix(base).equals(prefix(name));
        }
        return base.equals(name);
    }

    private static String prefix(String s) {
        return s.length() > ArArchive.SHORT_NAME_MAX ? s.substring(0, ArArchive.SHORT_NAME_MAX) : s;
    }
}
