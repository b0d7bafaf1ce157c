package dev.curtain.engine.rules;

import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flags goroutines set and spin on ({@code atomic.StoreInt32} / {@code for atomic.LoadInt32(&f) == 0 {}}). A spin
 * holds its P and computes in slices; a spinner that is running sees a store a cache-line transfer later, one that
 * is not (preempted, queued) sees it when it runs again. The spin itself is as preemptible as a computation: with
 * one P and no preemption, the goroutine that would set the flag never runs.
 */
final class Flags {
    /** How long a spinner computes between looks at the flag when nothing tells it to look sooner. */
    static final long SPIN_SLICE_NS = 1_000_000;

    private final Runtime rt;
    private final SchedState s;
    private final Map<String, Boolean> flags = new LinkedHashMap<>();

    Flags(Runtime rt) {
        this.rt = rt;
        this.s = rt.state;
    }

    boolean isSet(String flag) {
        return flags.getOrDefault(flag, false);
    }

    /** Stores the flag; every running spinner on it sees a set flag a moment later. */
    void set(String flag, boolean value) {
        flags.put(flag, value);
        if (!value) {
            return;
        }
        for (ThreadState t : s.threads()) {
            int g = t.curg();
            if (g < 0 || !t.alive()) {
                continue;
            }
            GoroutineContext ctx = rt.g(g);
            if (flag.equals(ctx.spinFlag) && ctx.busyUntil > rt.now) {
                long seen = rt.now + rt.cost(Timing.FLAG_VISIBLE);
                if (seen < ctx.busyUntil) {
                    ctx.busyUntil = seen;
                    rt.wakeM(t.id(), seen, Wakeup.Kind.STEP);
                }
            }
        }
    }
}
