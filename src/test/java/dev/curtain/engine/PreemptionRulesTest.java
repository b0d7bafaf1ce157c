package dev.curtain.engine;

import static dev.curtain.engine.program.Ops.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.event.Event.GoroutinePreempted;
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
}
