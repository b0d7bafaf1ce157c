package dev.curtain.gotrace;

import java.util.HashMap;
import java.util.Map;

/**
 * A generation's string and stack tables and its clock frequency. Ids are only valid in their generation: the
 * runtime starts both tables afresh each time.
 */
final class Tables {
    private static final StackFrame[] NO_FRAMES = new StackFrame[0];
    final Map<Long, String> strings = new HashMap<>();
    final Map<Long, long[]> stacks = new HashMap<>();
    /** Frame by PC: function string id, file string id, line. */
    final Map<Long, long[]> frames = new HashMap<>();
    /** Nanoseconds per tick; 0 until the generation's frequency batch is read. */
    double nsPerTick;
    /** The trace's minor version (22, 23, 25): Go's parser for it prints a few things its own way. */
    int minor;

    String string(long id) {
        String s = strings.get(id);
        return s == null ? "" : s;
    }

    StackFrame[] stack(long id) {
        long[] pcs = id == 0 ? null : stacks.get(id);
        if (pcs == null) {
            return NO_FRAMES;
        }
        StackFrame[] out = new StackFrame[pcs.length];
        for (int i = 0; i < pcs.length; i++) {
            long[] f = frames.get(pcs[i]);
            out[i] = f == null ? new StackFrame(pcs[i], "", "", 0)
                    : new StackFrame(pcs[i], string(f[0]), string(f[1]), f[2]);
        }
        return out;
    }

    /** Go's conversion, float for float, so times match its parser's to the nanosecond. */
    long ns(long ticks) {
        return (long) ((double) ticks * nsPerTick);
    }
}
