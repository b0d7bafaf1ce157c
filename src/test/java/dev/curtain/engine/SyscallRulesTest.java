package dev.curtain.engine;

import static dev.curtain.engine.program.Ops.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.event.Event.GoroutineStarted;
import dev.curtain.engine.event.Event.ProcessorRetaken;
import dev.curtain.engine.event.Event.SyscallEntered;
import dev.curtain.engine.event.Event.SyscallReturned;
import dev.curtain.engine.event.Event.SyscallReturnedWithoutP;
import dev.curtain.engine.event.Event.ThreadCloned;
import dev.curtain.engine.event.Event.ThreadParked;
import dev.curtain.engine.event.Event.ThreadWoken;
import dev.curtain.engine.event.Place;
import dev.curtain.engine.event.RuntimeFunction;
import dev.curtain.engine.state.MState;
import dev.curtain.engine.state.PStatus;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadRole;
import org.junit.jupiter.api.Test;

/** entersyscall, exitsyscall, sysmon's retake and handoffp (docs/runtime-model.md, "System calls"): cases 7 to 11. */
class SyscallRulesTest {

    @Test
    void case07_shortSyscallKeepsItsPAndMakesNoThread() {
        Sim sim = Sim.run(Sim.program(fn("main", compute("100us"), syscall("write", "5us"), compute("100us"))),
                Sim.opts("1.14", 1));
        assertThat(sim.all(ProcessorRetaken.class)).isEmpty();
        SyscallReturned r = sim.first(SyscallReturned.class, e -> true);
        assertThat(r.sameP()).isTrue();
        assertThat(r.p()).isZero();
        assertThat(sim.all(ThreadCloned.class, e -> e.role() == ThreadRole.WORKER)).isEmpty();
    }

    @Test
    void case08_blockingWriteOnABusySystemHandsThePToAnotherThread() {
        Sim sim = Sim.run(Sim.program(fn("main", go("g2"), syscall("write", "50ms"), print("main again")),
                fn("g2", compute("80ms"))), Sim.opts("1.14", 1));
        SyscallEntered enter = sim.first(SyscallEntered.class, e -> e.g() == 1);
        assertThat(sim.after(enter).processor(0).status()).isEqualTo(PStatus.SYSCALL);
        ProcessorRetaken retake = sim.first(ProcessorRetaken.class, e -> true);
        assertThat(retake.timeNs() - enter.timeNs()).as("sysmon's first tick during the call, 20 µs apart")
                .isBetween(1L, 40_000L);
        ThreadWoken handed = sim.first(ThreadWoken.class, e -> e.seq() > retake.seq());
        assertThat(handed.p()).isZero();
        assertThat(handed.m()).isNotZero();
        GoroutineStarted g2 = sim.first(GoroutineStarted.class, e -> e.g() == 2);
        assertThat(g2.m()).isEqualTo(handed.m());
        SyscallReturnedWithoutP back = sim.first(SyscallReturnedWithoutP.class, e -> e.g() == 1);
        assertThat(back).as("g2 still runs when the write returns").isNotNull();
        SchedState s = sim.after(back);
        assertThat(s.globalQueue().toArray()).containsExactly(1);
        ThreadParked parked = sim.first(ThreadParked.class, e -> e.seq() > back.seq() && e.m() == 0);
        assertThat(parked.to()).isEqualTo(MState.IDLE);
    }

    @Test
    void case08_onGo126ThePStaysRunningWhileItsGoroutineIsInASyscall() {
        Sim sim = Sim.run(Sim.program(fn("main", go("g2"), syscall("write", "50ms")), fn("g2", compute("80ms"))),
                Sim.opts("1.26", 1));
        SyscallEntered enter = sim.first(SyscallEntered.class, e -> e.g() == 1);
        assertThat(sim.after(enter).processor(0).status()).isEqualTo(PStatus.RUNNING);
        assertThat(sim.all(ProcessorRetaken.class)).hasSize(1);
    }

    @Test
    void case09_longSyscallOnAnIdleSystemIsRetakenAfterTenMilliseconds() {
        // The grace needs sysmon to have seen the P in a syscall before: its syscalltick is past 0 once a first
        // syscall has returned (exitsyscall), as here the short write's.
        Sim sim = Sim.run(Sim.program(fn("main", syscall("write", "5us"), compute("100us"), syscall("read", "50ms"),
                compute("10us"))), Sim.opts("1.14", 4));
        SyscallEntered enter = sim.first(SyscallEntered.class, e -> e.name().equals("read"));
        assertThat(sim.all(ProcessorRetaken.class, e -> e.seq() < enter.seq())).isEmpty();
        ProcessorRetaken retake = sim.first(ProcessorRetaken.class, e -> e.seq() > enter.seq());
        assertThat(retake.timeNs() - enter.timeNs()).isBetween(10_000_000L, 21_000_000L);
        SyscallReturned back = sim.first(SyscallReturned.class, e -> e.seq() > enter.seq());
        assertThat(back.sameP()).as("the P was retaken; an idle one is taken").isFalse();
        assertThat(sim.after(back).idleProcessors()).isEqualTo(3);
    }

    @Test
    void case09_aPsFirstSyscallIsRetakenAtSysmonsFirstTickEvenOnAnIdleSystem() {
        // sysmon's memory of the P starts at 0 and so does the P's syscalltick: the first tick that finds the P in
        // its first syscall skips the first-sight record, and syscallwhen 0 leaves no grace (retake).
        Sim sim = Sim.run(Sim.program(fn("main", syscall("read", "50ms"), compute("10us"))), Sim.opts("1.14", 4));
        SyscallEntered enter = sim.first(SyscallEntered.class, e -> true);
        ProcessorRetaken retake = sim.first(ProcessorRetaken.class, e -> true);
        assertThat(retake.timeNs() - enter.timeNs()).as("sysmon's first tick during the call")
                .isBetween(1L, 40_000L);
        assertThat(sim.all(ProcessorRetaken.class)).hasSize(1);
        SyscallReturned back = sim.first(SyscallReturned.class, e -> true);
        assertThat(back.sameP()).as("the P was retaken; an idle one is taken").isFalse();
        assertThat(sim.after(back).idleProcessors()).isEqualTo(3);
    }

    @Test
    void case10_gomaxprocs1LongSyscallIsRetakenAtOnceAndANewSpinningThreadAppears() {
        Sim sim = Sim.run(Sim.program(fn("main", syscall("read", "50ms"), compute("10us"))), Sim.opts("1.14", 1));
        SyscallEntered enter = sim.first(SyscallEntered.class, e -> true);
        ProcessorRetaken retake = sim.first(ProcessorRetaken.class, e -> true);
        assertThat(retake.timeNs() - enter.timeNs()).isLessThan(100_000L);
        ThreadCloned created = sim.first(ThreadCloned.class, e -> e.seq() > retake.seq());
        assertThat(created.creator()).as("sysmon runs handoffp, so it clones").isEqualTo(1);
        ThreadWoken woken = sim.first(ThreadWoken.class, e -> e.m() == created.m());
        assertThat(woken.spinning()).isTrue();
        assertThat(woken.fn()).as("the wake-up names who wanted the thread").isEqualTo(RuntimeFunction.HANDOFFP);
        assertThat(sim.end().counters().handoffs()).isEqualTo(1);
        assertThat(sim.after(sim.first(ThreadParked.class, e -> e.m() == created.m())).thread(created.m()).state())
                .isEqualTo(MState.IDLE);
    }

    @Test
    void case11_gomaxprocsBoundsPsNotThreads() {
        Sim blocked = Sim.run(Sim.program(fn("main", loop(1000, go("w")), sleep("2s")),
                fn("w", syscall("sleep", "1s"))), Sim.opts("1.14", 4).withLimits(Limits.DEFAULT));
        assertThat(blocked.end().counters().maxLiveThreads()).isBetween(1000, 1010);
        Sim sleeping = Sim.run(Sim.program(fn("main", loop(1000, go("w")), sleep("2s")),
                fn("w", sleep("1s"))), Sim.opts("1.14", 4).withLimits(Limits.DEFAULT));
        assertThat(sleeping.end().counters().maxLiveThreads()).isBetween(3, 8);
    }

    @Test
    void syscallReturnFindsAnIdlePWhenItsOwnWasTaken() {
        Sim sim = Sim.run(Sim.program(fn("main", go("w"), syscall("read", "30ms"), print("back")),
                fn("w", compute("1ms"))), Sim.opts("1.14", 2));
        SyscallReturned r = sim.first(SyscallReturned.class, e -> e.g() == 1);
        assertThat(r).isNotNull();
        GoroutineStarted any = sim.first(GoroutineStarted.class, e -> e.g() == 2);
        assertThat(any.from().kind()).isIn(Place.runnext(0).kind(), Place.localQueue(0).kind());
    }
}
