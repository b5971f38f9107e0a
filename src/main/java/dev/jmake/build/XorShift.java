package dev.jmake.build;

/**
 * GNU make 4.4's pseudo-random numbers (misc.c {@code make_seed}/{@code make_rand}): a 32-bit xorshift, so that a
 * {@code --shuffle} seed gives the order GNU make gives.
 */
final class XorShift {
    private int state;

    /** Starts from {@code seed}; 0 means a seed from the clock and the process id, as GNU's first call picks. */
    XorShift(int seed) {
        this.state = seed;
    }

    /** misc.c make_seed. */
    void seed(int seed) {
        state = seed;
    }

    /** misc.c make_rand: the next number, an unsigned 32-bit value held in an int. */
    int next() {
        if (state == 0) {
            // "mk_state must never be 0": (unsigned int)(time (NULL) ^ make_pid ()) + 1.
            long now = System.currentTimeMillis() / 1000;
            state = (int) (now ^ ProcessHandle.current().pid()) + 1;
        }
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        return state;
    }
}
