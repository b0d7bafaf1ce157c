package dev.curtain.engine.rules;

/**
 * The timing model: what the runtime's own steps and the kernel's wake-ups cost, each a {@link Cost} drawn per
 * occurrence from the run's seeded RNG. Because steps take time, races between threads go either way from seed to
 * seed, as they do in real runs: the thread that just parked a goroutine is still switching when a woken spinner
 * arrives, or it is not. docs/engine.md ("Timing model") gives each figure's source; the calibration suite
 * (calibration/, CalibrationTest) checks the spread they produce against real Go 1.22 and 1.23. A tail share is
 * given in draws per 1,024.
 */
final class Timing {
    private Timing() {
    }

    /**
     * futex wake to the woken thread running (notewakeup → futexsleep returning): 2–6 µs on an idle core; one in
     * 64 waits for a busy CPU, 10 µs–2 ms (measured: calibration dirty-spread, where in some real runs the second
     * thread never gets to steal, on a loaded 2-core host).
     */
    static final Cost FUTEX_WAKE = Cost.withCpuWaitTail("futex wake", 2_000, 6_000, 16, 10_000, 2_000_000);

    /**
     * newm: clone(2) plus mstart until the new thread schedules: 15–40 µs; one in 32 waits for a CPU, 40 µs–2 ms
     * (measured: calibration thread-count, where on a loaded host the early syscalls often return before the last
     * threads exist).
     */
    static final Cost CLONE = Cost.withCpuWaitTail("clone", 15_000, 40_000, 32, 40_000, 2_000_000);

    /**
     * A goroutine leaving its thread until schedule() looks for the next one: gopark/goschedImpl/goexit0's mcall,
     * schedule, findRunnable's queue checks, execute and gogo; 0.3–1.5 µs, one in 128 descheduled for 1–30 µs.
     */
    static final Cost SWITCH = Cost.withCpuWaitTail("switch", 300, 1_500, 8, 1_000, 30_000);

    /**
     * newproc on the goroutine that runs the go statement (gfget or malg, runqput, wakep's check): 150–400 ns
     * (the runtime's BenchmarkCreateGoroutines: a few hundred ns a goroutine), one in 128 1–10 µs.
     */
    static final Cost NEWPROC = Cost.withTail("newproc", 150, 400, 8, 1_000, 10_000);

    /**
     * What sysmon's usleep(delay) overshoots by: Linux ends a normal thread's sleep anywhere in the timer-slack
     * window after it is due (50 µs by default, prctl(2) PR_SET_TIMERSLACK); one in 256 ticks waits for a CPU,
     * 0.1–3 ms (measured: calibration syscall-handoff on Go 1.22, handoffs past 2 ms).
     */
    static final Cost SYSMON_OVERSLEEP = Cost.withCpuWaitTail("sysmon oversleep", 2_000, 50_000, 4, 100_000, 3_000_000);

    /**
     * preemptM's SIGURG to the thread stopping at the signal (asyncPreempt → gopreempt_m): 1–10 µs, one in 64
     * waits for the target thread to get a CPU, 10–500 µs. So two Ps preempted at one sysmon tick give their
     * goroutines up in either order.
     */
    static final Cost PREEMPT_SIGNAL = Cost.withCpuWaitTail("preempt signal", 1_000, 10_000, 16, 10_000, 500_000);

    /** The same timer slack on netpoll's epoll_wait timeout, when a thread blocked there wakes for a timer. */
    static final Cost NETPOLL_TIMEOUT_SLACK = Cost.withTail("netpoll slack", 2_000, 50_000, 16, 100_000, 1_000_000);

    /**
     * A read(2) or write(2) of a few bytes on a pipe that does not block: 1–3 µs in the kernel (pipe_read and
     * pipe_write copy a page at most), one in 128 waits for a CPU, 10–200 µs.
     */
    static final Cost PIPE_IO = Cost.withCpuWaitTail("pipe io", 1_000, 3_000, 8, 10_000, 200_000);

    /**
     * A store to a flag until a spinning load on another core sees it: the cache line's round trip between cores,
     * 50–300 ns (core-to-core latency on current x86 parts is about 40–100 ns a transfer).
     */
    static final Cost FLAG_VISIBLE = Cost.withTail("flag visible", 50, 300, 0, 0, 0);

    /**
     * findRunnable's non-blocking netpoll(0), an epoll_pwait with a zero timeout, when it returns a goroutine:
     * 0.5–2 µs before that goroutine runs.
     */
    static final Cost NETPOLL_POLL = Cost.withTail("netpoll poll", 500, 2_000, 0, 0, 0);

    /**
     * pipe_write waking a thread blocked in pipe_read until that thread runs again: 6–20 µs, one in 32 waits for
     * a CPU, 20 µs–5 ms (measured: calibration pipe-wakeup, the blocking rounds, median 14 µs on a loaded 2-core
     * host; longer than {@link #FUTEX_WAKE} because the reader has slept for milliseconds on an idle CPU).
     */
    static final Cost PIPE_WAKE = Cost.withCpuWaitTail("pipe wake", 6_000, 20_000, 32, 20_000, 5_000_000);

    /**
     * setpriority(2) on the calling thread, from entersyscall to exitsyscall: 4.5–10 µs, one in 10 calls 10–60 µs
     * (measured: calibration/probes/dirty-spread-exit, runtime.nanotime around syscall.Setpriority in 897 runs on
     * Go 1.22 and 1.23 on a 2-core host, idle and with two busy processes: median 6.7 µs, 90th percentile 10.1 µs,
     * 95th 20 µs; the 2% past 50 µs waited for a CPU, which {@link Cpus} gives where the host's CPUs are modelled).
     */
    static final Cost SETPRIORITY = Cost.withTail("setpriority", 4_500, 10_000, 102, 10_000, 60_000);

    // ---- the garbage collector (on with the runtime's background work) ----------------------------------------

    /**
     * The first stop-the-world of a GC cycle (sweep termination), from gcStart stopping every P to the world
     * starting again for the mark phase: 5–60 µs, one in 16 waits for CPUs, 60 µs–2 ms (measured: GODEBUG=gctrace=1
     * on calibration gc-cycles, results/gc-cycles.gctrace.*, the first clock figure: median 32 µs, 10th percentile
     * 5 µs, 90th 98 µs, at most 2.2 ms, 175 cycles on Go 1.22 and 1.23 on the loaded 2-core host).
     */
    static final Cost GC_SWEEP_TERMINATION = Cost.withTail("gc sweep termination", 5_000, 60_000, 64, 60_000,
            2_000_000);

    /**
     * The mark phase's work, as mark-worker time: the phase ends when the workers on the Ps have spent this much
     * between them. 0.3–2 ms, one in 8 cycles 2–30 ms (measured: gctrace's second clock figure on calibration
     * gc-cycles, where three workers mark at GOMAXPROCS=4: median 0.42 ms, 90th percentile 1.7 ms, at most 10 ms;
     * the long ones are workers waiting for a CPU on the loaded host, which the model has no other way to show).
     */
    static final Cost GC_MARK_WORK = Cost.withCpuWaitTail("gc mark work", 300_000, 2_000_000, 128, 2_000_000, 30_000_000);

    /**
     * The second stop-the-world (mark termination), gcMarkDone to the world starting again: 1–5 µs, one in 16
     * 5 µs–2 ms (measured: gctrace's third clock figure on calibration gc-cycles: median 2 µs, 90th percentile
     * 42 µs, at most 1.8 ms).
     */
    static final Cost GC_MARK_TERMINATION = Cost.withTail("gc mark termination", 1_000, 5_000, 64, 5_000, 2_000_000);

    /**
     * bgsweep's turn after a cycle: sweeping the spans of a small heap, 20–200 µs, one in 32 0.2–2 ms (an
     * estimate: sweepone takes tens of ns a span, mgcsweep.go, and a heap of a few MB has a few hundred spans).
     */
    static final Cost GC_SWEEP = Cost.withTail("gc sweep", 20_000, 200_000, 32, 200_000, 2_000_000);

    /**
     * bgscavenge's turn: 5–50 µs (an estimate: with a heap at its 4 MB minimum there is little above the
     * scavenger's goal to return, mgcscavenge.go); it releases what there is within it.
     */
    static final Cost GC_SCAVENGE = Cost.withTail("gc scavenge", 5_000, 50_000, 0, 0, 0);
}
