package dev.curtain.engine.rules;

import dev.curtain.engine.event.Event.GcPhaseChanged;
import dev.curtain.engine.event.Event.GoroutineCreated;
import dev.curtain.engine.event.Event.GoroutineParked;
import dev.curtain.engine.event.Event.GoroutineReadied;
import dev.curtain.engine.event.Event.ProcessorReleased;
import dev.curtain.engine.event.Place;
import dev.curtain.engine.event.RuntimeFunction;
import dev.curtain.engine.state.GStatus;
import dev.curtain.engine.state.GcPhase;
import dev.curtain.engine.state.IntDeque;
import dev.curtain.engine.state.ProcessorState;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.WaitReason;

/**
 * The garbage collector as the scheduler sees it (Go 1.22 mgc.go, mgcpacer.go, mgcsweep.go, mgcscavenge.go and
 * proc.go's forcegchelper and sysmon), on with the runtime's background work ({@code runtimeBackground}); off, an
 * allocation is only counted and no cycle ever starts. docs/engine.md ("Garbage collection") gives every constant's
 * source line.
 *
 * <p>Allocations ({@code allocate}) raise the live heap; when it reaches the trigger the allocating goroutine runs
 * gcStart: it stops the world (every other P's goroutine is preempted to the global queue and its thread parks; idle
 * Ps are held back), sweep termination lasts its pause, and the world starts again in the mark phase. Then a
 * quarter of the Ps run a dedicated mark worker, a fractional worker makes up the rest where a quarter is not whole
 * (GOMAXPROCS 1–3 and 6), and a P that would otherwise go idle runs an idle-time worker; workers are the runtime's
 * own goroutines ({@code runtime.gcBgMarkWorker}), made when first needed and parked between turns. When they have
 * done the cycle's mark work the worker that finishes stops the world for mark termination, the heap goal is set
 * from what survived (GOGC=100, at least the 4 MB minimum), the sweeper ({@code runtime.bgsweep}) is readied into
 * that P's runnext and runs, and the next cycle's sweep termination wakes the scavenger ({@code runtime.bgscavenge}).
 * When the heap it retains is above the goal the last mark termination set it, the scavenger releases down to it
 * and sleeps on a timer (a second), which the next sweep termination cuts short; while that timer is pending a
 * thread with nothing to do waits in netpoll rather than with the idle ones. sysmon readies
 * {@code runtime.forcegchelper} two minutes after the last cycle ended, and it starts one.
 *
 * <p>Left out: mark assists (an allocating goroutine is never made to mark, so a goroutine that allocates and never
 * blocks at GOMAXPROCS=1 leaves the fractional worker waiting for its P), the pacer's runway estimate (the trigger
 * is drawn between the bounds the runtime clamps it to), stacks and globals in the heap goal, the scavenger's sleep
 * controller (its sleep ratio stays at its start) and its wake by sysmon, and the finalizer goroutine.
 */
final class Gc {
    /** The runtime goroutines' roles ({@link GoroutineContext#runtimeRole}). */
    static final int MARK_WORKER = 1;
    static final int SWEEPER = 2;
    static final int SCAVENGER = 3;
    static final int FORCEGC = 4;
    /** A user goroutine in gcBgMarkStartWorkers, between the workers it starts (then a user goroutine again). */
    static final int STARTER = 5;

    /** A mark worker's mode while it runs (pp.gcMarkWorkerMode), kept in its {@link GoroutineContext#runtimeState}. */
    private static final int NOT_MARKING = 0;
    private static final int DEDICATED = 1;
    private static final int FRACTIONAL = 2;
    private static final int IDLE = 3;
    /** A worker just made by gcBgMarkStartWorkers, which has not yet told its starter it is ready. */
    private static final int NEW_WORKER = 4;

    /** defaultHeapMinimum (mgcpacer.go): the smallest heap goal, for GOGC=100. */
    static final long HEAP_MINIMUM = 4L << 20;
    /** GOGC's default: the goal is the marked heap plus this percent of it. */
    static final int GOGC = 100;
    /** gcBackgroundUtilization: the share of the Ps the mark phase takes. */
    static final double BACKGROUND_UTILIZATION = 0.25;
    /** startCycle's maxUtilError: rounding further than this from 25% adds a fractional worker. */
    static final double MAX_UTIL_ERROR = 0.3;
    /** pollFractionalWorkerExit: a fractional worker stops above 1.2 times its goal. */
    static final double FRACTIONAL_EXIT = 1.2;
    /** triggerRatioDen, minTriggerRatioNum and maxTriggerRatioNum: the trigger's bounds between marked and goal. */
    static final int TRIGGER_RATIO_DEN = 64;
    static final int MIN_TRIGGER_RATIO_NUM = 45;
    static final int MAX_TRIGGER_RATIO_NUM = 61;
    /** forcegcperiod (proc.go): sysmon forces a cycle this long after the last. */
    static final long FORCEGC_PERIOD_NS = 2L * 60 * 1_000_000_000L;
    /** How long a worker marks between its looks at whether to go on (gcDrain's checks); the model's grain. */
    static final long MARK_SLICE_NS = 50_000;
    /** retainExtraPercent (mgcscavenge.go): the scavenger keeps this percent above the heap it expects. */
    static final int RETAIN_EXTRA_PERCENT = 10;
    /** physPageSize on linux/amd64: the scavenger's goal is aligned to it, and it has no work within one page. */
    static final long PHYS_PAGE_SIZE = 4096;
    /** minScavWorkTime (mgcscavenge.go): a turn counts as at least this much work when the sleep is computed. */
    static final long MIN_SCAV_WORK_TIME_NS = 1_000_000;
    /** startingScavSleepRatio (mgcscavenge.go): work over sleep; the sleep is the work divided by it. */
    static final double STARTING_SCAV_SLEEP_RATIO = 0.001;

    /** The scavenger's {@link GoroutineContext#runtimeState}: parked, in a turn with nothing to release, releasing. */
    private static final int SCAVENGER_PARKED = 0;
    private static final int SCAVENGER_IDLE_TURN = 1;
    private static final int SCAVENGER_RELEASING = 2;

    private final Runtime rt;
    private final SchedState s;
    private final boolean on;

    private GcPhase phase = GcPhase.OFF;
    /** gcBlackenEnabled: the scheduler looks for mark workers. */
    boolean blackenEnabled;
    private long heapLive;
    /** heapRetained (heapInUse + heapFree): the most the heap has grown to, less what the scavenger released. */
    private long heapRetained;
    /** scavenge.gcPercentGoal: the retained heap the scavenger releases down to; -1 for none (^uint64(0)). */
    private long scavengeGoal = -1;
    private long liveBytes;
    private long heapMarked;
    private long allocatedDuringMark;
    private long trigger = -1;
    private long goal;
    private int cycles;
    private long lastGcEnd;
    /** The goroutine that ran gcStart (the parent of the workers it makes). */
    private int starterG = -1;
    /** A goroutine is in gcBgMarkStartWorkers (work.startSema is held). */
    private boolean starting;
    /** The Ps a stop-the-world holds back, in id order. */
    private int[] stoppedPs = new int[8];
    private int stoppedCount;

    private long markLeft;
    private long markStart;
    private int dedicatedLeft;
    private double fractionalGoal;
    private int idleMax;
    private int idleRunning;
    private long[] fractionalTime = new long[8];
    /** gcBgMarkWorkerPool: parked workers. */
    private final IntDeque pool = new IntDeque();
    private int workers;
    private int sweeper = -1;
    private boolean sweeperParked = true;
    private int scavenger = -1;
    private boolean scavengerParked = true;
    /** The timer of the scavenger's last sleep, until it runs again and stops it. */
    private Wakeup scavengerTimer;
    /** How long the scavenger's current turn works. */
    private long scavengeWorked;
    private int forcegc = -1;
    private boolean forcegcIdle = true;

    Gc(Runtime rt) {
        this.rt = rt;
        this.s = rt.state;
        this.on = rt.options.runtimeBackground();
    }

    /** Cycles completed so far. */
    int cycles() {
        return cycles;
    }

    /** Whether a stop-the-world holds P {@code p} back (it is idle but not in sched.pidle). */
    boolean holdsBack(int p) {
        for (int i = 0; i < stoppedCount; i++) {
            if (stoppedPs[i] == p) {
                return true;
            }
        }
        return false;
    }

    // ---- allocation and the pacer -----------------------------------------------------------------------------

    /**
     * mallocgc's accounting of {@code bytes} on goroutine {@code g}; true if the heap reached the trigger and this
     * goroutine stopped the world for a cycle (it carries on when the world starts again).
     */
    boolean allocate(int m, int g, long bytes, boolean live) {
        if (!on) {
            return false;
        }
        if (trigger < 0) {
            pace();
        }
        heapLive += bytes;
        heapRetained = Math.max(heapRetained, heapLive);
        if (live) {
            liveBytes += bytes;
        }
        if (phase == GcPhase.MARK) {
            // Allocated black: it survives this cycle.
            allocatedDuringMark += bytes;
        }
        if (phase != GcPhase.OFF || starting || heapLive < trigger) {
            return false;
        }
        return start(m, g, RuntimeFunction.GC_START);
    }

    /**
     * The heap goal (heapGoalInternal: marked plus GOGC percent, at least the minimum) and the trigger: the runway
     * the runtime computes from the last cycle's scan rate is drawn between the bounds it is clamped to
     * (mgcpacer.go trigger(): 45/64 to 61/64 of the way from marked to goal).
     */
    private void pace() {
        goal = Math.max(heapMarked + heapMarked * GOGC / 100, HEAP_MINIMUM * GOGC / 100);
        int ratio = MIN_TRIGGER_RATIO_NUM + rt.rng.nextInt(MAX_TRIGGER_RATIO_NUM - MIN_TRIGGER_RATIO_NUM + 1);
        trigger = heapMarked + (goal - heapMarked) / TRIGGER_RATIO_DEN * ratio;
    }

    // ---- gcStart and the stops of the world ------------------------------------------------------------------

    /** The collector moves to {@code to}, and says so in the log (cycle numbers count from 1). */
    private void enter(GcPhase to, RuntimeFunction fn) {
        phase = to;
        rt.emit(new GcPhaseChanged(rt.seq(), rt.now, fn, cycles + 1 - (to == GcPhase.OFF ? 1 : 0), to));
    }

    /**
     * gcStart on M {@code m}'s goroutine {@code g}. The first time (and after GOMAXPROCS grew) a user goroutine
     * gets here, gcBgMarkStartWorkers makes a mark worker per P first, one at a time: {@code go gcBgMarkWorker(ready)}
     * then {@code <-ready} until the worker has run and parked in the pool (Go 1.23; Go 1.22 waits in notetsleepg,
     * which hands its P off through entersyscallblock, and the model makes both wait on the channel).
     */
    private boolean start(int m, int g, RuntimeFunction fn) {
        if (starting) {
            return false;
        }
        GoroutineContext ctx = rt.g(g);
        if (ctx.runtimeRole == GoroutineContext.USER && workers < s.gomaxprocs()) {
            starting = true;
            starterG = g;
            ctx.runtimeRole = STARTER;
            startNextWorker(m, g);
            return true;
        }
        return stopForSweepTermination(m, g, fn);
    }

    /** One more worker: newproc into this P's runnext (and wakep), then the starter blocks on {@code <-ready}. */
    private void startNextWorker(int m, int g) {
        int p = s.thread(m).p();
        int w = rt.nextGoid;
        Place to = rt.scheduler.runqput(p, w, true);
        workers++;
        newRuntimeGoroutine("runtime.gcBgMarkWorker", MARK_WORKER, g, to);
        rt.g(w).runtimeState = NEW_WORKER;
        rt.threads.wakep(m);
        rt.emit(new GoroutineParked(rt.seq(), rt.now, RuntimeFunction.GOPARK, g, m, WaitReason.CHAN_RECEIVE, -1));
        rt.scheduler.scheduleAfterSwitch(m);
    }

    /** The starter runs again after a worker's {@code ready <- struct{}{}}: the next worker, or on with gcStart. */
    private void stepStarter(int m, int g, GoroutineContext ctx) {
        if (workers < s.gomaxprocs()) {
            startNextWorker(m, g);
            return;
        }
        ctx.runtimeRole = GoroutineContext.USER;
        starting = false;
        stopForSweepTermination(m, g, RuntimeFunction.GC_START);
    }

    /** gcStart's stop of the world for sweep termination, by M {@code m}'s goroutine {@code g}. */
    private boolean stopForSweepTermination(int m, int g, RuntimeFunction fn) {
        if (rt.interpreter.stwBlockedBy(m) >= 0) {
            // stopTheWorld waits for a goroutine no preemption can stop (before 1.14, a loop without calls): the
            // collector, and the goroutine that started it, wait with it.
            rt.cancelM(m);
            enter(GcPhase.SWEEP_TERMINATION, fn);
            return true;
        }
        starterG = g;
        enter(GcPhase.SWEEP_TERMINATION, fn);
        stopTheWorld(m, fn);
        rt.cancelM(m);
        rt.agenda.schedule(rt.now + rt.cost(Timing.GC_SWEEP_TERMINATION), Wakeup.Kind.GC, m);
        return true;
    }

    /**
     * stopTheWorldWithSema from M {@code m}: each other P's goroutine is preempted (to the global queue, as
     * gopreempt_m does; a mark worker parks instead) and its thread parks (gcstopm), a syscall's P is taken, idle Ps
     * are held back so nothing can start until the world does. Also syscall.AllThreadsSyscall's stop
     * (ThreadSyscalls), which starts the world again at the same instant.
     */
    void stopTheWorld(int m, RuntimeFunction fn) {
        int self = s.thread(m).p();
        stoppedCount = 0;
        for (int p = 0; p < s.gomaxprocs(); p++) {
            if (p == self) {
                continue;
            }
            ProcessorState ps = s.processor(p);
            int holder = ps.m();
            if (holder >= 0) {
                int cur = s.thread(holder).curg();
                if (cur >= 0 && rt.g(cur).runtimeRole == MARK_WORKER
                        && s.goroutines().status(cur) == GStatus.RUNNING) {
                    rt.cancelM(holder);
                    parkWorker(holder, cur, rt.g(cur), false);
                    rt.emit(new ProcessorReleased(rt.seq(), rt.now, fn, p, holder));
                    rt.threads.stopm(holder);
                } else {
                    rt.scheduler.evictThread(holder, p, fn);
                }
            } else {
                rt.pidle.remove(p);
            }
            if (stoppedCount == stoppedPs.length) {
                stoppedPs = java.util.Arrays.copyOf(stoppedPs, stoppedCount * 2);
            }
            stoppedPs[stoppedCount++] = p;
        }
    }

    /**
     * startTheWorldWithSema: the held-back Ps come back, those with goroutines in their queues each with a thread
     * (procresize's runnable list), the rest idle; then wakep in case the global queue has work, which starts a
     * spinning thread whenever a P is idle and none spins, cloning one when no thread is idle.
     */
    void startTheWorld(int m) {
        int[] withWork = new int[stoppedCount];
        int n = 0;
        // procresize pushes idle Ps from the highest id down, so the lowest is taken first.
        for (int i = stoppedCount - 1; i >= 0; i--) {
            int p = stoppedPs[i];
            if (p >= s.gomaxprocs()) {
                continue;
            }
            if (!s.processor(p).runqEmpty()) {
                withWork[n++] = p;
            } else {
                rt.pidle.addLast(p);
            }
        }
        stoppedCount = 0;
        for (int i = 0; i < n && !rt.ended; i++) {
            rt.threads.startm(withWork[i], false, m, RuntimeFunction.START_THE_WORLD);
        }
        rt.threads.wakep(m);
    }

    /** A stop-the-world started by M {@code m} has lasted its pause. */
    void pauseOver(int m) {
        if (rt.ended) {
            return;
        }
        if (phase == GcPhase.SWEEP_TERMINATION) {
            // finishsweep_m wakes the scavenger (mgcsweep.go), then gcController.startCycle and the mark phase.
            wakeScavenger(m);
            startCycle();
            startTheWorld(m);
            // gcStart returns to the goroutine that allocated (or to forcegchelper).
            rt.wakeM(m, rt.now, Wakeup.Kind.STEP);
        } else if (phase == GcPhase.MARK_TERMINATION) {
            cycles++;
            lastGcEnd = rt.now;
            // memstats.lastHeapInUse (the heap before the sweep frees what died) and endCycle's lastHeapGoal.
            long lastHeapInUse = heapLive;
            long lastHeapGoal = goal;
            heapMarked = liveBytes + allocatedDuringMark;
            heapLive = heapMarked;
            allocatedDuringMark = 0;
            pace();
            paceScavenger(lastHeapInUse, lastHeapGoal);
            enter(GcPhase.OFF, RuntimeFunction.START_THE_WORLD);
            // gcSweep readies the sweeper (ready(sweep.g, 0, true): this P's runnext) before the world starts.
            readySweeper(m);
            startTheWorld(m);
            int w = s.thread(m).curg();
            if (w >= 0 && !rt.ended) {
                parkWorker(m, w, rt.g(w), true);
            }
        }
    }

    /**
     * gcPaceScavenger's gcPercent goal (mgcscavenge.go): the heap in use at this mark termination scaled by how the
     * heap goal moved, plus retainExtraPercent, aligned to a page; none when what is retained is within a page of it.
     */
    private void paceScavenger(long lastHeapInUse, long lastHeapGoal) {
        long g = (long) (lastHeapInUse * ((double) goal / lastHeapGoal));
        g += g / (100 / RETAIN_EXTRA_PERCENT);
        g = (g + PHYS_PAGE_SIZE - 1) & -PHYS_PAGE_SIZE;
        scavengeGoal = heapRetained <= g || heapRetained - g < PHYS_PAGE_SIZE ? -1 : g;
    }

    /**
     * gcControllerState.startCycle: dedicated workers for 25% of the Ps rounded to nearest, unless that is more than
     * 30% off, when one fewer and a fractional goal make up the rest; idle workers on all but the dedicated Ps.
     */
    private void startCycle() {
        int procs = s.gomaxprocs();
        int dedicated = dedicatedWorkers(procs);
        fractionalGoal = fractionalGoal(procs);
        dedicatedLeft = dedicated;
        idleMax = procs - dedicated;
        idleRunning = 0;
        if (fractionalTime.length < procs) {
            fractionalTime = new long[Math.max(procs, fractionalTime.length * 2)];
        }
        java.util.Arrays.fill(fractionalTime, 0);
        markLeft = rt.cost(Timing.GC_MARK_WORK);
        markStart = rt.now;
        allocatedDuringMark = 0;
        enter(GcPhase.MARK, RuntimeFunction.START_THE_WORLD);
        blackenEnabled = true;
    }

    /** startCycle's dedicated workers at GOMAXPROCS={@code procs}: 25% rounded, one fewer if that is 30% over. */
    static int dedicatedWorkers(int procs) {
        double total = procs * BACKGROUND_UTILIZATION;
        int dedicated = (int) (total + 0.5);
        double error = dedicated / total - 1;
        if ((error < -MAX_UTIL_ERROR || error > MAX_UTIL_ERROR) && dedicated > total) {
            dedicated--;
        }
        return dedicated;
    }

    /** startCycle's fractionalUtilizationGoal: what the dedicated workers leave of 25%, per P, when rounding erred. */
    static double fractionalGoal(int procs) {
        double total = procs * BACKGROUND_UTILIZATION;
        int rounded = (int) (total + 0.5);
        double error = rounded / total - 1;
        if (error >= -MAX_UTIL_ERROR && error <= MAX_UTIL_ERROR) {
            return 0;
        }
        return (total - dedicatedWorkers(procs)) / procs;
    }

    /** gcMarkDone on the worker {@code w} that did the last of the mark work: stop the world for mark termination. */
    private void markDone(int m, int w) {
        blackenEnabled = false;
        enter(GcPhase.MARK_TERMINATION, RuntimeFunction.GC_MARK_DONE);
        if (rt.interpreter.stwBlockedBy(m) >= 0) {
            rt.cancelM(m);
            return;
        }
        stopTheWorld(m, RuntimeFunction.GC_MARK_DONE);
        rt.cancelM(m);
        rt.agenda.schedule(rt.now + rt.cost(Timing.GC_MARK_TERMINATION), Wakeup.Kind.GC, m);
    }

    // ---- mark workers --------------------------------------------------------------------------------------

    /**
     * findRunnableGCWorker: at the top of findRunnable, P {@code p} takes a dedicated worker while any are needed,
     * else a fractional one if it is behind its fractional goal; null if neither.
     */
    Scheduler.Found findRunnableGCWorker(int p, int m) {
        if (markLeft <= 0 || (pool.isEmpty() && workers >= s.gomaxprocs())) {
            return null;
        }
        int mode;
        if (dedicatedLeft > 0) {
            dedicatedLeft--;
            mode = DEDICATED;
        } else if (fractionalGoal == 0) {
            return null;
        } else {
            long delta = rt.now - markStart;
            if (delta > 0 && p < fractionalTime.length && fractionalTime[p] / (double) delta > fractionalGoal) {
                return null;
            }
            mode = FRACTIONAL;
        }
        Scheduler.Found f = runWorker(mode);
        // schedule's tryWakeP: the worker takes this P, so another thread may be wanted for the rest.
        rt.threads.wakep(m);
        return f;
    }

    /** findRunnable found nothing: in the mark phase P {@code p} runs an idle-time worker instead of parking. */
    Scheduler.Found idleWorker(int p) {
        if (markLeft <= 0 || idleRunning >= idleMax || (pool.isEmpty() && workers >= s.gomaxprocs())) {
            return null;
        }
        idleRunning++;
        return runWorker(IDLE);
    }

    /** A worker from the pool (or a new one, as gcBgMarkStartWorkers makes them) goes straight to the P. */
    private Scheduler.Found runWorker(int mode) {
        int w;
        if (!pool.isEmpty()) {
            w = pool.removeLast();
            rt.emit(new GoroutineReadied(rt.seq(), rt.now, RuntimeFunction.GC_MARK_WORKER, w, Place.NONE));
        } else {
            workers++;
            w = newRuntimeGoroutine("runtime.gcBgMarkWorker", MARK_WORKER, starterG, Place.NONE);
        }
        GoroutineContext ctx = rt.g(w);
        ctx.runtimeState = mode;
        ctx.sliceStart = -1;
        return new Scheduler.Found(w, Place.NONE, false);
    }

    /** The worker parks in the pool; its thread then schedules, unless a stop-the-world is parking it too. */
    private void parkWorker(int m, int w, GoroutineContext ctx, boolean schedule) {
        if (ctx.runtimeState == DEDICATED && phase == GcPhase.MARK) {
            dedicatedLeft++;
        } else if (ctx.runtimeState == IDLE) {
            idleRunning--;
        }
        ctx.runtimeState = NOT_MARKING;
        ctx.sliceStart = -1;
        rt.emit(new GoroutineParked(rt.seq(), rt.now, RuntimeFunction.GOPARK, w, m, WaitReason.GC_WORKER_IDLE, -1));
        pool.addLast(w);
        if (schedule) {
            rt.scheduler.scheduleAfterSwitch(m);
        }
    }

    /** A worker's turn: account the slice it marked, then finish the phase, mark on, or park (gcBgMarkWorker). */
    private void stepWorker(int m, int w, GoroutineContext ctx) {
        int p = s.thread(m).p();
        if (ctx.runtimeState == NEW_WORKER) {
            // gcBgMarkWorker's first run: ready <- struct{}{} wakes the starter, and the worker parks in the pool.
            ctx.runtimeState = NOT_MARKING;
            rt.scheduler.ready(starterG, p, m, RuntimeFunction.CHANSEND);
            parkWorker(m, w, ctx, true);
            return;
        }
        if (ctx.sliceStart >= 0) {
            long ran = rt.now - ctx.sliceStart;
            markLeft -= ran;
            if (ctx.runtimeState == FRACTIONAL && p < fractionalTime.length) {
                fractionalTime[p] += ran;
            }
            ctx.sliceStart = -1;
        }
        if (phase != GcPhase.MARK || ctx.runtimeState == NOT_MARKING) {
            parkWorker(m, w, ctx, true);
            return;
        }
        if (markLeft <= 0) {
            markDone(m, w);
            return;
        }
        boolean goOn = switch (ctx.runtimeState) {
            case DEDICATED -> true;
            case FRACTIONAL -> {
                long delta = rt.now - markStart;
                yield delta <= 0 || fractionalTime[p] / (double) delta <= FRACTIONAL_EXIT * fractionalGoal;
            }
            default -> !pollWork(p);
        };
        if (!goOn) {
            parkWorker(m, w, ctx, true);
            return;
        }
        // A slice of gcDrain. Not a computation sysmon can preempt (busyUntil stays unset): a dedicated worker
        // ignores preemption, the others look at their exit condition between slices.
        ctx.sliceStart = rt.now;
        rt.wakeM(m, rt.now + Math.min(MARK_SLICE_NS, markLeft), Wakeup.Kind.STEP);
    }

    /** pollWork: an idle worker gives way when the global queue or its P's own queue has a goroutine. */
    private boolean pollWork(int p) {
        return !s.globalQueue().isEmpty() || !s.processor(p).runqEmpty();
    }

    // ---- the sweeper, the scavenger, forcegc ----------------------------------------------------------------

    private void readySweeper(int m) {
        int p = s.thread(m).p();
        if (sweeper < 0) {
            int g = rt.nextGoid;
            Place to = rt.scheduler.runqput(p, g, true);
            sweeper = newRuntimeGoroutine("runtime.bgsweep", SWEEPER, 1, to);
            sweeperParked = false;
        } else if (sweeperParked) {
            sweeperParked = false;
            rt.scheduler.ready(sweeper, p, m, RuntimeFunction.BGSWEEP);
        }
    }

    /** scavenger.wake (injectglist with no idle P): into the local queue of M {@code m}'s P. */
    private void wakeScavenger(int m) {
        int p = s.thread(m).p();
        if (scavenger < 0) {
            int g = rt.nextGoid;
            scavenger = newRuntimeGoroutine("runtime.bgscavenge", SCAVENGER, 1, rt.scheduler.runqput(p, g, false));
            scavengerParked = false;
        } else if (scavengerParked) {
            scavengerParked = false;
            rt.emit(new GoroutineReadied(rt.seq(), rt.now, RuntimeFunction.BGSCAVENGE, scavenger,
                    rt.scheduler.runqput(p, scavenger, false)));
        }
    }

    /**
     * The scavenger's sleep timer ran on M {@code m} with P {@code p}: its function is scavenger.wake, which
     * injects the scavenger (injectglist with a P: to the global queue with a thread when a P is idle, else to
     * this P's queue); a scavenger already woken stays as it is.
     */
    void scavengerTimerRan(int p, int m) {
        if (!scavengerParked) {
            return;
        }
        scavengerParked = false;
        if (!rt.pidle.isEmpty()) {
            rt.emit(new GoroutineReadied(rt.seq(), rt.now, RuntimeFunction.BGSCAVENGE, scavenger, Place.GLOBAL));
            rt.threads.startm(rt.pidle.removeLast(), false, m, RuntimeFunction.BGSCAVENGE);
        } else {
            rt.emit(new GoroutineReadied(rt.seq(), rt.now, RuntimeFunction.BGSCAVENGE, scavenger,
                    rt.scheduler.runqput(p, scavenger, false)));
        }
    }

    /**
     * sysmon's check (proc.go): two minutes after the last cycle ended, forcegchelper is injected into the global
     * queue (injectglist from sysmon, which holds no P: an idle P gets a thread for it).
     */
    void sysmonCheck() {
        if (!on || lastGcEnd == 0 || phase != GcPhase.OFF || !forcegcIdle
                || rt.now - lastGcEnd <= FORCEGC_PERIOD_NS) {
            return;
        }
        forcegcIdle = false;
        if (forcegc < 0) {
            forcegc = newRuntimeGoroutine("runtime.forcegchelper", FORCEGC, 1, Place.GLOBAL);
        } else {
            rt.emit(new GoroutineReadied(rt.seq(), rt.now, RuntimeFunction.FORCEGC, forcegc, Place.GLOBAL));
        }
        if (!rt.pidle.isEmpty()) {
            rt.threads.startm(rt.pidle.removeLast(), false, rt.sysmonM, RuntimeFunction.FORCEGC);
        }
    }

    /** M {@code m} runs runtime goroutine {@code g}. */
    void step(int m, int g, GoroutineContext ctx) {
        if (rt.ended) {
            return;
        }
        if (ctx.runtimeRole == MARK_WORKER) {
            stepWorker(m, g, ctx);
            return;
        }
        if (ctx.runtimeRole == STARTER) {
            stepStarter(m, g, ctx);
            return;
        }
        if (ctx.remainingCompute > 0) {
            // Preempted in the middle of its turn (a stop-the-world, sysmon): the rest of it.
            compute(m, ctx, ctx.remainingCompute);
            ctx.remainingCompute = -1;
            return;
        }
        ctx.busyUntil = -1;
        switch (ctx.runtimeRole) {
            case SWEEPER -> {
                if (workThenPark(m, g, ctx, Timing.GC_SWEEP, WaitReason.GC_SWEEP_WAIT)) {
                    sweeperParked = true;
                }
            }
            case SCAVENGER -> stepScavenger(m, g, ctx);
            case FORCEGC -> {
                if (ctx.runtimeState == 0) {
                    ctx.runtimeState = 1;
                    // gcStart(gcTrigger{kind: gcTriggerTime}); a cycle already under way makes it return at once.
                    if (phase == GcPhase.OFF && start(m, g, RuntimeFunction.FORCEGC)) {
                        return;
                    }
                    rt.wakeM(m, rt.now, Wakeup.Kind.STEP);
                } else {
                    ctx.runtimeState = 0;
                    forcegcIdle = true;
                    park(m, g, WaitReason.FORCE_GC_IDLE);
                }
            }
            default -> throw new IllegalStateException("G" + g + " has runtime role " + ctx.runtimeRole);
        }
    }

    /**
     * The sweeper's and the scavenger's loop, one step of it: when woken, work for a drawn while ({@code cost}); when
     * that is done, park again ({@code why}). True when it parked.
     */
    private boolean workThenPark(int m, int g, GoroutineContext ctx, Cost cost, WaitReason why) {
        if (ctx.runtimeState == 0) {
            ctx.runtimeState = 1;
            compute(m, ctx, cost.draw(rt.rng));
            return false;
        }
        ctx.runtimeState = 0;
        park(m, g, why);
        return true;
    }

    /**
     * bgscavenge's loop, one step of it. Woken, it stops the timer of its last sleep and works its turn (scavenger.run:
     * it has work while more is retained than the goal). At the turn's end, if it released memory (down to the
     * goal) it sleeps on a timer (scavenger.sleep: its work, at least minScavWorkTime, over the sleep ratio, held at
     * startingScavSleepRatio), else it parks ("GC scavenge wait").
     */
    private void stepScavenger(int m, int g, GoroutineContext ctx) {
        if (ctx.runtimeState == SCAVENGER_PARKED) {
            if (scavengerTimer != null) {
                rt.timers.stopTimer(scavengerTimer);
                scavengerTimer = null;
            }
            ctx.runtimeState = scavengeGoal >= 0 && heapRetained > scavengeGoal ? SCAVENGER_RELEASING
                    : SCAVENGER_IDLE_TURN;
            scavengeWorked = Timing.GC_SCAVENGE.draw(rt.rng);
            compute(m, ctx, scavengeWorked);
            return;
        }
        boolean released = ctx.runtimeState == SCAVENGER_RELEASING && heapRetained > scavengeGoal;
        ctx.runtimeState = SCAVENGER_PARKED;
        scavengerParked = true;
        if (!released) {
            park(m, g, WaitReason.GC_SCAVENGE_WAIT);
            return;
        }
        heapRetained = scavengeGoal;
        long sleep = (long) (Math.max(scavengeWorked, MIN_SCAV_WORK_TIME_NS) / STARTING_SCAV_SLEEP_RATIO);
        rt.emit(new GoroutineParked(rt.seq(), rt.now, RuntimeFunction.GOPARK, g, m, WaitReason.SLEEP, -1));
        scavengerTimer = rt.timers.addTimer(g, s.thread(m).p(), rt.now + sleep);
        rt.scheduler.scheduleAfterSwitch(m);
    }

    private void compute(int m, GoroutineContext ctx, long ns) {
        ctx.busyUntil = rt.now + ns;
        ctx.busyPreemptible = true;
        ctx.busyCallsFunctions = true;
        ctx.busyNosplitShare = 0;
        rt.wakeM(m, ctx.busyUntil, Wakeup.Kind.STEP);
    }

    private void park(int m, int g, WaitReason why) {
        rt.emit(new GoroutineParked(rt.seq(), rt.now, RuntimeFunction.GOPARK, g, m, why, -1));
        rt.scheduler.scheduleAfterSwitch(m);
    }

    /**
     * One of the runtime's own goroutines, made where the runtime makes it (goids stay dense). They do not count
     * against the goroutine limit: there are at most GOMAXPROCS workers and three helpers.
     */
    private int newRuntimeGoroutine(String function, int role, int parent, Place to) {
        int g = rt.nextGoid++;
        GoroutineContext ctx = new GoroutineContext(g, false);
        ctx.runtimeRole = role;
        rt.addContext(ctx);
        rt.emit(new GoroutineCreated(rt.seq(), rt.now, g, function, parent, to));
        return g;
    }
}
