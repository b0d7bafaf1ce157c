package dev.curtain.engine.state;

/**
 * What an OS thread is doing. The runtime has no such enum (it is derived from fields of
 * {@code type m}); the animator places the thread box by it.
 */
public enum MState {
    /** Holds a P; runs a G, or the scheduler when it has none. */
    RUNNING("running"),
    /** Holds a P, has no G, searching other Ps for work. */
    SPINNING("spinning"),
    /** Parked in the idle pool (stopm). */
    IDLE("idle"),
    /** Blocked in a system call with its G. */
    SYSCALL("syscall"),
    /** Locked to a G that is not running; parked until that G is runnable (stoplockedm). */
    LOCKED_IDLE("locked-idle"),
    /** sysmon or the template thread: never holds a P. */
    SYSTEM("system"),
    /** m0 after its locked G exited (1.10+): alive, parked forever, never runs a G again. */
    WEDGED("wedged"),
    /** The thread is gone (mexit). */
    EXITED("exited");

    private final String key;

    MState(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
