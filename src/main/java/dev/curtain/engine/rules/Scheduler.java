package dev.curtain.engine.rules;

import dev.curtain.engine.Outcome;
import dev.curtain.engine.event.Event.GoroutineCreated;
import dev.curtain.engine.event.Event.GoroutinePreempted;
import dev.curtain.engine.event.Event.GoroutineQueued;
import dev.curtain.engine.event.Event.GoroutineReadied;
import dev.curtain.engine.event.Event.GoroutineStarted;
import dev.curtain.engine.event.Event.ProcessorAcquired;
import dev.curtain.engine.event.Event.ProcessorReleased;
import dev.curtain.engine.event.Event.ProcessorsResized;
import dev.curtain.engine.event.Event.ThreadSpinning;
import dev.curtain.engine.event.Place;
import dev.curtain.engine.event.RuntimeFunction;
import dev.curtain.engine.state.GStatus;
import dev.curtain.engine.state.IntDeque;
import dev.curtain.engine.state.MState;
import dev.curtain.engine.state.PStatus;
import dev.curtain.engine.state.ProcessorState;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadState;

/**
 * schedule, findRunnable, execute and the run queues (docs/runtime-model.md, "Run queues" and "Finding work").
 */
final class Scheduler {
    /** Half the ring: the batch runqputslow moves and the cap on a global-queue batch (len(pp.runq)/2). */
    private static final int HALF_RING = ProcessorState.RING / 2;
    /** stealWork's passes; runnext and timers only on the last. */
    private static final int STEAL_TRIES = 4;
    /** The fairness check: every 61st schedtick looks at the global queue first. */
    private static final int FAIRNESS_PERIOD = 61;

    private final Runtime rt;
    private final SchedState s;
    private int[] coprimes;
    private int coprimesOf = -1;

    Scheduler(Runtime rt) {
        this.rt = rt;
        this.s = rt.state;
    }

    /**
     * A goroutine chosen to run, where it was, whether it inherits the time slice (came from runnext), and how
     * many more goroutines of a global-queue batch follow it into the P's ring once it has started.
     */
    record Found(int g, Place from, boolean inheritTime, int batch, long startDelay) {
        Found(int g, Place from, boolean inheritTime) {
            this(g, from, inheritTime, 0, 0);
        }

        Found(int g, Place from, boolean inheritTime, int batch) {
            this(g, from, inheritTime, batch, 0);
        }
    }

    // ---- schedule ------------------------------------------------------------------------------------------

    /** schedule(): M {@code m}, holding a P, finds the next goroutine to run. */
    void schedule(int m) {
        if (rt.ended) {
            return;
        }
        ThreadState t = s.thread(m);
        if (t.p() < 0) {
            throw new IllegalStateException("M" + m + " schedules without a P");
        }
        if (t.lockedg() >= 0) {
            rt.threads.stoplockedm(m);
            return;
        }
        findAndRun(m, false);
    }

    /** Called after runqgrab's 3 µs back-off: search again, now allowed to take a running P's runnext. */
    void resumeAfterBackoff(int m) {
        findAndRun(m, true);
    }

    private void findAndRun(int m, boolean backoffDone) {
        Found f = findRunnable(m, backoffDone);
        if (f == null || rt.ended) {
            return;
        }
        if (s.thread(m).spinning()) {
            resetspinning(m);
        }
        int p = s.thread(m).p();
        int lockedTo = rt.g(f.g()).locked() ? s.goroutines().lockedM(f.g()) : -1;
        if (lockedTo >= 0 && lockedTo != m) {
            rt.threads.startlockedm(m, f);
        } else {
            execute(m, f);
        }
        takeRestOfBatch(p, f.batch());
    }

    /** The rest of a global-queue batch goes into the ring of the P that took it (always from the head). */
    private void takeRestOfBatch(int p, int count) {
        for (int i = 0; i < count; i++) {
            int g = s.globalQueue().peekFirst();
            rt.emit(new GoroutineQueued(rt.seq(), rt.now, RuntimeFunction.GLOBRUNQGET, g, Place.GLOBAL,
                    Place.localQueue(p), false));
        }
    }

    /** execute(): the goroutine runs; schedtick advances unless it inherits the slice from runnext. */
    void execute(int m, Found f) {
        int p = s.thread(m).p();
        rt.emit(new GoroutineStarted(rt.seq(), rt.now, f.g(), m, p, f.from(), f.inheritTime()));
        rt.g(f.g()).preemptRequested = false;
        rt.wakeM(m, rt.now + f.startDelay(), Wakeup.Kind.STEP);
    }

    /** resetspinning(): a spinning M found work; it stops spinning and wakes another spinner if it can. */
    private void resetspinning(int m) {
        rt.nmspinning--;
        rt.emit(new ThreadSpinning(rt.seq(), rt.now, RuntimeFunction.RESETSPINNING, m, false));
        rt.threads.wakep(m);
    }

    // ---- findRunnable --------------------------------------------------------------------------------------

    /** findRunnable(), in the runtime's order; null when the M parked or is backing off. */
    private Found findRunnable(int m, boolean backoffDone) {
        ThreadState t = s.thread(m);
        int p = t.p();
        ProcessorState ps = s.processor(p);
        rt.timers.runExpired(p, m);
        if (rt.gc.blackenEnabled) {
            // The GC's mark phase: a dedicated or fractional worker comes before any goroutine.
            Found w = rt.gc.findRunnableGCWorker(p, m);
            if (w != null) {
                return w;
            }
        }
        IntDeque global = s.globalQueue();
        if (ps.schedtick() % FAIRNESS_PERIOD == 0 && !global.isEmpty()) {
            return new Found(global.peekFirst(), Place.GLOBAL, false);
        }
        Found local = runqget(p);
        if (local != null) {
            return local;
        }
        if (!global.isEmpty()) {
            return globrunqget(p);
        }
        Found polled = rt.timers.netpollNonBlocking(p);
        if (polled != null) {
            return polled;
        }
        int busy = s.gomaxprocs() - rt.pidle.size();
        if (t.spinning() || 2 * rt.nmspinning < busy) {
            if (!t.spinning()) {
                rt.nmspinning++;
                rt.emit(new ThreadSpinning(rt.seq(), rt.now, RuntimeFunction.FIND_RUNNABLE, m, true));
            }
            StealResult r = stealWork(m, p, backoffDone);
            if (r.found != null) {
                return r.found;
            }
            if (r.backoff) {
                // usleep(3) returns when the timer slack allows, as sysmon's sleeps do (up to 50 µs late).
                rt.wakeM(m, rt.now + Latencies.STEAL_BACKOFF_NS + rt.cost(Timing.SYSMON_OVERSLEEP),
                        Wakeup.Kind.STEAL_RETRY);
                return null;
            }
        }
        if (rt.gc.blackenEnabled) {
            // Nothing to run: mark in idle time rather than give up the P.
            Found w = rt.gc.idleWorker(p);
            if (w != null) {
                return w;
            }
        }
        // Timers already due elsewhere would wake a netpoll-blocked M at once; run them here instead.
        if (rt.timers.runAnyExpired(p, m)) {
            Found again = runqget(p);
            if (again != null) {
                return again;
            }
        }
        // Nothing: give the P back and park. (The runtime re-checks the queues after dropping the P because
        // other threads race with it; a single-threaded simulation has no such race, so the check is moot.)
        if (t.spinning()) {
            rt.nmspinning--;
            rt.emit(new ThreadSpinning(rt.seq(), rt.now, RuntimeFunction.FIND_RUNNABLE, m, false));
        }
        rt.emit(new ProcessorReleased(rt.seq(), rt.now, RuntimeFunction.FIND_RUNNABLE, p, m));
        rt.pidle.addLast(p);
        rt.threads.stopm(m);
        return null;
    }

    /** runqget(): runnext first (inherits the slice), then the head of the ring. */
    Found runqget(int p) {
        ProcessorState ps = s.processor(p);
        if (ps.runnext() >= 0) {
            return new Found(ps.runnext(), Place.runnext(p), true);
        }
        if (ps.runqSize() > 0) {
            return new Found(ps.runqAt(0), Place.localQueue(p), false);
        }
        return null;
    }

    /**
     * globrunqget(): n = min(len, len/GOMAXPROCS + 1, 128); one to run, the rest into this P's ring.
     */
    private Found globrunqget(int p) {
        IntDeque global = s.globalQueue();
        int n = Math.min(global.size(), global.size() / s.gomaxprocs() + 1);
        n = Math.min(n, HALF_RING);
        return new Found(global.peekFirst(), Place.GLOBAL, false, n - 1);
    }

    private record StealResult(Found found, boolean backoff) {
        static final StealResult NOTHING = new StealResult(null, false);
        static final StealResult BACKOFF = new StealResult(null, true);
    }

    /**
     * stealWork(): four passes over the Ps in a random coprime order; a victim's runnext and timers only on the
     * last pass.
     */
    private StealResult stealWork(int m, int p, boolean backoffDone) {
        int n = s.gomaxprocs();
        if (coprimesOf != n) {
            // stealOrder.reset: worked out when GOMAXPROCS changes, not on every pass
            coprimes = StealOrder.coprimes(n);
            coprimesOf = n;
        }
        boolean wantBackoff = false;
        for (int pass = 0; pass < STEAL_TRIES; pass++) {
            boolean last = pass == STEAL_TRIES - 1;
            int start = rt.rng.nextInt(n);
            int stride = coprimes[Math.floorMod(rt.rng.nextInt(Integer.MAX_VALUE), coprimes.length)];
            for (int k = 0; k < n; k++) {
                int victim = (start + k * stride) % n;
                if (victim == p) {
                    continue;
                }
                if (last && rt.timers.runExpiredOf(victim, p, m)) {
                    Found f = runqget(p);
                    if (f != null) {
                        return new StealResult(f, false);
                    }
                }
                ProcessorState vs = s.processor(victim);
                if (vs.status() == PStatus.IDLE) {
                    continue;
                }
                int half = vs.runqSize() - vs.runqSize() / 2;
                if (half > 0) {
                    return new StealResult(runqsteal(p, victim, half), false);
                }
                if (last && vs.runnext() >= 0) {
                    if (victimRunning(vs) && !backoffDone) {
                        wantBackoff = true;
                        continue;
                    }
                    return new StealResult(new Found(vs.runnext(), Place.runnext(victim), false), false);
                }
            }
        }
        return wantBackoff ? StealResult.BACKOFF : StealResult.NOTHING;
    }

    /**
     * runqgrab sleeps before taking runnext from a P that is _Prunning: its G is running, or its M is between
     * goroutines in schedule() ("the g running on pp ready()s another g and then almost immediately blocks. Instead
     * of stealing runnext in this window, back off to give pp a chance to schedule runnext", Go 1.22 proc.go). Not
     * when the P's goroutine is in a syscall (Go 1.26 keeps such a P _Prunning; its goroutine says _Gsyscall).
     */
    private boolean victimRunning(ProcessorState vs) {
        if (vs.status() != PStatus.RUNNING || vs.m() < 0) {
            return false;
        }
        int curg = s.thread(vs.m()).curg();
        return curg < 0 || s.goroutines().status(curg) == GStatus.RUNNING;
    }

    /** runqsteal(): takes half (rounded up) from the victim's head; the last one taken runs. */
    private Found runqsteal(int p, int victim, int count) {
        ProcessorState vs = s.processor(victim);
        int[] taken = new int[count];
        for (int i = 0; i < count; i++) {
            taken[i] = vs.runqAt(i);
        }
        for (int i = 0; i < count - 1; i++) {
            rt.emit(new GoroutineQueued(rt.seq(), rt.now, RuntimeFunction.RUNQSTEAL, taken[i],
                    Place.localQueue(victim), Place.localQueue(p), false));
        }
        return new Found(taken[count - 1], Place.localQueue(victim), false);
    }

    // ---- run queues ----------------------------------------------------------------------------------------

    /**
     * runqput(): where goroutine {@code g} goes on P {@code p}. With {@code next} it takes runnext and the
     * previous runnext is kicked to the tail; a full ring spills half of itself plus the incoming G to the global
     * queue (runqputslow). Emits the moves of the other goroutines; the caller emits {@code g}'s arrival at the
     * returned place.
     */
    Place runqput(int p, int g, boolean next) {
        ProcessorState ps = s.processor(p);
        if (next) {
            int old = ps.runnext();
            if (old < 0) {
                return Place.runnext(p);
            }
            if (ps.runqSize() < ProcessorState.RING) {
                rt.emit(new GoroutineQueued(rt.seq(), rt.now, RuntimeFunction.RUNQPUT, old, Place.runnext(p),
                        Place.localQueue(p), false));
            } else {
                runqputslow(p);
                rt.emit(new GoroutineQueued(rt.seq(), rt.now, RuntimeFunction.RUNQPUTSLOW, old, Place.runnext(p),
                        Place.GLOBAL, false));
            }
            return Place.runnext(p);
        }
        if (ps.runqSize() < ProcessorState.RING) {
            return Place.localQueue(p);
        }
        runqputslow(p);
        return Place.GLOBAL;
    }

    /** runqputslow(): the oldest half of a full ring goes to the global queue, in order. */
    private void runqputslow(int p) {
        ProcessorState ps = s.processor(p);
        int[] batch = new int[HALF_RING];
        for (int i = 0; i < HALF_RING; i++) {
            batch[i] = ps.runqAt(i);
        }
        for (int g : batch) {
            rt.emit(new GoroutineQueued(rt.seq(), rt.now, RuntimeFunction.RUNQPUTSLOW, g, Place.localQueue(p),
                    Place.GLOBAL, false));
        }
    }

    /** ready(): a parked goroutine becomes runnable into the current P's runnext, and a spinner is woken. */
    void ready(int g, int p, int m, RuntimeFunction fn) {
        Place to = p >= 0 ? runqput(p, g, true) : Place.GLOBAL;
        rt.emit(new GoroutineReadied(rt.seq(), rt.now, fn, g, to));
        rt.threads.wakep(m);
    }

    /** newproc(): the go statement. */
    void newproc(int m, int parent, String function) {
        if (rt.nextGoid > rt.options.limits().maxGoroutines()) {
            rt.end(RuntimeFunction.NEWPROC, Outcome.EVENT_LIMIT,
                    "stopped at the goroutine limit (" + rt.options.limits().maxGoroutines() + ")");
            return;
        }
        if (!rt.stackRoom(1)) {
            return;
        }
        int p = s.thread(m).p();
        int g = rt.interpreter.newGoroutine(function, false);
        Place to = runqput(p, g, true);
        rt.emit(new GoroutineCreated(rt.seq(), rt.now, g, function, parent, to));
        if (rt.mainStarted) {
            rt.threads.wakep(m);
        }
    }

    /** gopreempt_m / goschedImpl: the running goroutine goes to the global queue and the M schedules. */
    void preemptToGlobal(int m, boolean async) {
        ThreadState t = s.thread(m);
        rt.emit(new GoroutinePreempted(rt.seq(), rt.now, t.curg(), m, t.p(), async, Place.GLOBAL));
        rt.threads.wakep(m);
        scheduleAfterSwitch(m);
    }

    /**
     * The goroutine has left M {@code m} (parked, yielded, preempted, exited): the M runs schedule() once the
     * switch to g0 and schedule's own checks have taken their time ({@link Timing#SWITCH}). Meanwhile its P's
     * runnext is fair game for a spinning thread, as in the runtime.
     */
    void scheduleAfterSwitch(int m) {
        rt.wakeM(m, rt.now + rt.cost(Timing.SWITCH), Wakeup.Kind.SCHEDULE);
    }

    // ---- GOMAXPROCS ----------------------------------------------------------------------------------------

    /**
     * runtime.GOMAXPROCS(n) → procresize (docs/runtime-model.md, "GOMAXPROCS"). The stop-the-world is instantaneous here; the Gs of destroyed
     * Ps go to the head of the global queue, runnext first; a G running on a destroyed P is preempted to the
     * global queue and its M parks; a caller on a destroyed P moves to P0.
     */
    void procresize(int m, int n) {
        int old = s.gomaxprocs();
        if (n == old) {
            return;
        }
        for (int p = n; p < old; p++) {
            ProcessorState ps = s.processor(p);
            if (ps.m() >= 0 && ps.m() != m) {
                evictThread(ps.m(), p, RuntimeFunction.PROCRESIZE);
            }
            int[] ring = ps.runq();
            for (int i = ring.length - 1; i >= 0; i--) {
                rt.emit(new GoroutineQueued(rt.seq(), rt.now, RuntimeFunction.PROCRESIZE, ring[i],
                        Place.localQueue(p), Place.GLOBAL, true));
            }
            if (ps.runnext() >= 0) {
                rt.emit(new GoroutineQueued(rt.seq(), rt.now, RuntimeFunction.PROCRESIZE, ps.runnext(),
                        Place.runnext(p), Place.GLOBAL, true));
            }
            rt.pidle.remove(p);
        }
        int callerP = s.thread(m).p();
        if (callerP >= n) {
            rt.emit(new ProcessorReleased(rt.seq(), rt.now, RuntimeFunction.PROCRESIZE, callerP, m));
            ProcessorState p0 = s.processor(0);
            if (p0.m() >= 0) {
                evictThread(p0.m(), 0, RuntimeFunction.PROCRESIZE);
            }
            rt.pidle.remove(0);
            rt.emit(new ProcessorAcquired(rt.seq(), rt.now, RuntimeFunction.PROCRESIZE, 0, m));
        }
        rt.emit(new ProcessorsResized(rt.seq(), rt.now, RuntimeFunction.PROCRESIZE, old, n));
        for (int p = n - 1; p >= old; p--) {
            rt.pidle.addLast(p);
        }
        rt.threads.wakep(m);
    }

    /**
     * A thread loses its P to procresize or a stop-the-world ({@code fn}): its goroutine (if running) is
     * preempted to the global queue and it parks.
     */
    void evictThread(int victimM, int p, RuntimeFunction fn) {
        ThreadState t = s.thread(victimM);
        if (t.curg() >= 0 && t.state() != MState.SYSCALL) {
            rt.cancelM(victimM);
            rt.interpreter.saveRemaining(t.curg());
            rt.emit(new GoroutinePreempted(rt.seq(), rt.now, t.curg(), victimM, p, false, Place.GLOBAL));
        }
        if (t.state() == MState.SPINNING) {
            rt.nmspinning--;
            rt.emit(new ThreadSpinning(rt.seq(), rt.now, fn, victimM, false));
        }
        if (t.state() == MState.SYSCALL) {
            // Its syscall goes on without the P, and exitsyscall looks for one when it returns: the thread's
            // wakeup (the syscall's end) stays.
            rt.emit(new dev.curtain.engine.event.Event.ProcessorRetaken(rt.seq(), rt.now, p, victimM));
            return;
        }
        rt.cancelM(victimM);
        rt.emit(new ProcessorReleased(rt.seq(), rt.now, fn, p, victimM));
        if (s.thread(victimM).lockedg() >= 0) {
            rt.threads.parkLockedIdle(victimM);
        } else {
            rt.threads.stopm(victimM);
        }
    }
}
