package dev.curtain.engine.rules;

/**
 * The runtime's own constants (proc.go), cited in docs/engine.md. What steps and kernel wake-ups cost, drawn per
 * occurrence, is {@link Timing}'s.
 */
final class Latencies {
    private Latencies() {
    }

    /** runqgrab's usleep(3) before stealing a running P's runnext. */
    static final long STEAL_BACKOFF_NS = 3_000;
    /** sysmon's shortest sleep (20 µs) and its cap (10 ms). */
    static final long SYSMON_MIN_DELAY_NS = 20_000;
    static final long SYSMON_MAX_DELAY_NS = 10_000_000;
    /** sysmon doubles its sleep after this many idle cycles. */
    static final int SYSMON_IDLE_CYCLES = 50;
    /** forcePreemptNS: a goroutine running this long is preempted. */
    static final long FORCE_PREEMPT_NS = 10_000_000;
    /** retake waits this long for a syscall P when there is no other work and spare Ps exist. */
    static final long RETAKE_IDLE_WAIT_NS = 10_000_000;
    /** sysmon polls the network if nobody has for this long. */
    static final long SYSMON_NETPOLL_NS = 10_000_000;
    /** sysmon's longest deep sleep (forcegcperiod/2). */
    static final long SYSMON_DEEP_SLEEP_NS = 60_000_000_000L;
    /** The write(2)/openat(2)/socket(2) behind an observation. */
    static final long OBSERVATION_SYSCALL_NS = 5_000;
    /** Time forced on a goroutine that ran this many statements without any taking time. */
    static final long BUSY_INSTANT_NS = 100;
}
