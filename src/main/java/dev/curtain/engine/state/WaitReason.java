package dev.curtain.engine.state;

/** The waitReasonStrings a parked goroutine can have in this model. */
public enum WaitReason {
    NONE(""), CHAN_SEND("chan send"), CHAN_RECEIVE("chan receive"), SLEEP("sleep"), IO_WAIT("IO wait"),
    PREEMPTED("preempted"), FOREVER("select (no cases)");

    private final String text;

    WaitReason(String text) {
        this.text = text;
    }

    /** The string the runtime prints in scheddetail. */
    public String text() {
        return text;
    }
}
