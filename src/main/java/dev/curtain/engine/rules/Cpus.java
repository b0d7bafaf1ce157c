package dev.curtain.engine.rules;

import dev.curtain.engine.Host;
import dev.curtain.engine.state.IntDeque;
import java.util.Arrays;

/**
 * CPU contention (docs/engine.md, "CPU contention"): the host's CPUs, which threads hold them, and who waits. Only
 * made for a {@link Host} with a number of CPUs; without one every runnable thread runs at once and none of this is
 * consulted.
 *
 * <p>A thread holds a CPU while it has progress due (a computation, schedule() after a switch, a runtime step: its
 * wakeup is a {@link Wakeup.Kind#STEP} or {@link Wakeup.Kind#SCHEDULE}; a syscall that works in the kernel without
 * blocking); it gives the CPU up when it parks, blocks in a syscall or sleeps (usleep in runqgrab's back-off), and
 * asks for one again when it wakes. sysmon holds one for
 * the moment of its tick. With no CPU free a woken thread takes one from a thread of its own process that has run
 * for the wakeup granularity (CFS's check_preempt_wakeup: a sleeper's vruntime lags behind), and otherwise waits
 * in a FIFO (sysmon ahead of niced threads) until some CPU's holder has had its slice. A thread that lowers its own
 * priority in a syscall gives its CPU to the first in line. While a thread waits, its wakeup is out of the agenda and
 * what it had left is kept: it resumes that much after it gets the CPU, so a computation stretches by the wait.
 *
 * <p>The host's other load is one entity per CPU, another process's thread that is busy for a while and then
 * sleeps, busy the configured share of the time. It competes in the same queue but never takes a CPU on waking:
 * it belongs to another process (another group on a host shared by builds in their own cgroups), so a Go thread's
 * sleeper credit does not rank it and it does not rank a Go thread.
 *
 * <p>Entities: threads by M id (0 up), the other load's by {@code -2 - i}. Everything is arrays and a FIFO, in
 * a fixed order, so a seed decides who waits.
 */
final class Cpus {
    /** sysctl_sched_latency, 6 ms, times the CPU factor (kernel/sched/fair.c). */
    static final long LATENCY_NS = 6_000_000;
    /** sysctl_sched_min_granularity, 0.75 ms, times the CPU factor (kernel/sched/fair.c). */
    static final long MIN_GRANULARITY_NS = 750_000;
    /** sysctl_sched_wakeup_granularity, 1 ms, times the CPU factor (kernel/sched/fair.c). */
    static final long WAKEUP_GRANULARITY_NS = 1_000_000;
    /**
     * How long the host's other load stays busy at a time, on average (uniform in half to one and a half times
     * this): a compiler's or a test JVM's run between blocking reads; a model parameter, fitted to the calibration
     * runs (the spin-flag setter's waits of milliseconds, pipe-wakeup's tails).
     */
    static final long OTHER_BURST_NS = 8_000_000;

    private static final long FROZEN = Long.MAX_VALUE / 4;
    private static final int FREE = -1;
    private static final byte OFF = 0;
    private static final byte ON = 1;
    private static final byte WAIT = 2;

    private final Runtime rt;
    private final int ncpu;
    private final int load;
    private final long latency;
    private final long minGranularity;
    private final long wakeupGranularity;

    private final int[] holder;
    private final long[] turnStart;
    private final Wakeup[] sliceEnd;
    /** Who waits for a CPU, first come first served (a thread preempted on a wake-up goes first). */
    private final IntDeque queue = new IntDeque();

    private byte[] state = new byte[16];
    private int[] cpuOf = new int[16];
    private Wakeup.Kind[] deferredKind = new Wakeup.Kind[16];
    private long[] remaining = new long[16];
    private long[] waitStart = new long[16];
    private boolean[] signalPending = new boolean[16];
    private boolean[] touched = new boolean[16];
    /** The thread's syscall works in the kernel rather than sleeping there: it keeps its CPU through it. */
    private boolean[] syscallOnCpu = new boolean[16];
    /**
     * The thread's wakeup (kept while it waits, or rescheduled for now once it got the CPU) is the wake-up that
     * asked for the CPU: whatever its kind, the thread runs when it is due, so it keeps the CPU until then.
     */
    private boolean[] wakeNeedsCpu = new boolean[16];
    private int[] touchedList = new int[16];
    private int touchedCount;

    private final byte[] otherState;
    private final int[] otherCpu;
    private final boolean[] otherBusy;

    Cpus(Runtime rt, Host host) {
        this.rt = rt;
        this.ncpu = host.cpus();
        this.load = host.otherLoadPercent();
        // get_update_sysctl_factor (SCHED_TUNABLESCALING_LOG, the default): 1 + ilog2(min(ncpu, 8)).
        int factor = 1 + (31 - Integer.numberOfLeadingZeros(Math.min(ncpu, 8)));
        this.latency = LATENCY_NS * factor;
        this.minGranularity = MIN_GRANULARITY_NS * factor;
        this.wakeupGranularity = WAKEUP_GRANULARITY_NS * factor;
        this.holder = new int[ncpu];
        Arrays.fill(holder, FREE);
        this.turnStart = new long[ncpu];
        this.sliceEnd = new Wakeup[ncpu];
        int others = load > 0 ? ncpu : 0;
        this.otherState = new byte[others];
        this.otherCpu = new int[others];
        this.otherBusy = new boolean[others];
    }

    /** The other load's first turns: each entity busy at the start with the load's probability. */
    void start() {
        for (int i = 0; i < otherBusy.length; i++) {
            boolean busy = rt.rng.nextInt(100) < load;
            long left = busy ? rt.rng.between(0, OTHER_BURST_NS) : rt.rng.between(0, idleMean());
            if (busy) {
                otherWakes(i);
            }
            rt.agenda.schedule(rt.now + left, Wakeup.Kind.OTHER_LOAD, i);
        }
    }

    private long idleMean() {
        return OTHER_BURST_NS * (100 - load) / load;
    }

    // ---- the runtime's hooks -------------------------------------------------------------------------------

    /**
     * Before {@code w} is handled: whether its thread has a CPU to handle it on. If not, the thread waits and the
     * wakeup is kept for when it gets one.
     */
    boolean admit(Wakeup w) {
        switch (w.kind) {
            case STEP, SCHEDULE, STEAL_RETRY, SYSCALL_DONE -> {
                grow(w.target);
                wakeNeedsCpu[w.target] = false;
                if (!need(w.target, w.kind)) {
                    return false;
                }
                touch(w.target);
                return true;
            }
            case PREEMPT_SIGNAL -> {
                grow(w.target);
                if (state[w.target] == WAIT) {
                    // The signal is delivered when the thread next returns to user space, once it runs.
                    signalPending[w.target] = true;
                    return false;
                }
                return true;
            }
            case SYSMON -> {
                grow(w.target);
                if (!need(w.target, Wakeup.Kind.SYSMON)) {
                    rt.sysmon.deferTick();
                    return false;
                }
                return true;
            }
            default -> {
                return true;
            }
        }
    }

    /** After a wakeup was handled: threads whose progress stopped give their CPU up, sysmon after its tick. */
    void afterStep(Wakeup w) {
        for (int i = 0; i < touchedCount; i++) {
            int m = touchedList[i];
            touched[m] = false;
            settle(m);
        }
        touchedCount = 0;
        if (w.kind == Wakeup.Kind.SYSMON && w.target < state.length && state[w.target] == ON) {
            release(w.target);
        }
    }

    /** {@code wakeM} for a thread: false if it waits for a CPU, in which case the wakeup is kept instead. */
    boolean deferWake(int m, long at, Wakeup.Kind kind) {
        grow(m);
        touch(m);
        wakeNeedsCpu[m] = false;
        if (state[m] != WAIT) {
            return false;
        }
        deferredKind[m] = kind;
        remaining[m] = Math.max(0, at - rt.now);
        return true;
    }

    /** {@code cancelM} for a thread: false if it waits for a CPU, in which case what it kept is dropped. */
    boolean deferCancel(int m) {
        grow(m);
        touch(m);
        wakeNeedsCpu[m] = false;
        if (state[m] != WAIT) {
            return false;
        }
        deferredKind[m] = null;
        return true;
    }

    /** Thread {@code m} enters a syscall that works on the CPU ({@code onCpu}) or sleeps in the kernel. */
    void syscallOnCpu(int m, boolean onCpu) {
        grow(m);
        syscallOnCpu[m] = onCpu;
    }

    /**
     * Thread {@code m}, in a syscall on its CPU, lowered its own priority: the kernel reschedules it on the way back
     * to user space (set_user_nice, prio_changed_fair: "Reschedule if we are currently running on this runqueue and
     * our priority decreased", resched_curr), so if anyone waits for a CPU the first in line takes this one and the
     * thread waits, its syscall not yet returned.
     */
    void priorityLowered(int m) {
        grow(m);
        if (state[m] != ON || queue.isEmpty()) {
            return;
        }
        int c = cpuOf[m];
        preemptHolder(c, false);
        grant(queue.removeFirst(), c);
    }

    /** Whether a thread of the program waits for a CPU: it will run, so the program is not deadlocked. */
    boolean threadsWaiting() {
        for (int i = 0; i < queue.size(); i++) {
            int e = queue.get(i);
            if (e >= 0 && e != rt.sysmonM) {
                return true;
            }
        }
        return false;
    }

    /** The computation left to a goroutine whose thread waits (its end is frozen meanwhile). */
    static boolean frozen(GoroutineContext ctx) {
        return ctx.busyUntil == FROZEN;
    }

    // ---- the kernel's side ---------------------------------------------------------------------------------

    /** A CPU's holder has had its slice: it goes to the back of the queue and the first waiter runs. */
    void sliceOver(int c) {
        sliceEnd[c] = null;
        if (queue.isEmpty()) {
            return;
        }
        if (holder[c] != FREE) {
            preemptHolder(c, false);
        }
        grant(queue.removeFirst(), c);
    }

    /** Other load entity {@code i} wakes or goes to sleep. */
    void otherLoadToggles(int i) {
        long next;
        if (otherBusy[i]) {
            otherBusy[i] = false;
            int e = -2 - i;
            if (otherState[i] == ON) {
                int c = otherCpu[i];
                otherState[i] = OFF;
                holder[c] = FREE;
                fill(c);
            } else if (otherState[i] == WAIT) {
                queue.remove(e);
                otherState[i] = OFF;
            }
            next = rt.rng.between(idleMean() / 2, idleMean() * 3 / 2);
        } else {
            otherWakes(i);
            next = rt.rng.between(OTHER_BURST_NS / 2, OTHER_BURST_NS * 3 / 2);
        }
        rt.agenda.schedule(rt.now + next, Wakeup.Kind.OTHER_LOAD, i);
    }

    private void otherWakes(int i) {
        otherBusy[i] = true;
        int c = freeCpu();
        if (c >= 0) {
            grant(-2 - i, c);
            return;
        }
        otherState[i] = WAIT;
        queue.addLast(-2 - i);
        armSlices();
    }

    /** Thread {@code m} has something to do: on its CPU, on a free one, on one it takes, or it waits. */
    private boolean need(int m, Wakeup.Kind kind) {
        if (state[m] == ON) {
            return true;
        }
        int c = freeCpu();
        if (c < 0) {
            c = wakeupVictim();
            if (c >= 0) {
                preemptHolder(c, true);
            }
        }
        if (c >= 0) {
            grant(m, c);
            return true;
        }
        state[m] = WAIT;
        deferredKind[m] = kind;
        wakeNeedsCpu[m] = true;
        remaining[m] = 0;
        waitStart[m] = rt.now;
        if (m == rt.sysmonM) {
            queueAheadOfLighterThreads(m);
        } else {
            queue.addLast(m);
        }
        armSlices();
        return false;
    }

    /**
     * sysmon waits ahead of the program's threads of a lower weight (a higher nice): it sleeps between ticks of a
     * few microseconds, so its virtual runtime lags and its deadline comes first, while a niced thread's
     * virtual runtime runs ahead in proportion to 1024/weight (CFS's place_entity and vruntime; EEVDF's lag and
     * virtual deadline). Measured: calibration/probes/dirty-spread-exit, a nice-5 thread that waited for a CPU
     * on its way back from setpriority had its P taken by sysmon in 11 of the 15 calls past 150 µs.
     */
    private void queueAheadOfLighterThreads(int m) {
        long w = weight(m);
        for (int i = 0; i < queue.size(); i++) {
            int e = queue.get(i);
            if (e >= 0 && weight(e) < w) {
                queue.insert(i, m);
                return;
            }
        }
        queue.addLast(m);
    }

    private int freeCpu() {
        for (int c = 0; c < ncpu; c++) {
            if (holder[c] == FREE) {
                return c;
            }
        }
        return -1;
    }

    /** The CPU of the program's thread that has run longest in its turn, if that is past the wakeup granularity. */
    private int wakeupVictim() {
        int best = -1;
        for (int c = 0; c < ncpu; c++) {
            if (holder[c] >= 0 && rt.now - turnStart[c] >= wakeupGranularity
                    && (best < 0 || turnStart[c] < turnStart[best])) {
                best = c;
            }
        }
        return best;
    }

    /**
     * sched_prio_to_weight (kernel/sched/core.c), nice -20 to 19: each step of nice is about 10% of CPU time
     * against a thread one step away.
     */
    private static final int[] WEIGHTS = {
        88761, 71755, 56483, 46273, 36291, 29154, 23254, 18705, 14949, 11916,
        9548, 7620, 6100, 4904, 3906, 3121, 2501, 1991, 1586, 1277,
        1024, 820, 655, 526, 423, 335, 272, 215, 172, 137,
        110, 87, 70, 56, 45, 36, 29, 23, 18, 15};

    /** An entity's load weight: a thread's by its nice value, the other load's as nice 0. */
    private long weight(int e) {
        if (e < 0) {
            return 1024;
        }
        int nice = rt.state.thread(e).props().nice();
        return WEIGHTS[Math.max(0, Math.min(39, nice + 20))];
    }

    /**
     * sched_slice: the period (sched_latency, or nr × min_granularity past sched_nr_latency) shared by a CPU's
     * runnable entities in proportion to their weights; the holder of CPU {@code c} gets its share.
     */
    private long slice(int c) {
        int runnable = queue.size();
        long total = 0;
        for (int i = 0; i < queue.size(); i++) {
            total += weight(queue.get(i));
        }
        for (int d = 0; d < ncpu; d++) {
            if (holder[d] != FREE) {
                runnable++;
                total += weight(holder[d]);
            }
        }
        int perCpu = Math.max(1, (runnable + ncpu - 1) / ncpu);
        long period = Math.max(latency, perCpu * minGranularity);
        // The CPU's runqueue holds perCpu of the runnable entities, of the average weight.
        return period * weight(holder[c]) * runnable / (perCpu * total);
    }

    /** While anyone waits, every held CPU's turn has an end. */
    private void armSlices() {
        if (queue.isEmpty()) {
            return;
        }
        for (int c = 0; c < ncpu; c++) {
            if (holder[c] != FREE && sliceEnd[c] == null) {
                sliceEnd[c] = rt.agenda.schedule(Math.max(rt.now, turnStart[c] + slice(c)), Wakeup.Kind.CPU_SLICE,
                        c);
            }
        }
    }

    private void grant(int e, int c) {
        holder[c] = e;
        turnStart[c] = rt.now;
        if (sliceEnd[c] != null) {
            rt.agenda.cancel(sliceEnd[c]);
            sliceEnd[c] = null;
        }
        if (e < 0) {
            otherState[-2 - e] = ON;
            otherCpu[-2 - e] = c;
        } else {
            boolean waited = state[e] == WAIT;
            state[e] = ON;
            cpuOf[e] = c;
            if (waited) {
                resume(e);
            }
        }
        armSlices();
    }

    /** A thread that waited runs: what it kept is due that much after now, and its computation ends later. */
    private void resume(int m) {
        Wakeup.Kind kind = deferredKind[m];
        deferredKind[m] = null;
        if (kind == null) {
            return;
        }
        if (kind == Wakeup.Kind.SYSMON) {
            rt.sysmon.resumeTick();
            return;
        }
        if (signalPending[m]) {
            signalPending[m] = false;
            rt.agenda.schedule(rt.now, Wakeup.Kind.PREEMPT_SIGNAL, m);
        }
        long at = rt.now + remaining[m];
        rt.agenda.reschedule(rt.mWakeups.get(m), at, kind);
        int g = rt.state.thread(m).curg();
        if (kind == Wakeup.Kind.STEP && g >= 0) {
            GoroutineContext ctx = rt.g(g);
            if (ctx != null && (ctx.busyUntil == FROZEN || ctx.busyUntil > waitStart[m])) {
                ctx.busyUntil = at;
            }
        }
    }

    /** The holder of CPU {@code c} loses it and waits, first in line ({@code first}) or last. */
    private void preemptHolder(int c, boolean first) {
        int e = holder[c];
        holder[c] = FREE;
        if (e < 0) {
            otherState[-2 - e] = WAIT;
        } else {
            Wakeup w = rt.mWakeups.get(e);
            if (e == rt.sysmonM || w.slot < 0) {
                deferredKind[e] = null;
            } else {
                deferredKind[e] = w.kind;
                remaining[e] = Math.max(0, w.time - rt.now);
                rt.agenda.cancel(w);
            }
            int g = rt.state.thread(e).curg();
            if (g >= 0) {
                GoroutineContext ctx = rt.g(g);
                if (ctx != null && ctx.busyUntil > rt.now && ctx.busyUntil != FROZEN) {
                    ctx.frozenRemaining = ctx.busyUntil - rt.now;
                    ctx.busyUntil = FROZEN;
                }
            }
            state[e] = WAIT;
            waitStart[e] = rt.now;
        }
        if (first) {
            queue.addFirst(e);
        } else {
            queue.addLast(e);
        }
    }

    /** Thread {@code m}'s wakeups changed in a step: a thread on a CPU with no progress due gives it up. */
    private void settle(int m) {
        if (state[m] == ON) {
            Wakeup w = rt.mWakeups.get(m);
            if (m != rt.sysmonM && (w.slot < 0 || !(wakeNeedsCpu[m] || onCpu(m, w.kind)))) {
                release(m);
            }
        } else if (state[m] == WAIT) {
            Wakeup.Kind k = deferredKind[m];
            if (k == Wakeup.Kind.SYSMON || (k != null && (wakeNeedsCpu[m] || onCpu(m, k)))) {
                return;
            }
            // Parked or asleep while it waited: it no longer wants a CPU.
            queue.remove(m);
            state[m] = OFF;
            deferredKind[m] = null;
            signalPending[m] = false;
            if (k != null) {
                rt.agenda.reschedule(rt.mWakeups.get(m), rt.now + remaining[m], k);
            }
            unfreeze(m);
        }
    }

    /** Whether progress of this kind is work on a CPU (not a sleep, a blocked syscall or nothing). */
    private boolean onCpu(int m, Wakeup.Kind k) {
        return k == Wakeup.Kind.STEP || k == Wakeup.Kind.SCHEDULE
                || (k == Wakeup.Kind.SYSCALL_DONE && syscallOnCpu[m]);
    }

    private void unfreeze(int m) {
        int g = rt.state.thread(m).curg();
        if (g >= 0) {
            GoroutineContext ctx = rt.g(g);
            if (ctx != null && ctx.busyUntil == FROZEN) {
                ctx.busyUntil = rt.now + ctx.frozenRemaining;
            }
        }
    }

    private void release(int m) {
        int c = cpuOf[m];
        state[m] = OFF;
        holder[c] = FREE;
        fill(c);
    }

    private void fill(int c) {
        if (!queue.isEmpty()) {
            grant(queue.removeFirst(), c);
        } else if (sliceEnd[c] != null) {
            rt.agenda.cancel(sliceEnd[c]);
            sliceEnd[c] = null;
        }
    }

    private void touch(int m) {
        if (touched[m]) {
            return;
        }
        touched[m] = true;
        if (touchedCount == touchedList.length) {
            touchedList = Arrays.copyOf(touchedList, touchedCount * 2);
        }
        touchedList[touchedCount++] = m;
    }

    private void grow(int m) {
        if (m < state.length) {
            return;
        }
        int n = Math.max(state.length * 2, m + 1);
        state = Arrays.copyOf(state, n);
        cpuOf = Arrays.copyOf(cpuOf, n);
        deferredKind = Arrays.copyOf(deferredKind, n);
        remaining = Arrays.copyOf(remaining, n);
        waitStart = Arrays.copyOf(waitStart, n);
        signalPending = Arrays.copyOf(signalPending, n);
        touched = Arrays.copyOf(touched, n);
        syscallOnCpu = Arrays.copyOf(syscallOnCpu, n);
        wakeNeedsCpu = Arrays.copyOf(wakeNeedsCpu, n);
    }

    // ---- for the bookkeeping check -------------------------------------------------------------------------

    /** What is wrong with the CPUs' books, or null: each entity on one CPU at most, the queue's all waiting. */
    String violation() {
        int held = 0;
        for (int c = 0; c < ncpu; c++) {
            int e = holder[c];
            if (e == FREE) {
                if (!queue.isEmpty()) {
                    return "CPU" + c + " is free while " + queue.size() + " wait";
                }
                continue;
            }
            held++;
            for (int d = c + 1; d < ncpu; d++) {
                if (holder[d] == e) {
                    return "entity " + e + " holds CPU" + c + " and CPU" + d;
                }
            }
            if (e >= 0 && (state[e] != ON || cpuOf[e] != c)) {
                return "M" + e + " holds CPU" + c + " but is not on it";
            }
        }
        for (int i = 0; i < queue.size(); i++) {
            int e = queue.get(i);
            if (e >= 0 && (state[e] != WAIT || rt.mWakeups.get(e).slot >= 0)) {
                return "M" + e + " waits for a CPU but is not waiting, or has a wakeup due";
            }
        }
        for (int m = 0; m < state.length; m++) {
            if (state[m] == ON && holder[cpuOf[m]] != m) {
                return "M" + m + " is on CPU" + cpuOf[m] + " which it does not hold";
            }
        }
        return held > ncpu ? "more holders than CPUs" : null;
    }
}
