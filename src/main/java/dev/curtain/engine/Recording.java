package dev.curtain.engine;

import dev.curtain.engine.event.Event;
import dev.curtain.engine.event.EventLog;
import dev.curtain.engine.program.Program;
import dev.curtain.engine.state.SchedState;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One finished run: the program and options, the append-only event log, and snapshots of the state taken along the
 * way. {@link #stateAt(int)} restores the nearest snapshot at or before the index and folds forward, so stepping
 * back and seeking cost at most one snapshot interval of events, never a replay from the start. Immutable and
 * safe to read from any thread; every state it returns is a fresh copy the caller owns.
 */
public final class Recording {
    private final Program program;
    private final SimulationOptions options;
    private final List<Event> events;
    private final int[] snapshotAt;
    private final SchedState[] snapshots;
    private final SchedState finalState;

    /**
     * Builds a recording one event at a time: appends to the log, folds into the live state, takes snapshots.
     * The simulator uses it, and so can anything else that produces a consistent log (an importer of real runtime
     * output): folding refuses an event that contradicts the state ({@link SchedState#apply}).
     */
    public static final class Builder {
        private final Program program;
        private final SimulationOptions options;
        private final EventLog log = new EventLog();
        private final SchedState state = new SchedState();
        private final Snapshots snapshots = new Snapshots();

        /** {@code program} and {@code options} may be null for a log that was not simulated (an import). */
        public Builder(Program program, SimulationOptions options) {
            this.program = program;
            this.options = options;
            snapshots.take(state);
        }

        public void append(Event e) {
            log.append(e);
            state.apply(e);
            snapshots.maybeTake(state);
        }

        /** The index the next event must have. */
        public int size() {
            return log.size();
        }

        /** The live state: read it, never change it. */
        public SchedState state() {
            return state;
        }

        public Recording build() {
            return new Recording(program, options, log, snapshots.indices(), snapshots.states(), state.copy());
        }
    }

    Recording(Program program, SimulationOptions options, List<Event> events, int[] snapshotAt,
              SchedState[] snapshots, SchedState finalState) {
        this.program = program;
        this.options = options;
        this.events = Collections.unmodifiableList(events);
        this.snapshotAt = snapshotAt;
        this.snapshots = snapshots;
        this.finalState = finalState;
    }

    /** The simulated program, or null for an imported log. */
    public Program program() {
        return program;
    }

    /** The options it ran with, or null for an imported log. */
    public SimulationOptions options() {
        return options;
    }

    /** The whole log, oldest first. */
    public List<Event> events() {
        return events;
    }

    public int size() {
        return events.size();
    }

    public Event event(int index) {
        return events.get(index);
    }

    public Outcome outcome() {
        return finalState.outcome();
    }

    /** How many snapshots seeking can start from. */
    public int snapshotCount() {
        return snapshots.length;
    }

    /** The state after the first {@code count} events (0 = before anything happened, {@link #size()} = the end). */
    public SchedState stateAt(int count) {
        if (count < 0 || count > events.size()) {
            throw new IndexOutOfBoundsException("state index " + count + " outside 0.." + events.size());
        }
        if (count == events.size()) {
            return finalState.copy();
        }
        int i = Arrays.binarySearch(snapshotAt, count);
        if (i < 0) {
            i = -i - 2;
        }
        SchedState s = snapshots[i].copy();
        s.applyAll(events, snapshotAt[i], count);
        return s;
    }

    /** Folds events into a state the caller already holds at {@code state.eventCount()}, up to {@code count}. */
    public void advance(SchedState state, int count) {
        state.applyAll(events, state.eventCount(), count);
    }

    /** The state at the end of the run (a copy). */
    public SchedState finalState() {
        return finalState.copy();
    }
}
