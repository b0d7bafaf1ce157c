package dev.curtain.importer;

import dev.curtain.engine.event.Place;
import dev.curtain.engine.event.PlaceKind;
import dev.curtain.engine.state.GStatus;
import dev.curtain.engine.state.GoroutineTable;
import dev.curtain.engine.state.MState;
import dev.curtain.engine.state.PStatus;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadRole;
import dev.curtain.engine.state.WaitReason;
import dev.curtain.importer.TraceLine.GLine;
import dev.curtain.importer.TraceLine.MLine;
import dev.curtain.importer.TraceLine.PLine;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The target of a detailed ({@code scheddetail=1}) block. The runtime prints P, M and G lines one after another
 * while the Ps keep running, so they can disagree; the rules that settle it, in order of trust:
 * <ul>
 *   <li>A P line's status and {@code m=} decide who owns a P; a P in {@code _Psyscall} (status 2, up to Go 1.25,
 *       printed with no M) is given to the M whose goroutine is in a syscall without a P, preferring the one
 *       that held it before. {@code _Pgcstop} (3) shows as idle: the engine has no stop-the-world.</li>
 *   <li>An M line's {@code curg=} places a goroutine on that thread when the G line agrees it runs (2, or 8 while
 *       its stack moves) or is in a syscall (3); a running goroutine on a thread without a P is drawn in the
 *       syscall zone, the only place the engine has for a G on a P-less thread.</li>
 *   <li>A G line's status places every other goroutine: waiting (4, 9 preempted, 10 leaked) with its reason,
 *       runnable (1, or 2/3 with no thread claiming it) in a run queue, dead (6, 11). Dead goroutines never
 *       seen alive are not created.</li>
 *   <li>Runnable goroutines fill the printed queue lengths ({@link QueueAssigner}); extras go to runnext, which
 *       schedtrace does not count.</li>
 * </ul>
 */
final class DetailedLayout {
    /** At most this many threads appear between two blocks (the runtime's default limit is 10,000 in all). */
    static final int MAX_NEW_THREADS = 10_000;
    private final GoroutineIds ids;
    private final ThreadRoles roles;
    private final Consumer<ImportWarning> warnings;
    /** The G lines of the block being laid out, by goid. */
    private Map<Long, GLine> gLines = Map.of();

    DetailedLayout(GoroutineIds ids, ThreadRoles roles, Consumer<ImportWarning> warnings) {
        this.ids = ids;
        this.roles = roles;
        this.warnings = warnings;
    }

    Target build(Keyframe kf, SchedState s) {
        int gmp = kf.header().gomaxprocs();
        Target t = new Target(gmp);
        GoroutineTable gs = s.goroutines();

        Map<Integer, MLine> mLines = new HashMap<>();
        int maxM = -1;
        for (MLine m : kf.ms()) {
            if (m.id() > s.threads().size() + MAX_NEW_THREADS) {
                // Ids are handed out one by one; a jump this large is a corrupt line, and would clone that many.
                warnings.accept(new ImportWarning(kf.line(), "M" + m.id()
                        + " is far beyond the threads so far: ignored"));
                continue;
            }
            if (m.id() < s.threads().size() && !s.thread(m.id()).alive()) {
                warnings.accept(new ImportWarning(kf.line(), "M" + m.id() + " reappears after it exited: ignored"));
                continue;
            }
            if (mLines.putIfAbsent(m.id(), m) == null) {
                maxM = Math.max(maxM, m.id());
            }
        }
        roles.decide(kf);
        t.threads(Math.max(s.threads().size(), maxM + 1));
        for (int m = 0; m < t.threadCount; m++) {
            t.roles[m] = roles.role(m);
            t.alive[m] = mLines.containsKey(m);
        }

        gLines = new HashMap<>();
        for (GLine g : kf.gs()) {
            gLines.putIfAbsent(g.goid(), g);
        }

        // Ps: the P line's owner, else an M that says it holds the P.
        boolean[] syscallP = new boolean[gmp];
        boolean[] seenP = new boolean[gmp];
        for (PLine p : kf.ps()) {
            if (p.id() >= gmp) {
                continue;
            }
            if (seenP[p.id()]) {
                // The runtime prints each P once per block: a second line is a corrupt log, and taking both made
                // two threads hold one P. The first line decides, as for M and G lines.
                warnings.accept(new ImportWarning(kf.line(), "P" + p.id() + " is printed twice in one block: the "
                        + "first line is used"));
                continue;
            }
            seenP[p.id()] = true;
            if (p.status() == PStatus.RUNNING.code()) {
                int owner = p.m() >= 0 && mLines.containsKey(p.m()) ? p.m() : claimant(mLines, p.id());
                if (owner >= 0 && t.mP[owner] < 0) {
                    t.own(p.id(), owner, PStatus.RUNNING);
                }
            } else if (p.status() == PStatus.SYSCALL.code()) {
                syscallP[p.id()] = true;
                t.pSyscallStatus = true;
            }
        }

        // Current goroutines of the threads.
        boolean[] syscallNoP = new boolean[t.threadCount];
        for (int m = 0; m < t.threadCount; m++) {
            MLine ml = mLines.get(m);
            if (ml == null || ml.curg() < 0) {
                continue;
            }
            GLine gl = gLines.get(ml.curg());
            int st = gl == null ? (t.mP[m] >= 0 ? 2 : 3) : gl.baseStatus();
            boolean runs = st == 2 || st == 8;
            if (!runs && st != 3) {
                continue;
            }
            int known = ids.engine(ml.curg());
            if (deadInEngine(gs, known)) {
                continue;
            }
            int e = engineId(ml.curg(), t);
            if (t.places.containsKey(e)) {
                continue;
            }
            boolean onCpu = runs && t.mP[m] >= 0;
            t.places.put(e, onCpu ? Place.running(m) : Place.syscall(m));
            t.mCurg[m] = e;
            syscallNoP[m] = !onCpu && t.mP[m] < 0;
        }

        // _Psyscall Ps go to threads in a syscall without a P, the previous holder first.
        for (int p = 0; p < gmp; p++) {
            if (!syscallP[p]) {
                continue;
            }
            int prev = p < s.processors().size() ? s.processor(p).m() : -1;
            int m = prev >= 0 && prev < syscallNoP.length && syscallNoP[prev] ? prev : -1;
            for (int c = 0; m < 0 && c < syscallNoP.length; c++) {
                if (syscallNoP[c]) {
                    m = c;
                }
            }
            if (m >= 0) {
                syscallNoP[m] = false;
                t.own(p, m, PStatus.SYSCALL);
            }
        }

        // Every other listed goroutine, by its own status.
        List<Integer> runnable = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (GLine gl : kf.gs()) {
            int known = ids.engine(gl.goid());
            if (!seen.add(gl.goid()) || (known >= 0 && t.places.containsKey(known)) || deadInEngine(gs, known)) {
                continue;
            }
            int st = gl.baseStatus();
            switch (st) {
                case 1, 2, 3 -> runnable.add(engineId(gl.goid(), t));
                case 4, 9, 10 -> {
                    int e = engineId(gl.goid(), t);
                    t.places.put(e, Place.waiting(-1));
                    t.reasons.put(e, reason(st == 9 ? "preempted" : gl.waitReason()));
                }
                case 8 -> {
                    int e = engineId(gl.goid(), t);
                    if (known >= 0 && gs.exists(known) && gs.placeKind(known) == PlaceKind.WAITING) {
                        t.places.put(e, Place.waiting(-1));
                        t.reasons.put(e, gs.waitReason(known));
                    } else {
                        runnable.add(e);
                    }
                }
                default -> {
                    if (known >= 0) {
                        t.places.put(known, Place.DEAD);
                    }
                }
            }
        }

        // Goroutines a whole block does not list are gone: the runtime reuses a dead G's struct under a new goid,
        // so the old goid drops out of allgs. A cut-off last block keeps them as they were, unless their thread
        // moved on.
        BitSet listed = new BitSet();
        for (int g : runnable) {
            listed.set(g);
        }
        for (int g = 1; g < gs.size(); g++) {
            if (listed.get(g) || t.places.containsKey(g) || gs.status(g) == GStatus.DEAD) {
                continue;
            }
            if (!kf.partial()) {
                t.places.put(g, Place.DEAD);
                continue;
            }
            Place cur = gs.place(g);
            boolean onThread = cur.kind() == PlaceKind.RUNNING || cur.kind() == PlaceKind.SYSCALL;
            boolean queued = cur.kind() == PlaceKind.LOCAL_QUEUE || cur.kind() == PlaceKind.RUNNEXT
                    || cur.kind() == PlaceKind.GLOBAL_QUEUE;
            if (onThread && (cur.id() >= t.threadCount || t.mCurg[cur.id()] != g || !t.alive[cur.id()])) {
                runnable.add(g);
            } else if (onThread) {
                t.places.put(g, cur);
            } else if (queued) {
                runnable.add(g);
            }
        }

        lockThreads(kf, t, mLines, gLines, gs);
        threadStates(t, mLines);

        int[] quota = new int[gmp];
        for (int p = 0; p < gmp; p++) {
            quota[p] = kf.localRunq(p);
        }
        QueueAssigner queues = new QueueAssigner(t, quota, kf.header().runqueue(), true);
        queues.keepOrDefer(runnable, gs);
        for (int g : queues.fill()) {
            t.places.put(g, Place.GLOBAL);
        }
        return t;
    }

    private static boolean deadInEngine(GoroutineTable gs, int e) {
        return e >= 0 && gs.exists(e) && gs.status(e) == GStatus.DEAD;
    }

    private static int claimant(Map<Integer, MLine> mLines, int p) {
        int best = -1;
        for (MLine m : mLines.values()) {
            if (m.p() == p && (best < 0 || m.id() < best)) {
                best = m.id();
            }
        }
        return best;
    }

    /** The engine id of real goid {@code goid}, assigning one (and scheduling its creation) if it is new. */
    private int engineId(long goid, Target t) {
        int e = ids.engine(goid);
        if (e < 0) {
            e = ids.assign(goid);
            GLine line = gLines.get(goid);
            t.creates.add(new Target.NewGoroutine(e, GoroutineIds.name(goid, line == null ? "" : line.waitReason())));
        }
        return e;
    }

    private void lockThreads(Keyframe kf, Target t, Map<Integer, MLine> mLines, Map<Long, GLine> gLines,
                             GoroutineTable gs) {
        for (int m = 0; m < t.threadCount; m++) {
            MLine ml = mLines.get(m);
            long goid = ml == null ? -1 : ml.lockedg();
            if (goid < 0) {
                continue;
            }
            GLine gl = gLines.get(goid);
            if (gl != null && gl.lockedm() >= 0 && gl.lockedm() != m) {
                continue;
            }
            int e = ids.engine(goid);
            if (e < 0) {
                continue;
            }
            Place p = t.place(e);
            if (p == null && gs.exists(e)) {
                p = gs.place(e);
            }
            if (p == null || p.kind() == PlaceKind.DEAD || t.locks.containsKey(e)) {
                continue;
            }
            boolean onThread = p.kind() == PlaceKind.RUNNING || p.kind() == PlaceKind.SYSCALL;
            if ((onThread && p.id() != m) || (t.mCurg[m] >= 0 && t.mCurg[m] != e)) {
                continue;
            }
            t.locks.put(e, m);
            t.mLocked[m] = e;
        }
    }

    private void threadStates(Target t, Map<Integer, MLine> mLines) {
        for (int m = 0; m < t.threadCount; m++) {
            if (!t.alive[m]) {
                t.mState[m] = MState.EXITED;
                continue;
            }
            MLine ml = mLines.get(m);
            int g = t.mCurg[m];
            boolean inSyscall = g >= 0 && t.place(g).kind() == PlaceKind.SYSCALL;
            if (t.mP[m] >= 0) {
                t.mState[m] = inSyscall ? MState.SYSCALL
                        : g < 0 && ml.spinning() ? MState.SPINNING : MState.RUNNING;
            } else if (g >= 0) {
                t.mState[m] = MState.SYSCALL;
            } else if (t.mLocked[m] >= 0) {
                t.mState[m] = MState.LOCKED_IDLE;
            } else if (t.roles[m].isSystem()) {
                t.mState[m] = MState.SYSTEM;
            } else {
                t.mState[m] = MState.IDLE;
            }
        }
    }

    /**
     * The engine's wait reason for a printed one (or a Go trace's block reason: "network" is the netpoller's IO
     * wait, "forever" a select with no cases); reasons the engine does not model show as none.
     */
    static WaitReason reason(String printed) {
        String r = printed.endsWith(" (durable)") ? printed.substring(0, printed.length() - 10) : printed;
        if (r.startsWith("chan send")) {
            return WaitReason.CHAN_SEND;
        }
        if (r.startsWith("chan receive")) {
            return WaitReason.CHAN_RECEIVE;
        }
        return switch (r) {
            case "sleep" -> WaitReason.SLEEP;
            case "IO wait", "network" -> WaitReason.IO_WAIT;
            case "forever" -> WaitReason.FOREVER;
            case "preempted" -> WaitReason.PREEMPTED;
            case "select (no cases)" -> WaitReason.FOREVER;
            default -> WaitReason.NONE;
        };
    }
}
