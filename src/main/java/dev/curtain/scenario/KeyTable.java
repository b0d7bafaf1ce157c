package dev.curtain.scenario;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How each constant of an enum is spelled in a scenario file, written out pair by pair. A file's meaning then never
 * depends on the order or the Java names of the constants: reordering or renaming an enum changes nothing a file
 * says, and a constant added without a spelling fails as soon as the table is built.
 */
final class KeyTable<E extends Enum<E>> {
    private final Map<E, String> keyOf;
    private final Map<String, E> byKey = new LinkedHashMap<>();

    private KeyTable(Class<E> type, Map<E, String> pairs) {
        this.keyOf = new EnumMap<>(type);
        for (Map.Entry<E, String> e : pairs.entrySet()) {
            if (byKey.put(e.getValue(), e.getKey()) != null) {
                throw new IllegalStateException(type.getSimpleName() + ": key \"" + e.getValue() + "\" used twice");
            }
            keyOf.put(e.getKey(), e.getValue());
        }
        for (E constant : type.getEnumConstants()) {
            if (!keyOf.containsKey(constant)) {
                throw new IllegalStateException(type.getSimpleName() + "." + constant.name() + " has no key in files");
            }
        }
    }

    /** Starts a table; list the pairs in the order documentation and error messages name them. */
    static <E extends Enum<E>> Builder<E> of(Class<E> type) {
        return new Builder<>(type);
    }

    static final class Builder<E extends Enum<E>> {
        private final Class<E> type;
        private final Map<E, String> pairs = new LinkedHashMap<>();

        private Builder(Class<E> type) {
            this.type = type;
        }

        Builder<E> key(E constant, String key) {
            if (pairs.put(constant, key) != null) {
                throw new IllegalStateException(type.getSimpleName() + "." + constant.name() + " listed twice");
            }
            return this;
        }

        KeyTable<E> build() {
            return new KeyTable<>(type, pairs);
        }
    }

    /** The spelling of {@code constant} in files. */
    String key(E constant) {
        return keyOf.get(constant);
    }

    /** The constant spelled {@code key}, or null when no constant is. */
    E constant(String key) {
        return byKey.get(key);
    }

    /** Every spelling, in the table's order. */
    List<String> keys() {
        return new ArrayList<>(byKey.keySet());
    }
}
