package dev.curtain.engine.state;

/** Why a thread exists. */
public enum ThreadRole {
    /** The main thread, the process's first: it can never exit. */
    MAIN("m0"),
    /** An ordinary thread that runs goroutines. */
    WORKER("worker"),
    /** The system monitor: preemption, syscall retake, netpoll. */
    SYSMON("sysmon"),
    /** Go 1.10+: a clean thread that creates threads on behalf of locked ones. */
    TEMPLATE("template");

    private final String key;

    ThreadRole(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public boolean isSystem() {
        return this == SYSMON || this == TEMPLATE;
    }
}
