package dev.curtain.engine;

import static dev.curtain.engine.program.Ops.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.event.Event.GoroutineExited;
import dev.curtain.engine.event.Event.ProcessorRetaken;
import dev.curtain.engine.event.Event.SyscallEntered;
import dev.curtain.engine.event.Event.SyscallReturned;
import dev.curtain.engine.event.Event.GoroutineStarted;
import dev.curtain.engine.event.Event.ObservationMade;
import dev.curtain.engine.program.Program;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CPU contention (docs/engine.md, "CPU contention"): on a host with fewer CPUs than runnable threads, a thread
 * waits for a CPU and what it was doing stretches by the wait; without a host (the default) nothing changes.
 */
class CpuContentionTest {
    private static final long MS = 1_000_000;

    /** main starts two goroutines and computes 6 ms; each goroutine computes 6 ms: three threads' work. */
    private static Program threeComputations() {
        return Sim.program(
                fn("main", go("work"), go("work"), spin("6ms"), print("main done"), sleep("20ms")),
                fn("work", spin("6ms")));
    }

    private static SimulationOptions threePs() {
        return Sim.opts("1.22", 3).withSeed(3);
    }

    /** When each computation of 6 ms ended: the two goroutines' exits and main's print after its own. */
    private static List<Long> ends(Sim sim) {
        List<Long> out = new java.util.ArrayList<>();
        sim.all(GoroutineExited.class).stream().filter(e -> e.g() != 1).forEach(e -> out.add(e.timeNs()));
        sim.all(ObservationMade.class).stream().filter(e -> e.g() == 1).forEach(e -> out.add(e.timeNs()));
        return out;
    }

    @Test
    void withACpuForEveryThreadThreeComputationsRunAtOnce() {
        List<Long> ends = ends(Sim.run(threeComputations(), threePs()));
        assertThat(ends).hasSize(3).allSatisfy(t -> assertThat(t).isLessThan(7 * MS));
    }

    @Test
    void onTwoCpusTheThirdThreadWaitsAndTheWorkTakesLonger() {
        Sim sim = Sim.run(threeComputations(), threePs().withHost(new Host(2, 0)));
        List<Long> ends = ends(sim);
        assertThat(ends).hasSize(3);
        // 18 ms of computation on two CPUs cannot be done before 9 ms; one of them waits for a CPU meanwhile.
        assertThat(ends.stream().mapToLong(t -> t).max().orElseThrow()).isGreaterThanOrEqualTo(9 * MS);
        assertThat(sim.end().threads().stream().filter(t -> t.alive()).count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void onOneCpuAComputationStretchesByTheTimeItsThreadWaited() {
        Program p = Sim.program(
                fn("main", go("work"), spin("10ms"), print("main done"), sleep("30ms")),
                fn("work", spin("10ms")));
        Sim sim = Sim.run(p, Sim.opts("1.22", 2).withSeed(1).withHost(new Host(1, 0)));
        long started = sim.all(GoroutineStarted.class).stream().filter(e -> e.g() == 2).findFirst().orElseThrow()
                .timeNs();
        long ended = sim.all(GoroutineExited.class).stream().filter(e -> e.g() == 2).findFirst().orElseThrow()
                .timeNs();
        // Its 10 ms share the one CPU with main's: it ends more than 10 ms after it started, by main's slices.
        assertThat(ended - started).isGreaterThan(12 * MS);
        List<Long> ends = ends(sim);
        assertThat(ends.stream().mapToLong(t -> t).max().orElseThrow()).isGreaterThanOrEqualTo(20 * MS);
    }

    @Test
    void aThreadAtNiceTenGetsShortTurnsOnAContendedCpu() {
        // Two goroutines on their own Ps and threads, one CPU, no preemption to move them: main's thread at nice
        // 10 has about a tenth of the weight of the other's, so its slices are that much shorter.
        Program p = Sim.program(
                fn("main", go("work"), setpriority(10), spin("20ms"), print("main done"), sleep("1ms")),
                fn("work", spin("20ms")));
        Sim sim = Sim.run(p, Sim.opts("1.22", 2).withAsyncPreemptOff(true).withHost(new Host(1, 0)));
        long workEnded = sim.all(GoroutineExited.class).stream().filter(e -> e.g() == 2).findFirst().orElseThrow()
                .timeNs();
        long mainEnded = sim.all(ObservationMade.class).stream().filter(e -> e.g() == 1).findFirst().orElseThrow()
                .timeNs();
        // The nice-0 thread's 20 ms are done while the nice-10 one has had only a few of its own.
        assertThat(workEnded).isLessThan(27 * MS);
        assertThat(mainEnded).isGreaterThanOrEqualTo(40 * MS);
        Sim even = Sim.run(Sim.program(
                fn("main", go("work"), spin("20ms"), print("main done"), sleep("30ms")), fn("work", spin("20ms"))),
                Sim.opts("1.22", 2).withAsyncPreemptOff(true).withHost(new Host(1, 0)));
        long evenWork = even.all(GoroutineExited.class).stream().filter(e -> e.g() == 2).findFirst().orElseThrow()
                .timeNs();
        // At equal nice the two take turns: neither is done before the other has had most of its time.
        assertThat(evenWork).isGreaterThan(30 * MS);
    }

    /**
     * main starts a goroutine that computes 20 ms and computes 200 µs itself, so the thread woken for the goroutine
     * waits for the one CPU (main's turn is short of the wakeup granularity); then main sets itself to nice 5.
     */
    private static Sim niceWhileAnotherWaits() {
        Program p = Sim.program(
                fn("main", go("work"), spin("200us"), setpriority(5), print("back"), sleep("30ms")),
                fn("work", spin("20ms")));
        return Sim.run(p, Sim.opts("1.22", 2).withSeed(1).withHost(new Host(1, 0)));
    }

    @Test
    void aThreadThatLowersItsPriorityGivesItsCpuToTheWaiterBeforeItsSyscallReturns() {
        Sim sim = niceWhileAnotherWaits();
        SyscallEntered call = sim.first(SyscallEntered.class, e -> e.name().equals("setpriority"));
        long back = sim.first(ObservationMade.class, e -> e.g() == 1).timeNs();
        long workStarted = sim.first(GoroutineStarted.class, e -> e.g() == 2).timeNs();
        // prio_changed_fair: the nice-5 thread is rescheduled on its way back and the waiting thread runs first;
        // the call returns only when main's thread gets the CPU again, a slice later.
        assertThat(workStarted).isLessThan(call.timeNs() + 100_000);
        assertThat(back - call.timeNs()).isGreaterThan(MS);
        // A thread that does not lower its priority keeps the CPU through the call: the same program at nice 0.
        Sim same = Sim.run(Sim.program(fn("main", go("work"), spin("200us"), setpriority(0), print("back"), sleep("30ms")),
                fn("work", spin("20ms"))), Sim.opts("1.22", 2).withSeed(1).withHost(new Host(1, 0)));
        SyscallEntered zero = same.first(SyscallEntered.class, e -> e.name().equals("setpriority"));
        assertThat(same.first(SyscallReturned.class, e -> e.g() == 1).timeNs() - zero.timeNs())
                .isLessThan(100_000);
    }

    @Test
    void sysmonTakesThePOfACallWhoseThreadWaitsForTheCpu() {
        Sim sim = niceWhileAnotherWaits();
        SyscallEntered call = sim.first(SyscallEntered.class, e -> e.name().equals("setpriority"));
        long back = sim.first(ObservationMade.class, e -> e.g() == 1).timeNs();
        // sysmon gets the CPU before the nice-5 thread does, so its tick comes while the call has not returned, and
        // it takes the P (the P's first syscall gets no grace): the call returns to no P and main goes on elsewhere.
        assertThat(sim.all(ProcessorRetaken.class, e -> e.p() == call.p() && e.timeNs() > call.timeNs()
                && e.timeNs() < back)).isNotEmpty();
        assertThat(sim.first(ObservationMade.class, e -> e.g() == 1).m()).isNotEqualTo(call.m());
    }

    @Test
    void otherLoadSlowsASingleThreadDown() {
        Program p = Sim.program(fn("main", compute("50ms")));
        long alone = endOf(Sim.run(p, Sim.opts("1.22", 1).withHost(new Host(1, 0))));
        long loaded = endOf(Sim.run(p, Sim.opts("1.22", 1).withHost(new Host(1, 90))));
        assertThat(alone).isLessThan(51 * MS);
        // The other process wants the CPU 90% of the time and gets its turns: the same work takes much longer.
        assertThat(loaded).isGreaterThan(75 * MS);
    }

    private static long endOf(Sim sim) {
        return sim.rec.event(sim.rec.size() - 1).timeNs();
    }

    @Test
    void aDeadlockIsStillADeadlockWhileThreadsWaitForCpus() {
        Program p = Sim.program(List.of(new dev.curtain.engine.program.ChannelDecl("c", 0)),
                fn("main", go("work"), go("work"), recv("c")),
                fn("work", spin("3ms")));
        Sim sim = Sim.run(p, Sim.opts("1.22", 4).withHost(new Host(1, 50)));
        assertThat(sim.outcome()).isEqualTo(Outcome.DEADLOCK);
    }

    @Test
    void theSameSeedGivesTheSameLogWithContention() {
        SimulationOptions o = threePs().withHost(new Host(2, 60));
        assertThat(DeterminismTest.hash(Simulator.run(threeComputations(), o)))
                .isEqualTo(DeterminismTest.hash(Simulator.run(threeComputations(), o)));
    }

    @Test
    void anUnlimitedHostGivesTheLogOfNoHostAtAll() {
        for (long seed = 1; seed <= 20; seed++) {
            Program p = RandomProgramProperties.randomProgram(seed, seed % 2 == 0);
            SimulationOptions o = RandomProgramProperties.options(seed, (int) (seed % 6), 1 + (int) (seed % 4))
                    .withRuntimeBackground(seed % 2 == 0);
            SimulationOptions spelled = new SimulationOptions(o.version(), o.gomaxprocs(), o.seed(),
                    o.asyncPreemptOff(), o.cgo(), o.maxThreads(), o.limits(), o.runtimeBackground(), new Host(0, 0));
            assertThat(DeterminismTest.hash(Simulator.run(p, spelled))).as("seed " + seed)
                    .isEqualTo(DeterminismTest.hash(Simulator.run(p, o)));
        }
    }
}
