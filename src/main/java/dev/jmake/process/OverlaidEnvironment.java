package dev.jmake.process;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable environment that is a {@link Base} with one variable set, in the base's order (a variable the base
 * has keeps its place, a new one comes last, as a copy's {@code put} would do): a traced job's environment, made for
 * every job without copying the base, which a launcher recognises to encode only what differs.
 */
public final class OverlaidEnvironment extends AbstractMap<String, String> {
    /** An environment to overlay: a private, unmodifiable copy, made once for many jobs. */
    public static final class Base {
        private final Map<String, String> entries;

        private Base(Map<String, String> entries) {
            this.entries = entries;
        }

        /** A copy of {@code environment}, in its order. */
        public static Base of(Map<String, String> environment) {
            return new Base(Collections.unmodifiableMap(new LinkedHashMap<>(environment)));
        }

        /** The copy, unmodifiable. */
        public Map<String, String> entries() {
            return entries;
        }

        /** This environment with {@code name} set to {@code value}. */
        public OverlaidEnvironment with(String name, String value) {
            return new OverlaidEnvironment(this, name, value);
        }
    }

    private final Base base;
    private final String name;
    private final String value;
    private final boolean replaces;

    private OverlaidEnvironment(Base base, String name, String value) {
        this.base = base;
        this.name = name;
        this.value = value;
        this.replaces = base.entries.containsKey(name);
    }

    public Base base() {
        return base;
    }

    /** The variable set over the base. */
    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    @Override
    public String get(Object key) {
        return name.equals(key) ? value : base.entries.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return name.equals(key) || base.entries.containsKey(key);
    }

    @Override
    public int size() {
        return base.entries.size() + (replaces ? 0 : 1);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return OverlaidEnvironment.this.size();
            }

            @Override
            public Iterator<Entry<String, String>> iterator() {
                Iterator<Entry<String, String>> below = base.entries.entrySet().iterator();
                return new Iterator<>() {
                    private boolean appended = replaces;

                    @Override
                    public boolean hasNext() {
                        return below.hasNext() || !appended;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (below.hasNext()) {
                            Entry<String, String> entry = below.next();
                            return entry.getKey().equals(name) ? Map.entry(name, value) : entry;
                        }
                        if (appended) {
                            throw new NoSuchElementException();
                        }
                        appended = true;
                        return Map.entry(name, value);
                    }
                };
            }
        };
    }
}
