package dev.curtain.gotrace;

/**
 * One event in the order Go's parser gives: its type ({@link EventType}), its time in nanoseconds (the trace's clock,
 * made strictly increasing as Go's parser does), the thread, P and goroutine it happened on before it took effect
 * (-1 for none), and its arguments after the timestamp. Ids are Go's: thread ids are the kernel's on Linux,
 * goroutine ids the runtime's goids. {@link #oldState()} is the state a status event found (a {@link GoState} or a
 * {@link ProcState} ordinal), as Go's parser works it out.
 */
public final class TraceEvent {
    /** Go's resource states, in the order of its own enums (the ordinals are what {@link #oldState()} holds). */
    public enum GoState { UNDETERMINED, NOT_EXIST, RUNNABLE, RUNNING, WAITING, SYSCALL }

    public enum ProcState { UNDETERMINED, NOT_EXIST, RUNNING, IDLE }

    final int type;
    long time;
    final long m;
    final long p;
    final long g;
    final long[] args;
    long oldState;
    /** A task's name on its end event (Go's parser remembers it from the begin). */
    String extraString = "";
    final Tables tables;
    /** For a {@link EventType#SYNC}: whether it closes a generation (see {@link #endsGeneration()}). */
    boolean closesGeneration;
    /** For a Go 1.25 {@link EventType#SYNC} that opens a generation: its clock snapshot (null otherwise). */
    long[] clockSnapshot;

    TraceEvent(int type, long time, long m, long p, long g, long[] args, Tables tables) {
        this.type = type;
        this.time = time;
        this.m = m;
        this.p = p;
        this.g = g;
        this.args = args;
        this.tables = tables;
    }

    public int type() {
        return type;
    }

    public String typeName() {
        return EventType.name(type);
    }

    public long time() {
        return time;
    }

    /** The thread (M) the event happened on, -1 for none (a generation's sync). */
    public long thread() {
        return m;
    }

    /** The P the thread held before the event, -1 for none. */
    public long proc() {
        return p;
    }

    /** The goroutine the thread ran before the event, -1 for none. */
    public long goroutine() {
        return g;
    }

    /** Argument {@code i} after the timestamp (0 for one the type does not have). */
    public long arg(int i) {
        return i < args.length ? args[i] : 0;
    }

    /**
     * What a status event found: for {@code GoStatus} a {@link GoState} ordinal, for {@code ProcStatus} a
     * {@link ProcState} ordinal, for {@code ProcSteal} the P's wire status before (3 syscall, 4 abandoned).
     */
    public long oldState() {
        return oldState;
    }

    /** A string of this event's generation by id ("" if unknown). */
    public String string(long id) {
        return tables.string(id);
    }

    /** The event's own stack, outermost frame last; empty if it has none. */
    /**
     * Whether this is a {@link EventType#SYNC} that ends a generation. Every Sync does in a Go 1.22 or 1.23 trace;
     * in a Go 1.25 one, the Sync that opens the first generation does not (each later one opens a generation and
     * so ends the one before, and the last ends the trace).
     */
    public boolean endsGeneration() {
        return type == EventType.SYNC && closesGeneration;
    }

    /**
     * For a Go 1.25 {@link EventType#SYNC} opening a generation: its clock snapshot, {trace time (ns), monotonic
     * clock (ns), wall clock seconds, nanoseconds}; null for other events and traces.
     */
    public long[] clockSnapshot() {
        return clockSnapshot == null ? null : clockSnapshot.clone();
    }

    public StackFrame[] stack() {
        int i = type == EventType.CPU_SAMPLE ? 0 : EventType.stackArg(type);
        return i < 0 ? new StackFrame[0] : tables.stack(arg(i));
    }

    /** The stack of the goroutine a {@code GoCreate} makes (where it will start), empty otherwise. */
    public StackFrame[] newStack() {
        boolean create = type == EventType.GO_CREATE || type == EventType.GO_CREATE_BLOCKED;
        return create ? tables.stack(arg(1)) : new StackFrame[0];
    }

    @Override
    public String toString() {
        return EventText.firstLine(this);
    }
}
