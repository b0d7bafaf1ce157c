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
 * main goroutine first runs ({@link Interpreter}). With that work modelled ({@code runtimeBackground}) and two Ps
 * or more, main.main may start on P1 instead, as the start-up race leaves it ({@link #MAIN_ON_P1_PER_200}).
 */
final class Bootstrap {
    private Bootstrap() {
    }

    /**
     * With the runtime's start-up work modelled and two Ps or more, in how many runs of 200 main.main starts on P1
     * with P0 idle, P0 never having started a goroutine but from runnext: gcenable's helpers ran on the thread that
     * stole them to P1, the last one's send readied main into P1's runnext, and m0 took main over there
     * (startlockedm); P0's thread ran only what runnext held, so P0's schedtick is still 0. Measured:
     * calibration/probes/spin-flag-start (results/spin-flag-start.*), 125 of 200 runs: 64 of 100 on Go 1.22, 61 on
     * Go 1.23, P0's schedtick 0 in each (earlier runs on the loaded host gave 28-55% on Go 1.22, 55-60% on 1.23).
     */
    static final int MAIN_ON_P1_PER_200 = 125;

    /**
     * Of the runs where main.main starts on P1, in how many of 200 the finalizer goroutine is still waiting in P1's
     * runnext: the os package's init makes it (os.NewFile for Stdin, Stdout and Stderr calls runtime.SetFinalizer,
     * whose createfing runs {@code go runfinq()}, mfinal.go), main goes on running, and nothing has taken it
     * yet. At GOMAXPROCS(1) procresize moves it to the global queue ahead of main, so the first reschedule on P0
     * runs it. Measured on the loaded 2-core host: main entered spin-flag's first spin with P0's schedtick still 0
     * in 58 of the 335 runs that started on P1 (calibration/probes/spin-flag-start and spin-flag-stops), and
     * calibration/probes/spin-flag-guard shows those are the runs with runtime.runfinq at the head of the global
     * queue (all 217 such runs of 400 on a quieter machine, where it was pending far more often).
     */
    static final int FINQ_PENDING_PER_200 = 35;

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
        // The start-up itself is not drawn; where it leaves main is (MAIN_ON_P1_PER_200): on P1, m0 holds P1 from
        // the start and P0 waits idle with its schedtick at 0.
        int mainP = rt.options.runtimeBackground() && n >= 2
                && rt.startupRng.nextInt(200) < MAIN_ON_P1_PER_200 ? 1 : 0;
        // Every calibration program imports os (it prints through os.Stdout), so its init has made the finalizer
        // goroutine; whether it still waits in main's runnext is drawn where it matters, with main on P1.
        rt.finqPending = mainP == 1 && rt.startupRng.nextInt(200) < FINQ_PENDING_PER_200;
        rt.emit(new ProcessorAcquired(rt.seq(), 0, RuntimeFunction.SCHEDINIT, mainP, m0));
        // procresize puts the idle Ps on the stack from the highest id down, so P1 is taken first.
        for (int p = n - 1; p >= 0; p--) {
            if (p != mainP) {
                rt.pidle.addLast(p);
            }
        }
        // rt0_go's newproc puts main in runnext, and runtime.main then schedules its helpers (forcegchelper,
        // bgsweep, bgscavenge) before main.main, so P0's schedtick is past 0 when user code starts. The model does
        // not show those helpers; it starts main from P0's ring instead, which ticks schedtick once. Without this,
        // the 1-in-61 fairness check would fire on P0's very first global-queue look, which real programs never see.
        int main = rt.interpreter.newGoroutine(Program.MAIN, true);
        rt.emit(new GoroutineCreated(rt.seq(), 0, main, Program.MAIN, -1, Place.localQueue(mainP)));
        rt.wakeM(m0, 0, Wakeup.Kind.SCHEDULE);
    }
}
