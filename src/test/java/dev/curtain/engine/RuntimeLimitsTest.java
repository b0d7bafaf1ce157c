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

    /** Events one scheduling step may add after the limit is reached (a spill of 129 plus its neighbours). */
    private static final int Runtime_STATEMENT_SLACK = 200;
}
