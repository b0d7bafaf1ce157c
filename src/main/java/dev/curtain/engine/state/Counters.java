package dev.curtain.engine.state;

/** Running totals the JSON contract reports; derived from events by {@link Evolver}. */
public final class Counters {
    int threadsCreated;
    int threadsExited;
    int maxLiveThreads;
    int handoffs;
    int steals;
    int preemptions;
    int retakes;
    int gcCycles;
    GcPhase gcPhase = GcPhase.OFF;

    Counters copy() {
        Counters c = new Counters();
        c.threadsCreated = threadsCreated;
        c.threadsExited = threadsExited;
        c.maxLiveThreads = maxLiveThreads;
        c.handoffs = handoffs;
        c.steals = steals;
        c.preemptions = preemptions;
        c.retakes = retakes;
        c.gcCycles = gcCycles;
        c.gcPhase = gcPhase;
        return c;
    }

    /** Threads cloned over the run, m0 included. */
    public int threadsCreated() { return threadsCreated; }
    public int threadsExited() { return threadsExited; }
    public int maxLiveThreads() { return maxLiveThreads; }
    /** Ps handed by handoffp or startlockedm to another thread. */
    public int handoffs() { return handoffs; }
    /** Goroutines taken from another P's run queue. */
    public int steals() { return steals; }
    public int preemptions() { return preemptions; }
    /** Ps sysmon took from threads in syscalls. */
    public int retakes() { return retakes; }
    /** GC cycles completed (their mark termination over). */
    public int gcCycles() { return gcCycles; }
    /** Where the garbage collector is now. */
    public GcPhase gcPhase() { return gcPhase; }
}
