package dev.curtain.engine.state;

/** Goroutine status values of runtime2.go (the numbers schedtrace prints). */
public enum GStatus {
    IDLE(0, "idle"), RUNNABLE(1, "runnable"), RUNNING(2, "running"), SYSCALL(3, "syscall"), WAITING(4, "waiting"),
    DEAD(6, "dead"), PREEMPTED(9, "preempted");

    private final int code;
    private final String key;

    GStatus(int code, String key) {
        this.code = code;
        this.key = key;
    }

    /** The _Gxxx number. */
    public int code() {
        return code;
    }

    /** Lower-case name for JSON and the inspector. */
    public String key() {
        return key;
    }
}
