package dev.curtain.engine;

import static dev.curtain.engine.program.Ops.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.event.Event.GoroutineQueued;
import dev.curtain.engine.event.Event.ProcessorsResized;
import dev.curtain.engine.event.Event.RunEnded;
import dev.curtain.engine.event.RuntimeFunction;
import dev.curtain.engine.program.ChannelDecl;
import dev.curtain.engine.program.Program;
import dev.curtain.engine.state.PStatus;
import dev.curtain.engine.state.SchedState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Thread exhaustion, GOMAXPROCS changes, deadlock and the run's own limits: cases 12, 34, 35. */
class RuntimeLimitsTest {

    @Test
    void case12_lockedGoroutinesBlockingForeverExhaustSetMaxThreads() {
        Program p = Sim.program(List.of(new ChannelDecl("never", 0)),
                fn("main", setMaxThreads(10), loop(100, go("w")), recv("never")),
                fn("w", lock(), recv("never")));
        Sim sim = Sim.run(p, Sim.opts("1.14", 4));
        assertThat(sim.outcome()).isEqualTo(Outcome.THREAD_EXHAUSTION);
        assertThat(sim.end().outcomeMessage()).contains("program exceeds 10-thread limit");
        assertThat(sim.end().liveThreads()).isEqualTo(10);
    }

    @Test
    void case34_shrinkingGomaxprocsMovesDestroyedPsGoroutinesToTheGlobalHead() {
        Program p = Sim.program(fn("main", loop(6, go("w")), compute("10us"), gomaxprocs(2), compute("1ms")),
                fn("w", compute("5ms")));
        Sim sim = Sim.run(p, Sim.opts("1.14", 4));
        ProcessorsResized resize = sim.first(ProcessorsResized.class, e -> e.fn() == RuntimeFunction.PROCRESIZE);
        assertThat(resize.from()).isEqualTo(4);
        assertThat(resize.to()).isEqualTo(2);
        SchedState s = sim.after(resize);
        assertThat(s.gomaxprocs()).isEqualTo(2);
        assertThat(s.processor(2).status()).isEqualTo(PStatus.DEAD);
        assertThat(s.processor(3).status()).isEqualTo(PStatus.DEAD);
        List<GoroutineQueued> moved = sim.all(GoroutineQueued.class, e -> e.fn() == RuntimeFunction.PROCRESIZE);
        assertThat(moved).allSatisfy(e -> assertThat(e.atHead()).isTrue());
    }

    @Test
    void case35_allGoroutinesAsleepIsADeadlock() {
        Program p = Sim.program(List.of(new ChannelDecl("c", 0)), fn("main", go("w"), recv("c")), fn("w", recv("c")));
        Sim sim = Sim.run(p, Sim.opts("1.14", 2));
        assertThat(sim.outcome()).isEqualTo(Outcome.DEADLOCK);
        assertThat(sim.end().outcomeMessage()).isEqualTo("fatal error: all goroutines are asleep - deadlock!");
    }

    @Test
    void case35_aGoroutineInASyscallPreventsTheDeadlockReport() {
        Program p = Sim.program(List.of(new ChannelDecl("c", 0)),
                fn("main", go("w"), recv("c")), fn("w", syscall("read", "50ms"), send("c")));
        Sim sim = Sim.run(p, Sim.opts("1.14", 2));
        assertThat(sim.outcome()).isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void aProgramThatNeverEndsStopsAtTheTimeLimit() {
        Sim sim = Sim.run(Sim.program(fn("main", forever(compute("1ms")))),
                Sim.opts("1.14", 1).withLimits(Limits.DEFAULT.withMaxTimeNs(50_000_000L)));
        assertThat(sim.outcome()).isEqualTo(Outcome.TIME_LIMIT);
        RunEnded end = sim.first(RunEnded.class, e -> true);
        assertThat(end.timeNs()).isEqualTo(50_000_000L);
    }

    @Test
    void aRunawayProgramStopsAtTheEventLimit() {
        Sim sim = Sim.run(Sim.program(fn("main", forever(go("w"))), fn("w")),
                Sim.opts("1.14", 2).withLimits(Limits.DEFAULT.withMaxEvents(5_000)));
        assertThat(sim.outcome()).isEqualTo(Outcome.EVENT_LIMIT);
        assertThat(sim.rec.size()).isLessThan(5_000 + Runtime_STATEMENT_SLACK);
    }

    @Test
    void anEmptyForeverLoopIsATightLoopNotAHang() {
        Sim sim = Sim.run(Sim.program(fn("main", forever())),
                Sim.opts("1.14", 1).withLimits(Limits.DEFAULT.withMaxTimeNs(30_000_000L)));
        assertThat(sim.outcome()).isEqualTo(Outcome.TIME_LIMIT);
    }

    @Test
    void unboundedRecursionCrashesLikeAStackOverflow() {
        Sim sim = Sim.run(Sim.program(fn("main", call("main"))), Sim.opts("1.14", 1));
        assertThat(sim.outcome()).isEqualTo(Outcome.CRASHED);
        assertThat(sim.end().outcomeMessage()).contains("stack overflow");
    }

    @Test
    void anUnrecoveredPanicCrashesTheProgram() {
        Sim sim = Sim.run(Sim.program(fn("main", defer("cleanup"), panic("boom")), fn("cleanup", print("deferred"))),
                Sim.opts("1.14", 1));
        assertThat(sim.outcome()).isEqualTo(Outcome.CRASHED);
        assertThat(sim.end().outcomeMessage()).startsWith("panic: boom");
        assertThat(sim.prints("deferred")).as("deferred calls run while panicking").hasSize(1);
    }

    @Test
    void aForeverLoopOfZeroLengthWorkStopsAtTheWorkLimit() {
        // No event and no simulated time: only the work limit can end it (it once ran for hours).
        Sim sim = Sim.run(Sim.program(fn("main", forever(compute("0ns")))),
                Sim.opts("1.14", 1).withLimits(Limits.DEFAULT.withMaxWork(200_000)));
        assertThat(sim.outcome()).isEqualTo(Outcome.EVENT_LIMIT);
        assertThat(sim.end().outcomeMessage()).startsWith("stopped at the work limit (200000 steps");
    }

    @Test
    void aLongLoopOfTinyComputationsStopsAtTheWorkLimit() {
        Sim sim = Sim.run(Sim.program(fn("main", loop(1_000_000_000, compute("1ns")))),
                Sim.opts("1.14", 1).withLimits(Limits.DEFAULT.withMaxWork(300_000)));
        assertThat(sim.outcome()).isEqualTo(Outcome.EVENT_LIMIT);
        assertThat(sim.end().outcomeMessage()).startsWith("stopped at the work limit");
    }

    @Test
    void aForeverLoopOfDeferStopsAtTheStackLimit() {
        Sim sim = Sim.run(Sim.program(fn("main", forever(defer("f"))), fn("f")),
                Sim.opts("1.14", 1).withLimits(Limits.DEFAULT.withMaxStackEntries(50_000)));
        assertThat(sim.outcome()).isEqualTo(Outcome.EVENT_LIMIT);
        assertThat(sim.end().outcomeMessage()).isEqualTo(
                "stopped at the stack limit (50000 frames and deferred calls pending on all goroutines)");
    }

    @Test
    void goroutinesDeepInCallsStopAtTheStackLimitNotTheHeap() {
        Sim sim = Sim.run(Sim.program(fn("main", forever(go("w"))), fn("w", call("d")), fn("d", call("d"))),
                // Call depth far above the stack limit: since go statements take time (newproc), the first
                // goroutines recurse while later ones are still being created, so a low depth limit would end the
                // run first, as a crash.
                Sim.opts("1.14", 2).withLimits(new Limits(5_000_000, 60_000_000_000L, 1_000_000, 1_000_000,
                        Limits.DEFAULT_MAX_WORK, 20_000)));
        assertThat(sim.outcome()).isEqualTo(Outcome.EVENT_LIMIT);
        assertThat(sim.end().outcomeMessage()).startsWith("stopped at the stack limit");
    }

    @Test
    void deferredCallsThatRunLeaveTheStackCount() {
        // 10,000 defers run one by one, 100 times over: far more than the limit of 20,000 pending, never at once.
        Sim sim = Sim.run(Sim.program(fn("main", loop(100, call("many"))), fn("many", loop(10_000, defer("f"))),
                        fn("f")), Sim.opts("1.14", 1).withLimits(Limits.DEFAULT.withMaxStackEntries(20_000)));
        assertThat(sim.outcome()).isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void goroutinesThatExitLeaveTheStackCount() {
        Sim sim = Sim.run(Sim.program(fn("main", loop(5_000, go("w"), compute("50us"))), fn("w", call("d")),
                        fn("d", compute("1us"))),
                Sim.opts("1.14", 2).withLimits(Limits.DEFAULT.withMaxStackEntries(3_000)));
        assertThat(sim.outcome()).isEqualTo(Outcome.COMPLETED);
    }

    /** Events one scheduling step may add after the limit is reached (a spill of 129 plus its neighbours). */
    private static final int Runtime_STATEMENT_SLACK = 200;
}
