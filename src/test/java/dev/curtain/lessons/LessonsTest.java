package dev.curtain.lessons;

import static dev.curtain.lessons.Lesson.events;
import static dev.curtain.lessons.Lesson.first;
import static dev.curtain.lessons.Lesson.liveThreads;
import static dev.curtain.lessons.Lesson.observations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.Outcome;
import dev.curtain.engine.Recording;
import dev.curtain.engine.event.Event.GoroutineCreated;
import dev.curtain.engine.event.Event.GoroutinePreempted;
import dev.curtain.engine.event.Event.GoroutineQueued;
import dev.curtain.engine.event.Event.GoroutineStarted;
import dev.curtain.engine.event.Event.GoroutineUnlocked;
import dev.curtain.engine.event.Event.GoroutineYielded;
import dev.curtain.engine.event.Event.ObservationMade;
import dev.curtain.engine.event.Event.PanicRecovered;
import dev.curtain.engine.event.Event.ProcessorRetaken;
import dev.curtain.engine.event.Event.SyscallEntered;
import dev.curtain.engine.event.Event.SyscallFailed;
import dev.curtain.engine.event.Event.SyscallReturnedWithoutP;
import dev.curtain.engine.event.Event.ThreadCloned;
import dev.curtain.engine.event.Event.ThreadExited;
import dev.curtain.engine.event.Event.ThreadParked;
import dev.curtain.engine.event.Event.ThreadPropertyChanged;
import dev.curtain.engine.event.Event.ThreadSpinning;
import dev.curtain.engine.event.PlaceKind;
import dev.curtain.engine.event.RuntimeFunction;
import dev.curtain.engine.state.MState;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadRole;
import dev.curtain.engine.state.ThreadState;
import dev.curtain.scenario.Exploration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per lesson: each asserts the lesson's teaching point from the simulated outcome. */
class LessonsTest {

    @Test
    void lesson01GoroutineBlocksInWriteLosesItsPAndLandsInTheGlobalQueue() {
        Lesson l = Lesson.load("01-hello-goroutine.json");
        for (String v : List.of("1.9", "1.14")) {
            Recording rec = l.run(v);
            assertThat(rec.outcome()).isEqualTo(Outcome.COMPLETED);
            GoroutineCreated created = first(rec, GoroutineCreated.class, e -> e.g() == 2);
            assertThat(created.to().kind()).isEqualTo(PlaceKind.RUNNEXT);
            GoroutineStarted runs = first(rec, GoroutineStarted.class, e -> e.g() == 2);
            SyscallEntered write = first(rec, SyscallEntered.class, e -> e.g() == 2);
            ProcessorRetaken retake = first(rec, ProcessorRetaken.class, e -> e.m() == write.m());
            ThreadCloned newM = first(rec, ThreadCloned.class, e -> e.seq() > retake.seq()
                    && e.role() == ThreadRole.WORKER);
            SyscallReturnedWithoutP noP = first(rec, SyscallReturnedWithoutP.class, e -> e.g() == 2);
            ThreadParked idle = first(rec, ThreadParked.class, e -> e.m() == write.m() && e.seq() > noP.seq());
            GoroutineStarted again = first(rec, GoroutineStarted.class, e -> e.g() == 2 && e.seq() > noP.seq());
            assertThat(List.of(created.seq(), runs.seq(), write.seq(), retake.seq(), newM.seq(), noP.seq(),
                    idle.seq())).as(v).isSorted();
            assertThat(idle.to()).isEqualTo(MState.IDLE);
            assertThat(again.from().kind()).isEqualTo(PlaceKind.GLOBAL_QUEUE);
            assertThat(again.m()).isNotEqualTo(write.m());
        }
    }

    /** The retaken P is handed off (handoffp → startm) to the new thread M2: the contract's handoffs counter counts it. */
    @Test
    void lesson01CountsTheHandoffOfTheRetakenP() {
        Lesson l = Lesson.load("01-hello-goroutine.json");
        Recording rec = l.run("1.14");
        assertThat(events(rec, ProcessorRetaken.class)).hasSize(1);
        assertThat(rec.finalState().counters().handoffs()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void lesson02SleepersHoldNoThreadButBlockedSyscallsEachHoldOne() {
        Lesson l = Lesson.load("02-gomaxprocs-bounds-ps-not-ms.json");
        Recording rec = l.run("1.14");
        assertThat(rec.outcome()).isEqualTo(Outcome.COMPLETED);
        SyscallEntered firstBlocker = first(rec, SyscallEntered.class, e -> e.name().equals("sleep"));
        SchedState sleeping = rec.stateAt(firstBlocker.seq());
        assertThat(sleeping.liveThreads()).as("ten goroutines in time.Sleep").isLessThanOrEqualTo(4);
        SchedState end = rec.finalState();
        assertThat(end.counters().maxLiveThreads()).as("ten goroutines in a blocking call, GOMAXPROCS=2")
                .isGreaterThanOrEqualTo(12);
        assertThat(end.gomaxprocs()).isEqualTo(2);
    }

    @Test
    void lesson03TightLoopStarvesMainBefore114AndIsPreemptedAfter() {
        Lesson l = Lesson.load("03-tight-loop-gomaxprocs-1.json");
        for (String v : List.of("1.9", "1.10")) {
            Recording rec = l.run(v);
            assertThat(rec.outcome()).as(v).isEqualTo(Outcome.TIME_LIMIT);
            assertThat(observations(rec, "x")).as(v + ": main never prints").isEmpty();
        }
        Recording rec = l.run("1.14");
        assertThat(rec.outcome()).isEqualTo(Outcome.COMPLETED);
        GoroutinePreempted p = first(rec, GoroutinePreempted.class, e -> e.g() == 2);
        assertThat(p.async()).as("a signal, not a function prologue").isTrue();
        ObservationMade printed = observations(rec, "x").get(0);
        assertThat(printed.timeNs()).as("about 10-20 ms late").isBetween(10_000_000L, 40_000_000L);

        Recording off = l.run(l.options("1.14").withAsyncPreemptOff(true));
        assertThat(off.outcome()).as("GODEBUG=asyncpreemptoff=1").isEqualTo(Outcome.TIME_LIMIT);
        assertThat(observations(off, "x")).isEmpty();
    }

    /**
     * runtime-semantics.md 8.5: after sysmon preempts the loop (to the global queue), schedule runs the expired timer,
     * main is readied into runnext and runs next (not the loop again through the 1-in-61 check: P0's schedtick is
     * past 0 by the time main.main runs).
     */
    @Test
    void lesson03MainRunsRightAfterTheFirstPreemption() {
        Lesson l = Lesson.load("03-tight-loop-gomaxprocs-1.json");
        Recording rec = l.run("1.14");
        GoroutinePreempted p = first(rec, GoroutinePreempted.class, e -> e.g() == 2);
        GoroutineStarted next = first(rec, GoroutineStarted.class, e -> e.seq() > p.seq());
        assertThat(next.g()).as("main runs next, from runnext").isEqualTo(1);
        assertThat(observations(rec, "x").get(0).timeNs()).isLessThan(21_000_000L);
    }

    @Test
    void lesson04LoopThatCallsFunctionsLetsMainRunOnEveryVersion() {
        Lesson l = Lesson.load("04-loop-with-println.json");
        for (String v : List.of("1.9", "1.10", "1.14")) {
            Recording rec = l.run(v);
            assertThat(rec.outcome()).as(v).isEqualTo(Outcome.COMPLETED);
            ObservationMade back = observations(rec, "main is back").get(0);
            assertThat(back.timeNs()).as(v).isBetween(10_000_000L, 40_000_000L);
            assertThat(events(rec, GoroutinePreempted.class, e -> e.g() == 2)).as(v).isNotEmpty();
        }
    }

    @Test
    void lesson05SetnsWithoutLockLeaksTheNamespaceToOtherGoroutines() {
        Lesson l = Lesson.load("05-setns-without-lock.json");
        Recording rec = l.run("1.14");
        ObservationMade configure = observations(rec, "configure veth").get(0);
        assertThat(configure.props().netns()).isEqualTo("container");
        assertThat(observations(rec, "probe")).as("an unrelated goroutine lands on the switched thread")
                .anyMatch(o -> o.props().netns().equals("container"));
        assertThat(liveThreads(rec)).as("the dirty thread stays in the pool")
                .anyMatch(t -> t.props().netns().equals("container"));

        Exploration.Report r = l.explore("1.14", 20);
        assertThat(r.find(r.observations(), "probe on a thread with netns=container").runs()).isPositive();
        assertThat(r.find(r.observations(), "set address on a clean thread").runs())
                .as("the goroutine itself may continue on a clean thread after blocking").isPositive();
        assertThat(r.find(r.threadsAtEnd(), "netns=container").fraction()).isEqualTo(1.0);
    }

    @Test
    void lesson06DecoratorDoneRightLeavesEveryThreadClean() {
        Lesson l = Lesson.load("06-decorator-done-right.json");
        for (String v : List.of("1.9", "1.10")) {
            Recording rec = l.run(v);
            assertThat(rec.outcome()).as(v).isEqualTo(Outcome.COMPLETED);
            assertThat(observations(rec, "configure veth")).allMatch(o -> o.props().netns().equals("container"));
            assertThat(observations(rec, "probe")).hasSize(6).allMatch(o -> o.props().netns().equals("host"));
            assertThat(first(rec, GoroutineUnlocked.class, e -> e.g() == 2).depth()).isZero();
            SchedState end = rec.finalState();
            for (ThreadState t : end.threads()) {
                assertThat(end.diverged(t.id())).as(v + " M" + t.id()).isEmpty();
            }
        }
    }

    @Test
    void lesson07PanicInDecoratorLeaksThreadOn19AndKillsItOn110() {
        Lesson l = Lesson.load("07-decorator-panic-recover.json");
        Recording old = l.run("1.9");
        assertThat(events(old, PanicRecovered.class)).hasSize(1);
        int dirty = observations(old, "configure veth").get(0).m();
        assertThat(old.finalState().thread(dirty).alive()).isTrue();
        assertThat(old.finalState().thread(dirty).props().netns()).isEqualTo("container");
        assertThat(observations(old, "probe")).as("seed " + l.scenario.options().seed())
                .anyMatch(o -> o.props().netns().equals("container"));
        Exploration.Report r19 = l.explore("1.9", 20);
        assertThat(r19.find(r19.observations(), "probe on a thread with netns=container").runs()).isPositive();

        Recording v110 = l.run("1.10");
        int dirty110 = observations(v110, "configure veth").get(0).m();
        assertThat(events(v110, ThreadExited.class, e -> e.m() == dirty110)).as("1.10 kills the thread").hasSize(1);

        Recording v114 = l.run("1.14");
        assertThat(liveThreads(v114)).noneMatch(t -> t.props().netns().equals("container"));
        Exploration.Report r114 = l.explore("1.14", 20);
        assertThat(r114.find(r114.observations(), "probe on a thread with netns=container").runs()).isZero();
    }

    @Test
    void lesson08NewThreadIsClonedFromTaintedThreadOn19AndFromTemplateOn110() {
        Lesson l = Lesson.load("08-new-thread-from-locked-thread.json");
        Recording old = l.run("1.9");
        ObservationMade helper19 = observations(old, "listen :8080").get(0);
        int tainted19 = first(old, ThreadPropertyChanged.class, e -> e.g() == 2).m();
        assertThat(helper19.props().netns()).isEqualTo("container");
        assertThat(old.finalState().thread(helper19.m()).clonedFrom()).isEqualTo(tainted19);
        assertThat(events(old, ThreadCloned.class, e -> e.role() == ThreadRole.TEMPLATE)).isEmpty();

        Recording rec = l.run("1.10");
        ObservationMade helper = observations(rec, "listen :8080").get(0);
        assertThat(helper.props().netns()).isEqualTo("host");
        ThreadState helperThread = rec.finalState().thread(helper.m());
        assertThat(helperThread.viaTemplate()).isTrue();
        assertThat(rec.finalState().thread(helperThread.clonedFrom()).role()).isEqualTo(ThreadRole.TEMPLATE);
    }

    @Test
    void lesson09LockedExitReusesThreadOn19KillsItOn110AndWedgesTheMainThread() {
        Lesson l = Lesson.load("09-locked-goroutine-exits.json");
        Recording v110 = l.run("1.10");
        int dirty = observations(v110, "configure eth0").get(0).m();
        assertThat(v110.finalState().thread(dirty).alive()).as("1.10: the dirty thread has exited").isFalse();
        assertThat(observations(v110, "probe")).as("1.10: no later observation in the container")
                .allMatch(o -> o.props().netns().equals("host"));
        Exploration.Report r110 = l.explore("1.10", 20);
        assertThat(r110.find(r110.observations(), "probe on a thread with netns=container").runs()).isZero();

        Recording v19 = l.run("1.9");
        int dirty19 = observations(v19, "configure eth0").get(0).m();
        assertThat(v19.finalState().thread(dirty19).alive()).isTrue();
        assertThat(observations(v19, "probe")).as("1.9: a later goroutine lands in the container")
                .anyMatch(o -> o.props().netns().equals("container"));

        Recording onMain = l.run(l.options("1.10").withGomaxprocs(1));
        ThreadParked wedged = first(onMain, ThreadParked.class, e -> e.m() == 0 && e.to() == MState.WEDGED);
        assertThat(wedged.fn()).isEqualTo(RuntimeFunction.MEXIT);
        ThreadState m0 = onMain.finalState().thread(0);
        assertThat(m0.alive()).isTrue();
        assertThat(m0.props().netns()).isEqualTo("container");
        assertThat(events(onMain, GoroutineStarted.class, e -> e.m() == 0 && e.seq() > wedged.seq())).isEmpty();
    }

    @Test
    void lesson10InitLockKeepsMainOnTheMainThread() {
        Lesson l = Lesson.load("10-main-thread-command-loop.json");
        for (String v : List.of("1.9", "1.10")) {
            Recording rec = l.run(v);
            assertThat(rec.outcome()).as(v).isEqualTo(Outcome.COMPLETED);
            List<ObservationMade> draws = observations(rec, "SDL_RenderPresent");
            assertThat(draws).as(v).hasSize(3).allMatch(o -> o.m() == 0 && o.g() == 1);
            assertThat(events(rec, GoroutineStarted.class, e -> e.g() == 1)).as(v).allMatch(e -> e.m() == 0);
        }
    }

    @Test
    void lesson11RawSetuidChangesOneThreadAndSyscallSetuidEveryThreadFrom116() {
        Lesson l = Lesson.load("11-credentials-per-thread.json");
        Recording v114 = l.run("1.14");
        SyscallFailed eop = first(v114, SyscallFailed.class, e -> e.g() == 1);
        assertThat(eop.errno()).isEqualTo("EOPNOTSUPP");
        List<ObservationMade> files = observations(v114, "/srv/report.txt");
        assertThat(files).anyMatch(o -> o.props().uid() == 65534).anyMatch(o -> o.props().uid() == 0);
        assertThat(files).filteredOn(o -> o.timeNs() > eop.timeNs()).anyMatch(o -> o.props().uid() == 0);

        Recording v116 = l.run("1.16");
        ThreadPropertyChanged all = first(v116, ThreadPropertyChanged.class, e -> e.g() == 1);
        assertThat(all.fn()).isEqualTo(RuntimeFunction.ALL_THREADS_SYSCALL);
        assertThat(observations(v116, "/srv/report.txt")).filteredOn(o -> o.timeNs() > all.timeNs())
                .isNotEmpty().allMatch(o -> o.props().uid() == 65534);
        assertThat(liveThreads(v116)).allMatch(t -> t.props().uid() == 65534);
    }

    @Test
    void lesson12UnlockWithoutRestoringPriorityRunsOtherWorkNiced() {
        Lesson l = Lesson.load("12-priority-leak.json");
        for (String v : List.of("1.9", "1.10", "1.14")) {
            Recording rec = l.run(v);
            assertThat(liveThreads(rec)).as(v).anyMatch(t -> t.props().nice() == 10);
            Exploration.Report r = l.explore(v, 10);
            assertThat(r.find(r.observations(), "handled request on a thread with nice=10").runs()).as(v)
                    .isPositive();
        }
    }

    @Test
    void lesson13PerConnectionSetuidNeedsALockedExitThatOnlyNewerGoCleansUp() {
        Lesson l = Lesson.load("13-accept-then-nobody.json");
        Recording v19 = l.run("1.9");
        assertThat(liveThreads(v19)).anyMatch(t -> t.props().uid() == 65534);
        Exploration.Report r19 = l.explore("1.9", 10);
        assertThat(r19.find(r19.observations(), "/var/log/audit on a thread with uid=65534").runs()).isPositive();

        Recording v110 = l.run("1.10");
        List<ObservationMade> uploads = observations(v110, "/srv/uploads/conn");
        assertThat(uploads).hasSize(3).allMatch(o -> o.props().uid() == 65534);
        assertThat(events(v110, SyscallFailed.class, e -> e.errno().equals("EPERM"))).hasSize(3);
        for (ObservationMade u : uploads) {
            assertThat(v110.finalState().thread(u.m()).alive()).as("1.10 kills handler thread M" + u.m()).isFalse();
        }

        Recording v114 = l.run("1.14");
        assertThat(liveThreads(v114)).noneMatch(t -> t.props().uid() == 65534);
        Exploration.Report r114 = l.explore("1.14", 10);
        assertThat(r114.find(r114.observations(), "/var/log/audit on a thread with uid=65534").runs()).isZero();
    }

    @Test
    void lesson14RunnextStealingAndTheGlobalQueueCheckKeepThingsFair() {
        Lesson l = Lesson.load("14-fairness-machinery.json");
        for (String v : List.of("1.9", "1.14")) {
            Recording rec = l.run(v);
            assertThat(rec.outcome()).isEqualTo(Outcome.COMPLETED);
            assertThat(events(rec, GoroutineQueued.class, e -> e.from().kind() == PlaceKind.RUNNEXT
                    && e.to().kind() == PlaceKind.LOCAL_QUEUE)).as("runnext kicks").isNotEmpty();
            assertThat(events(rec, GoroutineQueued.class, e -> e.fn() == RuntimeFunction.RUNQSTEAL))
                    .as("half of a queue stolen at once").isNotEmpty();
            assertThat(rec.finalState().counters().steals()).isPositive();
            assertThat(events(rec, ThreadSpinning.class, ThreadSpinning::spinning)).isNotEmpty();
            GoroutineYielded yielded = first(rec, GoroutineYielded.class, e -> e.g() == 2);
            assertThat(yielded.to().kind()).isEqualTo(PlaceKind.GLOBAL_QUEUE);
            GoroutineStarted back = first(rec, GoroutineStarted.class,
                    e -> e.g() == 2 && e.seq() > yielded.seq());
            assertThat(back.from().kind()).isEqualTo(PlaceKind.GLOBAL_QUEUE);
            SchedState then = rec.stateAt(back.seq());
            int queuedLocally = 0;
            for (int p = 0; p < then.gomaxprocs(); p++) {
                queuedLocally += then.processor(p).runqSize();
            }
            assertThat(queuedLocally).as(v + ": polite ran before the local queues drained").isPositive();
        }
    }

    @Test
    void lesson15NamespacesEnteredBeforeTheRuntimeStartsReachEveryThread() {
        Lesson l = Lesson.load("15-nsenter-constructor.json");
        for (String v : List.of("1.9", "1.10")) {
            Recording rec = l.run(v);
            assertThat(rec.outcome()).as(v).isEqualTo(Outcome.COMPLETED);
            assertThat(events(rec, ObservationMade.class)).as(v).isNotEmpty()
                    .allMatch(o -> o.props().netns().equals("container") && o.props().utsns().equals("container"));
            SchedState end = rec.finalState();
            assertThat(end.threads()).as(v).allMatch(t -> t.props().netns().equals("container"));
            for (ThreadState t : end.threads()) {
                assertThat(end.diverged(t.id())).as(v + " M" + t.id()).isEmpty();
            }
            assertThat(first(rec, SyscallFailed.class, e -> e.name().contains("NEWUSER")).errno()).isEqualTo("EINVAL");
            assertThat(end.counters().maxLiveThreads()).as(v + ": blocking reads cloned threads").isGreaterThan(4);
        }
        Recording cgo110 = l.run("1.10");
        ThreadCloned template = first(cgo110, ThreadCloned.class, e -> e.role() == ThreadRole.TEMPLATE);
        assertThat(events(cgo110, dev.curtain.engine.event.Event.GoroutineLocked.class,
                e -> e.seq() < template.seq() && e.g() != 1)).as("with cgo the template thread exists from the start")
                .isEmpty();
    }
}
