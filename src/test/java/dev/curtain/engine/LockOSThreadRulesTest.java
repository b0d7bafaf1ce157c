package dev.curtain.engine;

import static dev.curtain.engine.program.Ops.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.event.Event.GoroutineExited;
import dev.curtain.engine.event.Event.GoroutineLocked;
import dev.curtain.engine.event.Event.GoroutineStarted;
import dev.curtain.engine.event.Event.GoroutineUnlocked;
import dev.curtain.engine.event.Event.ObservationMade;
import dev.curtain.engine.event.Event.PanicRecovered;
import dev.curtain.engine.event.Event.ThreadCloned;
import dev.curtain.engine.event.Event.ThreadExited;
import dev.curtain.engine.event.Event.ThreadParked;
import dev.curtain.engine.event.Event.ThreadPropertyChanged;
import dev.curtain.engine.event.Event.ThreadWoken;
import dev.curtain.engine.event.RuntimeFunction;
import dev.curtain.engine.program.ChannelDecl;
import dev.curtain.engine.program.CloneFlag;
import dev.curtain.engine.program.Namespace;
import dev.curtain.engine.program.ObservationKind;
import dev.curtain.engine.program.Program;
import dev.curtain.engine.state.MState;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadProps;
import dev.curtain.engine.state.ThreadRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LockOSThread by version (docs/runtime-model.md, "LockOSThread"): cases 20 to 28. */
class LockOSThreadRulesTest {

    @Test
    void case20_nestedLocksAreOneBitOnGo19ButCountedFromGo110() {
        Program p = Sim.program(fn("main", go("w"), sleep("10ms")),
                fn("w", lock(), lock(), unlock(), compute("1ms")));
        Sim old = Sim.run(p, Sim.opts("1.9", 2));
        GoroutineUnlocked u19 = old.first(GoroutineUnlocked.class, e -> e.g() == 2);
        assertThat(u19.depth()).isZero();
        assertThat(old.after(u19).goroutines().lockedM(2)).isEqualTo(-1);
        Sim modern = Sim.run(p, Sim.opts("1.10", 2));
        GoroutineUnlocked u110 = modern.first(GoroutineUnlocked.class, e -> e.g() == 2);
        assertThat(u110.depth()).isEqualTo(1);
        assertThat(modern.after(u110).goroutines().lockedM(2)).isEqualTo(u110.m());
    }

    /** A goroutine locks, enters a container netns and returns without unlocking; later goroutines print netns. */
    private static Program lockedExit() {
        return Sim.program(
                fn("main", go("dirty"), compute("1ms"), sleep("5ms"), loop(20, go("probe"), sleep("200us")), sleep("5ms")),
                fn("dirty", lock(), setns(Namespace.NET, "container"), compute("100us")),
                fn("probe", openSocket("probe"), compute("50us")));
    }

    @Test
    void case21_lockedExitReturnsTheTaintedThreadToThePoolOnGo19() {
        Sim sim = Sim.run(lockedExit(), Sim.opts("1.9", 2));
        int dirtyM = sim.first(GoroutineLocked.class, e -> e.g() == 2).m();
        assertThat(sim.all(ThreadExited.class)).isEmpty();
        assertThat(sim.end().thread(dirtyM).props().netns()).isEqualTo("container");
        assertThat(sim.all(ObservationMade.class, o -> o.props().netns().equals("container")))
                .as("a later goroutine lands on the tainted thread").isNotEmpty();
    }

    @Test
    void case21_lockedExitKillsTheThreadFromGo110() {
        // 1.12: the 1.10/1.11 exit bug (#28979, below) is fixed, so nothing inherits the thread's state.
        Sim sim = Sim.run(lockedExit(), Sim.opts("1.12", 2));
        int dirtyM = sim.first(GoroutineLocked.class, e -> e.g() == 2).m();
        ThreadExited exit = sim.first(ThreadExited.class, e -> e.m() == dirtyM);
        assertThat(exit).isNotNull();
        assertThat(sim.all(ObservationMade.class, o -> o.props().netns().equals("container"))).isEmpty();
        assertThat(sim.end().thread(dirtyM).alive()).isFalse();
    }

    @Test
    void case22_lockedExitOnTheMainThreadWedgesItFromGo110() {
        // GOMAXPROCS=1: the goroutine runs on m0 (main sleeps), locks and exits: m0 is wedged, main goes on elsewhere.
        Program p = Sim.program(fn("main", go("w"), sleep("1ms"), gettid(), print("ok")), fn("w", lock()));
        Sim sim = Sim.run(p, Sim.opts("1.10", 1));
        GoroutineLocked locked = sim.first(GoroutineLocked.class, e -> e.g() == 2);
        assertThat(locked.m()).isZero();
        ThreadParked wedged = sim.first(ThreadParked.class, e -> e.m() == 0 && e.to() == MState.WEDGED);
        assertThat(wedged).isNotNull();
        assertThat(sim.all(ThreadExited.class)).isEmpty();
        ObservationMade tid = sim.first(ObservationMade.class, o -> o.what() == ObservationKind.THREAD_ID);
        assertThat(tid.m()).isNotZero();
        assertThat(sim.prints("ok")).hasSize(1);
        SchedState end = sim.end();
        assertThat(end.thread(0).state()).isEqualTo(MState.WEDGED);
        assertThat(end.thread(0).alive()).isTrue();
    }

    /** A locked goroutine unshares its fs, chdirs and enters a netns, then starts workers: new threads are needed. */
    private static Program newThreadFromLocked() {
        return Sim.program(List.of(new ChannelDecl("never", 0)),
                fn("main", go("tainted"), compute("5ms")),
                fn("tainted", lock(), unshare(CloneFlag.FS), chdir("/tmp"), setns(Namespace.NET, "container"),
                        loop(3, go("worker")), recv("never")),
                fn("worker", compute("2ms"), createFile("report.txt")));
    }

    @Test
    void case23_go19ClonesNewThreadsFromTheTaintedLockedThread() {
        Sim sim = Sim.run(newThreadFromLocked(), Sim.opts("1.9", 4));
        int tainted = sim.first(GoroutineLocked.class, e -> e.g() == 2).m();
        assertThat(tainted).as("the spinning M stole it, so it is not m0").isNotZero();
        long taintedAt = sim.first(ThreadPropertyChanged.class, e -> e.m() == tainted
                && e.fn() != RuntimeFunction.MINIT).seq();
        List<ThreadCloned> fromTainted = sim.all(ThreadCloned.class,
                e -> e.creator() == tainted && e.seq() > taintedAt);
        assertThat(fromTainted).isNotEmpty();
        assertThat(fromTainted.get(0).props().privateFs()).isTrue();
        assertThat(fromTainted.get(0).props().cwd()).isEqualTo("/tmp");
        assertThat(fromTainted.get(0).props().netns()).isEqualTo("container");
        assertThat(sim.all(ObservationMade.class, o -> o.detail().equals("/tmp/report.txt"))).isNotEmpty();
    }

    @Test
    void case23_go110AsksTheCleanTemplateThreadInstead() {
        Sim sim = Sim.run(newThreadFromLocked(), Sim.opts("1.10", 4));
        int tainted = sim.first(GoroutineLocked.class, e -> e.g() == 2).m();
        assertThat(tainted).isNotZero();
        long lockedAt = sim.first(GoroutineLocked.class, e -> e.g() == 2).seq();
        assertThat(sim.all(ThreadCloned.class, e -> e.creator() == tainted && e.seq() > lockedAt)).isEmpty();
        List<ThreadCloned> viaTemplate = sim.all(ThreadCloned.class, ThreadCloned::viaTemplate);
        assertThat(viaTemplate).isNotEmpty();
        assertThat(viaTemplate.get(0).props()).as("clean, its signals blocked until minit")
                .isEqualTo(ThreadProps.rootOnHost().withSigmask(ThreadProps.ALL_SIGNALS_BLOCKED));
        assertThat(sim.all(ObservationMade.class, o -> o.detail().startsWith("/tmp"))).isEmpty();
        assertThat(sim.all(ObservationMade.class, o -> o.detail().equals("/report.txt"))).hasSize(3);
    }

    @Test
    void case24_theTemplateThreadAppearsAtTheFirstLockOSThreadFromGo110() {
        Program p = Sim.program(fn("main", compute("1ms"), lock(), compute("1ms"), lock()));
        Sim sim = Sim.run(p, Sim.opts("1.10", 1));
        List<ThreadCloned> templates = sim.all(ThreadCloned.class, e -> e.role() == ThreadRole.TEMPLATE);
        assertThat(templates).hasSize(1);
        GoroutineLocked first = sim.first(GoroutineLocked.class, e -> true);
        assertThat(templates.get(0).seq()).isLessThan(first.seq());
        assertThat(templates.get(0).creator()).as("cloned from the locking thread").isZero();
        assertThat(Sim.run(p, Sim.opts("1.9", 1)).all(ThreadCloned.class, e -> e.role() == ThreadRole.TEMPLATE))
                .isEmpty();
        assertThat(Sim.run(Sim.program(fn("main", compute("1ms"))), Sim.opts("1.10", 1).withCgo(true))
                .all(ThreadCloned.class, e -> e.role() == ThreadRole.TEMPLATE)).as("with cgo, from the start")
                .hasSize(1);
    }

    @Test
    void case25_lockOSThreadInInitPinsMainToTheMainThread() {
        Program p = Sim.program(fn("init", lock()),
                fn("main", go("w"), sleep("1ms"), syscall("read", "30ms"), gettid(), sleep("2ms"), gettid()),
                fn("w", compute("60ms")));
        Sim sim = Sim.run(p, Sim.opts("1.10", 1));
        assertThat(sim.all(ObservationMade.class, o -> o.what() == ObservationKind.THREAD_ID))
                .allSatisfy(o -> assertThat(o.m()).isZero());
        Program free = Sim.program(fn("main", go("w"), sleep("1ms"), syscall("read", "30ms"), gettid()),
                fn("w", compute("60ms")));
        Sim unpinned = Sim.run(free, Sim.opts("1.10", 1));
        assertThat(unpinned.first(ObservationMade.class, o -> o.what() == ObservationKind.THREAD_ID).m())
                .as("without the lock main lands on another thread after blocking").isNotZero();
    }

    @Test
    void case26_aLockedGoroutineThatBlocksParksItsThreadAndIsHandedBackThroughStartlockedm() {
        Program p = Sim.program(List.of(new ChannelDecl("c", 0)),
                fn("main", go("locked"), sleep("1ms"), go("other"), sleep("1ms"), send("c"), sleep("5ms")),
                fn("locked", lock(), recv("c"), compute("1ms")),
                fn("other", compute("500us")));
        Sim sim = Sim.run(p, Sim.opts("1.10", 1));
        int lockedM = sim.first(GoroutineLocked.class, e -> e.g() == 2).m();
        ThreadParked parked = sim.first(ThreadParked.class, e -> e.m() == lockedM && e.to() == MState.LOCKED_IDLE);
        assertThat(parked).isNotNull();
        assertThat(parked.fn()).isEqualTo(RuntimeFunction.STOPLOCKEDM);
        GoroutineStarted other = sim.first(GoroutineStarted.class, e -> e.g() == 3);
        assertThat(other.m()).isNotEqualTo(lockedM);
        ThreadWoken handedBack = sim.first(ThreadWoken.class,
                e -> e.m() == lockedM && e.fn() == RuntimeFunction.STARTLOCKEDM);
        assertThat(handedBack).isNotNull();
        GoroutineStarted resumed = sim.first(GoroutineStarted.class, e -> e.g() == 2 && e.seq() > handedBack.seq());
        assertThat(resumed.m()).isEqualTo(lockedM);
    }

    /** The talk's naive decorator: lock, setns, f() panics, the caller recovers; nothing restores or unlocks. */
    private static Program decoratorWithPanic() {
        return Sim.program(
                fn("main", go("caller"), compute("1ms"), sleep("2ms"), loop(20, go("probe"), sleep("300us")),
                        sleep("5ms")),
                fn("caller", defer("rescue"), call("Do")),
                fn("rescue", recover()),
                fn("Do", lock(), setns(Namespace.NET, "container"), call("f"), setns(Namespace.NET, "host"), unlock()),
                fn("f", compute("100us"), panic("boom")),
                fn("probe", openSocket("probe"), compute("50us")));
    }

    @Test
    void case27_decoratorPanicLeaksTheTaintedThreadOnGo19() {
        Sim sim = Sim.run(decoratorWithPanic(), Sim.opts("1.9", 2));
        assertThat(sim.all(PanicRecovered.class)).hasSize(1);
        assertThat(sim.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(sim.all(ObservationMade.class, o -> o.props().netns().equals("container"))).isNotEmpty();
    }

    @Test
    void case27_decoratorPanicKillsTheTaintedThreadOnGo110() {
        Sim sim = Sim.run(decoratorWithPanic(), Sim.opts("1.12", 2));
        int m = sim.first(GoroutineLocked.class, e -> e.g() == 2).m();
        assertThat(sim.first(ThreadExited.class, e -> e.m() == m)).isNotNull();
        assertThat(sim.all(ObservationMade.class, o -> o.props().netns().equals("container"))).isEmpty();
    }

    @Test
    void go110And111CouldCloneTheReplacementThreadFromTheDyingLockedThread_issue28979() {
        // goexit0 cleared lockedExt before mexit's handoffp, so the new spinning M was cloned from the dying thread
        // and inherited its netns; 1.12 kept lockedExt, so the template thread made a clean one.
        Sim buggy = Sim.run(decoratorWithPanic(), Sim.opts("1.10", 2));
        int m = buggy.first(GoroutineLocked.class, e -> e.g() == 2).m();
        ThreadExited exit = buggy.first(ThreadExited.class, e -> e.m() == m);
        ThreadCloned clone = buggy.first(ThreadCloned.class, e -> e.creator() == m && e.role() == ThreadRole.WORKER);
        assertThat(clone.seq()).isLessThan(exit.seq());
        assertThat(clone.props().netns()).isEqualTo("container");
        Sim fixed = Sim.run(decoratorWithPanic(), Sim.opts("1.12", 2));
        int m2 = fixed.first(GoroutineLocked.class, e -> e.g() == 2).m();
        assertThat(fixed.all(ThreadCloned.class, e -> e.creator() == m2 && e.role() == ThreadRole.WORKER)).isEmpty();
    }

    @Test
    void case28_cniStyleDoWithAFailedRestoreScrapsTheThread() {
        // ns.Do runs f in a new goroutine that locks, enters the netns and restores in a defer, unlocking only if
        // the restore worked. Here the restore fails (the work dropped CAP_SYS_ADMIN), so it exits locked.
        Program p = Sim.program(List.of(new ChannelDecl("done", 0)),
                fn("main", go("nsDo"), compute("1ms"), recv("done"), loop(10, go("probe"), sleep("200us")),
                        sleep("2ms")),
                fn("nsDo", lock(), setns(Namespace.NET, "container"), defer("restore"), capset(0L), send("done")),
                fn("restore", setns(Namespace.NET, "host")),
                fn("probe", openSocket("probe")));
        Sim sim = Sim.run(p, Sim.opts("1.12", 2));
        int m = sim.first(GoroutineLocked.class, e -> e.g() == 2).m();
        assertThat(sim.all(dev.curtain.engine.event.Event.SyscallFailed.class, e -> e.g() == 2)).hasSize(1);
        assertThat(sim.first(ThreadExited.class, e -> e.m() == m)).isNotNull();
        assertThat(sim.all(GoroutineStarted.class, e -> e.g() == 1 && e.m() == m)).as("the caller never ran there")
                .isEmpty();
        assertThat(sim.all(ObservationMade.class, o -> o.props().netns().equals("container"))).isEmpty();
        assertThat(sim.all(GoroutineExited.class, e -> e.g() == 2)).hasSize(1);
    }

    @Test
    void aLockedGoroutineTakenWhileItsThreadIsStillSwitchingAwayGetsItOnceThatThreadReleasedItsP() {
        // Found by RandomProgramProperties: a locked G2 calls Gosched and goes to the global queue; a spinning M3
        // takes it before M2 has reached its own stoplockedm. M2 first releases P1 (and parks), then is woken with
        // P2, as notewakeup before notesleep does; it never holds two Ps.
        Sim sim = Sim.run(RandomProgramProperties.randomProgram(6137), RandomProgramProperties.options(6137, 0, 3));
        var released = sim.first(dev.curtain.engine.event.Event.ProcessorReleased.class,
                e -> e.m() == 2 && e.fn() == dev.curtain.engine.event.RuntimeFunction.STOPLOCKEDM && e.p() == 1
                        && e.timeNs() > 110_000);
        var woken = sim.first(dev.curtain.engine.event.Event.ThreadWoken.class,
                e -> e.m() == 2 && e.p() == 2);
        assertThat(released).isNotNull();
        assertThat(woken).isNotNull();
        assertThat(released.seq()).isLessThan(woken.seq());
    }
}
