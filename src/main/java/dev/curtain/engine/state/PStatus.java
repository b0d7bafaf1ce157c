package dev.curtain.engine.state;

/** Processor status values of runtime2.go. */
public enum PStatus {
    IDLE(0, "idle"), RUNNING(1, "running"), SYSCALL(2, "syscall"), GCSTOP(3, "gcstop"), DEAD(4, "dead");

    private final int code;
    private final String key;

    PStatus(int code, String key) {
        this.code = code;
        this.key = key;
    }

    public int code() {
        return code;
    }

    public String key() {
        return key;
    }
}
