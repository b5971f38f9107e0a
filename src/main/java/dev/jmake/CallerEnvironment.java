package dev.jmake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The environment jmake was started with. {@code bin/jmake} starts the JVM with {@code LC_ALL} naming a locale whose
 * charset is ISO-8859-1 (and {@code LOCPATH} where it made it): Java 17 decodes argv and encodes file names with the
 * locale's charset, ignoring {@code -Dsun.jnu.encoding}, and only a one-byte-per-char charset passes every byte
 * through as GNU make does. The recipes, {@code $(shell)} and the makefile's variables must see the caller's own
 * values, which the launcher passes as {@code -Djmake.caller.NAME=value} (absent when the caller had none).
 */
final class CallerEnvironment {
    /** Set by {@code bin/jmake} when it replaced the variables below for the JVM. */
    static final String LAUNCHER_LOCALE = "jmake.launcher.locale";
    /** The variables the launcher replaced. */
    static final List<String> REPLACED = List.of("LC_ALL", "LOCPATH");

    private CallerEnvironment() {}

    /** {@code jvm} (the JVM's environment) with the replaced variables as the caller had them. */
    static Map<String, String> of(Map<String, String> jvm, Properties properties) {
        if (properties.getProperty(LAUNCHER_LOCALE) == null) {
            return jvm;
        }
        Map<String, String> caller = new HashMap<>(jvm);
        for (String name : REPLACED) {
            String value = properties.getProperty("jmake.caller." + name);
            if (value == null) {
                caller.remove(name);
            } else {
                caller.put(name, value);
            }
        }
        return caller;
    }
}
