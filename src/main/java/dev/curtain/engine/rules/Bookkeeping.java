package dev.curtain.engine.rules;

import dev.curtain.engine.state.GStatus;
import dev.curtain.engine.state.GoroutineTable;
import dev.curtain.engine.state.MState;
import dev.curtain.engine.state.PStatus;
import dev.curtain.engine.state.ProcessorState;
import dev.curtain.engine.state.SchedState;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime's own bookkeeping held against the state it summarises: {@code sched.pidle} is exactly the idle Ps
 * that no M holds, {@code sched.nmspinning} counts the spinning Ms, and each goroutine's {@code lockedExt} and
 * {@code lockedInt} agree with the M it is locked to. The rules decide from the counters (wakep, findRunnable's
 * spinning limit, retake), so a counter that drifts changes what the scheduler does without any state invariant
 * noticing. Tests check this after every event ({@code Simulator.runChecked}).
 */
final class Bookkeeping {
    private Bookkeeping() {
    }

    static List<String> violations(Runtime rt) {
        List<String> out = new ArrayList<>();
        SchedState s = rt.state;
        idleProcessors(rt, s, out);
        int spinning = s.threadsIn(MState.SPINNING);
        if (rt.nmspinning != spinning) {
            out.add("sched.nmspinning=" + rt.nmspinning + " but " + spinning + " Ms spin");
        }
        locks(rt, s, out);
        if (rt.cpus != null) {
            String cpu = rt.cpus.violation();
            if (cpu != null) {
                out.add(cpu);
            }
        }
        return out;
    }

    private static void idleProcessors(Runtime rt, SchedState s, List<String> out) {
        boolean[] listed = new boolean[s.processors().size()];
        for (int i = 0; i < rt.pidle.size(); i++) {
            int p = rt.pidle.get(i);
            if (p < 0 || p >= s.gomaxprocs()) {
                out.add("sched.pidle holds P" + p + ", outside GOMAXPROCS=" + s.gomaxprocs());
                continue;
            }
            if (listed[p]) {
                out.add("sched.pidle holds P" + p + " twice");
            }
            listed[p] = true;
            ProcessorState ps = s.processor(p);
            if (ps.status() != PStatus.IDLE || ps.m() >= 0) {
                out.add("sched.pidle holds P" + p + ", which is " + ps.status().key()
                        + (ps.m() >= 0 ? " on M" + ps.m() : ""));
            }
        }
        for (int p = 0; p < s.gomaxprocs(); p++) {
            ProcessorState ps = s.processor(p);
            if (ps.status() == PStatus.IDLE && ps.m() < 0 && !listed[p] && !rt.gc.holdsBack(p)) {
                out.add("P" + p + " is idle and held by no M, but not in sched.pidle");
            }
        }
    }

    private static void locks(Runtime rt, SchedState s, List<String> out) {
        GoroutineTable gs = s.goroutines();
        for (int g = 1; g < rt.contextCount() && g < gs.size(); g++) {
            GoroutineContext ctx = rt.g(g);
            if (ctx == null || gs.status(g) == GStatus.DEAD) {
                continue;
            }
            int lockedM = gs.lockedM(g);
            if (ctx.locked() != (lockedM >= 0) || ctx.lockDepth() != gs.lockDepth(g)) {
                out.add("G" + g + " has lockedExt=" + ctx.lockedExt + " lockedInt=" + ctx.lockedInt
                        + " but is locked " + gs.lockDepth(g) + " deep to M" + lockedM);
            }
            if (lockedM >= 0 && s.thread(lockedM).lockedg() != g) {
                out.add("G" + g + " is locked to M" + lockedM + " whose lockedg=" + s.thread(lockedM).lockedg());
            }
        }
    }
}
