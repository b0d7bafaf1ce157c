package dev.curtain.engine.state;

import dev.curtain.engine.event.PlaceKind;
import java.util.ArrayList;
import java.util.List;

/**
 * What must hold after every event, whatever the program: each live G in exactly one place and that place agreeing
 * with its status, at most GOMAXPROCS Ps running, P and M owning each other one to one, a locked M running only its
 * G. Tests check it after each event of every run; a violation names the event index.
 */
public final class Invariants {
    private Invariants() {
    }

    /** The violations in {@code s}, empty when all hold. */
    public static List<String> violations(SchedState s) {
        List<String> out = new ArrayList<>();
        GoroutineTable gs = s.goroutines();
        int[] seenInContainers = new int[gs.size()];
        for (ProcessorState p : s.processors) {
            if (p.runnext >= 0) {
                seenInContainers[p.runnext]++;
                expectPlace(out, gs, p.runnext, PlaceKind.RUNNEXT, p.id());
            }
            for (int g : p.runq()) {
                seenInContainers[g]++;
                expectPlace(out, gs, g, PlaceKind.LOCAL_QUEUE, p.id());
            }
            if (p.runqSize() > ProcessorState.RING) {
                out.add("P" + p.id() + " ring holds " + p.runqSize());
            }
        }
        for (int i = 0; i < s.globalQueue.size(); i++) {
            int g = s.globalQueue.get(i);
            seenInContainers[g]++;
            expectPlace(out, gs, g, PlaceKind.GLOBAL_QUEUE, -1);
        }
        for (ThreadState t : s.threads) {
            if (t.curg >= 0) {
                seenInContainers[t.curg]++;
                PlaceKind k = gs.placeKind(t.curg);
                if ((k != PlaceKind.RUNNING && k != PlaceKind.SYSCALL) || gs.place(t.curg).id() != t.id()) {
                    out.add("M" + t.id() + ".curg=G" + t.curg + " but G is " + gs.place(t.curg));
                }
                if (t.lockedg >= 0 && t.lockedg != t.curg) {
                    out.add("M" + t.id() + " locked to G" + t.lockedg + " runs G" + t.curg);
                }
            }
            if (t.p >= 0) {
                ProcessorState p = s.processors.get(t.p);
                if (p.m != t.id()) {
                    out.add("M" + t.id() + " holds P" + t.p + " but P" + t.p + ".m=" + p.m);
                }
            }
            if (!t.started && t.alive() && (t.props.sigmask() != ThreadProps.ALL_SIGNALS_BLOCKED || t.curg >= 0)) {
                // newosproc clones with every signal blocked and minit unblocks them before schedule() runs
                // anything (proc.go mstart1): a thread that has not reached minit runs no goroutine.
                out.add("M" + t.id() + " has not reached minit but has sigmask "
                        + ThreadProps.maskHex(t.props.sigmask()) + " and G" + t.curg);
            }
            if (t.state == MState.SPINNING && t.p < 0) {
                out.add("M" + t.id() + " spins without a P");
            }
            if ((t.state == MState.IDLE || t.state == MState.LOCKED_IDLE || t.state == MState.EXITED
                    || t.state == MState.WEDGED) && (t.p >= 0 || t.curg >= 0)) {
                out.add("M" + t.id() + " is " + t.state.key() + " but holds P" + t.p + "/G" + t.curg);
            }
        }
        int running = 0;
        for (ProcessorState p : s.processors) {
            if (p.m >= 0) {
                ThreadState t = s.threads.get(p.m);
                if (t.p != p.id()) {
                    out.add("P" + p.id() + ".m=M" + p.m + " but M" + p.m + ".p=" + t.p);
                }
            }
            if (p.status == PStatus.RUNNING || p.status == PStatus.SYSCALL) {
                running++;
                if (p.id() >= s.gomaxprocs) {
                    out.add("P" + p.id() + " runs beyond GOMAXPROCS=" + s.gomaxprocs);
                }
            }
            if (p.status == PStatus.IDLE && p.m >= 0) {
                out.add("P" + p.id() + " idle but held by M" + p.m);
            }
        }
        if (running > s.gomaxprocs) {
            out.add(running + " Ps running with GOMAXPROCS=" + s.gomaxprocs);
        }
        for (int g = 1; g < gs.size(); g++) {
            PlaceKind k = gs.placeKind(g);
            GStatus st = gs.status(g);
            boolean queued = k == PlaceKind.RUNNEXT || k == PlaceKind.LOCAL_QUEUE || k == PlaceKind.GLOBAL_QUEUE;
            int expectedSeen = queued || k == PlaceKind.RUNNING || k == PlaceKind.SYSCALL ? 1 : 0;
            if (seenInContainers[g] != expectedSeen) {
                out.add("G" + g + " (" + gs.place(g) + ") appears " + seenInContainers[g] + " times in queues/threads");
            }
            GStatus expected = switch (k) {
                case RUNNEXT, LOCAL_QUEUE, GLOBAL_QUEUE -> GStatus.RUNNABLE;
                case RUNNING -> GStatus.RUNNING;
                case SYSCALL -> GStatus.SYSCALL;
                case WAITING -> GStatus.WAITING;
                case DEAD -> GStatus.DEAD;
                case NONE -> st;
            };
            if (st != expected) {
                out.add("G" + g + " is " + st.key() + " at " + gs.place(g));
            }
            if (gs.lockedM(g) >= 0 && st != GStatus.DEAD) {
                ThreadState t = s.threads.get(gs.lockedM(g));
                if (t.lockedg != g) {
                    out.add("G" + g + " locked to M" + t.id() + " whose lockedg=" + t.lockedg);
                }
                if ((k == PlaceKind.RUNNING || k == PlaceKind.SYSCALL) && gs.place(g).id() != t.id()) {
                    out.add("G" + g + " locked to M" + t.id() + " runs on M" + gs.place(g).id());
                }
            }
        }
        return out;
    }

    /** Throws with every violation and the event count if any invariant fails. */
    public static void check(SchedState s) {
        List<String> v = violations(s);
        if (!v.isEmpty()) {
            throw new IllegalStateException("after event " + (s.eventCount() - 1) + ": " + String.join("; ", v));
        }
    }

    private static void expectPlace(List<String> out, GoroutineTable gs, int g, PlaceKind k, int id) {
        if (gs.placeKind(g) != k || (id >= 0 && gs.place(g).id() != id)) {
            out.add("G" + g + " found in " + k + (id >= 0 ? " of P" + id : "") + " but its place is " + gs.place(g));
        }
    }
}
