package dev.curtain.engine;

import static dev.curtain.engine.program.Ops.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.event.Event.GoroutineParked;
import dev.curtain.engine.event.Event.GoroutineStarted;
import dev.curtain.engine.event.Event.ObservationMade;
import dev.curtain.engine.event.Event.ProcessorRetaken;
import dev.curtain.engine.event.Event.SyscallEntered;
import dev.curtain.engine.event.Event.SyscallFailed;
import dev.curtain.engine.event.EventText;
import dev.curtain.engine.program.ChannelDecl;
import dev.curtain.engine.program.CloneFlag;
import dev.curtain.engine.program.ObservationKind;
import dev.curtain.engine.program.PipeMode;
import dev.curtain.engine.program.Program;
import dev.curtain.engine.program.SigHow;
import dev.curtain.engine.program.ThreadCall;
import dev.curtain.engine.state.GStatus;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadProps;
import dev.curtain.engine.state.ThreadState;
import dev.curtain.engine.state.WaitReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operations real programs needed (issue 13, item 3): pipes a reader waits on until a write, observations of
 * every per-thread property, loops in nosplit leaf functions, spinning on a flag, and syscall.AllThreadsSyscall,
 * each per Go version as the runtime's source has it. calibration/ checks the same against real Go 1.22 and 1.23.
 */
class ProgramOpsRulesTest {
    private static final List<ChannelDecl> DONE = List.of(new ChannelDecl("done", 0));

    private static Program pipeRound(PipeMode via) {
        return Sim.program(DONE,
                fn("main", go("reader"), sleep("2ms"), print("write"), pipeWrite("p"), recv("done")),
                fn("reader", pipeRead("p", via), print("read"), send("done")));
    }

    @Test
    void aPollerReadParksItsGoroutineAndReturnsOnlyAfterTheWrite() {
        for (long seed = 1; seed <= 20; seed++) {
            Sim sim = Sim.run(pipeRound(PipeMode.POLLER), Sim.opts("1.22", 2).withSeed(seed));
            assertThat(sim.outcome()).isEqualTo(Outcome.COMPLETED);
            GoroutineParked parked = sim.first(GoroutineParked.class, e -> e.g() == 2);
            assertThat(parked.reason()).isEqualTo(WaitReason.IO_WAIT);
            ObservationMade write = sim.prints("write").get(0);
            SchedState before = sim.rec.stateAt(write.seq());
            assertThat(before.goroutines().status(2)).isEqualTo(GStatus.WAITING);
            assertThat(before.threads()).noneMatch(t -> t.curg() == 2);
            assertThat(sim.prints("read").get(0).timeNs()).isGreaterThan(write.timeNs());
            // Woken, it reads again (read(2) after EAGAIN and the poller's wake-up).
            assertThat(sim.all(SyscallEntered.class, e -> e.g() == 2 && e.name().equals("read(p)"))).hasSize(1);
        }
    }

    @Test
    void aBlockingReadKeepsItsThreadInReadUntilTheWriteAndSysmonTakesItsP() {
        Sim sim = Sim.run(pipeRound(PipeMode.BLOCKING), Sim.opts("1.22", 1));
        assertThat(sim.outcome()).isEqualTo(Outcome.COMPLETED);
        ObservationMade write = sim.prints("write").get(0);
        SchedState before = sim.rec.stateAt(write.seq());
        assertThat(before.goroutines().status(2)).isEqualTo(GStatus.SYSCALL);
        int readerM = sim.first(SyscallEntered.class, e -> e.g() == 2).m();
        assertThat(before.thread(readerM).curg()).isEqualTo(2);
        assertThat(sim.all(ProcessorRetaken.class, e -> e.m() == readerM)).isNotEmpty();
        long latency = sim.prints("read").get(0).timeNs() - write.timeNs();
        assertThat(latency).isBetween(6_000L, 5_100_000L);
    }

    @Test
    void aThreadThatBlocksInNetpollWithASocketAlreadyReadyReturnsAtOnce() {
        // Round after round of poller reads at two Ps: in some seeds the write's readiness comes while no thread
        // polls, and the next thread to park blocks in netpoll; epoll_wait returns at once, so nothing hangs.
        Program p = Sim.program(DONE,
                fn("main", loop(10, go("reader"), sleep("2ms"), pipeWrite("p"), recv("done"))),
                fn("reader", pipeRead("p", PipeMode.POLLER), send("done")));
        for (long seed = 1; seed <= 40; seed++) {
            SimulationOptions o = Sim.opts("1.22", 2).withSeed(seed).withRuntimeBackground(true);
            assertThat(Sim.run(p, o).outcome()).as("seed " + seed).isEqualTo(Outcome.COMPLETED);
        }
    }

    @Test
    void theRuntimesStartUpLeavesIdleThreadsThatTheFirstWakeUpReuses() {
        Program p = Sim.program(fn("main", go("w"), print("started"), sleep("1ms")), fn("w", compute("10us")));
        Sim off = Sim.run(p, Sim.opts("1.22", 2));
        Sim on = Sim.run(p, Sim.opts("1.22", 2).withRuntimeBackground(true));
        // Without it, m0, sysmon and the spinner cloned for w.
        assertThat(off.end().threads()).hasSize(3);
        SchedState started = on.after(on.prints("started").get(0));
        assertThat(started.liveThreads()).isEqualTo(4);
        assertThat(started.threads()).filteredOn(t -> t.id() >= 2).allMatch(t -> t.clonedFrom() == 0);
        // The spinner woken for w is one of them, not a new clone.
        assertThat(on.end().threads()).hasSize(4);
        Sim oneP = Sim.run(p, Sim.opts("1.22", 1).withRuntimeBackground(true));
        assertThat(oneP.after(oneP.prints("started").get(0)).liveThreads()).isEqualTo(3);
    }

    @Test
    void aWriteBeforeTheReadIsReadAtOnce() {
        Program p = Sim.program(fn("main", pipeWrite("p"), pipeRead("p", PipeMode.POLLER), print("read"),
                pipeWrite("q"), pipeRead("q", PipeMode.BLOCKING), print("again")));
        Sim sim = Sim.run(p, Sim.opts("1.22", 1));
        assertThat(sim.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(sim.all(GoroutineParked.class)).isEmpty();
        assertThat(sim.prints("again").get(0).timeNs()).isLessThan(1_000_000L);
    }

    @Test
    void aReadNobodyWritesHangsAsRealGoDoesInsteadOfEndingAsDeadlock() {
        for (PipeMode via : PipeMode.values()) {
            Program p = Sim.program(fn("main", pipeRead("p", via), print("never")));
            Sim sim = Sim.run(p, Sim.opts("1.22", 2).withLimits(Limits.DEFAULT.withMaxTimeNs(100_000_000L)));
            assertThat(sim.outcome()).as(via.name()).isEqualTo(Outcome.TIME_LIMIT);
            assertThat(sim.prints("never")).isEmpty();
        }
    }

    /** main starts a goroutine that sets a flag and spins until it is set. */
    private static Program spinOnFlag() {
        return Sim.program(fn("main", go("setter"), spinUntil("f"), print("seen")), fn("setter", setFlag("f")));
    }

    @Test
    void spinningAtOnePWaitsForPreemptionFromGo114AndForeverBefore() {
        Limits limits = Limits.DEFAULT.withMaxTimeNs(300_000_000L);
        Sim old = Sim.run(spinOnFlag(), Sim.opts("1.13", 1).withLimits(limits));
        assertThat(old.outcome()).isEqualTo(Outcome.TIME_LIMIT);
        Sim off = Sim.run(spinOnFlag(), Sim.opts("1.22", 1).withLimits(limits).withAsyncPreemptOff(true));
        assertThat(off.outcome()).isEqualTo(Outcome.TIME_LIMIT);
        for (long seed = 1; seed <= 20; seed++) {
            Sim sim = Sim.run(spinOnFlag(), Sim.opts("1.22", 1).withSeed(seed));
            assertThat(sim.prints("seen").get(0).timeNs()).isBetween(10_000_000L, 25_000_000L);
        }
    }

    @Test
    void aSpinnerOnAnotherPSeesTheStoreWithinMicroseconds() {
        for (long seed = 1; seed <= 20; seed++) {
            Sim sim = Sim.run(spinOnFlag(), Sim.opts("1.13", 2).withSeed(seed));
            long setAt = sim.first(GoroutineStarted.class, e -> e.g() == 2).timeNs();
            long seen = sim.prints("seen").get(0).timeNs();
            assertThat(seen - setAt).isBetween(0L, 1_000L);
            assertThat(seen).isLessThan(2_100_000L);
        }
    }

    /** At GOMAXPROCS=1 main sleeps 2 ms beside a loop that spends {@code share}% of its time in nosplit leaves. */
    private static Program sleepBeside(int share, boolean callsFunctions) {
        return Sim.program(fn("main", go("loop"), sleep("2ms"), print("woke")),
                fn("loop", forever(callsFunctions ? compute("10ms") : nosplitLoop("10ms", share))));
    }

    @Test
    void aLoopInNosplitLeavesIsPreemptedOnlyWhenASignalLandsBetweenTheCalls() {
        Limits limits = Limits.DEFAULT.withMaxTimeNs(3_000_000_000L);
        Sim never = Sim.run(sleepBeside(100, false), Sim.opts("1.22", 1).withLimits(limits));
        assertThat(never.outcome()).isEqualTo(Outcome.TIME_LIMIT);
        assertThat(never.prints("woke")).isEmpty();
        long plain = Sim.run(sleepBeside(0, false), Sim.opts("1.22", 1)).prints("woke").get(0).timeNs();
        assertThat(plain).isBetween(10_000_000L, 25_000_000L);
        int later = 0;
        for (long seed = 1; seed <= 10; seed++) {
            long t = Sim.run(sleepBeside(95, false), Sim.opts("1.22", 1).withSeed(seed)).prints("woke").get(0)
                    .timeNs();
            later += t > 40_000_000L ? 1 : 0;
        }
        assertThat(later).as("most runs wait for more than one signal").isGreaterThan(5);
        // A loop whose calls have a prologue stops at the next one, even before async preemption.
        long prologue = Sim.run(sleepBeside(0, true), Sim.opts("1.13", 1)).prints("woke").get(0).timeNs();
        assertThat(prologue).isBetween(10_000_000L, 25_000_000L);
    }

    /** A goroutine locks its thread at nice 3; main runs setpriority(value) on every thread, then clones more. */
    private static Program niceEverywhere(long value) {
        return Sim.program(List.of(new ChannelDecl("ready", 0), new ChannelDecl("release", 0)),
                fn("main", go("locked"), recv("ready"), allThreads(ThreadCall.SETPRIORITY, value), print("after"),
                        loop(4, go("sleeper")), sleep("10ms"), print("later"), send("release")),
                fn("locked", lock(), setpriority(3), send("ready"), recv("release")),
                fn("sleeper", syscall("nanosleep", "5ms")));
    }

    @Test
    void allThreadsSyscallChangesEveryThreadLockedOnesIncludedAndLaterThreadsInheritIt() {
        for (String v : new String[] {"1.16", "1.22", "1.23"}) {
            Sim sim = Sim.run(niceEverywhere(10), Sim.opts(v, 2));
            SchedState after = sim.after(sim.prints("after").get(0));
            assertThat(after.threads()).filteredOn(ThreadState::alive).isNotEmpty()
                    .allMatch(t -> t.props().nice() == 10);
            SchedState later = sim.after(sim.prints("later").get(0));
            assertThat(later.threads().size()).as(v).isGreaterThan(after.threads().size());
            assertThat(later.threads()).filteredOn(ThreadState::alive).allMatch(t -> t.props().nice() == 10);
        }
    }

    @Test
    void allThreadsSyscallIsENOTSUPWithCgoAndDoesNotBuildBeforeGo116() {
        Sim cgo = Sim.run(niceEverywhere(10), Sim.opts("1.22", 2).withCgo(true));
        assertThat(cgo.first(SyscallFailed.class, e -> e.g() == 1).errno()).isEqualTo("ENOTSUP");
        assertThat(cgo.after(cgo.prints("after").get(0)).threads()).filteredOn(ThreadState::alive)
                .noneMatch(t -> t.props().nice() == 10);
        Sim old = Sim.run(niceEverywhere(10), Sim.opts("1.15", 2));
        assertThat(old.outcome()).isEqualTo(Outcome.CRASHED);
        assertThat(old.end().outcomeMessage()).contains("undefined before Go 1.16");
    }

    @Test
    void allThreadsSyscallFailingOnTheCallerChangesNothingAndFailingElsewhereIsFatal() {
        // Lowering nice needs CAP_SYS_NICE: without it on the calling thread, EACCES and no thread changes.
        Program base = niceEverywhere(-5);
        Program refused = new Program(new java.util.ArrayList<>(base.functions().values()), base.channels(),
                ThreadProps.rootOnHost().withCaps(0));
        Sim sim = Sim.run(refused, Sim.opts("1.22", 2));
        assertThat(sim.first(SyscallFailed.class, e -> e.g() == 1).errno()).isEqualTo("EACCES");
        assertThat(sim.after(sim.prints("after").get(0)).threads()).filteredOn(ThreadState::alive)
                .noneMatch(t -> t.props().nice() == -5);
        // With it on the caller but not on the locked thread, the runtime dies.
        Program split = Sim.program(List.of(new ChannelDecl("ready", 0), new ChannelDecl("release", 0)),
                fn("main", go("locked"), recv("ready"), allThreads(ThreadCall.SETPRIORITY, -5), print("after"),
                        send("release")),
                fn("locked", lock(), capset(0), send("ready"), recv("release")));
        Sim dies = Sim.run(split, Sim.opts("1.22", 2));
        assertThat(dies.outcome()).isEqualTo(Outcome.CRASHED);
        assertThat(dies.end().outcomeMessage()).contains("AllThreadsSyscall6 results differ between threads");
    }

    @Test
    void everyPerThreadPropertyCanBeObservedAndReadsBackAsTheThreadHasIt() {
        Program p = Sim.program(fn("main", lock(), unshare(CloneFlag.NEWNS), setpriority(4),
                sigprocmask(SigHow.BLOCK, 0x200), setgid(77, dev.curtain.engine.program.CredentialCall.RAW_THREAD),
                setuid(88, dev.curtain.engine.program.CredentialCall.RAW_THREAD),
                observe(ObservationKind.READ_UID, ""), observe(ObservationKind.READ_GID, ""),
                observe(ObservationKind.READ_NICE, ""), observe(ObservationKind.READ_CAPS, ""),
                observe(ObservationKind.READ_SIGMASK, ""), observe(ObservationKind.READ_MOUNTS, "")));
        Sim sim = Sim.run(p, Sim.opts("1.22", 1));
        List<String> said = sim.observations().stream().map(o -> EventText.describe(o)).toList();
        assertThat(said).anyMatch(t -> t.contains("reads its uid: 88"))
                .anyMatch(t -> t.contains("reads its gid: 77"))
                .anyMatch(t -> t.contains("reads its nice value: 4"))
                .anyMatch(t -> t.contains("reads its capabilities: 0000000000000000"))
                .anyMatch(t -> t.contains("reads its blocked signals: 0000000000000200"))
                .anyMatch(t -> t.contains("reads the mounts of mntns mnt-1"));
        // getuid and getgid are RawSyscalls (no entersyscall); the others go through the scheduler.
        assertThat(sim.all(SyscallEntered.class).stream().map(SyscallEntered::name))
                .contains("getpriority", "capget", "rt_sigprocmask", "openat")
                .doesNotContain("getuid", "getgid");
        assertThat(sim.end().goroutines().tainted(1)).isTrue();
    }
}
