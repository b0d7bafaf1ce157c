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

    /**
     * With the runtime's start-up work modelled and two Ps or more, in how many runs of 200 the start-up leaves a
     * third idle M ({@link Threads#runtimeInitLeftovers}), so main.main starts with five threads rather than four.
     * runtime.main, locked to m0 for init, waits twice in gcenable ({@code <-c; <-c}, Go 1.22 mgc.go 205-206, 1.23
     * 206-207) for bgsweep and bgscavenge; each wait hands m0's P off (stoplockedm, handoffp, proc.go 3022/3137) and,
     * its run queue holding the other helper, starts a non-spinning M for it (handoffp's startm, 2911/3015). The
     * first always clones one: the only other M, forcegchelper's spinning one (wakep, 3006/3121), is not idle yet.
     * The second reuses the M that gave main back to m0 (startlockedm: notewakeup, then stopm's mput, 3053-3054 and
     * 2780 in Go 1.22, 3168-3169 and 2884 in 1.23) unless m0 reaches startm's mget (2846/2950) before that M is on
     * the idle list; then startm clones another (newm, 2870/2974). Measured: calibration/probes/startup-threads
     * (results/startup-threads.*), main.main saw a fifth thread in 33 of 400 runs on the 2-core host, 21 of 200 on
     * Go 1.22 and 12 on Go 1.23 (one of them a sixth); every run had sysmon, a spinning-started M and a non-spinning
     * one, and the fifth was started non-spinning, as handoffp does, in 29 of the 33 (spinning in 4). The share
     * follows the host's load: an hour earlier the same program showed 68 of 400, and the calibration cases' own
     * runs 8 of 60 (thread-count) and 6 of 60 (gc-cycles). At one P the same race leaves a second idle M in 43 of
     * 200 runs (results/startup-threads.gomaxprocs1.*: 14 of 100 on Go 1.22, 29 on 1.23, all non-spinning); that is
     * not drawn, as the calibration scenarios that start at one P stand for programs that start at two and call
     * GOMAXPROCS(1).
     */
    static final int EXTRA_HANDOFF_M_PER_200 = 17;

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
