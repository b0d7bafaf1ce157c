package dev.curtain.engine;

import dev.curtain.engine.state.SchedState;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * When to copy the live state for seeking. Copies share unchanged storage, so a snapshot costs what changed since
 * the previous one; the interval stretches when that is large so snapshots stay near {@link #BYTES_PER_EVENT}
 * bytes per event, and is capped so a seek never folds more than {@link #MAX_INTERVAL} events.
 *
 * <p>The budget is {@link #BYTES_PER_EVENT} for the first {@link #LONG_RUN} events (seeks in a lesson or the
 * benchmark's 1.5-million-event run fold a few thousand events), then {@link #LONG_RUN_BYTES_PER_EVENT}, a quarter of
 * what the log itself takes per event, so the snapshots of the longest run a file may ask for (20 million events)
 * stay near 250 MB and the run fits a 1 GB heap. The cap is high because it must not undo the budget: a state of a
 * million goroutines whose wakeups touch a different chunk each time copies megabytes per interval, and capping the
 * interval at 16,384 made such a run take gigabytes of snapshots. A seek then folds more events, which only such
 * runs pay.
 */
final class Snapshots {
    static final int BYTES_PER_EVENT = 48;
    static final int LONG_RUN = 2_000_000;
    static final int LONG_RUN_BYTES_PER_EVENT = 8;
    static final int MIN_INTERVAL = 1_024;
    static final int MAX_INTERVAL = 1 << 20;

    private final ArrayList<SchedState> states = new ArrayList<>();
    private int[] at = new int[16];
    private long next;

    void take(SchedState s) {
        if (states.size() == at.length) {
            at = Arrays.copyOf(at, at.length * 2);
        }
        at[states.size()] = s.eventCount();
        states.add(s.copy());
        int perEvent = s.eventCount() < LONG_RUN ? BYTES_PER_EVENT : LONG_RUN_BYTES_PER_EVENT;
        long interval = Math.min(MAX_INTERVAL, Math.max(MIN_INTERVAL, s.bytesSinceLastSnapshot() / perEvent));
        next = s.eventCount() + interval;
    }

    void maybeTake(SchedState s) {
        if (s.eventCount() >= next) {
            take(s);
        }
    }

    int[] indices() {
        return Arrays.copyOf(at, states.size());
    }

    SchedState[] states() {
        return states.toArray(new SchedState[0]);
    }
}
