package dev.curtain.engine.rules;

/**
 * Something due at a simulated time: an M finishing a computation or a syscall, a woken M starting to schedule,
 * a timer, a socket becoming ready, a sysmon tick. Ordered by the {@link Agenda} by (time, sequence number given when scheduled), as in
 * Kafka's Raft simulation, so ties resolve the same way every run.
 */
final class Wakeup {
    enum Kind {
        /** M {@code target} carries on interpreting its goroutine. */
        STEP(false),
        /** M {@code target}'s goroutine returns from its blocking syscall. */
        SYSCALL_DONE(false),
        /** M {@code target} (just woken or created) runs schedule(). */
        SCHEDULE(false),
        /** M {@code target} retries stealing after runqgrab's 3 µs back-off. */
        STEAL_RETRY(false),
        /** Goroutine {@code target}'s sleep timer expires. */
        TIMER(false),
        /** Goroutine {@code target}'s socket becomes ready. */
        NET_READY(false),
        /** sysmon's preemption signal reaches M {@code target} (async preemption, Go 1.14+). */
        PREEMPT_SIGNAL(false),
        /** sysmon wakes. */
        SYSMON(true),
        /** A stop-the-world of the GC, started by M {@code target}, has lasted its pause. */
        GC(false),
        /** New thread {@code target} first runs: minit sets the signal mask newosproc blocked for the clone. */
        MINIT(false),
        /** CPU {@code target}'s holder has had its slice while others wait ({@link Cpus}). */
        CPU_SLICE(true),
        /** The host's other load on CPU {@code target} wakes or sleeps ({@link Cpus}). */
        OTHER_LOAD(true);

        /**
         * Due whether or not the program can make progress (sysmon, the host's kernel): what alone is left when
         * every goroutine is asleep for good, which is how deadlock is recognised.
         */
        final boolean background;

        Kind(boolean background) {
            this.background = background;
        }
    }

    // Not final: an M's wakeup is one object for the M's life, rescheduled in place (Agenda.reschedule), so the
    // busiest path of the simulation allocates nothing.
    long time;
    long seq;
    Kind kind;
    final int target;
    /** Its place in the {@link Agenda}'s heap, or -1 once polled or cancelled. */
    int slot = -1;
    /** Its number in the agenda, which the heap holds instead of a reference. */
    int id = -1;
    /** Rescheduled again and again (an M's), so it keeps its id. */
    boolean permanent;

    Wakeup(long time, long seq, Kind kind, int target) {
        this.time = time;
        this.seq = seq;
        this.kind = kind;
        this.target = target;
    }

    @Override
    public String toString() {
        return kind + "(" + target + ")@" + time;
    }
}
