package dev.curtain.engine.rules;

import dev.curtain.engine.event.Event.GoroutineCreated;
import dev.curtain.engine.event.Event.ProcessorAcquired;
import dev.curtain.engine.event.Event.ProcessorsResized;
import dev.curtain.engine.event.Event.RuntimeStarted;
import dev.curtain.engine.event.Place;
import dev.curtain.engine.event.RuntimeFunction;
import dev.curtain.engine.program.ChannelDecl;
import dev.curtain.engine.program.Program;
import dev.curtain.engine.state.ThreadRole;
import java.util.ArrayList;
import java.util.List;

/**
 * Process start, as rt0_go and schedinit do it: m0 exists, GOMAXPROCS Ps are allocated with P0 on m0, and the
 * main goroutine is created into P0's runnext. runtime.main's own work (sysmon, the init lock) happens when the
 * main goroutine first runs ({@link Interpreter}).
 */
final class Bootstrap {
    private Bootstrap() {
    }

    static void start(Runtime rt) {
        List<String> names = new ArrayList<>();
        List<Integer> caps = new ArrayList<>();
        for (ChannelDecl c : rt.program.channels()) {
            names.add(c.name());
            caps.add(c.capacity());
        }
        int n = rt.options.gomaxprocs();
        rt.emit(new RuntimeStarted(rt.seq(), 0, rt.version.toString(), n, rt.program.baseline(), names, caps));
        int m0 = rt.threads.addThread(RuntimeFunction.RT0_GO, ThreadRole.MAIN, -1, rt.program.baseline(), false);
        rt.emit(new ProcessorsResized(rt.seq(), 0, RuntimeFunction.SCHEDINIT, 0, n));
        rt.emit(new ProcessorAcquired(rt.seq(), 0, RuntimeFunction.SCHEDINIT, 0, m0));
        // procresize puts the idle Ps on the stack from the highest id down, so P1 is taken first.
        for (int p = n - 1; p >= 1; p--) {
            rt.pidle.addLast(p);
        }
        // rt0_go's newproc puts main in runnext, and runtime.main then schedules its helpers (forcegchelper,
        // bgsweep, bgscavenge) before main.main, so P0's schedtick is past 0 when user code starts. The model does
        // not show those helpers; it starts main from P0's ring instead, which ticks schedtick once. Without this,
        // the 1-in-61 fairness check would fire on P0's very first global-queue look, which real programs never see.
        int main = rt.interpreter.newGoroutine(Program.MAIN, true);
        rt.emit(new GoroutineCreated(rt.seq(), 0, main, Program.MAIN, -1, Place.localQueue(0)));
        rt.wakeM(m0, 0, Wakeup.Kind.SCHEDULE);
    }
}
