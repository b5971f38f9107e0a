package dev.jmake.process;

import java.util.Map;

/** glibc's {@code strsignal} texts, which GNU make prints for a killed job ({@code *** [Makefile:2: x] Killed}). */
public final class SignalNames {
    private static final Map<Integer, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(1, "Hangup"), Map.entry(2, "Interrupt"), Map.entry(3, "Quit"),
            Map.entry(4, "Illegal instruction"), Map.entry(5, "Trace/breakpoint trap"), Map.entry(6, "Aborted"),
            Map.entry(7, "Bus error"), Map.entry(8, "Floating point exception"), Map.entry(9, "Killed"),
            Map.entry(10, "User defined signal 1"), Map.entry(11, "Segmentation fault"),
            Map.entry(12, "User defined signal 2"), Map.entry(13, "Broken pipe"), Map.entry(14, "Alarm clock"),
            Map.entry(15, "Terminated"), Map.entry(16, "Stack fault"), Map.entry(17, "Child exited"),
            Map.entry(18, "Continued"), Map.entry(19, "Stopped (signal)"), Map.entry(20, "Stopped"),
            Map.entry(21, "Stopped (tty input)"), Map.entry(22, "Stopped (tty output)"),
            Map.entry(23, "Urgent I/O condition"), Map.entry(24, "CPU time limit exceeded"),
            Map.entry(25, "File size limit exceeded"), Map.entry(26, "Virtual timer expired"),
            Map.entry(27, "Profiling timer expired"), Map.entry(28, "Window changed"),
            Map.entry(29, "I/O possible"), Map.entry(30, "Power failure"), Map.entry(31, "Bad system call"));

    private SignalNames() {}

    /** The text of {@code signal} as strsignal(3) gives it in the C locale. */
    public static String describe(int signal) {
        String text = DESCRIPTIONS.get(signal);
        if (text != null) {
            return text;
        }
        return signal >= 34 && signal <= 64 ? "Real-time signal " + (signal - 34) : "Unknown signal " + signal;
    }
}
