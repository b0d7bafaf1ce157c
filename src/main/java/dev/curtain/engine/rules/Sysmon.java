package dev.curtain.engine.rules;

import dev.curtain.engine.event.Event.ProcessorRetaken;
import dev.curtain.engine.state.GStatus;
import dev.curtain.engine.state.MState;
import dev.curtain.engine.state.PStatus;
import dev.curtain.engine.state.ProcessorState;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadRole;

/**
 * sysmon (docs/runtime-model.md, "Preemption" and "System calls"): sleeps 20 µs while it finds syscall Ps to retake, doubles its sleep
 * after 50 idle cycles up to 10 ms, deep-sleeps while every P is idle, preempts goroutines that ran 10 ms and
 * takes the Ps of goroutines stuck in syscalls (retake). Each sleep overshoots as usleep does on
 * Linux, so a goroutine is preempted at the first tick at least 10 ms after sysmon first saw its time slice
 * (pp.sysmontick.schedwhen), not on a 10 ms grid; sysmon also starts a thread for timers that are overdue
 * (proc.go sysmon: timeSleepUntil() < now → startm).
 */
final class Sysmon {
    private final Runtime rt;
    private final SchedState s;
    private long delay = Latencies.SYSMON_MIN_DELAY_NS;
    private int idle;
    private boolean deepSleep;
    private Wakeup next;
    private long lastpoll;
    /** sysmon's per-P memory (pp.sysmontick): what it saw last and since when. */
    private long[] schedtick = new long[0];
    private long[] schedwhen = new long[0];
    private long[] syscalltick = new long[0];
    /** Its tick was due while every CPU was taken ({@link Cpus}). */
    private boolean waitingForCpu;
    private long[] syscallwhen = new long[0];

    Sysmon(Runtime rt) {
        this.rt = rt;
        this.s = rt.state;
    }

    /**
     * runtime.main starts sysmon on its own thread, cloned from m0; its loop starts with usleep(20) once the
     * thread first runs (minit, then mstartfn). runtime.main does so first (Go 1.22 runtime/proc.go 172, 1.23 173),
     * before the runtime's init tasks, gcenable's two handoffs and every package's init: with that start-up modelled
     * ({@code runtimeBackground}) sysmon has been ticking for a while when main.main starts
     * (calibration/probes/main-start: 224 µs to 2.9 ms, median about 390 µs, from newm(sysmon) to main.main's
     * first statement on a 2-core host; some 5 to 50 of its 20 µs cycles, fewer than the 50 idle ones after which
     * it sleeps longer), so its next tick comes anywhere in its cycle of 20 µs and its sleep's overshoot, and a goroutine's
     * first syscall can meet it however early main.main makes it; unless its new thread is still waiting for a CPU
     * then ({@link #UNSTARTED_AT_MAIN_PER_200}). Without that start-up (lessons), sysmon starts with main.main, as
     * the stage shows it.
     */
    void start(int creator) {
        boolean ticking = rt.options.runtimeBackground()
                && rt.startupRng.nextInt(200) >= UNSTARTED_AT_MAIN_PER_200;
        // with the start-up modelled, a thread that has not had a CPU yet first runs a CPU wait after main.main
        long firstRun = rt.options.runtimeBackground() && !ticking
                ? rt.now + rt.startupRng.between(UNSTARTED_FIRST_RUN_MIN_NS, UNSTARTED_FIRST_RUN_MAX_NS) : rt.now;
        int m = rt.threads.newSystemThread(ThreadRole.SYSMON, creator, firstRun);
        if (m < 0) {
            return;
        }
        rt.sysmonM = m;
        // A thread that starts now or later begins its loop with usleep(20); one that has been ticking is somewhere
        // in a cycle.
        long first = ticking ? rt.now + rt.startupRng.between(0,
                Latencies.SYSMON_MIN_DELAY_NS + Timing.SYSMON_OVERSLEEP.draw(rt.startupRng, false))
                : firstRun + Latencies.SYSMON_MIN_DELAY_NS;
        next = rt.agenda.schedule(first, Wakeup.Kind.SYSMON, m);
    }

    /**
     * With the runtime's start-up modelled, in how many runs of 200 sysmon's thread has not run yet when main.main
     * starts: the clone waits for a CPU on the loaded host. Measured: calibration/probes/main-start (results/
     * main-start.*), its thread's schedstat showed no run time in 47 of 300 runs on Go 1.22 and 53 of 300 on 1.23
     * (load about 3 on the 2-core host). It then first runs {@link #UNSTARTED_FIRST_RUN_MIN_NS} to
     * {@link #UNSTARTED_FIRST_RUN_MAX_NS} later, the range of {@link Timing#CLONE}'s wait for a CPU.
     */
    static final int UNSTARTED_AT_MAIN_PER_200 = 33;
    static final long UNSTARTED_FIRST_RUN_MIN_NS = 40_000;
    static final long UNSTARTED_FIRST_RUN_MAX_NS = 2_000_000;

    /** A syscall began or ended: sysmon leaves its deep sleep (sched.sysmonwait). */
    void wake() {
        if (!deepSleep || rt.sysmonM < 0 || waitingForCpu) {
            return;
        }
        deepSleep = false;
        idle = 0;
        delay = Latencies.SYSMON_MIN_DELAY_NS;
        rt.agenda.cancel(next);
        next = rt.agenda.schedule(rt.now, Wakeup.Kind.SYSMON, rt.sysmonM);
    }

    /** Its tick is due but its thread waits for a CPU ({@link Cpus}): the tick comes when it gets one. */
    void deferTick() {
        next = null;
        deepSleep = false;
        waitingForCpu = true;
    }

    /** Its thread got the CPU it waited for: the tick is due now. */
    void resumeTick() {
        waitingForCpu = false;
        next = rt.agenda.schedule(rt.now, Wakeup.Kind.SYSMON, rt.sysmonM);
    }

    void tick() {
        next = null;
        deepSleep = false;
        ensureSize();
        // forcegc's check (each of sysmon's rounds; the model makes it first so a deep sleep cannot skip it).
        rt.gc.sysmonCheck();
        if (s.idleProcessors() == s.gomaxprocs()) {
            // Every P idle: sleep until the next timer or socket, or forcegcperiod/2.
            long until = Math.min(rt.agenda.nextTimerOrNet(), rt.now + Latencies.SYSMON_DEEP_SLEEP_NS);
            deepSleep = true;
            idle = 0;
            delay = Latencies.SYSMON_MIN_DELAY_NS;
            next = rt.agenda.schedule(Math.max(until, rt.now + Latencies.SYSMON_MIN_DELAY_NS) + oversleep(),
                    Wakeup.Kind.SYSMON, rt.sysmonM);
            return;
        }
        if (rt.now - lastpoll > Latencies.SYSMON_NETPOLL_NS) {
            lastpoll = rt.now;
            rt.timers.sysmonNetpoll(rt.sysmonM);
        }
        if (rt.version.perPTimers()) {
            rt.timers.sysmonOverdue(rt.sysmonM);
        }
        int retaken = retake();
        if (rt.ended) {
            return;
        }
        if (retaken > 0) {
            idle = 0;
            delay = Latencies.SYSMON_MIN_DELAY_NS;
        } else {
            idle++;
            if (idle > Latencies.SYSMON_IDLE_CYCLES) {
                delay = Math.min(delay * 2, Latencies.SYSMON_MAX_DELAY_NS);
            }
        }
        next = rt.agenda.schedule(rt.now + delay + oversleep(), Wakeup.Kind.SYSMON, rt.sysmonM);
    }

    /**
     * usleep(delay) returns late: by the kernel's timer slack and the wake-up ({@link Timing#SYSMON_OVERSLEEP}).
     * So sysmon's ticks drift off any grid, and a preemption or a retake lands wherever the tick does.
     */
    private long oversleep() {
        return rt.cost(Timing.SYSMON_OVERSLEEP);
    }

    /** Notes that some M polled the network (findRunnable's netpoll(0)). */
    void polled() {
        lastpoll = rt.now;
    }

    /** retake(): preempt long runners; take syscall Ps. Returns how many Ps it took. */
    private int retake() {
        int n = 0;
        for (int p = 0; p < s.gomaxprocs() && !rt.ended; p++) {
            ProcessorState ps = s.processor(p);
            boolean inSyscall = inSyscall(ps);
            if (ps.status() != PStatus.RUNNING && ps.status() != PStatus.SYSCALL) {
                continue;
            }
            boolean sysretake = false;
            if (schedtick[p] != ps.schedtick()) {
                schedtick[p] = ps.schedtick();
                schedwhen[p] = rt.now;
            } else if (schedwhen[p] + Latencies.FORCE_PREEMPT_NS <= rt.now) {
                preemptone(p);
                sysretake = true;
            }
            if (!inSyscall) {
                continue;
            }
            if (!sysretake && syscalltick[p] != ps.syscalltick()) {
                syscalltick[p] = ps.syscalltick();
                syscallwhen[p] = rt.now;
                continue;
            }
            if (ps.runqEmpty() && rt.nmspinning + rt.pidle.size() > 0
                    && syscallwhen[p] + Latencies.RETAKE_IDLE_WAIT_NS > rt.now) {
                continue;
            }
            int m = ps.m();
            rt.emit(new ProcessorRetaken(rt.seq(), rt.now, p, m));
            n++;
            rt.threads.handoffp(p, rt.sysmonM);
        }
        return n;
    }

    /** Up to 1.25 the P says so (_Psyscall); 1.26 keeps it _Prunning and the goroutine's status says it. */
    private boolean inSyscall(ProcessorState ps) {
        if (ps.status() == PStatus.SYSCALL) {
            return true;
        }
        return ps.status() == PStatus.RUNNING && ps.m() >= 0 && s.thread(ps.m()).state() == MState.SYSCALL;
    }

    /**
     * preemptone(): ask the running goroutine to stop. From 1.14 a signal stops it at once (unless
     * asyncpreemptoff); before, it stops at its next function prologue, which a loop without calls never reaches.
     */
    private void preemptone(int p) {
        ProcessorState ps = s.processor(p);
        if (ps.m() < 0 || ps.m() == rt.sysmonM) {
            return;
        }
        int g = s.thread(ps.m()).curg();
        if (g < 0 || s.goroutines().status(g) != GStatus.RUNNING) {
            return;
        }
        GoroutineContext ctx = rt.g(g);
        ctx.preemptRequested = true;
        boolean async = rt.version.asyncPreemption() && !rt.options.asyncPreemptOff();
        if (ctx.busyUntil > rt.now && ctx.busyPreemptible) {
            if (async && !ctx.busyCallsFunctions) {
                // preemptM sends SIGURG; the thread stops where the signal finds it, a moment later.
                rt.agenda.schedule(rt.now + rt.cost(Timing.PREEMPT_SIGNAL), Wakeup.Kind.PREEMPT_SIGNAL, ps.m());
            } else {
                rt.interpreter.preemptNow(ps.m(), false);
            }
        }
    }

    /**
     * The preemption signal reaches M {@code m}: its goroutine stops if it is still the one asked to and still in
     * the computation (it may have blocked, finished or been switched out meanwhile; then the signal is moot).
     */
    void signalArrived(int m) {
        int g = s.thread(m).curg();
        if (g < 0 || s.goroutines().status(g) != GStatus.RUNNING) {
            return;
        }
        GoroutineContext ctx = rt.g(g);
        if (ctx.preemptRequested && ctx.busyUntil > rt.now && ctx.busyPreemptible && !ctx.busyCallsFunctions) {
            if (ctx.busyNosplitShare > 0 && rt.rng.nextInt(100) < ctx.busyNosplitShare) {
                // The signal landed in a nosplit function: no async safe point, so the handler returns and the
                // goroutine runs on; gp.preempt stays set and sysmon signals again on a later tick.
                return;
            }
            rt.interpreter.preemptNow(m, true);
        }
    }

    /**
     * Grows sysmon's per-P memory for new Ps. The runtime starts it zeroed (pp.sysmontick is part of the P that
     * procresize allocates), and a P's syscalltick is 0 until its first exitsyscall increments it: so the first tick
     * that finds a P in its very first syscall sees {@code pd.syscalltick == t}, skips the first-sight record, and
     * with {@code pd.syscallwhen} at 0 the 10 ms grace is long over: it takes the P (retake, Go 1.22 proc.go
     * 6135-6148, 1.23 6236-6249), even on an idle system. Measured: calibration/probes/threads-at-call, every P's
     * syscalltick 0 when main.main starts (800 of 800 runs). The schedtick half is the same: 0, seen at nanotime's
     * epoch, long before the process. So a P that has only ever run goroutines from runnext (execute with
     * inheritTime leaves schedtick at 0) looks to sysmon like a time slice as old as the machine, and the first tick
     * that finds it running preempts its goroutine (measured: calibration/probes/spin-flag-start, where every first
     * spin that ended within microseconds ran on such a P).
     */
    private void ensureSize() {
        int n = s.processors().size();
        int old = schedtick.length;
        if (old < n) {
            schedtick = java.util.Arrays.copyOf(schedtick, n);
            schedwhen = java.util.Arrays.copyOf(schedwhen, n);
            syscalltick = java.util.Arrays.copyOf(syscalltick, n);
            syscallwhen = java.util.Arrays.copyOf(syscallwhen, n);
            for (int i = old; i < n; i++) {
                schedwhen[i] = -Latencies.FORCE_PREEMPT_NS;
                syscallwhen[i] = -Latencies.RETAKE_IDLE_WAIT_NS;
            }
        }
    }
}
