package dev.jmake.build;

/** Where a target stands in this run. */
enum TargetState {
    /** Its prerequisites or recipe are being updated now (seeing it again is a cycle). */
    UPDATING,
    /** Checked: nothing had to be done. */
    UP_TO_DATE,
    /** Its recipe ran (or it was touched, or printed under -n). */
    REMADE,
    /** It or a prerequisite failed. */
    FAILED
}
