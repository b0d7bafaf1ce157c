package dev.curtain.view.model;

import dev.curtain.engine.state.Property;
import dev.curtain.engine.state.ThreadProps;
import dev.curtain.engine.state.ThreadState;
import dev.curtain.render.ThreadActivity;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One row of the inspector's thread table: an M's per-thread properties as text and which of them differ from
 * the process baseline. Immutable; the table gets fresh rows at every step.
 *
 * @param m the thread's index
 * @param role m0, worker, sysmon or template
 * @param state what the thread does now
 * @param alive false once it exited
 * @param values each property's value as text
 * @param diverged the properties that differ from the baseline
 */
public record ThreadRow(int m, String role, String state, boolean alive, Map<Property, String> values,
                        Set<Property> diverged) {
    public ThreadRow {
        values = Map.copyOf(values);
        diverged = diverged.isEmpty() ? Set.of() : Set.copyOf(diverged);
    }

    static ThreadRow of(ThreadState t, int gomaxprocs, Set<Property> diverged) {
        Map<Property, String> v = new EnumMap<>(Property.class);
        for (Property p : Property.values()) {
            v.put(p, p.valueOf(t.props()));
        }
        String state = ThreadActivity.of(t, gomaxprocs).describe(t);
        return new ThreadRow(t.id(), t.role().key(), state, t.alive(), v,
                diverged.isEmpty() ? EnumSet.noneOf(Property.class) : EnumSet.copyOf(diverged));
    }

    public String value(Property p) {
        return values.get(p);
    }

    /**
     * The value as the inspector shows it: capability and signal masks shortened ("all", "none", or hex without
     * leading zeros), so the nine columns fit beside the stage. {@link #value} keeps the exact text.
     */
    public String display(Property p) {
        return display(p, values.get(p));
    }

    /** {@code value} of {@code p} as the inspector and the stage's badges show it (see {@link #display(Property)}). */
    public static String display(Property p, String value) {
        return switch (p) {
            case CAPS -> value.equals(ThreadProps.capsHex(ThreadProps.ALL_CAPS)) ? "all" : shortHex(value);
            case SIGMASK -> shortHex(value);
            default -> value;
        };
    }

    private static String shortHex(String hex) {
        String t = hex.replaceFirst("^0+", "");
        return t.isEmpty() ? "none" : "0x" + t;
    }

    public boolean isDiverged(Property p) {
        return diverged.contains(p);
    }

    /** "M3". */
    public String name() {
        return "M" + m;
    }
}
