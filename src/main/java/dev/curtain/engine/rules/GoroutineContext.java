package dev.curtain.engine.rules;

import java.util.ArrayDeque;

/** The decider's private memory of one goroutine: its interpreter stack, a computation cut short, its locks. */
final class GoroutineContext {
    final int id;
    final ArrayDeque<Frame> frames = new ArrayDeque<>(4);
    /** When the current computation (or raw syscall) ends; valid while one is under way. */
    long busyUntil = -1;
    /** What is left of a computation that preemption cut short, to resume when the goroutine runs again. */
    long remainingCompute = -1;
    /** What was left of the computation when its thread lost its CPU ({@link Cpus}: busyUntil is frozen). */
    long frozenRemaining;
    /** Whether the current timed step can be stopped by sysmon (computation, not a raw syscall). */
    boolean busyPreemptible;
    /** The timed step is a computation that calls functions (so preemption there is cooperative, not a signal). */
    boolean busyCallsFunctions;
    /**
     * Percent of the timed step spent in nosplit leaf functions, where a preemption signal finds no async safe
     * point and is ignored.
     */
    int busyNosplitShare;
    /** The flag it spins on while in a spinUntil, or null. */
    String spinFlag;
    /** sysmon asked it to stop (gp.preempt); it stops at the next function prologue. */
    boolean preemptRequested;
    /** The message of a panic that is unwinding, or null. */
    String panicking;
    /** LockOSThread count (lockedExt; 0 or 1 before Go 1.10). */
    int lockedExt;
    /** Runtime-internal lock count (lockedInt): runtime.main holds one while init runs. */
    int lockedInt;
    /** Whether this is the main goroutine (its return ends the process). */
    final boolean isMain;
    /** The P whose timer heap holds this goroutine's sleep (Go 1.14+ per-P timers), or -1. */
    int timerP = -1;
    /** Whether the main goroutine is still running init with runtime.main's internal lock. */
    boolean inInit;
    /** {@link #USER}, or which of the runtime's own goroutines this is (its rules are {@link Gc}'s). */
    int runtimeRole = USER;
    /** A runtime goroutine's place in its loop (a mark worker's mode, the sweeper's turn …), {@link Gc}'s. */
    int runtimeState;
    /** When a runtime goroutine's current slice of work began. */
    long sliceStart;

    static final int USER = 0;
    /** The finalizer goroutine (mfinal.go runfinq): its rule is {@link Interpreter}'s, not the GC's (1 to 5). */
    static final int FINALIZER = 6;

    GoroutineContext(int id, boolean isMain) {
        this.id = id;
        this.isMain = isMain;
    }

    boolean locked() {
        return lockedExt > 0 || lockedInt > 0;
    }

    int lockDepth() {
        return lockedExt + lockedInt;
    }
}
