package dev.jmake.build;

/**
 * What the build phase says about its decisions besides running recipes.
 *
 * @param trace   {@code --trace}: why each recipe runs ({@code Makefile:3: update target 'x' due to: y}), every
 *                command echoed even under {@code @} or {@code -s}
 * @param basic   {@code --debug=b} (and {@code -d}): GNU make's basic level ({@code Must remake target 'x'.})
 * @param verbose {@code --debug=v} (and {@code -d}): the verbose level ({@code Considering target file 'x'.})
 */
public record Verbosity(boolean trace, boolean basic, boolean verbose) {
    /** Nothing besides the recipes. */
    public static final Verbosity QUIET = new Verbosity(false, false, false);

    /**
     * The levels GNU make 4.3's decode_debug_flags gives {@code -d} ({@code debugAll}) and the {@code --debug}
     * values: each word counts by its first letter ({@code a} all; {@code b}, {@code i} and {@code m} basic at
     * least; {@code v} verbose, which implies basic; {@code n} none); a bare {@code --debug} is basic.
     */
    public static Verbosity of(boolean trace, boolean debugAll, Iterable<String> debugFlags) {
        boolean basic = debugAll;
        boolean verbose = debugAll;
        for (String value : debugFlags) {
            for (String word : value.split("[, ]")) {
                char c = word.isEmpty() ? 'b' : Character.toLowerCase(word.charAt(0));
                switch (c) {
                    case 'a' -> {
                        basic = true;
                        verbose = true;
                    }
                    case 'b', 'i', 'm' -> basic = true;
                    case 'v' -> {
                        basic = true;
                        verbose = true;
                    }
                    case 'n' -> {
                        basic = false;
                        verbose = false;
                    }
                    default -> { }
                }
            }
        }
        return new Verbosity(trace, basic, verbose);
    }

    /** True if any debug level is on (GNU then prints its version banner first). */
    public boolean debugging() {
        return basic || verbose;
    }
}
