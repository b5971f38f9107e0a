package dev.jmake.build;

/**
 * {@code .LOW_RESOLUTION_TIME}: a target whose file times only have whole seconds (made by {@code cp -p}, say) is
 * compared with its prerequisites as of the last nanosecond of its second (remake.c update_file_1), so that a
 * prerequisite from the same second does not make it out of date.
 */
final class LowResolutionTime {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private LowResolutionTime() {
    }

    /** The time GNU compares: the end of the second of {@code mtime}; missing, oldest and newest are kept. */
    static long adjust(long mtime) {
        if (!ordinary(mtime)) {
            return mtime;
        }
        return mtime + (NANOS_PER_SECOND - 1 - Math.floorMod(mtime, NANOS_PER_SECOND));
    }

    /** True if the file's time has a fraction of a second, which GNU warns about for such a target. */
    static boolean highResolution(long mtime) {
        return ordinary(mtime) && Math.floorMod(mtime, NANOS_PER_SECOND) != 0;
    }

    /** GNU's warning (error(NILF, ...)) for such a file. */
    static String warning(String name) {
        return "*** Warning: .LOW_RESOLUTION_TIME file '" + name + "' has a high resolution time stamp";
    }

    private static boolean ordinary(long mtime) {
        return mtime != Timestamps.MISSING && mtime != Timestamps.OLDEST && mtime != Timestamps.NEWEST;
    }
}
