package dev.curtain.lessons;

import static dev.curtain.lessons.Lesson.events;
import static dev.curtain.lessons.Lesson.first;
import static dev.curtain.lessons.Lesson.liveThreads;
import static dev.curtain.lessons.Lesson.observations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.Outcome;
import dev.curtain.engine.state.WaitReason;
import dev.curtain.engine.state.ThreadProps;
import dev.curtain.engine.event.Place;
import dev.curtain.engine.event.Event.ThreadWoken;
import dev.curtain.engine.event.Event.GoroutineExited;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.GoVersion;
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

    /**
     * The retaken P is handed off (handoffp → startm → newm) to the new thread M2, which wakes with that very P
     * and runs main on it: not just any handoff, on every version the lesson offers and every seed.
     */
    @Test
    void lesson01TheNewThreadTakesTheRetakenP() {
        Lesson l = Lesson.load("01-hello-goroutine.json");
        for (GoVersion v : l.profiles()) {
            for (long seed : l.seeds()) {
                Lesson.Run r = l.play(v, seed);
                ProcessorRetaken retake = r.first(ProcessorRetaken.class, e -> true);
                assertThat(r.all(ProcessorRetaken.class)).as(r.where()).hasSize(1);
                ThreadCloned newM = r.first(ThreadCloned.class, e -> e.seq() > retake.seq());
                assertThat(newM.role()).as(r.where()).isEqualTo(ThreadRole.WORKER);
                ThreadWoken woken = r.first(ThreadWoken.class, e -> e.seq() > retake.seq());
                assertThat(woken.m()).as(r.where() + ": the next thread to wake is the new one").isEqualTo(newM.m());
                assertThat(woken.p()).as(r.where() + ": with the retaken P").isEqualTo(retake.p());
                assertThat(woken.fn()).as(r.where()).isEqualTo(RuntimeFunction.HANDOFFP);
                GoroutineStarted main = r.first(GoroutineStarted.class, e -> e.seq() > woken.seq());
                assertThat(main.g()).as(r.where() + ": and runs main on it").isEqualTo(1);
                assertThat(main.m()).as(r.where()).isEqualTo(newM.m());
                assertThat(main.p()).as(r.where()).isEqualTo(retake.p());
                assertThat(r.rec.finalState().counters().handoffs()).as(r.where()).isPositive();
            }
        }
    }

    /**
     * Ten sleepers are parked at once while at most four threads live; later about ten threads sit in a syscall
     * together, each holding a blocker, with GOMAXPROCS=2. Measured over every state of the run, not at its end.
     */
    @Test
    void lesson02SleepersHoldNoThreadButBlockedSyscallsEachHoldOne() {
        Lesson l = Lesson.load("02-gomaxprocs-bounds-ps-not-ms.json");
        for (long seed : l.seeds()) {
            Lesson.Run r = l.play(l.scenario.options().version(), seed);
            assertThat(r.rec.outcome()).as(r.where()).isEqualTo(Outcome.COMPLETED);
            SchedState s = new SchedState();
            int mostAsleep = 0;
            int threadsWhileAsleep = 0;
            int mostInSyscalls = 0;
            for (Event e : r.rec.events()) {
                s.apply(e);
                int asleep = 0;
                for (int g = 1; g < s.goroutines().size(); g++) {
                    asleep += s.goroutines().waitReason(g) == WaitReason.SLEEP ? 1 : 0;
                }
                if (asleep > mostAsleep) {
                    mostAsleep = asleep;
                    threadsWhileAsleep = s.liveThreads();
                }
                int inSyscalls = 0;
                for (ThreadState t : s.threads()) {
                    if (t.state() == MState.SYSCALL) {
                        inSyscalls++;
                        assertThat(s.goroutines().function(t.curg())).as(r.where()).isEqualTo("blocker");
                    }
                }
                mostInSyscalls = Math.max(mostInSyscalls, inSyscalls);
            }
            assertThat(mostAsleep).as(r.where() + ": ten sleepers parked at once").isEqualTo(10);
            assertThat(threadsWhileAsleep).as(r.where() + ": while they sleep, few threads").isLessThanOrEqualTo(4);
            assertThat(mostInSyscalls).as(r.where() + ": about ten threads in syscalls together").isBetween(9, 10);
            assertThat(r.rec.finalState().counters().maxLiveThreads()).as(r.where()).isGreaterThanOrEqualTo(12);
            assertThat(r.rec.finalState().gomaxprocs()).isEqualTo(2);
        }
    }

    @Test
    void lesson03TightLoopStarvesMainBefore114AndIsPreemptedAfter() {
        Lesson l = Lesson.load("03-tight-loop-gomaxprocs-1.json");
        for (String v : List.of("1.9", "1.10")) {
            Recording rec = l.play(GoVersion.parse(v), l.scenario.options().seed()).rec;
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
     * After sysmon preempts the loop (to the global queue), schedule runs the expired timer,
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

    /**
     * The loop is preempted at a function prologue on every version, 1.14 included: the preemption is
     * synchronous (gp.preempt seen at a call, not a signal) once sysmon has seen 10 ms, and main prints right after.
     * In a rare run sysmon's tick past 10 ms finds the loop inside println's write(2) instead: retake then asks for
     * the preemption and takes the P at once (sysretake, Go 1.22 proc.go 6121-6148, 1.23 6219-6250), and main still runs within the
     * same 10-15 ms. Main comes back in every run; by a preemption at a prologue in nearly every one, and always in
     * the pinned run, whose cue shows it.
     */
    @Test
    void lesson04LoopThatCallsFunctionsIsPreemptedAtAFunctionPrologueOnEveryVersion() {
        Lesson l = Lesson.load("04-loop-with-println.json");
        for (GoVersion v : l.profiles()) {
            int preempted = 0;
            for (long seed : l.seeds()) {
                Lesson.Run r = l.play(v, seed);
                assertThat(r.rec.outcome()).as(r.where()).isEqualTo(Outcome.COMPLETED);
                GoroutineStarted starts = r.first(GoroutineStarted.class, e -> e.g() == 2);
                assertThat(r.all(GoroutinePreempted.class, e -> e.async())).as(r.where() + ": no signal at all")
                        .isEmpty();
                List<GoroutinePreempted> ps = r.all(GoroutinePreempted.class, e -> e.g() == 2);
                long stoppedAt;
                if (!ps.isEmpty()) {
                    GoroutinePreempted p = ps.get(0);
                    assertThat(p.to()).as(r.where()).isEqualTo(Place.GLOBAL);
                    stoppedAt = p.timeNs();
                    preempted++;
                } else {
                    ProcessorRetaken taken = r.first(ProcessorRetaken.class, e -> e.timeNs() - starts.timeNs()
                            >= 10_000_000L);
                    stoppedAt = taken.timeNs();
                }
                assertThat(stoppedAt - starts.timeNs()).as(r.where() + ": once sysmon sees 10 ms")
                        .isBetween(10_000_000L, 15_000_000L);
                ObservationMade back = r.observations("main is back").get(0);
                assertThat(back.timeNs() - stoppedAt).as(r.where() + ": main runs right after")
                        .isBetween(0L, 100_000L);
            }
            assertThat(preempted).as("Go %s: runs preempted at a prologue, of %d", v, Lesson.SEEDS)
                    .isGreaterThanOrEqualTo(Lesson.SEEDS * 9 / 10);
            assertThat(l.play(v, l.scenario.options().seed()).all(GoroutinePreempted.class, e -> e.g() == 2))
                    .as("Go %s, the pinned run", v).isNotEmpty();
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

        Exploration.Report r = l.explore("1.14", Lesson.SEEDS);
        assertThat(r.find(r.observations(), "openSocket probe on a thread with netns=container").runs()).isPositive();
        assertThat(r.find(r.observations(), "openSocket set address on a clean thread").runs())
                .as("the goroutine itself may continue on a clean thread after blocking").isPositive();
        assertThat(r.find(r.threadsAtEnd(), "netns=container").fraction())
                .as("in nearly every run (the timing model lets a rare run go another way)").isGreaterThanOrEqualTo(0.9);
    }

    /** "Whatever the scheduler does": every seed, on both versions, leaves every probe and every thread clean. */
    @Test
    void lesson06DecoratorDoneRightLeavesEveryThreadClean() {
        Lesson l = Lesson.load("06-decorator-done-right.json");
        for (GoVersion v : l.profiles()) {
            for (long seed : l.seeds()) {
                Lesson.Run r = l.play(v, seed);
                assertThat(r.rec.outcome()).as(r.where()).isEqualTo(Outcome.COMPLETED);
                assertThat(r.observations("configure veth")).as(r.where()).singleElement()
                        .matches(o -> o.props().netns().equals("container"));
                assertThat(r.observations("probe")).as(r.where()).hasSize(6)
                        .allMatch(o -> o.props().netns().equals("host"));
                assertThat(r.first(GoroutineUnlocked.class, e -> e.g() == 2).depth()).as(r.where()).isZero();
                SchedState end = r.rec.finalState();
                for (ThreadState t : end.threads()) {
                    assertThat(end.diverged(t.id())).as(r.where() + " M" + t.id()).isEmpty();
                }
            }
            Exploration.Report e = l.explore(v.toString(), Lesson.SEEDS);
            assertThat(e.startingWith(e.observations(), "openSocket probe on ")).as("Go " + v)
                    .extracting(Exploration.Tally::what).containsExactly("openSocket probe on a clean thread");
            assertThat(e.threadsAtEnd()).as("Go " + v).isEmpty();
        }
    }

    /**
     * 1.9 returns the tainted thread to the pool; from 1.10 the thread exits with its goroutine. On 1.10 (and
     * 1.11) the dying thread first clones its replacement, which is born in the container (golang/go#28979), so a
     * dirty thread is still left; from 1.12 the replacement is clean and no probe ever lands in the container.
     */
    @Test
    void lesson07PanicInDecoratorLeaksThreadOn19AndKillsItFrom110() {
        Lesson l = Lesson.load("07-decorator-panic-recover.json");
        Recording old = l.play(GoVersion.GO_1_9, l.scenario.options().seed()).rec;
        assertThat(events(old, PanicRecovered.class)).hasSize(1);
        int dirty = observations(old, "configure veth").get(0).m();
        assertThat(old.finalState().thread(dirty).alive()).isTrue();
        assertThat(old.finalState().thread(dirty).props().netns()).isEqualTo("container");
        assertThat(observations(old, "probe")).as("seed " + l.scenario.options().seed()).hasSize(12)
                .anyMatch(o -> o.props().netns().equals("container"));
        // in most runs, not all: a P's first syscall is retaken at sysmon's first tick, and where that makes a
        // thread of its own it waits in the idle pool ahead of the tainted one (no probe on it in 13 of seeds
        // 1-120 on 1.9)
        Exploration.Report r19 = l.explore("1.9", Lesson.SEEDS);
        assertThat(r19.find(r19.observations(), "openSocket probe on a thread with netns=container").fraction())
                .as("in most runs").isGreaterThanOrEqualTo(0.8);

        for (String v : List.of("1.10", "1.11")) {
            Lesson.Run r = l.play(GoVersion.parse(v), l.scenario.options().seed());
            int tainted = r.observations("configure veth").get(0).m();
            GoroutineExited exits = r.first(GoroutineExited.class, e -> e.g() == 2);
            ThreadExited killed = r.first(ThreadExited.class, e -> e.m() == tainted);
            assertThat(killed.seq()).as(r.where() + ": the thread dies with G2").isGreaterThan(exits.seq());
            ThreadCloned replacement = r.first(ThreadCloned.class, e -> e.creator() == tainted
                    && e.seq() > exits.seq() && e.seq() < killed.seq());
            assertThat(replacement.props().netns()).as(r.where() + ": #28979, the replacement is born inside")
                    .isEqualTo("container");
            assertThat(liveThreads(r.rec)).as(r.where() + ": a dirty thread is left in the pool")
                    .anyMatch(t -> t.id() == replacement.m() && t.props().netns().equals("container"));
        }

        for (String v : List.of("1.12", "1.14")) {
            Lesson.Run r = l.play(GoVersion.parse(v), l.scenario.options().seed());
            int tainted = r.observations("configure veth").get(0).m();
            GoroutineExited exits = r.first(GoroutineExited.class, e -> e.g() == 2);
            assertThat(r.all(ThreadExited.class, e -> e.m() == tainted)).as(r.where()).hasSize(1);
            assertThat(r.all(ThreadCloned.class, e -> e.creator() == tainted && e.seq() > exits.seq()))
                    .as(r.where() + ": the dying thread clones nothing").isEmpty();
            assertThat(liveThreads(r.rec)).as(r.where()).noneMatch(t -> t.props().netns().equals("container"));
            Exploration.Report e = l.explore(v, Lesson.SEEDS);
            assertThat(e.startingWith(e.observations(), "openSocket probe on ")).as("Go " + v)
                    .extracting(Exploration.Tally::what).containsExactly("openSocket probe on a clean thread");
            // Only a rare run leaves a dirty thread: the one where main's own thread (which cannot exit) ran the
            // locked goroutine and is wedged, never to run anything else; no observation sees it.
            assertThat(e.threadsAtEnd().stream().mapToDouble(Exploration.Tally::fraction).max().orElse(0))
                    .as("Go " + v).isLessThanOrEqualTo(0.25);
        }
    }

    @Test
    void lesson08NewThreadIsClonedFromTaintedThreadOn19AndFromTemplateOn110() {
        Lesson l = Lesson.load("08-new-thread-from-locked-thread.json");
        Recording old = l.play(GoVersion.GO_1_9, l.scenario.options().seed()).rec;
        ObservationMade helper19 = observations(old, "listen :8080").get(0);
        int tainted19 = first(old, ThreadPropertyChanged.class, e -> e.g() == 2).m();
        assertThat(helper19.props().netns()).isEqualTo("container");
        assertThat(old.finalState().thread(helper19.m()).clonedFrom()).isEqualTo(tainted19);
        assertThat(events(old, ThreadCloned.class, e -> e.role() == ThreadRole.TEMPLATE)).isEmpty();

        Recording rec = l.play(GoVersion.GO_1_10, l.scenario.options().seed()).rec;
        ObservationMade helper = observations(rec, "listen :8080").get(0);
        assertThat(helper.props().netns()).isEqualTo("host");
        ThreadState helperThread = rec.finalState().thread(helper.m());
        assertThat(helperThread.viaTemplate()).isTrue();
        assertThat(rec.finalState().thread(helperThread.clonedFrom()).role()).isEqualTo(ThreadRole.TEMPLATE);
    }

    @Test
    void lesson09LockedExitReusesThreadOn19KillsItFrom110AndWedgesTheMainThread() {
        Lesson l = Lesson.load("09-locked-goroutine-exits.json");
        long seed = l.scenario.options().seed();
        for (String v : List.of("1.10", "1.14")) {
            Recording rec = l.play(GoVersion.parse(v), seed).rec;
            int dirty = observations(rec, "configure eth0").get(0).m();
            assertThat(rec.finalState().thread(dirty).alive()).as(v + ": the dirty thread has exited").isFalse();
            assertThat(observations(rec, "probe")).as(v + ": no later observation in the container").hasSize(10)
                    .allMatch(o -> o.props().netns().equals("host"));
        }
        // 1.10 left a dirty replacement in the pool (#28979); 1.14, the version the lesson shows, leaves none
        Recording v110 = l.play(GoVersion.GO_1_10, seed).rec;
        int dirty110 = observations(v110, "configure eth0").get(0).m();
        assertThat(liveThreads(v110)).as("1.10: #28979").anyMatch(t -> t.clonedFrom() == dirty110
                && t.props().netns().equals("container"));
        Exploration.Report r114 = l.explore("1.14", Lesson.SEEDS);
        assertThat(r114.startingWith(r114.observations(), "openSocket probe on "))
                .extracting(Exploration.Tally::what).containsExactly("openSocket probe on a clean thread");
        // The dirty thread dies with its goroutine, except in the rare run where the second thread is slow to
        // start and main's own thread (which cannot exit) runs the locked goroutine: then m0 is wedged, dirty.
        assertThat(r114.threadsAtEnd().stream().mapToDouble(Exploration.Tally::fraction).max().orElse(0))
                .as("a dirty thread is left at the end only in a rare run").isLessThanOrEqualTo(0.15);

        Recording v19 = l.play(GoVersion.GO_1_9, seed).rec;
        int dirty19 = observations(v19, "configure eth0").get(0).m();
        assertThat(v19.finalState().thread(dirty19).alive()).isTrue();
        assertThat(observations(v19, "probe")).as("1.9: a later goroutine lands in the container").hasSize(10)
                .anyMatch(o -> o.props().netns().equals("container"));

        for (String v : List.of("1.10", "1.14")) {
            Recording onMain = l.run(l.options(v).withGomaxprocs(1));
            Lesson.checkInvariants(onMain, "lesson 9 on Go " + v + " with GOMAXPROCS=1");
            ThreadParked wedged = first(onMain, ThreadParked.class, e -> e.m() == 0 && e.to() == MState.WEDGED);
            assertThat(wedged.fn()).as(v).isEqualTo(RuntimeFunction.MEXIT);
            ThreadState m0 = onMain.finalState().thread(0);
            assertThat(m0.alive()).as(v).isTrue();
            assertThat(m0.props().netns()).as(v).isEqualTo("container");
            assertThat(events(onMain, GoroutineStarted.class, e -> e.m() == 0 && e.seq() > wedged.seq())).as(v)
                    .isEmpty();
        }
    }

    @Test
    void lesson10InitLockKeepsMainOnTheMainThread() {
        Lesson l = Lesson.load("10-main-thread-command-loop.json");
        for (String v : List.of("1.9", "1.10")) {
            Recording rec = l.play(GoVersion.parse(v), l.scenario.options().seed()).rec;
            assertThat(rec.outcome()).as(v).isEqualTo(Outcome.COMPLETED);
            List<ObservationMade> draws = observations(rec, "SDL_RenderPresent");
            assertThat(draws).as(v).hasSize(3).allMatch(o -> o.m() == 0 && o.g() == 1);
            assertThat(events(rec, GoroutineStarted.class, e -> e.g() == 1)).as(v).hasSizeGreaterThan(3)
                    .allMatch(e -> e.m() == 0);
        }
    }

    @Test
    void lesson11RawSetuidChangesOneThreadAndSyscallSetuidEveryThreadFrom116() {
        Lesson l = Lesson.load("11-credentials-per-thread.json");
        Recording v114 = l.play(GoVersion.GO_1_14, l.scenario.options().seed()).rec;
        SyscallFailed eop = first(v114, SyscallFailed.class, e -> e.g() == 1);
        assertThat(eop.errno()).isEqualTo("EOPNOTSUPP");
        List<ObservationMade> files = observations(v114, "/srv/report.txt");
        assertThat(files).anyMatch(o -> o.props().uid() == 65534).anyMatch(o -> o.props().uid() == 0);
        assertThat(files).filteredOn(o -> o.timeNs() > eop.timeNs()).anyMatch(o -> o.props().uid() == 0);

        Recording v116 = l.play(GoVersion.parse("1.16"), l.scenario.options().seed()).rec;
        ThreadPropertyChanged all = first(v116, ThreadPropertyChanged.class, e -> e.g() == 1);
        assertThat(all.fn()).isEqualTo(RuntimeFunction.ALL_THREADS_SYSCALL);
        assertThat(observations(v116, "/srv/report.txt")).filteredOn(o -> o.timeNs() > all.timeNs())
                .isNotEmpty().allMatch(o -> o.props().uid() == 65534);
        assertThat(liveThreads(v116)).isNotEmpty().allMatch(t -> t.props().uid() == 65534);
    }

    @Test
    void lesson12UnlockWithoutRestoringPriorityRunsOtherWorkNiced() {
        Lesson l = Lesson.load("12-priority-leak.json");
        for (String v : List.of("1.9", "1.10", "1.14")) {
            Recording rec = l.play(GoVersion.parse(v), l.scenario.options().seed()).rec;
            assertThat(liveThreads(rec)).as(v).anyMatch(t -> t.props().nice() == 10);
            Exploration.Report r = l.explore(v, Lesson.SEEDS);
            assertThat(r.find(r.observations(), "print handled request on a thread with nice=10").fraction()).as(v + ": in nearly every run")
                    .isGreaterThanOrEqualTo(0.9);
        }
    }

    /**
     * 1.9 returns each nobody thread to the pool. From 1.10 the handler's thread exits, but on 1.10 and 1.11 it
     * first clones its replacement, born as nobody (golang/go#28979), so audit files are still created as nobody;
     * from 1.12 the exit is clean and every audit file is root's.
     */
    @Test
    void lesson13PerConnectionSetuidNeedsALockedExitThatOnlyNewerGoCleansUp() {
        Lesson l = Lesson.load("13-accept-then-nobody.json");
        String nobodyAudit = "createFile /var/log/audit on a thread with uid=65534, caps=0000000000000000";
        Recording v19 = l.play(GoVersion.GO_1_9, l.scenario.options().seed()).rec;
        assertThat(liveThreads(v19)).anyMatch(t -> t.props().uid() == 65534);
        assertThat(events(v19, ThreadExited.class)).as("1.9 kills no thread").isEmpty();
        Exploration.Report r19 = l.explore("1.9", Lesson.SEEDS);
        assertThat(r19.find(r19.observations(), nobodyAudit).fraction())
                .as("in nearly every run (the timing model lets a rare run go another way)").isGreaterThanOrEqualTo(0.9);

        for (String v : List.of("1.10", "1.11")) {
            Lesson.Run r = l.play(GoVersion.parse(v), l.scenario.options().seed());
            List<ObservationMade> uploads = r.observations("/srv/uploads/conn");
            assertThat(uploads).as(v).hasSize(3).allMatch(o -> o.props().uid() == 65534);
            assertThat(r.all(SyscallFailed.class, e -> e.errno().equals("EPERM"))).as(v).hasSize(3);
            for (ObservationMade u : uploads) {
                assertThat(r.rec.finalState().thread(u.m()).alive()).as(v + " kills handler thread M" + u.m())
                        .isFalse();
            }
            List<ThreadCloned> bornFromDying = r.all(ThreadCloned.class, c -> uploads.stream()
                    .anyMatch(u -> u.m() == c.creator()) && c.props().uid() == 65534);
            assertThat(bornFromDying).as(v + ": #28979, a replacement cloned from a dying nobody thread")
                    .isNotEmpty();
            Exploration.Report e = l.explore(v, Lesson.SEEDS);
            assertThat(e.find(e.observations(), nobodyAudit).fraction()).as(v + ": the leak survives")
                    .isGreaterThanOrEqualTo(0.9);
        }

        for (String v : List.of("1.12", "1.14")) {
            Lesson.Run r = l.play(GoVersion.parse(v), l.scenario.options().seed());
            List<ObservationMade> uploads = r.observations("/srv/uploads/conn");
            assertThat(uploads).as(v).hasSize(3);
            assertThat(r.all(ThreadCloned.class, c -> c.props().uid() == 65534))
                    .as(v + ": no thread is born as nobody: the dying handler thread clones nothing").isEmpty();
            assertThat(liveThreads(r.rec)).as(v).noneMatch(t -> t.props().uid() == 65534);
            Exploration.Report e = l.explore(v, Lesson.SEEDS);
            assertThat(e.startingWith(e.observations(), "createFile /var/log/audit on ")).as(v)
                    .extracting(Exploration.Tally::what).containsExactly("createFile /var/log/audit on a clean thread");
            // Only a rare run leaves a dirty thread: the one where main's own thread (which cannot exit) ran the
            // locked goroutine and is wedged, never to run anything else; no observation sees it.
            assertThat(e.threadsAtEnd().stream().mapToDouble(Exploration.Tally::fraction).max().orElse(0))
                    .as(v).isLessThanOrEqualTo(0.25);
        }
    }

    @Test
    void lesson14RunnextStealingAndTheGlobalQueueCheckKeepThingsFair() {
        Lesson l = Lesson.load("14-fairness-machinery.json");
        for (String v : List.of("1.9", "1.14")) {
            Recording rec = l.play(GoVersion.parse(v), l.scenario.options().seed()).rec;
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

    /**
     * Directly: every thread the runtime ever clones is cloned from a thread already inside the container, and
     * no thread property ever changes, on both versions and every seed; user namespaces are refused.
     */
    @Test
    void lesson15NamespacesEnteredBeforeTheRuntimeStartsReachEveryThread() {
        Lesson l = Lesson.load("15-nsenter-constructor.json");
        for (GoVersion v : l.profiles()) {
            for (long seed : l.seeds()) {
                Lesson.Run r = l.play(v, seed);
                assertThat(r.rec.outcome()).as(r.where()).isEqualTo(Outcome.COMPLETED);
                ThreadProps inside = r.first(Event.RuntimeStarted.class, e -> true).baseline();
                assertThat(inside.netns()).isEqualTo("container");
                assertThat(inside.utsns()).isEqualTo("container");
                List<ThreadCloned> clones = r.all(ThreadCloned.class);
                assertThat(clones).as(r.where() + ": blocking reads clone threads").hasSizeGreaterThan(4);
                for (ThreadCloned c : clones) {
                    if (c.creator() < 0) {
                        assertThat(c.m()).as(r.where() + ": only the main thread has no creator").isZero();
                        assertThat(c.props()).as(r.where()).isEqualTo(inside);
                        continue;
                    }
                    assertThat(r.before(c).thread(c.creator()).props()).as(r.where() + ": M" + c.m()
                            + "'s creator M" + c.creator() + " is inside").isEqualTo(inside);
                    assertThat(c.props().withSigmask(inside.sigmask())).as(r.where() + ": M" + c.m()
                            + " is born inside").isEqualTo(inside);
                    assertThat(c.props().sigmask()).as(r.where() + ": M" + c.m() + "'s signals: blocked until minit "
                            + "(a worker), or set at once (sysmon, the template thread, in a lesson)")
                            .isIn(ThreadProps.ALL_SIGNALS_BLOCKED, inside.sigmask());
                }
                assertThat(r.all(ThreadPropertyChanged.class, e -> e.fn() != RuntimeFunction.MINIT))
                        .as(r.where() + ": nothing diverges").isEmpty();
                assertThat(r.all(ThreadPropertyChanged.class)).as(r.where() + ": minit sets the mask back")
                        .allMatch(e -> e.after().equals(inside));
                assertThat(r.all(ObservationMade.class)).as(r.where()).hasSize(12)
                        .allMatch(o -> o.props().equals(inside));
                assertThat(r.first(SyscallFailed.class, e -> e.name().contains("NEWUSER")).errno())
                        .as(r.where()).isEqualTo("EINVAL");
            }
        }
        Recording cgo110 = l.run("1.10");
        ThreadCloned template = first(cgo110, ThreadCloned.class, e -> e.role() == ThreadRole.TEMPLATE);
        assertThat(events(cgo110, dev.curtain.engine.event.Event.GoroutineLocked.class,
                e -> e.seq() < template.seq() && e.g() != 1)).as("with cgo the template thread exists from the start")
                .isEmpty();
        assertThat(template.seq()).as("with cgo the template thread exists from the start")
                .isLessThan(first(cgo110, GoroutineCreated.class, e -> e.g() == 2).seq());
    }
}
