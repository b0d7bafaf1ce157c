package dev.curtain.engine.state;

/** The waitReasonStrings a parked goroutine can have in this model. */
public enum WaitReason {
    NONE(""), CHAN_SEND("chan send"), CHAN_RECEIVE("chan receive"), SLEEP("sleep"), IO_WAIT("IO wait"),
    PREEMPTED("preempted"), FOREVER("select (no cases)"),
    /** The runtime's own goroutines between their turns (runtime2.go waitReasonStrings). */
    GC_WORKER_IDLE("GC worker (idle)"), GC_SWEEP_WAIT("GC sweep wait"), GC_SCAVENGE_WAIT("GC scavenge wait"),
    FORCE_GC_IDLE("force gc (idle)"),
    /** The finalizer goroutine with no finalizers queued (mfinal.go runfinq). */
    FINALIZER_WAIT("finalizer wait");

    private final String text;

    WaitReason(String text) {
        this.text = text;
    }

    /** The string the runtime prints in scheddetail. */
    public String text() {
        return text;
    }
}
