package dev.jmake;

import java.util.Map;

/**
 * {@code MAKE_RESTARTS} as main.c reads it from the environment: how often make re-executed itself for remade
 * makefiles, counted on across re-executions, and whether "Entering directory" was printed before (a leading
 * {@code -}).
 *
 * @param count          the restarts so far (atoi of the digits: 0 when absent or not a number)
 * @param alreadyEntered the value began with {@code -}
 */
record RestartCount(int count, boolean alreadyEntered) {
    static final String VARIABLE = "MAKE_RESTARTS";

    /** The count in {@code environment}. */
    static RestartCount of(Map<String, String> environment) {
        String value = environment.getOrDefault(VARIABLE, "");
        boolean entered = value.startsWith("-");
        String digits = entered ? value.substring(1) : value;
        int end = 0;
        while (end < digits.length() && end < 9 && Character.isDigit(digits.charAt(end))) {
            end++;
        }
        return new RestartCount(end == 0 ? 0 : Integer.parseInt(digits.substring(0, end)), entered);
    }
}
