package dev.curtain.importer;

import dev.curtain.engine.event.Place;
import dev.curtain.engine.state.MState;
import dev.curtain.engine.state.PStatus;
import dev.curtain.engine.state.ThreadRole;
import dev.curtain.gotrace.EventType;
import dev.curtain.gotrace.StackFrame;
import dev.curtain.gotrace.TraceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a Go execution trace says the scheduler looks like after each event, in real ids: each P's status and
 * thread, each thread's P and goroutine, each goroutine's state. {@link #target} turns it into the planner's terms.
 * Only what the trace records is here; where the planner needs more (which run queue a runnable goroutine is in),
 * {@link #target} says what it assumes.
 */
final class TraceModel {
    enum GState { RUNNABLE, RUNNING, SYSCALL, WAITING, DEAD }

    /** One goroutine: its engine id, state, the thread it is on (engine index, -1), its wait reason as traced. */
    static final class G {
        final long goid;
        /** -1 while no recording is kept (a goroutine that lived and died before a later generation opens). */
        int engine;
        GState state;
        int m = -1;
        String reason = "";
        String function = "";
        /** Whether it last left its thread by runtime.Gosched. */
        boolean yielded;

        G(long goid, int engine) {
            this.goid = goid;
            this.engine = engine;
        }
    }

    final GoroutineIds ids = new GoroutineIds();
    /** Kernel thread ids in order of first appearance; the engine's M index is the position. */
    final List<Long> tids = new ArrayList<>();
    private final Map<Long, Integer> mIndex = new HashMap<>();
    final List<Integer> mP = new ArrayList<>();
    final List<Long> mG = new ArrayList<>();
    final Map<Long, G> gs = new LinkedHashMap<>();
    int gomaxprocs;
    /** P status and owner (engine M index) by P id; Ps at or beyond GOMAXPROCS are kept but not drawn. */
    final List<PStatus> pStatus = new ArrayList<>();
    final List<Integer> pOwner = new ArrayList<>();
    /** Goroutines whose state changed since the last target (engine ids, sorted). */
    private final TreeSet<Long> dirty = new TreeSet<>();
    private final List<Target.NewGoroutine> created = new ArrayList<>();
    /** Whether changes are noted for the next target; off once the recording is full, so only the counts go on. */
    private boolean tracking = true;
    long firstTime = -1;
    long lastTime;

    int m(long tid) {
        Integer i = mIndex.get(tid);
        if (i == null) {
            i = tids.size();
            tids.add(tid);
            mIndex.put(tid, i);
            mP.add(-1);
            mG.add(-1L);
        }
        return i;
    }

    /** P ids a trace may use: GOMAXPROCS is at most this in the engine (the runtime's own limit is 2^31). */
    static final int MAX_PROCS = 4096;

    private void ensureP(long p) {
        while (pStatus.size() <= p && p < MAX_PROCS) {
            pStatus.add(PStatus.IDLE);
            pOwner.add(-1);
        }
    }

    private G g(long goid, StackFrame[] startStack) {
        G g = gs.get(goid);
        if (g == null) {
            g = new G(goid, tracking ? ids.assign(goid) : -1);
            g.function = entry(startStack);
            g.state = GState.RUNNABLE;
            gs.put(goid, g);
            if (tracking) {
                created.add(new Target.NewGoroutine(g.engine, name(goid, g.function)));
            }
        }
        return g;
    }

    /**
     * The function a goroutine started in: the one frame of a creation's stack, or the outermost frame of a status
     * stack (Go 1.23 gives one for goroutines that existed before the trace), past the runtime's goexit.
     */
    private static String entry(StackFrame[] stack) {
        for (int i = stack.length - 1; i >= 0; i--) {
            if (!stack[i].function().equals("runtime.goexit")) {
                return stack[i].function();
            }
        }
        return "";
    }

    /** "goroutine 7 (runtime.bgsweep)": the runtime's own goroutines are told by the function they start in. */
    static String name(long goid, String function) {
        if (goid == 1) {
            return "goroutine 1 (main)";
        }
        return function.isEmpty() ? "goroutine " + goid : "goroutine " + goid + " (" + function + ")";
    }

    private void putOn(G g, GState st, int m) {
        if (g.m >= 0 && mG.get(g.m) == g.goid && g.m != m) {
            mG.set(g.m, -1L);
        }
        g.state = st;
        g.m = m;
        if (m >= 0) {
            mG.set(m, g.goid);
        }
        if (tracking) {
            dirty.add(g.goid);
        }
    }

    private void takeOff(G g, GState st) {
        if (g.m >= 0 && mG.get(g.m) == g.goid) {
            mG.set(g.m, -1L);
        }
        g.m = -1;
        g.state = st;
        if (tracking) {
            dirty.add(g.goid);
        }
    }

    private void holdP(long p, int m, PStatus st) {
        ensureP(p);
        int old = pOwner.get((int) p);
        if (old >= 0 && old != m && mP.get(old) == p) {
            mP.set(old, -1);
        }
        if (m >= 0 && mP.get(m) >= 0 && mP.get(m) != p) {
            int other = mP.get(m);
            pOwner.set(other, -1);
            pStatus.set(other, PStatus.IDLE);
        }
        pStatus.set((int) p, st);
        pOwner.set((int) p, m);
        if (m >= 0) {
            mP.set(m, (int) p);
        }
    }

    private void freeP(long p) {
        ensureP(p);
        int old = pOwner.get((int) p);
        if (old >= 0 && mP.get(old) == p) {
            mP.set(old, -1);
        }
        pOwner.set((int) p, -1);
        pStatus.set((int) p, PStatus.IDLE);
    }

    private static boolean refersToProcBeyondLimit(TraceEvent e) {
        return switch (e.type()) {
            case EventType.PROC_STATUS, EventType.PROC_START, EventType.PROC_STEAL ->
                e.arg(0) < 0 || e.arg(0) >= MAX_PROCS;
            default -> e.proc() >= MAX_PROCS;
        };
    }

    /** Folds one event in; true if it changed what the stage shows (a P, a thread or a goroutine moved). */
    boolean apply(TraceEvent e) {
        if (firstTime < 0) {
            firstTime = e.time();
        }
        lastTime = e.time();
        int m = e.thread() == -1 ? -1 : m(e.thread());
        if (refersToProcBeyondLimit(e)) {
            return false;
        }
        switch (e.type()) {
            case EventType.PROCS_CHANGE -> {
                int n = (int) Math.max(0, Math.min(e.arg(0), MAX_PROCS));
                if (n == gomaxprocs) {
                    return false;
                }
                gomaxprocs = n;
                ensureP(n - 1);
            }
            case EventType.PROC_STATUS -> {
                long st = e.arg(1);
                if (st == 1 || st == 3) {
                    holdP(e.arg(0), m, st == 1 ? PStatus.RUNNING : PStatus.SYSCALL);
                } else {
                    freeP(e.arg(0));
                }
            }
            case EventType.PROC_START -> holdP(e.arg(0), m, PStatus.RUNNING);
            case EventType.PROC_STOP -> freeP(e.proc());
            case EventType.PROC_STEAL -> freeP(e.arg(0));
            case EventType.GO_STATUS, EventType.GO_STATUS_STACK -> {
                G g = g(e.arg(0), e.stack());
                switch ((int) e.arg(2)) {
                    case 1 -> takeOff(g, GState.RUNNABLE);
                    case 2 -> putOn(g, GState.RUNNING, m);
                    case 3 -> putOn(g, GState.SYSCALL, m(e.arg(1)));
                    default -> {
                        // A status carries no reason: one already known to wait keeps the reason it blocked with,
                        // rather than being run and parked again to lose it.
                        if (g.state != GState.WAITING) {
                            g.reason = "";
                        }
                        takeOff(g, GState.WAITING);
                    }
                }
            }
            case EventType.GO_CREATE -> takeOff(g(e.arg(0), e.newStack()), GState.RUNNABLE);
            case EventType.GO_CREATE_BLOCKED -> takeOff(g(e.arg(0), e.newStack()), GState.WAITING);
            case EventType.GO_CREATE_SYSCALL -> putOn(g(e.arg(0), new StackFrame[0]), GState.SYSCALL, m);
            case EventType.GO_START -> putOn(g(e.arg(0), new StackFrame[0]), GState.RUNNING, m);
            case EventType.GO_STOP -> {
                G g = g(e.goroutine(), new StackFrame[0]);
                takeOff(g, GState.RUNNABLE);
                g.yielded = e.string(e.arg(0)).equals("runtime.Gosched");
            }
            case EventType.GO_BLOCK -> {
                G g = g(e.goroutine(), new StackFrame[0]);
                takeOff(g, GState.WAITING);
                g.reason = e.string(e.arg(0));
            }
            case EventType.GO_DESTROY, EventType.GO_DESTROY_SYSCALL -> takeOff(g(e.goroutine(), new StackFrame[0]),
                    GState.DEAD);
            case EventType.GO_UNBLOCK, EventType.GO_SWITCH, EventType.GO_SWITCH_DESTROY ->
                takeOff(g(e.arg(0), new StackFrame[0]), GState.RUNNABLE);
            case EventType.GO_SYSCALL_BEGIN -> {
                putOn(g(e.goroutine(), new StackFrame[0]), GState.SYSCALL, m);
                if (e.proc() >= 0) {
                    holdP(e.proc(), m, PStatus.SYSCALL);
                }
            }
            case EventType.GO_SYSCALL_END -> {
                putOn(g(e.goroutine(), new StackFrame[0]), GState.RUNNING, m);
                if (e.proc() >= 0) {
                    holdP(e.proc(), m, PStatus.RUNNING);
                }
            }
            case EventType.GO_SYSCALL_END_BLOCKED -> takeOff(g(e.goroutine(), new StackFrame[0]), GState.RUNNABLE);
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * Starts noting changes again, for a recording that opens at a later generation: every goroutine alive now is
     * to be created in the next target, numbered from 1 in the order the trace first named them.
     */
    void startTracking() {
        tracking = true;
        for (G g : gs.values()) {
            if (g.state != GState.DEAD) {
                if (g.engine < 0) {
                    g.engine = ids.assign(g.goid);
                }
                created.add(new Target.NewGoroutine(g.engine, name(g.goid, g.function)));
                dirty.add(g.goid);
            }
        }
    }

    /** Stops noting changes for targets: once a recording is full, only the counts and end states go on. */
    void stopTracking() {
        tracking = false;
        dirty.clear();
        created.clear();
    }

    /**
     * The planner's target for the state now. Goroutines that did not change keep their place; a runnable one goes
     * to the global run queue, because a trace does not say which queue holds it (inferred, see docs).
     */
    Target target() {
        int gmp = Math.max(1, gomaxprocs);
        Target t = new Target(gmp);
        t.threads(tids.size());
        for (int m = 0; m < tids.size(); m++) {
            t.alive[m] = true;
            t.roles[m] = ThreadRole.WORKER;
        }
        for (int p = 0; p < Math.min(gmp, pStatus.size()); p++) {
            int owner = pOwner.get(p);
            if (owner >= 0) {
                t.own(p, owner, pStatus.get(p));
            }
        }
        for (Target.NewGoroutine ng : created) {
            t.creates.add(ng);
        }
        created.clear();
        for (long goid : dirty) {
            G g = gs.get(goid);
            switch (g.state) {
                case RUNNING -> {
                    if (g.m >= 0 && t.mP[g.m] >= 0) {
                        t.places.put(g.engine, Place.running(g.m));
                        t.mCurg[g.m] = g.engine;
                    } else if (g.m >= 0) {
                        // Running with no P drawn (a P beyond GOMAXPROCS): the only place for it is the syscall zone.
                        t.places.put(g.engine, Place.syscall(g.m));
                        t.mCurg[g.m] = g.engine;
                    } else {
                        t.places.put(g.engine, Place.GLOBAL);
                    }
                }
                case SYSCALL -> {
                    t.places.put(g.engine, Place.syscall(g.m));
                    t.mCurg[g.m] = g.engine;
                }
                case RUNNABLE -> {
                    t.places.put(g.engine, Place.GLOBAL);
                    if (g.yielded) {
                        t.yields.add(g.engine);
                        g.yielded = false;
                    }
                }
                case WAITING -> {
                    t.places.put(g.engine, Place.waiting(-1));
                    t.reasons.put(g.engine, DetailedLayout.reason(g.reason));
                }
                case DEAD -> t.places.put(g.engine, Place.DEAD);
                default -> {
                }
            }
        }
        dirty.clear();
        // The threads' current goroutines that did not change this time still have to be named, with their place.
        for (int m = 0; m < tids.size(); m++) {
            long goid = mG.get(m);
            if (t.mCurg[m] < 0 && goid >= 0) {
                G g = gs.get(goid);
                if (g.state == GState.SYSCALL || g.state == GState.RUNNING) {
                    boolean onCpu = g.state == GState.RUNNING && t.mP[m] >= 0;
                    t.places.put(g.engine, onCpu ? Place.running(m) : Place.syscall(m));
                    t.mCurg[m] = g.engine;
                }
            }
        }
        for (int m = 0; m < tids.size(); m++) {
            int g = t.mCurg[m];
            boolean inSyscall = g >= 0 && gs.get(mG.get(m)).state == GState.SYSCALL;
            if (t.mP[m] >= 0) {
                t.mState[m] = inSyscall ? MState.SYSCALL : MState.RUNNING;
            } else if (g >= 0) {
                t.mState[m] = MState.SYSCALL;
            } else {
                t.mState[m] = MState.IDLE;
            }
        }
        return t;
    }
}
