package dev.curtain.engine.rules;

/**
 * Something due at a simulated time: an M finishing a computation or a syscall, a woken M starting to schedule,
 * a timer, a socket becoming ready, a sysmon tick. Ordered by (time, sequence number given when scheduled), as in
 * Kafka's Raft simulation, so ties resolve the same way every run.
 */
final class Wakeup implements Comparable<Wakeup> {
    enum Kind {
        /** M {@code target} carries on interpreting its goroutine. */
        STEP,
        /** M {@code target}'s goroutine returns from its blocking syscall. */
        SYSCALL_DONE,
        /** M {@code target} (just woken or created) runs schedule(). */
        SCHEDULE,
        /** M {@code target} retries stealing after runqgrab's 3 µs back-off. */
        STEAL_RETRY,
        /** Goroutine {@code target}'s sleep timer expires. */
        TIMER,
        /** Goroutine {@code target}'s socket becomes ready. */
        NET_READY,
        /** sysmon's preemption signal reaches M {@code target} (async preemption, Go 1.14+). */
        PREEMPT_SIGNAL,
        /** sysmon wakes. */
        SYSMON
    }

    final long time;
    final long seq;
    final Kind kind;
    final int target;

    Wakeup(long time, long seq, Kind kind, int target) {
        this.time = time;
        this.seq = seq;
        this.kind = kind;
        this.target = target;
    }

    @Override
    public int compareTo(Wakeup o) {
        int c = Long.compare(time, o.time);
        return c != 0 ? c : Long.compare(seq, o.seq);
    }

    @Override
    public String toString() {
        return kind + "(" + target + ")@" + time;
    }
}
