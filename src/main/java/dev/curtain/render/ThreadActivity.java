package dev.curtain.render;

import dev.curtain.engine.state.ThreadState;

/**
 * What a thread box says a thread is doing, read off the engine's state of that M alone, so that the box's label,
 * its colour (a pseudo-class of the same key) and the zone it sits in can never disagree. {@code MState} says
 * what the runtime's fields say; this adds what those fields mean together: a RUNNING M without a P is not
 * running Go code (it has just given its P up and parks or exits next), and one with a P but no G is in the
 * scheduler, not running a goroutine.
 */
public enum ThreadActivity {
    /** Holds a P and runs a G. */
    RUNNING("running", "running"),
    /** Holds a P and runs the scheduler (schedule, findRunnable): no G yet. */
    SCHEDULING("scheduling", "scheduling"),
    /** Holds a P and looks for work to steal. */
    SPINNING("spinning", "spinning"),
    /** Gave up its P and parks in the idle pool next (stopm), or runs without one (a replayed log). */
    STOPPING("stopping", "no P"),
    /** Gave up its P in mexit: it exits next. */
    EXITING("exiting", "exiting"),
    /** Parked in the idle pool. */
    IDLE("idle", "idle"),
    /** Blocked in a system call with its G. */
    SYSCALL("syscall", "in syscall"),
    /** Locked to a G that is not running, parked until it is (stoplockedm). */
    LOCKED_WAITING("locked-idle", "waits for its G"),
    /** m0 after its locked G exited (1.10+): parked for good. */
    WEDGED("wedged", "wedged"),
    /** sysmon or the template thread. */
    SYSTEM("system", "system"),
    /** Gone (mexit). */
    EXITED("exited", "exited");

    private final String key;
    private final String label;

    ThreadActivity(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The pseudo-class and test key: the stylesheet colours a box by it. */
    public String key() {
        return key;
    }

    /** The words on the box. */
    public String label() {
        return label;
    }

    /** What thread {@code t} is doing in a run with {@code gomaxprocs} Ps. */
    public static ThreadActivity of(ThreadState t, int gomaxprocs) {
        if (!t.alive()) {
            return EXITED;
        }
        boolean holdsP = t.p() >= 0 && t.p() < gomaxprocs;
        return switch (t.state()) {
            case RUNNING -> !holdsP ? (t.exiting() ? EXITING : STOPPING) : t.curg() > 0 ? RUNNING : SCHEDULING;
            case SPINNING -> !holdsP ? (t.exiting() ? EXITING : STOPPING) : SPINNING;
            case IDLE -> IDLE;
            case SYSCALL -> SYSCALL;
            case LOCKED_IDLE -> LOCKED_WAITING;
            case WEDGED -> WEDGED;
            case SYSTEM -> SYSTEM;
            case EXITED -> EXITED;
        };
    }

    /** The words for thread {@code t} doing this: a running thread names its G ("running G7"). */
    public String describe(ThreadState t) {
        return this == RUNNING ? "running G" + t.curg() : label;
    }

    /** Whether the box sits in a P's lane (it holds that P). */
    public boolean onALane() {
        return this == RUNNING || this == SCHEDULING || this == SPINNING;
    }

    /** The zone title a box of this activity sits in, or null for a lane ("P3") or none (exited). */
    public String zone() {
        return switch (this) {
            case RUNNING, SCHEDULING, SPINNING, EXITED -> null;
            case STOPPING, EXITING, IDLE -> StageGeometry.IDLE;
            case SYSCALL -> StageGeometry.SYSCALL;
            case LOCKED_WAITING, WEDGED -> StageGeometry.LOCKED;
            case SYSTEM -> StageGeometry.SYSTEM;
        };
    }
}
