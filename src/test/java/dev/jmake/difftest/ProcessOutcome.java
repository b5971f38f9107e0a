package dev.jmake.difftest;

/** What one process run produced: its output streams and exit status (or that it timed out). */
record ProcessOutcome(String stdout, String stderr, int status, boolean timedOut) {

    /** The exit status as shown in reports. */
    String statusText() {
        return timedOut ? "timed out (killed)" : Integer.toString(status);
    }
}
