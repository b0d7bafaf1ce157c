package dev.curtain.engine;

/**
 * Bounds on one run. Reaching one ends the run with a named {@link Outcome}; nothing a scenario says can make
 * the engine loop or allocate without bound.
 *
 * <p>The first four are the file's own ({@code "limits"} in a scenario). The last two are the engine's and not
 * written in files: they bound the cost of what a run does between events, which the event limit cannot see (a loop
 * of zero-length computations emits no event at all, and a loop of {@code defer} grows a stack without one). Both
 * are counts, never wall-clock time, so a run that reaches one ends at the same place on every machine.
 *
 * @param maxEvents events in the log (event-limit)
 * @param maxTimeNs simulated time (time-limit)
 * @param maxGoroutines goroutines created over the run (ends the run as event-limit would, with a message)
 * @param maxCallDepth nested calls of one goroutine (a recursive scenario ends crashed, like a stack overflow)
 * @param maxWork statements interpreted plus wakeups handled over the whole run (event-limit, "the work limit")
 * @param maxStackEntries frames and pending deferred calls on all goroutines' stacks at once (event-limit,
 *        "the stack limit")
 */
public record Limits(long maxEvents, long maxTimeNs, int maxGoroutines, int maxCallDepth, long maxWork,
                     int maxStackEntries) {

    /**
     * The work limit: 200 million steps. The slowest step measured (a one-nanosecond computation, a trip through
     * the agenda) runs at several million a second, so no run spends more than about a minute before a limit.
     */
    public static final long DEFAULT_MAX_WORK = 200_000_000L;
    /** The stack limit: two million entries, about 100 MB of interpreter stacks at most. */
    public static final int DEFAULT_MAX_STACK_ENTRIES = 2_000_000;

    public static final Limits DEFAULT = new Limits(5_000_000, 60_000_000_000L, 1_000_000, 1_000);

    public Limits {
        if (maxEvents < 1 || maxTimeNs < 1 || maxGoroutines < 1 || maxCallDepth < 1 || maxWork < 1
                || maxStackEntries < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The file's four limits, with the engine's own work and stack limits. */
    public Limits(long maxEvents, long maxTimeNs, int maxGoroutines, int maxCallDepth) {
        this(maxEvents, maxTimeNs, maxGoroutines, maxCallDepth, DEFAULT_MAX_WORK, DEFAULT_MAX_STACK_ENTRIES);
    }

    public Limits withMaxEvents(long v) {
        return new Limits(v, maxTimeNs, maxGoroutines, maxCallDepth, maxWork, maxStackEntries);
    }

    public Limits withMaxTimeNs(long v) {
        return new Limits(maxEvents, v, maxGoroutines, maxCallDepth, maxWork, maxStackEntries);
    }

    public Limits withMaxWork(long v) {
        return new Limits(maxEvents, maxTimeNs, maxGoroutines, maxCallDepth, v, maxStackEntries);
    }

    public Limits withMaxStackEntries(int v) {
        return new Limits(maxEvents, maxTimeNs, maxGoroutines, maxCallDepth, maxWork, v);
    }
}
