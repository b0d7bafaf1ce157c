package dev.curtain.engine;

/**
 * Bounds on one run. Reaching one ends the run with a named {@link Outcome}; nothing a scenario says can make
 * the engine loop or allocate without bound.
 *
 * @param maxEvents events in the log (event-limit)
 * @param maxTimeNs simulated time (time-limit)
 * @param maxGoroutines goroutines created over the run (ends the run as event-limit would, with a message)
 * @param maxCallDepth nested calls of one goroutine (a recursive scenario ends crashed, like a stack overflow)
 */
public record Limits(long maxEvents, long maxTimeNs, int maxGoroutines, int maxCallDepth) {

    public static final Limits DEFAULT = new Limits(5_000_000, 60_000_000_000L, 1_000_000, 1_000);

    public Limits {
        if (maxEvents < 1 || maxTimeNs < 1 || maxGoroutines < 1 || maxCallDepth < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public Limits withMaxEvents(long v) {
        return new Limits(v, maxTimeNs, maxGoroutines, maxCallDepth);
    }

    public Limits withMaxTimeNs(long v) {
        return new Limits(maxEvents, v, maxGoroutines, maxCallDepth);
    }
}
