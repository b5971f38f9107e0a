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
    FAILED,
    /** Under -j: its recipe is running. */
    RUNNING,
    /** Under -j: some of its prerequisites are being made; it is looked at again once one of them is over. */
    DEPS_RUNNING;

    /** True while the target is not over yet under -j. */
    boolean pending() {
        return this == RUNNING || this == DEPS_RUNNING;
    }
}
