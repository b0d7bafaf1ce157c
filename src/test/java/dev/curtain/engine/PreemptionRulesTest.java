package dev.curtain.engine;

import static dev.curtain.engine.program.Ops.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.event.Event.GoroutineCreated;
import dev.curtain.engine.event.Event.GoroutinePreempted;
import dev.curtain.engine.event.Event.GoroutineStarted;
import dev.curtain.engine.event.Event.ProcessorAcquired;
import dev.curtain.engine.event.PlaceKind;
import dev.curtain.engine.event.RuntimeFunction;
import dev.curtain.engine.event.Event.ProcessorsResized;
import dev.curtain.engine.event.Place;
import dev.curtain.engine.program.Program;
import org.junit.jupiter.api.Test;

/**
 * The talk's GOMAXPROCS(1) bonus question and sysmon's 10 ms preemption (docs/runtime-model.md, "Preemption"): cases 13 to 17.
 */
class PreemptionRulesTest {

    /** runtime.GOMAXPROCS(1); go func(){ for { x++ } }(); time.Sleep(1ms); fmt.Println(x). */
    private static Program tightLoop() {
        return Sim.program(fn("main", go("spin"), sleep("1ms"), print("x")), fn("spin", forever(spin("100us"))));
    }

    @Test
    void case13_tightLoopStarvesMainForeverBeforeGo114() {
        for (String v : new String[] {"1.9", "1.10", "1.13"}) {
            Sim sim = Sim.run(tightLoop(), Sim.opts(v, 1).withLimits(Limits.DEFAULT.withMaxTimeNs(500_000_000L)));
            assertThat(sim.outcome()).as(v).isEqualTo(Outcome.TIME_LIMIT);
            assertThat(sim.prints("x")).as(v).isEmpty();
            assertThat(sim.all(GoroutinePreempted.class)).as(v).isEmpty();
            assertThat(sim.end().processor(0).schedtick()).as("schedtick frozen").isLessThan(3);
        }
    }

    @Test
    void case14_asyncPreemptionLetsMainRunWithinTenToTwentyMilliseconds() {
        Sim sim = Sim.run(tightLoop(), Sim.opts("1.14", 1));
        assertThat(sim.prints("x")).hasSize(1);
        long at = sim.prints("x").get(0).timeNs();
        assertThat(at).isBetween(10_000_000L, 21_000_000L);
        GoroutinePreempted p = sim.first(GoroutinePreempted.class, e -> e.g() == 2);
        assertThat(p.async()).isTrue();
        assertThat(p.to()).isEqualTo(Place.GLOBAL);
        assertThat(sim.outcome()).isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void case15_asyncpreemptoffBringsTheHangBack() {
        Sim sim = Sim.run(tightLoop(), Sim.opts("1.14", 1).withAsyncPreemptOff(true)
                .withLimits(Limits.DEFAULT.withMaxTimeNs(300_000_000L)));
        assertThat(sim.prints("x")).isEmpty();
        assertThat(sim.outcome()).isEqualTo(Outcome.TIME_LIMIT);
    }

    @Test
    void case16_aLoopThatCallsFunctionsMakesProgressOnEveryVersion() {
        Program p = Sim.program(fn("main", go("spin"), sleep("1ms"), print("x")),
                fn("spin", forever(compute("100us"), print("."))));
        for (String v : new String[] {"1.9", "1.10", "1.14", "1.26"}) {
            Sim sim = Sim.run(p, Sim.opts(v, 1));
            assertThat(sim.prints("x")).as(v).hasSize(1);
            assertThat(sim.prints("x").get(0).timeNs()).as(v).isLessThan(25_000_000L);
        }
    }

    @Test
    void case17_stopTheWorldWaitsForeverForATightLoopBeforeGo114() {
        // runtime.GOMAXPROCS(n) stops the world like a GC does: a goroutine in a loop without calls never stops.
        Program p = Sim.program(fn("main", go("spin"), compute("1ms"), gomaxprocs(4), print("resized")),
                fn("spin", forever(spin("100us"))));
        Sim old = Sim.run(p, Sim.opts("1.13", 2).withLimits(Limits.DEFAULT.withMaxTimeNs(200_000_000L)));
        assertThat(old.prints("resized")).isEmpty();
        assertThat(old.all(ProcessorsResized.class)).hasSize(1);
        Sim modern = Sim.run(p, Sim.opts("1.14", 2));
        assertThat(modern.prints("resized")).hasSize(1);
        assertThat(modern.prints("resized").get(0).timeNs()).isLessThan(2_000_000L);
    }

    /**
     * The start-up race (calibration/probes/spin-flag-start): with the runtime's start-up work modelled at two Ps,
     * main.main starts on P1 in about 125 runs of 200, with P0 idle and its schedtick still 0; without it (lessons)
     * it always starts on P0.
     */
    @Test
    void theStartUpRaceLeavesMainOnP1WithP0NeverTickedInAboutHalfTheRuns() {
        Program p = Sim.program(fn("main", compute("100us")));
        int onP1 = 0;
        for (long seed = 1; seed <= 200; seed++) {
            Sim sim = Sim.run(p, Sim.opts("1.22", 2).withRuntimeBackground(true).withSeed(seed));
            GoroutineStarted main = sim.first(GoroutineStarted.class, e -> e.g() == 1);
            if (main.p() == 1) {
                onP1++;
                assertThat(sim.after(main).processor(0).schedtick()).isZero();
                assertThat(sim.after(main).processor(0).m()).isEqualTo(-1);
            }
        }
        assertThat(onP1).isBetween(105, 145);
        for (long seed = 1; seed <= 20; seed++) {
            Sim lesson = Sim.run(p, Sim.opts("1.22", 2).withSeed(seed));
            assertThat(lesson.first(GoroutineStarted.class, e -> e.g() == 1).p()).isZero();
        }
    }

    /**
     * sysmon's memory of a P starts zeroed (schedtick 0, seen at nanotime's epoch): a P whose schedtick is still 0
     * when sysmon first finds it running is preempted at once. So after GOMAXPROCS(1) moves main from P1 to that P0,
     * sysmon's first tick stops it; schedule() then looks at the global queue first (schedtick 0 is a multiple of
     * 61). If that queue holds only main, main comes straight back, on a fresh slice, and the goroutine waiting in
     * runnext runs only when that slice ends 10 ms on, at P0's schedtick 1. If the finalizer goroutine os's init made
     * was still waiting in P1's runnext, procresize moved it to the global queue ahead of main: it runs (schedtick
     * 1) and parks, the goroutine in runnext runs at once on the same schedtick, and main comes back at 2. Measured:
     * p0TickWhenSetterRan 1, p0TickAfterSpin 2 in every such run of calibration/probes/spin-flag-start, and
     * calibration/probes/spin-flag-guard: runtime.runfinq at the global queue's head in every run whose spin ended
     * at the first preemption.
     */
    @Test
    void aPWhoseSchedtickIsStillZeroIsPreemptedAtSysmonsFirstLookAndTheFairnessCheckTakesTheGlobalQueuesHead() {
        Program p = Sim.program(fn("main", gomaxprocs(1), go("setter"), spinUntil("flag")),
                fn("setter", setFlag("flag")));
        int plain = 0;
        int withFinq = 0;
        for (long seed = 1; seed <= 120; seed++) {
            Sim sim = Sim.run(p, Sim.opts("1.22", 2).withRuntimeBackground(true).withSeed(seed));
            boolean startedOnP1 = sim.first(GoroutineStarted.class, e -> e.g() == 1).p() == 1;
            GoroutinePreempted first = sim.first(GoroutinePreempted.class, e -> e.g() == 1);
            boolean finq = sim.rec.events().stream().anyMatch(e -> e instanceof GoroutineCreated c
                    && c.function().equals("runtime.runfinq"));
            int setterG = finq ? 3 : 2;
            GoroutineStarted setter = sim.first(GoroutineStarted.class, e -> e.g() == setterG);
            if (!startedOnP1) {
                assertThat(finq).as("seed %d: drawn only with main on P1", seed).isFalse();
                assertThat(first.timeNs()).as("seed %d: a full slice", seed).isGreaterThan(10_000_000L);
                continue;
            }
            ProcessorAcquired moved = sim.first(ProcessorAcquired.class, e -> e.fn() == RuntimeFunction.PROCRESIZE);
            assertThat(moved.p()).isZero();
            int sysmonM = sim.first(dev.curtain.engine.event.Event.ThreadCloned.class,
                    e -> e.role() == dev.curtain.engine.state.ThreadRole.SYSMON).m();
            // sysmon has been running since before main.main unless its thread was still waiting for a CPU then
            var sysmonMinit = sim.first(dev.curtain.engine.event.Event.ThreadPropertyChanged.class,
                    e -> e.m() == sysmonM && e.fn() == RuntimeFunction.MINIT);
            long sysmonRuns = sysmonMinit == null ? 0 : sysmonMinit.timeNs();
            assertThat(first.timeNs() - Math.max(moved.timeNs(), sysmonRuns))
                    .as("seed %d: sysmon's first tick once it runs", seed).isLessThan(200_000L);
            GoroutineStarted next = sim.first(GoroutineStarted.class, e -> e.seq() > first.seq());
            assertThat(next.from().kind()).as("seed %d: schedtick%%61 == 0 looks at the global queue first", seed)
                    .isEqualTo(PlaceKind.GLOBAL_QUEUE);
            if (finq) {
                withFinq++;
                assertThat(next.g()).as("seed %d: the finalizer goroutine is ahead of main", seed).isEqualTo(2);
                GoroutineStarted after = sim.first(GoroutineStarted.class, e -> e.seq() > next.seq());
                assertThat(after.g()).as("seed %d: then runnext", seed).isEqualTo(setterG);
                assertThat(setter.timeNs() - first.timeNs()).isLessThan(1_000_000L);
            } else {
                plain++;
                assertThat(next.g()).as("seed %d: main comes back", seed).isEqualTo(1);
                assertThat(setter.timeNs() - next.timeNs()).as("seed %d: the new slice runs out first", seed)
                        .isGreaterThan(10_000_000L);
            }
            assertThat(sim.rec.stateAt(setter.seq()).processor(0).schedtick()).isEqualTo(1);
        }
        assertThat(plain).isPositive();
        assertThat(withFinq).isPositive();
    }
}
