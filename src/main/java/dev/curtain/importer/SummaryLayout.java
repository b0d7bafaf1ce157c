package dev.curtain.importer;

import dev.curtain.engine.event.Place;
import dev.curtain.engine.state.IntDeque;
import dev.curtain.engine.state.MState;
import dev.curtain.engine.state.PStatus;
import dev.curtain.engine.state.ProcessorState;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadRole;
import dev.curtain.engine.state.ThreadState;
import dev.curtain.importer.TraceLine.Header;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The target of a summary line (schedtrace without scheddetail), which gives only counts and queue lengths. What
 * it shows is exactly what the line says, and the rest is the least surprising arrangement, kept stable from one
 * line to the next so that only real changes animate:
 * <ul>
 *   <li>{@code gomaxprocs - idleprocs} Ps run, those with queued work first (an idle P's queue is always empty);</li>
 *   <li>{@code threads} Ms: M0, sysmon (M1), one per running P ({@code spinningthreads} of them spinning),
 *       {@code idlethreads} idle, and the rest blocked in the kernel without a P (a syscall or cgo call: the only
 *       other reason a Go thread is neither idle nor holding a P), drawn in the syscall zone with no goroutine;</li>
 *   <li>each run queue holds as many placeholder goroutines, named {@value #PLACEHOLDER}, as the line prints.</li>
 * </ul>
 */
final class SummaryLayout {
    /** The function name of the goroutines that stand for queue lengths. */
    static final String PLACEHOLDER = "runnable (from schedtrace)";
    /** The global queue can hold millions; beyond this the animation shows this many and the keyframe the rest. */
    static final int MAX_GLOBAL_PLACEHOLDERS = 4096;
    /**
     * The same for all local queues together: 4,096 Ps with 256 queued each are a million goroutines, and lines
     * alternating between that and empty queues made millions of events per line. The keyframe keeps the counts.
     */
    static final int MAX_LOCAL_PLACEHOLDERS = 16_384;

    private final GoroutineIds ids;

    SummaryLayout(GoroutineIds ids) {
        this.ids = ids;
    }

    Target build(Keyframe kf, SchedState s) {
        Header h = kf.header();
        int gmp = h.gomaxprocs();
        Target t = new Target(gmp);
        int running = Math.max(0, Math.min(gmp, gmp - h.idleprocs()));

        List<Integer> order = new ArrayList<>();
        for (int p = 0; p < gmp; p++) {
            order.add(p);
        }
        order.sort(Comparator.<Integer>comparingInt(p -> h.localRunq()[p] > 0 ? 0 : 1)
                .thenComparingInt(p -> p < s.processors().size() && s.processor(p).m() >= 0 ? 0 : 1)
                .thenComparingInt(p -> p));
        List<Integer> runningPs = order.subList(0, running);

        // Threads: M0 and sysmon always; the others (N of them, M0 included) cover the running Ps, the idle and
        // the blocked ones.
        int n = Math.max(running, Math.max(2, h.threads()) - 1);
        int idle = Math.min(h.idlethreads(), n - running);
        List<Integer> pool = new ArrayList<>();
        List<Integer> spare = new ArrayList<>();
        int existing = s.threads().size();
        for (int m = 0; m < existing; m++) {
            if (m != 1 && s.thread(m).alive()) {
                pool.add(m);
            }
        }
        if (existing == 0) {
            pool.add(0);
        }
        // Fewer than needed: the ids of threads that exited first (a summary line names no thread, so which id a
        // thread has is ours to choose, and reusing them keeps a long log's table as small as its busiest line),
        // then new threads. More: the surplus exits, idle ones first, never M0.
        int count = Math.max(existing, 2);
        for (int m = 2; m < existing && pool.size() < n; m++) {
            if (!s.thread(m).alive()) {
                pool.add(m);
            }
        }
        while (pool.size() < n) {
            pool.add(count++);
        }
        if (pool.size() > n) {
            List<Integer> byExitPreference = new ArrayList<>(pool);
            byExitPreference.remove(Integer.valueOf(0));
            byExitPreference.sort(Comparator.<Integer>comparingInt(m -> exitRank(s, m)).thenComparingInt(m -> -m));
            for (int i = 0; i < pool.size() - n && i < byExitPreference.size(); i++) {
                spare.add(byExitPreference.get(i));
            }
            pool.removeAll(spare);
        }
        t.threads(count);
        for (int m = 0; m < count; m++) {
            t.roles[m] = m == 0 ? ThreadRole.MAIN : m == 1 ? ThreadRole.SYSMON : ThreadRole.WORKER;
        }
        t.alive[1] = true;
        t.mState[1] = MState.SYSTEM;
        for (int m : pool) {
            t.alive[m] = true;
        }

        // Running Ps keep their owner when it stays; the others take threads that held a P, then busy, then idle.
        List<Integer> free = new ArrayList<>(pool);
        List<Integer> unowned = new ArrayList<>();
        for (int p : runningPs) {
            int prev = p < s.processors().size() ? s.processor(p).m() : -1;
            if (prev >= 0 && free.remove(Integer.valueOf(prev))) {
                t.own(p, prev, PStatus.RUNNING);
            } else {
                unowned.add(p);
            }
        }
        free.sort(Comparator.<Integer>comparingInt(m -> ownRank(s, m)).thenComparingInt(m -> m));
        for (int p : unowned) {
            t.own(p, free.remove(0), PStatus.RUNNING);
        }
        int spinning = Math.min(h.spinningthreads(), running);
        List<Integer> holders = new ArrayList<>();
        for (int p : runningPs) {
            holders.add(t.pOwner[p]);
        }
        holders.sort(Comparator.<Integer>comparingInt(m -> m < existing && s.thread(m).spinning() ? 0 : 1)
                .thenComparingInt(m -> -m));
        for (int i = 0; i < holders.size(); i++) {
            t.mState[holders.get(i)] = i < spinning ? MState.SPINNING : MState.RUNNING;
        }
        free.sort(Comparator.<Integer>comparingInt(m -> m < existing && s.thread(m).state() == MState.IDLE ? 0 : 1)
                .thenComparingInt(m -> m));
        for (int i = 0; i < free.size(); i++) {
            t.mState[free.get(i)] = i < idle ? MState.IDLE : MState.SYSCALL;
        }

        placeholders(kf, s, t);
        return t;
    }

    private static int exitRank(SchedState s, int m) {
        if (m >= s.threads().size()) {
            return 3;
        }
        ThreadState th = s.thread(m);
        return th.state() == MState.IDLE ? 0 : th.p() < 0 ? 1 : 2;
    }

    private static int ownRank(SchedState s, int m) {
        if (m >= s.threads().size()) {
            return 2;
        }
        ThreadState th = s.thread(m);
        return th.p() >= 0 ? 0 : th.state() == MState.SYSCALL ? 1 : 2;
    }

    /**
     * Only the goroutines that must move get a target, so a line costs what changed, not what is queued: surplus
     * placeholders (from the tail of queues that shrank, or of Ps that went away) fill queues that grew, the rest
     * finish, and new ones are created for what is still missing.
     */
    private void placeholders(Keyframe kf, SchedState s, Target t) {
        Header h = kf.header();
        List<Integer> surplus = new ArrayList<>();
        List<Place> missing = new ArrayList<>();
        int live = s.gomaxprocs();
        int budget = MAX_LOCAL_PLACEHOLDERS;
        for (int p = 0; p < Math.max(live, t.gomaxprocs); p++) {
            ProcessorState ps = p < live ? s.processor(p) : null;
            int have = ps == null ? 0 : ps.runqSize();
            int want = p < t.gomaxprocs ? Math.min(ProcessorState.RING, Math.max(0, h.localRunq()[p])) : 0;
            want = Math.min(want, budget);
            budget -= want;
            for (int i = want; i < have; i++) {
                surplus.add(ps.runqAt(i));
            }
            if (ps != null && ps.runnext() >= 0) {
                surplus.add(ps.runnext());
            }
            for (int i = have; i < want; i++) {
                missing.add(Place.localQueue(p));
            }
        }
        IntDeque global = s.globalQueue();
        int want = Math.min(Math.max(0, h.runqueue()), MAX_GLOBAL_PLACEHOLDERS);
        for (int i = want; i < global.size(); i++) {
            surplus.add(global.get(i));
        }
        for (int i = global.size(); i < want; i++) {
            missing.add(Place.GLOBAL);
        }
        int reused = Math.min(surplus.size(), missing.size());
        for (int i = 0; i < reused; i++) {
            t.places.put(surplus.get(i), missing.get(i));
        }
        for (int i = reused; i < surplus.size(); i++) {
            t.places.put(surplus.get(i), Place.DEAD);
        }
        for (int i = reused; i < missing.size(); i++) {
            int g = ids.assign(-1);
            t.creates.add(new Target.NewGoroutine(g, PLACEHOLDER));
            t.places.put(g, missing.get(i));
        }
    }
}
