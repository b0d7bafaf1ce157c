package dev.curtain.importer;

import dev.curtain.engine.Recording;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.event.Event.GoroutineCreated;
import dev.curtain.engine.event.Event.GoroutineExited;
import dev.curtain.engine.event.Event.GoroutineFoundWaiting;
import dev.curtain.engine.event.Event.GoroutineLocked;
import dev.curtain.engine.event.Event.GoroutineParked;
import dev.curtain.engine.event.Event.GoroutinePreempted;
import dev.curtain.engine.event.Event.GoroutineQueued;
import dev.curtain.engine.event.Event.GoroutineReadied;
import dev.curtain.engine.event.Event.GoroutineStarted;
import dev.curtain.engine.event.Event.GoroutineUnlocked;
import dev.curtain.engine.event.Event.GoroutineYielded;
import dev.curtain.engine.event.Event.ProcessorAcquired;
import dev.curtain.engine.event.Event.ProcessorReleased;
import dev.curtain.engine.event.Event.ProcessorRetaken;
import dev.curtain.engine.event.Event.ProcessorsResized;
import dev.curtain.engine.event.Event.SyscallEntered;
import dev.curtain.engine.event.Event.SyscallReturned;
import dev.curtain.engine.event.Event.SyscallReturnedWithoutP;
import dev.curtain.engine.event.Event.ThreadCloned;
import dev.curtain.engine.event.Event.ThreadExited;
import dev.curtain.engine.event.Event.ThreadParked;
import dev.curtain.engine.event.Event.ThreadSpinning;
import dev.curtain.engine.event.Event.ThreadWoken;
import dev.curtain.engine.event.Place;
import dev.curtain.engine.event.PlaceKind;
import dev.curtain.engine.event.RuntimeFunction;
import dev.curtain.engine.state.GStatus;
import dev.curtain.engine.state.GoroutineTable;
import dev.curtain.engine.state.MState;
import dev.curtain.engine.state.PStatus;
import dev.curtain.engine.state.ProcessorState;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadState;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;

/**
 * Emits the events that take the live state of a {@link Recording.Builder} to a {@link Target}, using only moves
 * the runtime itself makes (park, ready, execute, entersyscall, retake, handoff …) so the animator and its captions
 * need nothing special for imports. The order avoids every contradiction the evolver refuses:
 * <ol>
 *   <li>grow the Ps, clone new threads;</li>
 *   <li>unlock what will not stay locked (and what must pass through another thread);</li>
 *   <li>take goroutines off threads that will not keep them;</li>
 *   <li>release the Ps that change hands (shrinking GOMAXPROCS after emptying the dropped Ps);</li>
 *   <li>create new goroutines (when the state is the first the record shows, those it has waiting come in
 *       waiting: {@link GoroutineFoundWaiting}); route those that must reach a wait, death or a P-less syscall
 *       through a thread that can run them (one that holds a P and nothing else, borrowing a free P and thread if
 *       none does);</li>
 *   <li>hand out the Ps; start goroutines on their threads; move runnable ones between queues;</li>
 *   <li>set thread states (spinning, idle, locked-idle), exit threads, lock.</li>
 * </ol>
 * Every event of one keyframe has the keyframe's time.
 */
final class TransitionPlanner {
    private final Recording.Builder b;
    private final List<Event> emitted = new ArrayList<>();
    private final SchedState s;
    private long timeNs;
    private Target t;
    /** Whether the target is a state found, not reached: its new goroutines that wait were waiting already. */
    private boolean found;
    private int[] ordered;
    /** The thread lent to route goroutines, and the P it borrowed (and from whom), while a keyframe is planned. */
    private int benchM = -1;
    private int benchP = -1;
    private boolean benchBorrowed;
    private Loan benchLoan;

    /** A P taken for a moment: from nobody (it was idle), or from a thread that gets it back in the same state. */
    private record Loan(int p, int lender, MState lenderState) {
    }

    TransitionPlanner(Recording.Builder builder) {
        this.b = builder;
        this.s = builder.state();
    }

    private int seq() {
        return b.size();
    }

    private void emit(Event e) {
        emitted.add(e);
        b.append(e);
    }

    /** The events the last {@link #apply} emitted, in order (an import tells observed steps from filled-in ones). */
    List<Event> emitted() {
        return emitted;
    }

    void apply(Target target, long timeNs) {
        apply(target, timeNs, false);
    }

    /**
     * Takes the state to {@code target}. With {@code found}, the target is a state the record finds rather than
     * reaches (a log's first block, a trace's statuses at a generation's start): a new goroutine it has waiting
     * comes in waiting, with its reason, instead of being created runnable, run on a borrowed thread and parked.
     */
    void apply(Target target, long timeNs, boolean found) {
        emitted.clear();
        this.t = target;
        this.found = found;
        this.ordered = null;
        this.timeNs = Math.max(timeNs, s.timeNs());
        growProcessors();
        cloneThreads();
        unlock();
        vacateThreads();
        releaseProcessors();
        createGoroutines();
        // Before the Ps are handed out, while the ones changing hands are free to lend.
        routeThroughThreads();
        releaseBench();
        acquireProcessors();
        startGoroutines();
        arrangeQueues();
        settleThreads();
        lock();
    }

    private void growProcessors() {
        if (t.gomaxprocs > s.gomaxprocs()) {
            RuntimeFunction fn = s.gomaxprocs() == 0 ? RuntimeFunction.SCHEDINIT : RuntimeFunction.PROCRESIZE;
            emit(new ProcessorsResized(seq(), timeNs, fn, s.gomaxprocs(), t.gomaxprocs));
        }
    }

    private void cloneThreads() {
        for (int m = 2; m < Math.min(t.threadCount, s.threads().size()); m++) {
            if (t.alive[m] && !s.thread(m).alive()) {
                // The id of a thread that exited, given to a new one (summary logs only; see SummaryLayout).
                emit(new ThreadCloned(seq(), timeNs, RuntimeFunction.NEWM, m, -1, t.roles[m], s.baseline(), false));
            }
        }
        while (s.threads().size() < t.threadCount) {
            int m = s.threads().size();
            emit(new ThreadCloned(seq(), timeNs, m == 0 ? RuntimeFunction.RT0_GO : RuntimeFunction.NEWM, m, -1,
                    t.roles[m], s.baseline(), false));
            if (!t.alive[m]) {
                // An id the runtime used for a thread that came and went between two blocks.
                emit(new ThreadExited(seq(), timeNs, m));
            }
        }
    }

    /** The lock goroutine {@code g} must end with. */
    private int desiredLock(int g) {
        if (t.places.containsKey(g)) {
            return t.lock(g);
        }
        int m = s.goroutines().lockedM(g);
        return m >= 0 && m < t.threadCount && t.mLocked[m] == g ? m : -1;
    }

    private void unlock() {
        GoroutineTable gs = s.goroutines();
        for (ThreadState th : s.threads()) {
            int g = th.lockedg();
            if (g < 0 || gs.status(g) == GStatus.DEAD) {
                continue;
            }
            if (desiredLock(g) != th.id() || routesThroughBench(g)) {
                emit(new GoroutineUnlocked(seq(), timeNs, g, th.id(), 0));
            }
        }
    }

    /** Whether {@code g} must run on some borrowed thread to reach its target (a wait, death). */
    private boolean routesThroughBench(int g) {
        Place tp = t.place(g);
        if (tp == null) {
            return false;
        }
        Place cur = s.goroutines().place(g);
        if (tp.kind() == PlaceKind.WAITING) {
            return cur.kind() != PlaceKind.WAITING || s.goroutines().waitReason(g) != t.reason(g);
        }
        return tp.kind() == PlaceKind.DEAD && cur.kind() != PlaceKind.DEAD;
    }

    private void vacateThreads() {
        for (ThreadState th : s.threads()) {
            int g = th.curg();
            if (g < 0) {
                continue;
            }
            int m = th.id();
            Place cur = s.goroutines().place(g);
            Place tp = t.place(g);
            if (tp == null || tp.equals(cur)) {
                continue;
            }
            if (cur.kind() == PlaceKind.RUNNING) {
                switch (tp.kind()) {
                    case WAITING -> emit(new GoroutineParked(seq(), timeNs, RuntimeFunction.GOPARK, g, m,
                            t.reason(g), -1));
                    case DEAD -> emit(new GoroutineExited(seq(), timeNs, g, m));
                    case SYSCALL -> {
                        if (tp.id() == m) {
                            int p = th.p();
                            boolean pSyscall = p >= 0 && p < t.gomaxprocs && t.pOwner[p] == m
                                    && t.pStatus[p] == PStatus.SYSCALL;
                            emit(new SyscallEntered(seq(), timeNs, g, m, p, "syscall", pSyscall));
                        } else {
                            emit(new GoroutinePreempted(seq(), timeNs, g, m, th.p(), true, Place.GLOBAL));
                        }
                    }
                    default -> emit(t.yields.contains(g) && tp.equals(Place.GLOBAL)
                            ? new GoroutineYielded(seq(), timeNs, g, m, th.p(), Place.GLOBAL)
                            : new GoroutinePreempted(seq(), timeNs, g, m, th.p(), true, Place.GLOBAL));
                }
            } else if (cur.kind() == PlaceKind.SYSCALL) {
                if (tp.kind() == PlaceKind.RUNNING && tp.id() == m) {
                    continue;
                }
                emit(new SyscallReturnedWithoutP(seq(), timeNs, g, m));
            }
        }
    }

    private void releaseProcessors() {
        int live = s.gomaxprocs();
        for (int p = 0; p < Math.min(live, s.processors().size()); p++) {
            ProcessorState ps = s.processor(p);
            int owner = p < t.gomaxprocs ? t.pOwner[p] : -1;
            // A P left in _Psyscall by a goroutine that is no longer in the syscall goes back through idle.
            boolean staleSyscall = ps.status() == PStatus.SYSCALL && owner >= 0 && t.pStatus[p] != PStatus.SYSCALL
                    && s.thread(ps.m()).curg() < 0;
            if (ps.m() >= 0 && (ps.m() != owner || staleSyscall)) {
                release(p);
            }
        }
        if (t.gomaxprocs < live) {
            for (int p = t.gomaxprocs; p < live; p++) {
                ProcessorState ps = s.processor(p);
                if (ps.runnext() >= 0) {
                    emit(new GoroutineQueued(seq(), timeNs, RuntimeFunction.PROCRESIZE, ps.runnext(),
                            Place.runnext(p), Place.GLOBAL, false));
                }
                for (int g : ps.runq()) {
                    emit(new GoroutineQueued(seq(), timeNs, RuntimeFunction.PROCRESIZE, g, Place.localQueue(p),
                            Place.GLOBAL, false));
                }
            }
            emit(new ProcessorsResized(seq(), timeNs, RuntimeFunction.PROCRESIZE, live, t.gomaxprocs));
        }
    }

    private void acquireProcessors() {
        for (int p = 0; p < t.gomaxprocs; p++) {
            int owner = t.pOwner[p];
            if (owner < 0 || s.processor(p).m() == owner) {
                continue;
            }
            ThreadState th = s.thread(owner);
            if (th.p() >= 0) {
                release(th.p());
            }
            acquire(p, owner, t.mState[owner] == MState.SPINNING);
        }
    }

    private void release(int p) {
        int m = s.processor(p).m();
        ThreadState th = s.thread(m);
        if (th.state() == MState.SYSCALL) {
            emit(new ProcessorRetaken(seq(), timeNs, p, m));
        } else {
            if (th.state() == MState.SPINNING) {
                // A spinning thread always holds a P: it stops spinning before it lets go.
                emit(new ThreadSpinning(seq(), timeNs, RuntimeFunction.RESETSPINNING, m, false));
            }
            emit(new ProcessorReleased(seq(), timeNs, RuntimeFunction.RELEASEP, p, m));
        }
    }

    private void acquire(int p, int m, boolean spinning) {
        MState st = s.thread(m).state();
        boolean asleep = st == MState.IDLE || st == MState.LOCKED_IDLE || st == MState.SYSTEM
                || st == MState.WEDGED;
        if (asleep || spinning) {
            emit(new ThreadWoken(seq(), timeNs, RuntimeFunction.STARTM, m, p, spinning));
        } else {
            emit(new ProcessorAcquired(seq(), timeNs, RuntimeFunction.ACQUIREP, p, m));
        }
    }

    private void createGoroutines() {
        for (Target.NewGoroutine ng : t.creates) {
            Place tp = t.place(ng.g());
            if (found && tp != null && tp.kind() == PlaceKind.WAITING) {
                emit(new GoroutineFoundWaiting(seq(), timeNs, RuntimeFunction.GOPARK, ng.g(), ng.name(),
                        t.reason(ng.g())));
                continue;
            }
            Place at = tp != null && accepts(tp) ? tp : Place.GLOBAL;
            emit(new GoroutineCreated(seq(), timeNs, ng.g(), ng.name(), -1, at));
        }
    }

    /** Whether a queue place can take one more goroutine now. */
    private boolean accepts(Place p) {
        return switch (p.kind()) {
            case GLOBAL_QUEUE -> true;
            case LOCAL_QUEUE -> p.id() < s.gomaxprocs() && s.processor(p.id()).runqSize() < ProcessorState.RING;
            case RUNNEXT -> p.id() < s.gomaxprocs() && s.processor(p.id()).runnext() < 0;
            default -> false;
        };
    }

    private void routeThroughThreads() {
        routeToWaitsAndDeaths();
        // The bench thread may be one that goes into a syscall next: it lets go first.
        releaseBench();
        routeIntoSyscallsWithoutP();
    }

    private void routeIntoSyscallsWithoutP() {
        for (int g : targetedInOrder()) {
            Place tp = t.place(g);
            if (tp.kind() == PlaceKind.SYSCALL && t.mP[tp.id()] < 0 && !s.goroutines().place(g).equals(tp)) {
                syscallWithoutP(g, tp.id());
            }
        }
    }

    private void routeToWaitsAndDeaths() {
        for (int g : targetedInOrder()) {
            Place tp = t.place(g);
            Place cur = s.goroutines().place(g);
            switch (tp.kind()) {
                case WAITING -> {
                    if (routesThroughBench(g)) {
                        runOnBench(g);
                        emit(new GoroutineParked(seq(), timeNs, RuntimeFunction.GOPARK, g, benchM, t.reason(g), -1));
                    }
                }
                case DEAD -> {
                    if (cur.kind() != PlaceKind.DEAD) {
                        runOnBench(g);
                        emit(new GoroutineExited(seq(), timeNs, g, benchM));
                    }
                }
                default -> {
                }
            }
        }
    }

    /** The goroutines with a target, by engine id (sorted once per keyframe: ids are plain ints). */
    private int[] targetedInOrder() {
        if (ordered == null) {
            ordered = new int[t.places.size()];
            int i = 0;
            for (int g : t.places.keySet()) {
                ordered[i++] = g;
            }
            Arrays.sort(ordered);
        }
        return ordered;
    }

    /** Makes {@code g} runnable if it waits, then runs it on the bench thread. */
    private void runOnBench(int g) {
        readyIfWaiting(g);
        openBench();
        Place from = s.goroutines().place(g);
        emit(new GoroutineStarted(seq(), timeNs, g, benchM, benchP, from, false));
    }

    private void readyIfWaiting(int g) {
        if (s.goroutines().placeKind(g) == PlaceKind.WAITING) {
            emit(new GoroutineReadied(seq(), timeNs, RuntimeFunction.READY, g, Place.GLOBAL));
        }
    }

    /** Finds a thread that holds a P and runs nothing, lending it an idle P (or a busy one) if none does. */
    private void openBench() {
        if (benchM >= 0) {
            return;
        }
        for (ThreadState th : s.threads()) {
            if (th.alive() && th.p() >= 0 && th.curg() < 0 && th.lockedg() < 0) {
                benchM = th.id();
                benchP = th.p();
                benchBorrowed = false;
                return;
            }
        }
        int m = freeThread();
        if (m < 0) {
            m = freeABusyThread();
            if (s.thread(m).p() >= 0) {
                benchM = m;
                benchP = s.thread(m).p();
                benchBorrowed = false;
                return;
            }
        }
        benchLoan = borrowProcessor(-1);
        emit(new ThreadWoken(seq(), timeNs, RuntimeFunction.STARTM, m, benchLoan.p(), false));
        benchM = m;
        benchP = benchLoan.p();
        benchBorrowed = true;
    }

    /**
     * Every thread runs, waits in a syscall or is locked: one of them sets its goroutine aside for a moment (to the
     * global queue, or unlocked) so it can route others. Only a goroutine with a target is set aside, so the later
     * steps put it back where the keyframe has it (started again, back into its syscall, locked again).
     */
    private int freeABusyThread() {
        for (ThreadState th : s.threads()) {
            int g = th.curg();
            boolean movable = th.alive() && (g >= 0 ? t.place(g) != null : th.lockedg() >= 0);
            if (!movable) {
                continue;
            }
            int m = th.id();
            if (th.lockedg() >= 0) {
                emit(new GoroutineUnlocked(seq(), timeNs, th.lockedg(), m, 0));
            }
            if (g >= 0 && s.goroutines().placeKind(g) == PlaceKind.RUNNING) {
                emit(new GoroutinePreempted(seq(), timeNs, g, m, th.p(), true, Place.GLOBAL));
            } else if (g >= 0) {
                emit(new SyscallReturnedWithoutP(seq(), timeNs, g, m));
            }
            return m;
        }
        throw new IllegalStateException("no thread can route goroutines");
    }

    private void releaseBench() {
        if (benchM >= 0 && benchBorrowed) {
            emit(new ProcessorReleased(seq(), timeNs, RuntimeFunction.RELEASEP, benchP, benchM));
            returnProcessor(benchLoan);
        }
        benchM = -1;
        benchP = -1;
        benchBorrowed = false;
        benchLoan = null;
    }

    /** An idle P, or else one taken from its thread for a moment ({@link #returnProcessor} gives it back). */
    private Loan borrowProcessor(int notFrom) {
        for (int p = 0; p < s.gomaxprocs(); p++) {
            if (s.processor(p).m() < 0) {
                return new Loan(p, -1, null);
            }
        }
        int best = -1;
        for (int p = 0; p < s.gomaxprocs(); p++) {
            int m = s.processor(p).m();
            if (m == notFrom) {
                continue;
            }
            ThreadState th = s.thread(m);
            if (best < 0 || (th.curg() < 0 && s.thread(s.processor(best).m()).curg() >= 0)) {
                best = p;
            }
        }
        Loan loan = new Loan(best, s.processor(best).m(), s.thread(s.processor(best).m()).state());
        release(best);
        return loan;
    }

    private void returnProcessor(Loan loan) {
        if (loan.lender() < 0) {
            return;
        }
        int m = loan.lender();
        int p = loan.p();
        MState lenderState = loan.lenderState();
        if (lenderState == MState.SPINNING) {
            emit(new ThreadWoken(seq(), timeNs, RuntimeFunction.STARTM, m, p, true));
        } else {
            emit(new ProcessorAcquired(seq(), timeNs, RuntimeFunction.ACQUIREP, p, m));
        }
        int g = s.thread(m).curg();
        if (g >= 0 && s.goroutines().placeKind(g) == PlaceKind.SYSCALL) {
            // The lender was in a syscall holding its P: put it back exactly so.
            emit(new SyscallReturned(seq(), timeNs, g, m, p, true));
            emit(new SyscallEntered(seq(), timeNs, g, m, p, "syscall", lenderState == MState.SYSCALL
                    && t.pSyscallStatus));
        }
    }

    /** A live thread with no P, no goroutine and no lock (idle workers first, sysmon last), or -1. */
    private int freeThread() {
        int fallback = -1;
        for (ThreadState th : s.threads()) {
            if (!th.alive() || th.p() >= 0 || th.curg() >= 0 || th.lockedg() >= 0) {
                continue;
            }
            if (!th.system()) {
                return th.id();
            }
            if (fallback < 0) {
                fallback = th.id();
            }
        }
        return fallback;
    }

    /** {@code g} enters a syscall on {@code m}, which then loses its P (the runtime's retake). */
    private void syscallWithoutP(int g, int m) {
        if (benchM == m) {
            // The thread lent its hands to route other goroutines; it gives the borrowed P back first.
            releaseBench();
        }
        readyIfWaiting(g);
        Loan loan = borrowProcessor(m);
        int p = loan.p();
        emit(new ProcessorAcquired(seq(), timeNs, RuntimeFunction.ACQUIREP, p, m));
        emit(new GoroutineStarted(seq(), timeNs, g, m, p, s.goroutines().place(g), false));
        emit(new SyscallEntered(seq(), timeNs, g, m, p, "syscall", t.pSyscallStatus));
        emit(new ProcessorRetaken(seq(), timeNs, p, m));
        returnProcessor(loan);
    }

    private void startGoroutines() {
        for (int m = 0; m < t.threadCount; m++) {
            int g = t.mCurg[m];
            if (g < 0 || !t.alive[m]) {
                continue;
            }
            Place tp = t.place(g);
            Place cur = s.goroutines().place(g);
            int p = t.mP[m];
            if (p < 0) {
                continue;
            }
            if (tp.kind() == PlaceKind.RUNNING) {
                if (cur.equals(tp)) {
                    continue;
                }
                if (cur.equals(Place.syscall(m))) {
                    emit(new SyscallReturned(seq(), timeNs, g, m, p, true));
                    continue;
                }
                readyIfWaiting(g);
                cur = s.goroutines().place(g);
                emit(new GoroutineStarted(seq(), timeNs, g, m, p, cur, cur.equals(Place.runnext(p))));
            } else if (tp.kind() == PlaceKind.SYSCALL) {
                boolean pSyscall = t.pStatus[p] == PStatus.SYSCALL;
                if (cur.equals(tp)) {
                    boolean right = s.thread(m).state() == MState.SYSCALL
                            && (s.processor(p).status() == PStatus.SYSCALL) == pSyscall;
                    if (right) {
                        continue;
                    }
                    emit(new SyscallReturned(seq(), timeNs, g, m, p, true));
                } else {
                    readyIfWaiting(g);
                    emit(new GoroutineStarted(seq(), timeNs, g, m, p, s.goroutines().place(g), false));
                }
                emit(new SyscallEntered(seq(), timeNs, g, m, p, "syscall", pSyscall));
            }
        }
    }

    private void arrangeQueues() {
        List<Integer> misplaced = new ArrayList<>();
        for (int g : targetedInOrder()) {
            Place tp = t.place(g);
            boolean queue = tp.kind() == PlaceKind.LOCAL_QUEUE || tp.kind() == PlaceKind.RUNNEXT
                    || tp.kind() == PlaceKind.GLOBAL_QUEUE;
            if (queue && !s.goroutines().place(g).equals(tp)) {
                misplaced.add(g);
            }
        }
        // First pass: straight to the target when it has room, else out of the way to the global queue, so that
        // in the second pass every target has room.
        for (int g : misplaced) {
            Place tp = t.place(g);
            Place cur = s.goroutines().place(g);
            if (cur.kind() == PlaceKind.WAITING) {
                emit(new GoroutineReadied(seq(), timeNs, RuntimeFunction.READY, g, accepts(tp) ? tp : Place.GLOBAL));
            } else if (accepts(tp)) {
                move(g, cur, tp);
            } else if (cur.kind() != PlaceKind.GLOBAL_QUEUE) {
                move(g, cur, Place.GLOBAL);
            }
        }
        for (int g : misplaced) {
            Place tp = t.place(g);
            Place cur = s.goroutines().place(g);
            if (!cur.equals(tp)) {
                move(g, cur, tp);
            }
        }
    }

    private void move(int g, Place from, Place to) {
        RuntimeFunction fn;
        if (to.kind() == PlaceKind.GLOBAL_QUEUE) {
            fn = RuntimeFunction.RUNQPUTSLOW;
        } else if (from.kind() == PlaceKind.GLOBAL_QUEUE) {
            fn = RuntimeFunction.GLOBRUNQGET;
        } else if (from.id() != to.id()) {
            fn = RuntimeFunction.RUNQSTEAL;
        } else {
            fn = RuntimeFunction.RUNQPUT;
        }
        emit(new GoroutineQueued(seq(), timeNs, fn, g, from, to, false));
    }

    private void settleThreads() {
        for (int m = 0; m < t.threadCount && m < s.threads().size(); m++) {
            ThreadState th = s.thread(m);
            if (!th.alive()) {
                continue;
            }
            if (!t.alive[m]) {
                emit(new ThreadExited(seq(), timeNs, m));
                continue;
            }
            MState want = t.mState[m];
            MState now = th.state();
            if (want == now) {
                continue;
            }
            if (th.p() >= 0 && (want == MState.SPINNING || want == MState.RUNNING)) {
                boolean spin = want == MState.SPINNING;
                emit(new ThreadSpinning(seq(), timeNs, spin ? RuntimeFunction.FIND_RUNNABLE
                        : RuntimeFunction.RESETSPINNING, m, spin));
            } else if (th.p() < 0 && th.curg() < 0) {
                RuntimeFunction fn = switch (want) {
                    case LOCKED_IDLE -> RuntimeFunction.STOPLOCKEDM;
                    case SYSTEM -> RuntimeFunction.SYSMON;
                    case SYSCALL -> RuntimeFunction.ENTERSYSCALL;
                    default -> RuntimeFunction.STOPM;
                };
                emit(new ThreadParked(seq(), timeNs, fn, m, want));
            }
        }
    }

    private void lock() {
        for (int m = 0; m < t.threadCount; m++) {
            int g = t.mLocked[m];
            if (g >= 0 && t.alive[m] && s.goroutines().lockedM(g) != m) {
                emit(new GoroutineLocked(seq(), timeNs, g, m, 1));
            }
        }
    }
}
