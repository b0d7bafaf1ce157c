package dev.curtain.engine.rules;

import dev.curtain.engine.Outcome;
import dev.curtain.engine.event.Event.GoroutineExited;
import dev.curtain.engine.event.Event.GoroutineLocked;
import dev.curtain.engine.event.Event.GoroutineStarted;
import dev.curtain.engine.event.Event.GoroutineUnlocked;
import dev.curtain.engine.event.Event.ProcessorReleased;
import dev.curtain.engine.event.Event.ThreadCloned;
import dev.curtain.engine.event.Event.ThreadExited;
import dev.curtain.engine.event.Event.ThreadParked;
import dev.curtain.engine.event.Event.ThreadPropertyChanged;
import dev.curtain.engine.event.Event.ThreadWoken;
import dev.curtain.engine.event.RuntimeFunction;
import dev.curtain.engine.state.GStatus;
import dev.curtain.engine.state.MState;
import dev.curtain.engine.state.Property;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadProps;
import dev.curtain.engine.state.ThreadRole;

/**
 * Threads: waking, creating, parking and killing Ms, handing Ps between them, and LockOSThread's wiring
 * (docs/runtime-model.md, "Threads" and "LockOSThread"). Which thread creates a new one decides what the new one inherits.
 */
final class Threads {
    private final Runtime rt;
    private final SchedState s;
    /** The locked M in mexit while it hands its P off (its lockedExt still counts, except under #28979). */
    private int exitingLockedM = -1;
    /** When each thread reaches minit (its first moment on a CPU), by M id; 0 for those that start at once. */
    private long[] minitAt = new long[8];

    Threads(Runtime rt) {
        this.rt = rt;
        this.s = rt.state;
    }

    /** Records a new thread that is already running (m0, and start-up threads that have run); returns its id. */
    int addThread(RuntimeFunction fn, ThreadRole role, int creator, ThreadProps props, boolean viaTemplate) {
        int m = s.threads().size();
        rt.emit(new ThreadCloned(rt.seq(), rt.now, fn, m, creator, role, props, viaTemplate));
        rt.addM(m);
        return m;
    }

    /**
     * newosproc(): clones a thread that first runs at {@code firstRun}. newosproc blocks every signal around
     * clone(2) so the child starts with them blocked (os_linux.go: "Disable signals during clone, so that the new
     * thread starts with signals disabled. It will enable them in minit"), and mstart1 calls minit before
     * anything else; until then /proc shows its mask all-blocked (measured: calibration thread-properties, where
     * the threads another thread sees so had never run, 0 context switches, on a loaded host). The creating
     * thread's own mask is all-blocked only inside newosproc, where the model spends no time.
     */
    private int cloneThread(RuntimeFunction fn, ThreadRole role, int creator, ThreadProps props, boolean viaTemplate,
                            long firstRun) {
        int m = s.threads().size();
        rt.emit(new ThreadCloned(rt.seq(), rt.now, fn, m, creator, role,
                props.withSigmask(ThreadProps.ALL_SIGNALS_BLOCKED), viaTemplate));
        rt.addM(m);
        if (m >= minitAt.length) {
            minitAt = java.util.Arrays.copyOf(minitAt, Math.max(m + 1, minitAt.length * 2));
        }
        minitAt[m] = firstRun;
        // Scheduled before the thread's own first wakeup, so at the same instant minit comes first.
        rt.agenda.schedule(firstRun, Wakeup.Kind.MINIT, m);
        return m;
    }

    /** When M {@code m} first runs (its minit), or 0 if it has (or started at once). */
    long firstRun(int m) {
        return m < minitAt.length && !s.thread(m).started() ? minitAt[m] : 0;
    }

    /**
     * minit() (signal_unix.go minitSignalMask): the thread's mask becomes m.sigmask, which newm set to initSigmask,
     * the mask the process started with; the thread can now take signals and run goroutines.
     */
    void minit(int m) {
        if (!s.thread(m).alive() || s.thread(m).started()) {
            return;
        }
        rt.emit(new ThreadPropertyChanged(rt.seq(), rt.now, RuntimeFunction.MINIT, m, -1, Property.SIGMASK,
                s.thread(m).props().withSigmask(s.baseline().sigmask()), "rt_sigprocmask"));
    }

    /** checkmcount(): creating one more thread must stay within SetMaxThreads (10,000 by default). */
    private boolean checkmcount() {
        if (s.liveThreads() + 1 > rt.maxThreads) {
            rt.end(RuntimeFunction.NEWM, Outcome.THREAD_EXHAUSTION,
                    "runtime: program exceeds " + rt.maxThreads + "-thread limit\nfatal error: thread exhaustion");
            return false;
        }
        return true;
    }

    /**
     * The thread a clone would copy, and whether the template thread stands in for a locked creator
     * (from Go 1.10 a locked thread never clones itself).
     */
    private int cloneSource(int creator) {
        if (rt.version.templateThread() && lockedForClone(creator)) {
            if (rt.templateM < 0) {
                rt.end(RuntimeFunction.NEWM, Outcome.CRASHED,
                        "fatal error: on a locked thread with no template thread");
                return -1;
            }
            return rt.templateM;
        }
        return creator;
    }

    private boolean lockedForClone(int m) {
        if (m == exitingLockedM) {
            return !rt.version.dyingLockedThreadMayClone();
        }
        int g = s.thread(m).lockedg();
        return g >= 0 && rt.g(g).lockedExt > 0;
    }

    /** A copy of a thread's properties for its clone: everything but the signal mask (newm sets initSigmask). */
    private ThreadProps inherit(int source) {
        return s.thread(source).props().withSigmask(s.baseline().sigmask());
    }

    /**
     * newm(): a new thread for P {@code p}, cloned by {@code creator} or by the template thread for it;
     * {@code why} is the function that wanted a thread (handoffp, wakep …), recorded on the wake-up.
     */
    int newm(int creator, int p, boolean spinning, RuntimeFunction why) {
        if (!checkmcount()) {
            return -1;
        }
        int source = cloneSource(creator);
        if (source < 0) {
            return -1;
        }
        boolean viaTemplate = source != creator;
        long firstRun = rt.now + rt.cost(Timing.CLONE);
        int m = cloneThread(viaTemplate ? RuntimeFunction.TEMPLATE_THREAD : RuntimeFunction.NEWM, ThreadRole.WORKER,
                source, inherit(source), viaTemplate, firstRun);
        rt.emit(new ThreadWoken(rt.seq(), rt.now, why, m, p, spinning));
        rt.wakeM(m, firstRun, Wakeup.Kind.SCHEDULE);
        return m;
    }

    /**
     * A system thread (sysmon, the template thread), cloned by {@code creator}. With the runtime's start-up work
     * modelled ({@code runtimeBackground}) it first runs a clone's time later ({@link #firstRun}), as a real one
     * does; lessons and code leave that off and their system threads start at once, so their sysmon keeps the
     * idealised 20 µs first tick their timings are told with.
     */
    int newSystemThread(ThreadRole role, int creator) {
        // (a thread limit that ends the run makes the clone's draw moot)
        return newSystemThread(role, creator,
                rt.options.runtimeBackground() ? rt.now + Timing.CLONE.draw(rt.startupRng) : rt.now);
    }

    /**
     * A system thread that first runs at {@code firstRun}; now or earlier: it has run already (sysmon, made
     * before main.main: {@link Sysmon#start}).
     */
    int newSystemThread(ThreadRole role, int creator, long firstRun) {
        if (!checkmcount()) {
            return -1;
        }
        if (firstRun <= rt.now) {
            return addThread(RuntimeFunction.NEWM, role, creator, inherit(creator), false);
        }
        return cloneThread(RuntimeFunction.NEWM, role, creator, inherit(creator), false, firstRun);
    }

    /**
     * What the runtime's own start-up leaves behind by main.main (runtime.main, Go 1.22 proc.go): gcenable starts
     * bgsweep and bgscavenge and waits for both while main is locked to m0 for init, so m0 hands its P to a new
     * thread (stoplockedm, handoffp, newm), which runs them and gives the P back when main is ready: that thread is
     * left idle. With an idle P, the go statement of forcegchelper (the runtime package's init) woke a spinning
     * thread (wakep) that found nothing and parked. The goroutines themselves park for good (the sweeper and the
     * scavenger until a GC cycle, forcegchelper until sysmon's two-minute forced GC) and are not drawn. The first
     * thread has run; the spinning one, whose work the first did, may not have yet: it reaches minit a clone's time
     * after the process started (on a loaded host some real runs see it still all-blocked in main.main). In some
     * runs gcenable's second wait clones a third that is left idle too ({@link Bootstrap#EXTRA_HANDOFF_M_PER_200}).
     */
    void runtimeInitLeftovers(int m0) {
        int leftovers = s.gomaxprocs() >= 2 ? 2 : 1;
        for (int i = 0; i < leftovers && !rt.ended; i++) {
            if (!checkmcount()) {
                return;
            }
            int m = i == 1 ? cloneThread(RuntimeFunction.NEWM, ThreadRole.WORKER, m0, inherit(m0), false,
                    // a clone's time after the process started, or now if a busy host started it later
                    Math.max(rt.now, Timing.CLONE.draw(rt.startupRng)))
                    : addThread(RuntimeFunction.NEWM, ThreadRole.WORKER, m0, inherit(m0), false);
            rt.emit(new ThreadParked(rt.seq(), rt.now, RuntimeFunction.STOPM, m, MState.IDLE));
            rt.midle.addLast(m);
            if (i == 1 && rt.startupRng.nextInt(200) < Bootstrap.EXTRA_HANDOFF_M_PER_200) {
                // gcenable's second handoff found no idle M and cloned one more, which ran the second helper and
                // parked (Bootstrap.EXTRA_HANDOFF_M_PER_200)
                leftovers++;
            }
        }
    }

    /** startm(): an idle M (or a new one) gets P {@code p} and wakes. */
    void startm(int p, boolean spinning, int creator, RuntimeFunction fn) {
        if (rt.midle.isEmpty()) {
            newm(creator, p, spinning, fn);
            return;
        }
        int m = rt.midle.removeLast();
        rt.emit(new ThreadWoken(rt.seq(), rt.now, fn, m, p, spinning));
        // A thread that has not had a CPU yet runs when it first gets one, however soon it is woken.
        rt.wakeM(m, Math.max(rt.now + wakeLatency(), firstRun(m)), Wakeup.Kind.SCHEDULE);
    }

    long wakeLatency() {
        return rt.cost(Timing.FUTEX_WAKE);
    }

    /** wakep(): new work; start a spinning M if nobody spins and a P is idle. */
    void wakep(int creator) {
        if (rt.ended || rt.nmspinning != 0 || rt.pidle.isEmpty()) {
            return;
        }
        int p = rt.pidle.removeLast();
        rt.nmspinning++;
        startm(p, true, creator, RuntimeFunction.WAKEP);
    }

    /** handoffp(): who gets a P nobody holds (docs/runtime-model.md, "Threads"). */
    void handoffp(int p, int creator) {
        if (rt.ended) {
            return;
        }
        if (!s.processor(p).runqEmpty() || !s.globalQueue().isEmpty()) {
            startm(p, false, creator, RuntimeFunction.HANDOFFP);
            return;
        }
        if (rt.nmspinning + rt.pidle.size() == 0) {
            rt.nmspinning++;
            startm(p, true, creator, RuntimeFunction.HANDOFFP);
            return;
        }
        if (rt.pidle.size() == s.gomaxprocs() - 1 && rt.netpollM < 0 && rt.timers.anyPending()) {
            // The last running P, and nobody polls the network: someone must wait for the timers.
            startm(p, false, creator, RuntimeFunction.HANDOFFP);
            return;
        }
        rt.pidle.addLast(p);
    }

    /** stopm(): the M parks in the idle pool, or blocks in netpoll if timers or sockets are pending. */
    void stopm(int m) {
        rt.cancelM(m);
        rt.emit(new ThreadParked(rt.seq(), rt.now, RuntimeFunction.STOPM, m, MState.IDLE));
        if (rt.netpollM < 0 && rt.timers.anyPending()) {
            rt.netpollM = m;
            // epoll_wait returns at once for a descriptor that is already ready.
            rt.timers.returnIfReady();
        } else {
            rt.midle.addLast(m);
        }
    }

    /** An M whose locked G cannot run parks waiting for it (nmidlelocked). */
    void parkLockedIdle(int m) {
        rt.cancelM(m);
        rt.emit(new ThreadParked(rt.seq(), rt.now, RuntimeFunction.STOPLOCKEDM, m, MState.LOCKED_IDLE));
    }

    /** stoplockedm(): the locked M hands its P off and waits for its G. */
    void stoplockedm(int m) {
        int p = s.thread(m).p();
        rt.emit(new ProcessorReleased(rt.seq(), rt.now, RuntimeFunction.STOPLOCKEDM, p, m));
        parkLockedIdle(m);
        handoffp(p, m);
    }

    /**
     * startlockedm(): M {@code m} picked a goroutine locked to another M; it hands that M its P and parks.
     * The hand-over is one step here (the runtime's "two thread switches", golang/go#18023, appear as events).
     */
    void startlockedm(int m, Scheduler.Found f) {
        int p = s.thread(m).p();
        int lockedM = s.goroutines().lockedM(f.g());
        int stillHeld = s.thread(lockedM).p();
        if (stillHeld >= 0) {
            // The locked thread is still switching away from its goroutine and has not reached its own
            // stoplockedm: it gets there first and releases its P, then finds this wake-up already posted
            // (notewakeup before notesleep returns at once). Its P is handed off once the goroutine has left the
            // queue it was found in.
            rt.emit(new ProcessorReleased(rt.seq(), rt.now, RuntimeFunction.STOPLOCKEDM, stillHeld, lockedM));
            parkLockedIdle(lockedM);
        }
        rt.emit(new ProcessorReleased(rt.seq(), rt.now, RuntimeFunction.STARTLOCKEDM, p, m));
        rt.emit(new ThreadWoken(rt.seq(), rt.now, RuntimeFunction.STARTLOCKEDM, lockedM, p, false));
        rt.emit(new GoroutineStarted(rt.seq(), rt.now, f.g(), lockedM, p, f.from(), f.inheritTime()));
        rt.g(f.g()).preemptRequested = false;
        stopm(m);
        rt.wakeM(lockedM, rt.now + wakeLatency(), Wakeup.Kind.STEP);
        if (stillHeld >= 0) {
            handoffp(stillHeld, lockedM);
        }
    }

    // ---- LockOSThread --------------------------------------------------------------------------------------

    /** LockOSThread(): nests from 1.10 (lockedExt++), a single bit before; 1.10 starts the template thread. */
    void lockOSThread(int m, int g) {
        GoroutineContext ctx = rt.g(g);
        if (rt.version.templateThread() && rt.templateM < 0) {
            startTemplateThread(m);
            if (rt.ended) {
                return;
            }
        }
        if (rt.version.nestedLocks()) {
            if (ctx.lockedExt == Integer.MAX_VALUE) {
                rt.end(RuntimeFunction.LOCK_OS_THREAD, Outcome.CRASHED, "panic: LockOSThread nesting overflow");
                return;
            }
            ctx.lockedExt++;
        } else {
            ctx.lockedExt = 1;
        }
        rt.emit(new GoroutineLocked(rt.seq(), rt.now, g, m, ctx.lockDepth()));
    }

    /** UnlockOSThread(): one call fully unlocks before 1.10; from 1.10 it undoes one LockOSThread. */
    void unlockOSThread(int m, int g) {
        GoroutineContext ctx = rt.g(g);
        if (ctx.lockedExt == 0) {
            return;
        }
        if (rt.version.nestedLocks()) {
            ctx.lockedExt--;
        } else {
            ctx.lockedExt = 0;
        }
        rt.emit(new GoroutineUnlocked(rt.seq(), rt.now, g, m, ctx.lockDepth()));
    }

    /** runtime.main's lockOSThread around init (lockedInt): init runs on the main thread. */
    void lockInternal(int m, int g) {
        GoroutineContext ctx = rt.g(g);
        ctx.lockedInt++;
        rt.emit(new GoroutineLocked(rt.seq(), rt.now, g, m, ctx.lockDepth()));
    }

    void unlockInternal(int m, int g) {
        GoroutineContext ctx = rt.g(g);
        if (ctx.lockedInt == 0) {
            return;
        }
        ctx.lockedInt--;
        rt.emit(new GoroutineUnlocked(rt.seq(), rt.now, g, m, ctx.lockDepth()));
    }

    /** startTemplateThread(): cloned from the thread that first locks (observed: it inherits that thread's taint). */
    void startTemplateThread(int creator) {
        int m = newSystemThread(ThreadRole.TEMPLATE, creator);
        if (m >= 0) {
            rt.templateM = m;
        }
    }

    // ---- goroutine and thread exit -------------------------------------------------------------------------

    /**
     * goexit0(): the goroutine is dead. From 1.10 a goroutine that exits locked takes its thread with it (m0 is
     * wedged instead); before, the thread goes back to the pool as it is.
     */
    void goexit(int m, int g) {
        boolean locked = rt.g(g).lockedExt > 0;
        rt.emit(new GoroutineExited(rt.seq(), rt.now, g, m));
        // A dead goroutine's interpreter memory is never read again; letting it go early keeps a run of 100,000
        // goroutines from carrying 100,000 stacks through every garbage collection.
        rt.interpreter.forget(g);
        if (locked && rt.version.lockedExitKillsThread()) {
            mexit(m);
        } else {
            rt.scheduler.scheduleAfterSwitch(m);
        }
    }

    /** mexit(): hand the P off and exit; the main thread cannot exit, so it is wedged. */
    private void mexit(int m) {
        int p = s.thread(m).p();
        rt.cancelM(m);
        rt.emit(new ProcessorReleased(rt.seq(), rt.now, RuntimeFunction.MEXIT, p, m));
        exitingLockedM = m;
        handoffp(p, m);
        exitingLockedM = -1;
        if (rt.ended) {
            return;
        }
        if (s.thread(m).role() == ThreadRole.MAIN) {
            rt.emit(new ThreadParked(rt.seq(), rt.now, RuntimeFunction.MEXIT, m, MState.WEDGED));
        } else {
            rt.emit(new ThreadExited(rt.seq(), rt.now, m));
        }
    }

    /**
     * checkdead(): nothing is due but sysmon, so no thread can ever run again. A runnable goroutine left behind
     * would be a scheduler bug (the runtime throws "checkdead: runnable g"); otherwise it is the famous deadlock.
     */
    void checkdead() {
        for (int g = 1; g < s.goroutines().size(); g++) {
            GStatus st = s.goroutines().status(g);
            if (st == GStatus.RUNNABLE || st == GStatus.RUNNING || st == GStatus.SYSCALL) {
                rt.end(RuntimeFunction.CHECKDEAD, Outcome.CRASHED,
                        "runtime: checkdead: find g " + g + " in status " + st.code()
                                + "\nfatal error: checkdead: runnable g");
                return;
            }
        }
        rt.end(RuntimeFunction.CHECKDEAD, Outcome.DEADLOCK, "fatal error: all goroutines are asleep - deadlock!");
    }
}
