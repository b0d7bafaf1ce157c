package dev.curtain.engine.state;

/** Where the garbage collector is in its cycle (mgc.go: _GCoff, _GCmark, _GCmarktermination, and gcStart's stop). */
public enum GcPhase {
    OFF("off", false), SWEEP_TERMINATION("sweep termination", true), MARK("mark", false),
    MARK_TERMINATION("mark termination", true);

    private final String text;
    private final boolean stopsTheWorld;

    GcPhase(String text, boolean stopsTheWorld) {
        this.text = text;
        this.stopsTheWorld = stopsTheWorld;
    }

    /** Lower-case words for the log and the inspector. */
    public String text() {
        return text;
    }

    /** Whether every P but the collector's is stopped in this phase. */
    public boolean stopsTheWorld() {
        return stopsTheWorld;
    }
}
