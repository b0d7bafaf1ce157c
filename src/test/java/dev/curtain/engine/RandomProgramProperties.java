package dev.curtain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.event.Event.RunEnded;
import dev.curtain.engine.program.ChannelDecl;
import dev.curtain.engine.program.CredentialCall;
import dev.curtain.engine.program.Function;
import dev.curtain.engine.program.Namespace;
import dev.curtain.engine.program.Op;
import dev.curtain.engine.program.Program;
import dev.curtain.engine.program.Statement;
import dev.curtain.engine.state.ThreadProps;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Random programs under random versions, GOMAXPROCS and seeds: whatever they do, every invariant holds after every
 * event, the run ends with exactly one outcome, the log is reproducible, and seeking equals folding.
 */
class RandomProgramProperties {
    private static final String[] VERSIONS = {"1.9", "1.10", "1.12", "1.14", "1.16", "1.26"};

    /** A random program from a seed: up to four functions of up to six statements, with loops one level deep. */
    static Program randomProgram(long seed) {
        return randomProgram(seed, false);
    }

    /** With {@code allocates}, a third of the statements are allocations of 0.5 to 4 MB (GC cycles follow). */
    static Program randomProgram(long seed, boolean allocates) {
        Random r = new Random(seed);
        int functions = 1 + r.nextInt(4);
        List<Function> fns = new ArrayList<>();
        for (int f = 0; f < functions; f++) {
            String name = f == 0 ? "main" : "f" + f;
            fns.add(new Function(name, body(r, functions, 1 + r.nextInt(6), true, allocates)));
        }
        return new Program(fns, List.of(new ChannelDecl("a", 0), new ChannelDecl("b", 2)), ThreadProps.rootOnHost());
    }

    private static List<Statement> body(Random r, int functions, int n, boolean allowLoop, boolean allocates) {
        List<Statement> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Statement.of(allocates && r.nextInt(3) == 0 ? new Op.Allocate(512 + r.nextInt(3584), false)
                    : op(r, functions, allowLoop, allocates)));
        }
        return out;
    }

    private static Op op(Random r, int functions, boolean allowLoop, boolean allocates) {
        long us = 1 + r.nextInt(3000);
        String fn = "f" + (1 + r.nextInt(Math.max(1, functions - 1)));
        boolean haveF = functions > 1;
        return switch (r.nextInt(allowLoop ? 16 : 15)) {
            case 0 -> new Op.Compute(us * 1000, r.nextBoolean());
            case 1 -> haveF ? new Op.Go(fn) : new Op.Gosched();
            case 2 -> new Op.Syscall("read", us * 1000);
            case 3 -> new Op.RawSyscall("nanosleep", us * 100);
            case 4 -> new Op.Sleep(us * 1000);
            case 5 -> new Op.Send(r.nextBoolean() ? "a" : "b");
            case 6 -> new Op.Receive(r.nextBoolean() ? "a" : "b");
            case 7 -> new Op.Gosched();
            case 8 -> new Op.LockOSThread();
            case 9 -> new Op.UnlockOSThread();
            case 10 -> new Op.Setns(Namespace.NET, r.nextBoolean() ? "container" : "host");
            case 11 -> new Op.SetUid(r.nextInt(3) * 1000, r.nextBoolean() ? CredentialCall.RAW_THREAD
                    : CredentialCall.SYSCALL_PACKAGE);
            case 12 -> new Op.NetWait("accept", us * 1000);
            case 13 -> new Op.Observe(dev.curtain.engine.program.ObservationKind.OPEN_SOCKET, "probe");
            case 14 -> r.nextInt(4) == 0 ? new Op.SetGomaxprocs(1 + r.nextInt(4)) : new Op.SetPriority(r.nextInt(10));
            default -> new Op.Loop(1 + r.nextInt(3), body(r, functions, 1 + r.nextInt(3), false, allocates));
        };
    }

    static SimulationOptions options(long seed, int version, int procs) {
        return SimulationOptions.defaults().withVersion(GoVersion.parse(VERSIONS[version])).withGomaxprocs(procs)
                .withSeed(seed).withLimits(new Limits(20_000, 200_000_000L, 500, 50));
    }

    @Property(tries = 150)
    void invariantsHoldAfterEveryEventAndEveryRunEndsOnce(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 0, max = 5) int version, @ForAll @IntRange(min = 1, max = 6) int procs) {
        Sim sim = Sim.run(randomProgram(seed), options(seed, version, procs));
        assertThat(sim.outcome()).isNotNull();
        assertThat(sim.all(RunEnded.class)).hasSize(1);
        assertThat(sim.rec.event(sim.rec.size() - 1)).isInstanceOf(RunEnded.class);
    }

    @Property(tries = 100)
    void withTheGarbageCollectorInvariantsAndBookkeepingHoldAfterEveryEvent(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll @IntRange(min = 0, max = 5) int version,
            @ForAll @IntRange(min = 1, max = 6) int procs) {
        Sim sim = Sim.run(randomProgram(seed, true), options(seed, version, procs).withRuntimeBackground(true));
        assertThat(sim.all(RunEnded.class)).hasSize(1);
        Program p = randomProgram(seed, true);
        SimulationOptions o = options(seed, version, procs).withRuntimeBackground(true);
        assertThat(DeterminismTest.hash(Simulator.run(p, o))).isEqualTo(DeterminismTest.hash(Simulator.run(p, o)));
    }

    @Property(tries = 100)
    void onFewerCpusThanThreadsInvariantsAndBookkeepingHoldAfterEveryEvent(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll @IntRange(min = 0, max = 5) int version,
            @ForAll @IntRange(min = 1, max = 6) int procs, @ForAll @IntRange(min = 1, max = 3) int cpus,
            @ForAll @IntRange(min = 0, max = 95) int otherLoad, @ForAll boolean allocates) {
        // The bookkeeping check includes the CPUs' books (rules/Cpus): one holder a CPU, the waiting ones queued.
        SimulationOptions o = options(seed, version, procs).withRuntimeBackground(allocates)
                .withHost(new Host(cpus, otherLoad));
        Sim sim = Sim.run(randomProgram(seed, allocates), o);
        assertThat(sim.all(RunEnded.class)).hasSize(1);
        Program p = randomProgram(seed, allocates);
        assertThat(DeterminismTest.hash(Simulator.run(p, o))).isEqualTo(DeterminismTest.hash(Simulator.run(p, o)));
    }

    @Property(tries = 40)
    void theSameSeedReproducesTheLog(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 0, max = 5) int version, @ForAll @IntRange(min = 1, max = 6) int procs) {
        Program p = randomProgram(seed);
        SimulationOptions o = options(seed, version, procs);
        assertThat(DeterminismTest.hash(Simulator.run(p, o))).isEqualTo(DeterminismTest.hash(Simulator.run(p, o)));
    }

    @Property(tries = 40)
    void seekingEqualsFolding(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 0, max = 5) int version, @ForAll @IntRange(min = 1, max = 6) int procs,
            @ForAll @IntRange(min = 0, max = 1000) int where) {
        Recording rec = Simulator.runChecked(randomProgram(seed), options(seed, version, procs));
        int at = (int) ((long) where * rec.size() / 1000);
        dev.curtain.engine.state.SchedState fold = new dev.curtain.engine.state.SchedState();
        fold.applyAll(rec.events(), 0, at);
        assertThat(StateText.of(rec.stateAt(at))).isEqualTo(StateText.of(fold));
    }
}
