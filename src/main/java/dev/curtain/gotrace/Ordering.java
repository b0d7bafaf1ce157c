package dev.curtain.gotrace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state machine that puts events from different threads in a valid order, as Go's parser does: it tracks each
 * goroutine's and P's status and sequence number and each thread's P and goroutine, and accepts an event only when
 * the state allows it. An event that must wait for another thread's (a {@code GoStart} whose goroutine is not yet
 * runnable, a {@code ProcStart} whose P is not yet idle, a sequence number one too far) is declined without
 * effect, so the reader can try the next thread; an event that can never be valid is an error.
 *
 * <p>Go statuses on the wire: goroutines 1 runnable, 2 running, 3 syscall, 4 waiting; Ps 1 running, 2 idle,
 * 3 syscall, 4 syscall abandoned (the thread left the syscall without its P, and nobody has taken it yet).
 */
final class Ordering {
    static final int G_RUNNABLE = 1;
    static final int G_RUNNING = 2;
    static final int G_SYSCALL = 3;
    static final int G_WAITING = 4;
    static final int P_RUNNING = 1;
    static final int P_IDLE = 2;
    static final int P_SYSCALL = 3;
    static final int P_SYSCALL_ABANDONED = 4;
    private static final int GC_UNDETERMINED = 0;
    private static final int GC_NOT_RUNNING = 1;
    private static final int GC_RUNNING = 2;

    /** A range in flight on a goroutine or P: the type of its begin event and, for stop-the-world, its kind. */
    private record Range(int type, long desc) {
    }

    private static final class GState {
        int status;
        long seqGen;
        long seq;
        final List<Range> inFlight = new ArrayList<>(0);
        final List<String> regions = new ArrayList<>(0);
    }

    private static final class PState {
        int status;
        long seqGen;
        long seq;
        final List<Range> inFlight = new ArrayList<>(0);
    }

    private static final class MState {
        long g = -1;
        long p = -1;
    }

    private record Task(String name, long parent) {
    }

    private final LongMap<GState> gs = new LongMap<>();
    private final LongMap<PState> ps = new LongMap<>();
    /** By first appearance: the one place the ordering searches them (a P abandoned in a syscall). */
    private final Map<Long, MState> ms = new LinkedHashMap<>();
    /** The thread of the previous event, which is most often the thread of the next. */
    private long cachedM = -1;
    private MState cachedMState;
    private final Map<Long, Task> tasks = new HashMap<>();
    private long gcSeq;
    private int gcState = GC_UNDETERMINED;
    private long initialGen;
    private final ArrayDeque<TraceEvent> queue = new ArrayDeque<>();

    // The event being advanced, and its context before (cur*) and after (new*).
    private int type;
    private long time;
    private long[] args;
    private Tables tables;
    private long gen;
    private long curM;
    private long curP;
    private long curG;
    private long newP;
    private long newG;

    TraceEvent poll() {
        return queue.poll();
    }

    /** The number of goroutines, Ps and threads the ordering knows (for a summary). */
    int threadCount() {
        return ms.size();
    }

    /**
     * Tries to advance by one event of thread {@code m}; false if it must wait for another thread's.
     * {@code args} is the event's arguments after the timestamp; on success the reader must not reuse the array.
     */
    boolean advance(int type, long time, long[] args, Tables tables, long m, long gen) throws TraceFormatException {
        if (initialGen == 0) {
            initialGen = gen;
        }
        this.type = type;
        this.time = time;
        this.args = args;
        this.tables = tables;
        this.gen = gen;
        MState mst = null;
        curM = m;
        if (m == -1) {
            curP = -1;
            curG = -1;
        } else {
            if (m == cachedM && cachedMState != null) {
                mst = cachedMState;
            } else {
                mst = ms.computeIfAbsent(m, k -> new MState());
                cachedM = m;
                cachedMState = mst;
            }
            curP = mst.p;
            curG = mst.g;
        }
        newP = curP;
        newG = curG;
        boolean ok = dispatch();
        if (ok && mst != null) {
            mst.p = newP;
            mst.g = newG;
        }
        return ok;
    }

    private TraceFormatException error(String message) {
        return new TraceFormatException(message + " (" + EventType.name(type) + " at " + time + " ns on thread "
                + curM + ", generation " + gen + ")", -1);
    }

    private void push(long oldState) {
        TraceEvent e = new TraceEvent(type, time, curM, curP, curG, args, tables);
        e.oldState = oldState;
        queue.add(e);
    }

    private void pushMade(int t, long m, long p, long g, long... a) {
        long[] full = new long[5];
        System.arraycopy(a, 0, full, 0, a.length);
        queue.add(new TraceEvent(t, time, m, p, g, full, tables));
    }

    private boolean dispatch() throws TraceFormatException {
        return switch (type) {
            case EventType.PROCS_CHANGE, EventType.GO_LABEL, EventType.USER_LOG -> annotation();
            case EventType.PROC_START -> procStart();
            case EventType.PROC_STOP -> procStop();
            case EventType.PROC_STEAL -> procSteal();
            case EventType.PROC_STATUS -> procStatus();
            case EventType.GO_CREATE, EventType.GO_CREATE_BLOCKED -> goCreate();
            case EventType.GO_CREATE_SYSCALL -> goCreateSyscall();
            case EventType.GO_START -> goStart();
            case EventType.GO_DESTROY, EventType.GO_STOP, EventType.GO_BLOCK -> goStopExec();
            case EventType.GO_DESTROY_SYSCALL -> goDestroySyscall();
            case EventType.GO_UNBLOCK -> goUnblock();
            case EventType.GO_SYSCALL_BEGIN -> goSyscallBegin();
            case EventType.GO_SYSCALL_END -> goSyscallEnd();
            case EventType.GO_SYSCALL_END_BLOCKED -> goSyscallEndBlocked();
            case EventType.GO_STATUS, EventType.GO_STATUS_STACK -> goStatus();
            case EventType.STW_BEGIN, EventType.GC_MARK_ASSIST_BEGIN -> goRangeBegin();
            case EventType.STW_END, EventType.GC_MARK_ASSIST_END -> goRangeEnd();
            case EventType.GC_MARK_ASSIST_ACTIVE -> goRangeActive();
            case EventType.GC_ACTIVE -> gcActive();
            case EventType.GC_BEGIN -> gcBegin();
            case EventType.GC_END -> gcEnd();
            case EventType.GC_SWEEP_ACTIVE -> sweepActive();
            case EventType.GC_SWEEP_BEGIN -> sweepBegin();
            case EventType.GC_SWEEP_END -> sweepEnd();
            case EventType.HEAP_ALLOC, EventType.HEAP_GOAL -> heapMetric();
            case EventType.USER_TASK_BEGIN -> taskBegin();
            case EventType.USER_TASK_END -> taskEnd();
            case EventType.USER_REGION_BEGIN -> regionBegin();
            case EventType.USER_REGION_END -> regionEnd();
            case EventType.GO_SWITCH, EventType.GO_SWITCH_DESTROY -> goSwitch();
            default -> {
                if (type >= EventType.FIRST_EXPERIMENTAL && type <= EventType.LAST_EXPERIMENTAL) {
                    require(true, false, false, false, false, false);
                    push(0);
                    yield true;
                }
                throw error("bad event type " + type);
            }
        };
    }

    /** Go's validateCtx: a thread must be there; P and G must (true), must not (false) or may (null) be there. */
    private void require(boolean thread, Boolean proc, Boolean goroutine) throws TraceFormatException {
        if (thread && curM == -1) {
            throw error("expected a thread but had none");
        }
        if (proc != null && proc && curP == -1) {
            throw error("expected a P but had none");
        }
        if (proc != null && !proc && curP != -1) {
            throw error("expected no P but had one");
        }
        if (goroutine != null && goroutine && curG == -1) {
            throw error("expected a goroutine but had none");
        }
        if (goroutine != null && !goroutine && curG != -1) {
            throw error("expected no goroutine but had one");
        }
    }

    private void require(boolean thread, boolean pMust, boolean pMustNot, boolean gMust, boolean gMustNot,
                         boolean unused) throws TraceFormatException {
        require(thread, pMust ? Boolean.TRUE : pMustNot ? Boolean.FALSE : null,
                gMust ? Boolean.TRUE : gMustNot ? Boolean.FALSE : null);
    }

    /** What user-goroutine events need: a thread, a P and a goroutine. */
    private void requireUserGo() throws TraceFormatException {
        require(true, Boolean.TRUE, Boolean.TRUE);
    }

    private boolean succeeds(long seq, long stateGen, long stateSeq) {
        return gen == stateGen && seq == stateSeq + 1;
    }

    private static long goState(int status) {
        return switch (status) {
            case G_RUNNABLE -> TraceEvent.GoState.RUNNABLE.ordinal();
            case G_RUNNING -> TraceEvent.GoState.RUNNING.ordinal();
            case G_WAITING -> TraceEvent.GoState.WAITING.ordinal();
            case G_SYSCALL -> TraceEvent.GoState.SYSCALL.ordinal();
            default -> TraceEvent.GoState.UNDETERMINED.ordinal();
        };
    }

    static long procState(int status) {
        return switch (status) {
            case P_RUNNING, P_SYSCALL -> TraceEvent.ProcState.RUNNING.ordinal();
            case P_IDLE, P_SYSCALL_ABANDONED -> TraceEvent.ProcState.IDLE.ordinal();
            default -> TraceEvent.ProcState.UNDETERMINED.ordinal();
        };
    }

    private boolean procStatus() throws TraceFormatException {
        long pid = args[0];
        int status = (int) args[1];
        if (args[1] < 0 || args[1] > P_SYSCALL_ABANDONED || status == 0) {
            throw error("invalid status " + args[1] + " for P " + pid);
        }
        long oldState = procState(status);
        PState s = ps.get(pid);
        if (s != null) {
            if (status == P_SYSCALL_ABANDONED && s.status == P_SYSCALL) {
                oldState = TraceEvent.ProcState.RUNNING.ordinal();
                args[1] = P_SYSCALL;
            } else if (status == P_SYSCALL_ABANDONED && s.status == P_SYSCALL_ABANDONED) {
                oldState = TraceEvent.ProcState.IDLE.ordinal();
                args[1] = P_SYSCALL_ABANDONED;
            } else if (s.status != status) {
                throw error("inconsistent status for P " + pid + ": " + s.status + " before, " + status + " now");
            }
            s.seqGen = gen;
            s.seq = 0;
        } else {
            s = new PState();
            s.status = status;
            s.seqGen = gen;
            ps.put(pid, s);
            oldState = gen == initialGen ? TraceEvent.ProcState.UNDETERMINED.ordinal()
                    : TraceEvent.ProcState.NOT_EXIST.ordinal();
        }
        if (status == P_RUNNING || status == P_SYSCALL) {
            newP = pid;
        }
        if (status == P_SYSCALL_ABANDONED && oldState == TraceEvent.ProcState.RUNNING.ordinal()) {
            boolean found = false;
            for (Map.Entry<Long, MState> e : ms.entrySet()) {
                if (e.getValue().p == pid) {
                    curM = e.getKey();
                    curP = pid;
                    curG = e.getValue().g;
                    found = true;
                }
            }
            if (!found) {
                throw error("no thread holds P " + pid + ", which is about to be stolen");
            }
        }
        push(oldState);
        return true;
    }

    private boolean procStart() throws TraceFormatException {
        long pid = args[0];
        PState s = ps.get(pid);
        if (s == null || s.status != P_IDLE || !succeeds(args[1], s.seqGen, s.seq) || curP != -1) {
            return false;
        }
        require(true, Boolean.FALSE, null);
        s.status = P_RUNNING;
        s.seqGen = gen;
        s.seq = args[1];
        newP = pid;
        push(0);
        return true;
    }

    private boolean procStop() throws TraceFormatException {
        PState s = ps.get(curP);
        if (s == null) {
            throw error("ProcStop for P " + curP + " that does not exist");
        }
        if (s.status != P_RUNNING && s.status != P_SYSCALL) {
            throw error("ProcStop for a P that is neither running nor in a syscall");
        }
        require(true, Boolean.TRUE, null);
        s.status = P_IDLE;
        newP = -1;
        push(0);
        return true;
    }

    private boolean procSteal() throws TraceFormatException {
        long pid = args[0];
        PState s = ps.get(pid);
        if (s == null || (s.status != P_SYSCALL && s.status != P_SYSCALL_ABANDONED)
                || !succeeds(args[1], s.seqGen, s.seq)) {
            return false;
        }
        require(true, null, null);
        int old = s.status;
        s.status = P_IDLE;
        s.seqGen = gen;
        s.seq = args[1];
        if (old == P_SYSCALL_ABANDONED) {
            push(old);
            return true;
        }
        long mid = args[2];
        if (mid == curM) {
            if (curP != pid) {
                throw error("thread " + mid + " stole P " + pid + " from itself but holds P " + curP);
            }
            newP = -1;
            push(old);
            return true;
        }
        MState victim = ms.get(mid);
        if (victim == null) {
            throw error("P " + pid + " stolen from thread " + mid + ", which does not exist");
        }
        if (victim.p != pid) {
            throw error("P " + pid + " stolen from thread " + mid + ", which holds P " + victim.p);
        }
        victim.p = -1;
        push(old);
        return true;
    }

    private boolean goStatus() throws TraceFormatException {
        long gid = args[0];
        long mid = args[1];
        int status = (int) args[2];
        if (args[2] < 1 || args[2] > G_WAITING) {
            throw error("invalid status " + args[2] + " for goroutine " + gid);
        }
        long oldState = goState(status);
        GState s = gs.get(gid);
        if (s != null) {
            if (s.status != status) {
                throw error("inconsistent status for goroutine " + gid + ": " + s.status + " before, " + status
                        + " now");
            }
            s.seqGen = gen;
            s.seq = 0;
        } else if (gen == initialGen) {
            s = new GState();
            s.status = status;
            s.seqGen = gen;
            gs.put(gid, s);
            oldState = TraceEvent.GoState.UNDETERMINED.ordinal();
        } else {
            throw error("status of a new goroutine " + gid + " after the first generation");
        }
        if (status == G_RUNNING) {
            newG = gid;
        } else if (status == G_SYSCALL) {
            if (mid == -1) {
                throw error("goroutine " + gid + " in a syscall without a thread");
            }
            if (mid == curM) {
                if (gen != initialGen && curG != gid) {
                    throw error("goroutine " + gid + " in a syscall on a thread that runs goroutine " + curG);
                }
                newG = gid;
            } else {
                MState other = ms.get(mid);
                if (other != null) {
                    if (other.g != gid) {
                        throw error("goroutine " + gid + " in a syscall on thread " + mid + ", which runs " + other.g);
                    }
                    curG = other.g;
                } else {
                    MState fresh = new MState();
                    fresh.g = gid;
                    ms.put(mid, fresh);
                }
                curM = mid;
            }
        }
        push(oldState);
        return true;
    }

    private boolean goCreate() throws TraceFormatException {
        require(true, Boolean.TRUE, null);
        GState cur = gs.get(curG);
        if (cur != null && cur.status != G_RUNNING) {
            throw error("goroutine " + curG + " creates a goroutine while not running");
        }
        long newId = args[0];
        if (gs.containsKey(newId)) {
            throw error("goroutine " + newId + " created twice");
        }
        GState s = new GState();
        s.status = type == EventType.GO_CREATE_BLOCKED ? G_WAITING : G_RUNNABLE;
        s.seqGen = gen;
        gs.put(newId, s);
        push(0);
        return true;
    }

    private boolean goStopExec() throws TraceFormatException {
        requireUserGo();
        GState s = goroutine(curG);
        if (s.status != G_RUNNING) {
            throw error("goroutine " + curG + " is not running");
        }
        switch (type) {
            case EventType.GO_DESTROY -> gs.remove(curG);
            case EventType.GO_STOP -> s.status = G_RUNNABLE;
            default -> s.status = G_WAITING;
        }
        newG = -1;
        push(0);
        return true;
    }

    private boolean goStart() throws TraceFormatException {
        long gid = args[0];
        GState s = gs.get(gid);
        if (s == null || s.status != G_RUNNABLE || !succeeds(args[1], s.seqGen, s.seq)) {
            return false;
        }
        require(true, Boolean.TRUE, Boolean.FALSE);
        s.status = G_RUNNING;
        s.seqGen = gen;
        s.seq = args[1];
        newG = gid;
        push(0);
        return true;
    }

    private boolean goUnblock() {
        long gid = args[0];
        GState s = gs.get(gid);
        if (s == null || s.status != G_WAITING || !succeeds(args[1], s.seqGen, s.seq)) {
            return false;
        }
        s.status = G_RUNNABLE;
        s.seqGen = gen;
        s.seq = args[1];
        push(0);
        return true;
    }

    private boolean goSwitch() throws TraceFormatException {
        requireUserGo();
        GState cur = goroutine(curG);
        if (cur.status != G_RUNNING) {
            throw error("goroutine " + curG + " is not running");
        }
        long next = args[0];
        GState n = gs.get(next);
        if (n == null || n.status != G_WAITING || !succeeds(args[1], n.seqGen, n.seq)) {
            return false;
        }
        push(0);
        if (type == EventType.GO_SWITCH) {
            cur.status = G_WAITING;
            pushMade(EventType.GO_BLOCK, curM, curP, curG, 0, 0);
        } else {
            gs.remove(curG);
            pushMade(EventType.GO_DESTROY, curM, curP, curG);
        }
        n.status = G_RUNNING;
        n.seqGen = gen;
        n.seq = args[1];
        newG = next;
        pushMade(EventType.GO_START, curM, curP, -1, next, args[1]);
        return true;
    }

    private boolean goSyscallBegin() throws TraceFormatException {
        requireUserGo();
        GState s = goroutine(curG);
        if (s.status != G_RUNNING) {
            throw error("goroutine " + curG + " enters a syscall while not running");
        }
        s.status = G_SYSCALL;
        PState p = proc(curP);
        p.status = P_SYSCALL;
        if (!succeeds(args[0], p.seqGen, p.seq)) {
            throw error("P " + curP + " sequence " + args[0] + " does not follow " + p.seq);
        }
        p.seqGen = gen;
        p.seq = args[0];
        push(0);
        return true;
    }

    private boolean goSyscallEnd() throws TraceFormatException {
        requireUserGo();
        GState s = goroutine(curG);
        if (s.status != G_SYSCALL) {
            throw error("goroutine " + curG + " leaves a syscall it is not in");
        }
        s.status = G_RUNNING;
        PState p = proc(curP);
        if (p.status != P_SYSCALL) {
            throw error("P " + curP + " is not in a syscall");
        }
        p.status = P_RUNNING;
        push(0);
        return true;
    }

    private boolean goSyscallEndBlocked() throws TraceFormatException {
        if (curP != -1) {
            PState p = proc(curP);
            if (p.status == P_SYSCALL) {
                // Someone must steal the P first: wait for their ProcSteal.
                return false;
            }
        }
        require(true, null, Boolean.TRUE);
        GState s = goroutine(curG);
        if (s.status != G_SYSCALL) {
            throw error("goroutine " + curG + " leaves a syscall it is not in");
        }
        newG = -1;
        s.status = G_RUNNABLE;
        push(0);
        return true;
    }

    private boolean goCreateSyscall() throws TraceFormatException {
        require(true, null, Boolean.FALSE);
        long newId = args[0];
        if (gs.containsKey(newId)) {
            throw error("goroutine " + newId + " created twice (in a syscall)");
        }
        GState s = new GState();
        s.status = G_SYSCALL;
        s.seqGen = gen;
        gs.put(newId, s);
        newG = newId;
        push(0);
        return true;
    }

    private boolean goDestroySyscall() throws TraceFormatException {
        require(true, null, Boolean.TRUE);
        GState s = goroutine(curG);
        if (s.status != G_SYSCALL) {
            throw error("goroutine " + curG + " ends in a syscall it is not in");
        }
        gs.remove(curG);
        newG = -1;
        if (curP != -1) {
            PState p = ps.get(curP);
            if (p == null) {
                throw error("P " + curP + " does not exist");
            }
            if (p.status != P_SYSCALL) {
                throw error("P " + curP + " is not in a syscall");
            }
            p.status = P_SYSCALL_ABANDONED;
            newP = -1;
            long[] a = new long[5];
            a[0] = curP;
            TraceEvent steal = new TraceEvent(EventType.PROC_STEAL, time, curM, curP, curG, a, tables);
            steal.oldState = P_SYSCALL;
            queue.add(steal);
        }
        push(0);
        return true;
    }

    private boolean taskBegin() throws TraceFormatException {
        long id = args[0];
        if (tasks.containsKey(id)) {
            throw error("task id " + id + " used twice");
        }
        long parent = args[1];
        if (parent == 0) {
            parent = -1;
            args[1] = -1;
        }
        String name = tables.strings.get(args[2]);
        if (name == null) {
            throw error("invalid string id " + args[2]);
        }
        tasks.put(id, new Task(name, parent));
        requireUserGo();
        push(0);
        return true;
    }

    private boolean taskEnd() throws TraceFormatException {
        Task t = tasks.remove(args[0]);
        args[2] = t == null ? -1 : t.parent();
        requireUserGo();
        TraceEvent e = new TraceEvent(type, time, curM, curP, curG, args, tables);
        e.extraString = t == null ? "" : t.name();
        queue.add(e);
        return true;
    }

    private boolean regionBegin() throws TraceFormatException {
        requireUserGo();
        String name = tables.strings.get(args[1]);
        if (name == null) {
            throw error("invalid string id " + args[1]);
        }
        GState s = gs.get(curG);
        if (s == null) {
            throw error("region begins on goroutine " + curG + " of unknown state");
        }
        s.regions.add(args[0] + "\u0000" + name);
        push(0);
        return true;
    }

    private boolean regionEnd() throws TraceFormatException {
        requireUserGo();
        String name = tables.strings.get(args[1]);
        if (name == null) {
            throw error("invalid string id " + args[1]);
        }
        GState s = gs.get(curG);
        if (s == null) {
            throw error("region ends on goroutine " + curG + " of unknown state");
        }
        if (!s.regions.isEmpty()) {
            String r = args[0] + "\u0000" + name;
            if (!s.regions.get(s.regions.size() - 1).equals(r)) {
                throw error("region " + name + " ends while an inner region is active");
            }
            s.regions.remove(s.regions.size() - 1);
        }
        push(0);
        return true;
    }

    private boolean gcActive() throws TraceFormatException {
        long seq = args[0];
        if (gen == initialGen) {
            if (gcState != GC_UNDETERMINED) {
                throw error("GCActive is not the first GC event of the first generation");
            }
            gcSeq = seq;
            gcState = GC_RUNNING;
            push(0);
            return true;
        }
        if (seq != gcSeq + 1) {
            return false;
        }
        if (gcState != GC_RUNNING) {
            throw error("GCActive while no GC runs");
        }
        gcSeq = seq;
        requireUserGo();
        push(0);
        return true;
    }

    private boolean gcBegin() throws TraceFormatException {
        long seq = args[0];
        if (gcState == GC_UNDETERMINED) {
            gcSeq = seq;
            gcState = GC_RUNNING;
            push(0);
            return true;
        }
        if (seq != gcSeq + 1) {
            return false;
        }
        if (gcState == GC_RUNNING) {
            throw error("GCBegin while a GC runs");
        }
        gcSeq = seq;
        gcState = GC_RUNNING;
        requireUserGo();
        push(0);
        return true;
    }

    private boolean gcEnd() throws TraceFormatException {
        long seq = args[0];
        if (seq != gcSeq + 1) {
            return false;
        }
        if (gcState == GC_NOT_RUNNING) {
            throw error("GCEnd while no GC runs");
        }
        if (gcState == GC_UNDETERMINED) {
            throw error("GCEnd while the GC state is undetermined");
        }
        gcSeq = seq;
        gcState = GC_NOT_RUNNING;
        requireUserGo();
        push(0);
        return true;
    }

    private boolean annotation() throws TraceFormatException {
        requireUserGo();
        push(0);
        return true;
    }

    private boolean heapMetric() throws TraceFormatException {
        require(true, Boolean.TRUE, null);
        push(0);
        return true;
    }

    private static int startOf(int t) {
        return switch (t) {
            case EventType.STW_END -> EventType.STW_BEGIN;
            case EventType.GC_SWEEP_ACTIVE, EventType.GC_SWEEP_END -> EventType.GC_SWEEP_BEGIN;
            case EventType.GC_MARK_ASSIST_ACTIVE, EventType.GC_MARK_ASSIST_END -> EventType.GC_MARK_ASSIST_BEGIN;
            default -> t;
        };
    }

    private void beginRange(List<Range> inFlight, Range r) throws TraceFormatException {
        if (inFlight.contains(r)) {
            throw error(EventType.name(r.type()) + " while one is already in flight");
        }
        inFlight.add(r);
    }

    private void activeRange(List<Range> inFlight, Range r) throws TraceFormatException {
        if (gen == initialGen) {
            if (inFlight.contains(r)) {
                throw error("active range already known in the first generation");
            }
            inFlight.add(r);
        } else if (!inFlight.contains(r)) {
            throw error("active range that never began");
        }
    }

    private long endRange(List<Range> inFlight) throws TraceFormatException {
        int start = startOf(type);
        for (int i = 0; i < inFlight.size(); i++) {
            if (inFlight.get(i).type() == start) {
                long desc = inFlight.get(i).desc();
                inFlight.set(i, inFlight.get(inFlight.size() - 1));
                inFlight.remove(inFlight.size() - 1);
                return desc;
            }
        }
        throw error("ends " + EventType.name(start) + ", which is not in flight");
    }

    private GState goroutine(long id) throws TraceFormatException {
        GState g = gs.get(id);
        if (g == null) {
            throw error("goroutine " + id + " does not exist");
        }
        return g;
    }

    private PState proc(long id) throws TraceFormatException {
        PState p = ps.get(id);
        if (p == null) {
            throw error("P " + id + " was never initialized");
        }
        return p;
    }

    private boolean sweepBegin() throws TraceFormatException {
        require(true, Boolean.TRUE, null);
        beginRange(proc(curP).inFlight, new Range(EventType.GC_SWEEP_BEGIN, 0));
        push(0);
        return true;
    }

    private boolean sweepActive() throws TraceFormatException {
        PState p = ps.get(args[0]);
        if (p == null) {
            throw error("GCSweepActive for unknown P " + args[0]);
        }
        activeRange(p.inFlight, new Range(EventType.GC_SWEEP_BEGIN, 0));
        push(0);
        return true;
    }

    private boolean sweepEnd() throws TraceFormatException {
        require(true, Boolean.TRUE, null);
        endRange(proc(curP).inFlight);
        push(0);
        return true;
    }

    private boolean goRangeBegin() throws TraceFormatException {
        requireUserGo();
        long desc = type == EventType.STW_BEGIN ? args[0] : 0;
        GState s = gs.get(curG);
        if (s == null) {
            throw error("range on goroutine " + curG + " of unknown state");
        }
        beginRange(s.inFlight, new Range(type, desc));
        push(0);
        return true;
    }

    private boolean goRangeActive() throws TraceFormatException {
        GState s = gs.get(args[0]);
        if (s == null) {
            throw error("unknown goroutine " + args[0]);
        }
        activeRange(s.inFlight, new Range(EventType.GC_MARK_ASSIST_BEGIN, 0));
        push(0);
        return true;
    }

    private boolean goRangeEnd() throws TraceFormatException {
        requireUserGo();
        GState s = gs.get(curG);
        if (s == null) {
            throw error("range on goroutine " + curG + " of unknown state");
        }
        long desc = endRange(s.inFlight);
        if (type == EventType.STW_END) {
            args[0] = desc;
        }
        push(0);
        return true;
    }
}
