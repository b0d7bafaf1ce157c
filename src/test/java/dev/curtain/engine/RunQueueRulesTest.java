package dev.curtain.engine;

import static dev.curtain.engine.program.Ops.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.event.Event;
import dev.curtain.engine.event.Event.GoroutineCreated;
import dev.curtain.engine.event.Event.GoroutineExited;
import dev.curtain.engine.event.Event.GoroutineQueued;
import dev.curtain.engine.event.Event.GoroutineStarted;
import dev.curtain.engine.event.Event.GoroutineYielded;
import dev.curtain.engine.event.Place;
import dev.curtain.engine.event.PlaceKind;
import dev.curtain.engine.event.RuntimeFunction;
import dev.curtain.engine.program.ChannelDecl;
import dev.curtain.engine.program.Program;
import dev.curtain.engine.state.MState;
import dev.curtain.engine.state.SchedState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Run queues, runnext, fairness and stealing (docs/runtime-model.md): cases 1 to 6, 18, 19. */
class RunQueueRulesTest {

    @Test
    void case01_newGoroutineGoesToRunnextAndKicksThePreviousOneToTheRing() {
        Sim sim = Sim.run(Sim.program(fn("main", go("a"), go("b"), compute("1ms")), fn("a"), fn("b")),
                Sim.opts("1.14", 1));
        GoroutineCreated a = sim.first(GoroutineCreated.class, e -> e.function().equals("a"));
        assertThat(a.to()).isEqualTo(Place.runnext(0));
        SchedState afterA = sim.after(a);
        assertThat(afterA.processor(0).runqSize()).as("runnext is not counted in runqsize").isZero();
        GoroutineCreated b = sim.first(GoroutineCreated.class, e -> e.function().equals("b"));
        SchedState afterB = sim.after(b);
        assertThat(afterB.processor(0).runnext()).isEqualTo(b.g());
        assertThat(afterB.processor(0).runq()).containsExactly(a.g());
    }

    @Test
    void case02_fullRingSpillsOldest128PlusTheKickedOneToTheGlobalQueue() {
        Sim sim = Sim.run(Sim.program(fn("main", loop(300, go("w")), spin("1ms")), fn("w")), Sim.opts("1.14", 1));
        GoroutineCreated last = sim.all(GoroutineCreated.class).get(300);
        SchedState s = sim.after(last);
        assertThat(s.globalQueue().size()).isEqualTo(129);
        assertThat(s.processor(0).runqSize()).isEqualTo(170);
        assertThat(s.processor(0).runnext()).isEqualTo(last.g());
        assertThat(sim.all(GoroutineQueued.class, e -> e.fn() == RuntimeFunction.RUNQPUTSLOW)).hasSize(129);
        assertThat(s.globalQueue().get(0)).as("the oldest spilled first").isEqualTo(2);
    }

    @Test
    void case03_idlePTakesGlobalBatchOfLenOverGomaxprocsPlusOne() {
        // 129 Gs reach the global queue at GOMAXPROCS=1; after GOMAXPROCS(4) idle Ps refill from it in batches of
        // min(128, len, len/GOMAXPROCS+1): one runs, the rest go into the taker's ring.
        Sim sim = Sim.run(Sim.program(fn("main", loop(300, go("w")), gomaxprocs(4), spin("5ms")),
                fn("w", compute("1ms"))), Sim.opts("1.14", 1));
        List<GoroutineQueued> batch = sim.all(GoroutineQueued.class, e -> e.fn() == RuntimeFunction.GLOBRUNQGET);
        assertThat(batch).isNotEmpty();
        GoroutineQueued first = batch.get(0);
        SchedState before = sim.rec.stateAt(first.seq());
        int len = before.globalQueue().size();
        int expected = Math.min(128, Math.min(len, len / before.gomaxprocs() + 1)) - 1;
        long moved = batch.stream().filter(e -> e.timeNs() == first.timeNs() && e.to().equals(first.to())).count();
        assertThat(moved).isEqualTo(expected);
        assertThat(expected).isGreaterThan(20);
    }

    @Test
    void case04_everySixtyFirstScheduleLooksAtTheGlobalQueueFirst() {
        // A few workers first, so P0's schedtick is past 0; then main yields (to the global queue) while 100 short
        // goroutines wait in P0's ring: main runs again after at most 61 of them, long before the ring drains.
        Sim sim = Sim.run(Sim.program(fn("main", loop(5, go("w")), sleep("1ms"), loop(100, go("w")), gosched(),
                        print("main back")),
                fn("w", compute("10us"))), Sim.opts("1.14", 1));
        GoroutineYielded y = sim.first(GoroutineYielded.class, e -> e.g() == 1);
        GoroutineStarted back = sim.first(GoroutineStarted.class, e -> e.g() == 1 && e.seq() > y.seq());
        long workersDone = sim.all(GoroutineExited.class, e -> e.seq() > y.seq() && e.seq() < back.seq()).size();
        assertThat(workersDone).isLessThanOrEqualTo(61).isGreaterThan(40);
        assertThat(back.from()).isEqualTo(Place.GLOBAL);
        assertThat((sim.after(back).processor(0).schedtick() - 1) % 61).as("checked at a multiple of 61").isZero();
    }

    @Test
    void case05_spinningThreadStealsHalfRoundedUpAndRunsTheLastOne() {
        Sim sim = Sim.run(Sim.program(fn("main", loop(11, go("w")), compute("2ms")), fn("w", compute("1ms"))),
                Sim.opts("1.14", 2));
        List<GoroutineQueued> stolen = sim.all(GoroutineQueued.class, e -> e.fn() == RuntimeFunction.RUNQSTEAL);
        GoroutineStarted run = sim.first(GoroutineStarted.class,
                e -> e.from().kind() == PlaceKind.LOCAL_QUEUE && e.from().id() == 0 && e.p() == 1);
        assertThat(run).isNotNull();
        long sameSteal = stolen.stream().filter(e -> e.timeNs() == run.timeNs()).count();
        assertThat(sameSteal + 1).as("10 in the ring: steal 10 - 10/2 = 5").isEqualTo(5);
        assertThat(sim.after(run).processor(1).runqSize()).isEqualTo(4);
    }

    @Test
    void case05_stealOfSevenTakesFour() {
        Sim sim = Sim.run(Sim.program(fn("main", loop(8, go("w")), compute("2ms")), fn("w", compute("1ms"))),
                Sim.opts("1.14", 2));
        GoroutineStarted run = sim.first(GoroutineStarted.class,
                e -> e.from().kind() == PlaceKind.LOCAL_QUEUE && e.from().id() == 0 && e.p() == 1);
        long sameSteal = sim.all(GoroutineQueued.class,
                e -> e.fn() == RuntimeFunction.RUNQSTEAL && e.timeNs() == run.timeNs()).size();
        assertThat(sameSteal + 1).isEqualTo(4);
    }

    @Test
    void case05_runnextIsStolenOnlyAfterTheBackoffFromARunningP() {
        Sim sim = Sim.run(Sim.program(fn("main", go("w"), compute("2ms")), fn("w", compute("1ms"))),
                Sim.opts("1.14", 2));
        GoroutineCreated w = sim.first(GoroutineCreated.class, e -> e.function().equals("w"));
        GoroutineStarted stolen = sim.first(GoroutineStarted.class, e -> e.g() == w.g());
        assertThat(stolen.from()).isEqualTo(Place.runnext(0));
        assertThat(stolen.p()).isEqualTo(1);
        assertThat(stolen.timeNs() - w.timeNs()).as("woken spinner plus usleep(3)").isGreaterThanOrEqualTo(3_000);
    }

    @Test
    void case06_aThreadSpinsOnlyWhileSpinnersAreUnderHalfTheBusyPs() {
        // wakep adds a spinner only when none spins; findRunnable lets an M start spinning only while
        // 2*nmspinning < GOMAXPROCS - npidle. With one busy P and seven idle, at most two ever spin at once
        // (the woken spinner's own P counts as busy, so a second may join it), never more.
        Sim sim = Sim.run(Sim.program(fn("main", loop(50, go("w"), compute("50us"))), fn("w", compute("10us"))),
                Sim.opts("1.14", 8));
        int max = 0;
        for (int i = 0; i <= sim.rec.size(); i++) {
            SchedState s = sim.rec.stateAt(i);
            int spinning = s.threadsIn(MState.SPINNING);
            int busy = s.gomaxprocs() - s.idleProcessors();
            assertThat(2 * (spinning - 1)).as("at event " + i).isLessThan(Math.max(1, busy));
            max = Math.max(max, spinning);
        }
        assertThat(max).isBetween(1, 2);
    }

    @Test
    void case18_aRunnextPingPongSharesOneTimeSliceUntilSysmonPreemptsIt() {
        Sim sim = Sim.run(Sim.program(List.of(new ChannelDecl("ping", 0), new ChannelDecl("pong", 0)),
                fn("main", go("a"), go("b"), sleep("100ms")),
                fn("a", go("z"), forever(compute("20us"), send("ping"), recv("pong"))),
                fn("b", forever(recv("ping"), compute("20us"), send("pong"))),
                fn("z", print("z ran"))), Sim.opts("1.14", 1));
        assertThat(sim.prints("z ran")).hasSize(1);
        long zAt = sim.prints("z ran").get(0).timeNs();
        assertThat(zAt).as("z waits for the 10 ms preemption of the pair").isGreaterThanOrEqualTo(10_000_000);
        assertThat(zAt).isLessThan(25_000_000);
    }

    @Test
    void case19_goschedPutsTheCallerOnTheGlobalQueue() {
        Sim sim = Sim.run(Sim.program(fn("main", go("w"), gosched(), compute("1ms")), fn("w", compute("1ms"))),
                Sim.opts("1.14", 1));
        GoroutineYielded y = sim.first(GoroutineYielded.class, e -> e.g() == 1);
        assertThat(y.to()).isEqualTo(Place.GLOBAL);
        assertThat(sim.after(y).globalQueue().toArray()).containsExactly(1);
    }

    @Test
    void aThiefBacksOffFromTheRunnextOfAPWhoseThreadIsBetweenGoroutines() {
        // go w(); then main blocks at once: its P stays _Prunning while M0 schedules, so a spinning thief sleeps
        // (usleep(3), as long as the timer slack makes it) instead of taking w, and M0 runs w itself.
        Program p = Sim.program(List.of(new ChannelDecl("c", 0)),
                fn("main", go("w"), recv("c")), fn("w", gettid(), send("c")));
        for (long seed = 1; seed <= 100; seed++) {
            Sim sim = Sim.run(p, Sim.opts("1.22", 2).withSeed(seed).withRuntimeBackground(true));
            assertThat(sim.observations().get(0).m()).as("seed " + seed).isZero();
        }
    }
    @Test
    void aSyscallOnAPThatGomaxprocsDestroysReturnsWithoutIt() {
        // GOMAXPROCS(1) while the reader on P1 is in one of its short syscalls: procresize takes P1 from its thread,
        // and the call still returns (exitsyscall finds no P, the goroutine goes to the global queue, runs on P0).
        Program p = Sim.program(List.of(new ChannelDecl("done", 0)),
                fn("main", go("reader"), spin("1ms"), gomaxprocs(1), recv("done"), print("main done")),
                fn("reader", loop(500, syscall("read", "10us")), print("back"), send("done")));
        int caught = 0;
        for (long seed = 1; seed <= 10; seed++) {
            Sim sim = Sim.run(p, Sim.opts("1.22", 2).withSeed(seed));
            Event.ProcessorsResized shrink = sim.first(Event.ProcessorsResized.class, e -> e.to() == 1);
            caught += sim.all(Event.ProcessorRetaken.class, e -> e.timeNs() == shrink.timeNs()).size();
            assertThat(sim.prints("back")).as("seed " + seed).hasSize(1);
            assertThat(sim.prints("main done")).as("seed " + seed).hasSize(1);
        }
        assertThat(caught).as("shrinks that took a P from a thread in a syscall").isPositive();
    }
}
