package dev.curtain.view.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.app.ShippedLessons;
import dev.curtain.engine.Recording;
import dev.curtain.engine.Simulator;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.state.SchedState;
import dev.curtain.scenario.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inspector's words about a G, P or M, from the engine's state alone (no model, no toolkit). */
class SelectionTextTest {
    private final Scenario lesson = ShippedLessons.first();
    private final Recording rec = Simulator.run(lesson.program(), lesson.options());
    private final SchedState running = rec.stateAt(ViewerModel.openingIndex(rec));

    @Test
    void aGoroutineIsTitledByItsFunctionAndSaysWhereItIsAndWhoMadeIt() {
        List<String> g1 = SelectionText.describe(running, Entity.g(1));
        assertThat(g1.get(0)).startsWith("G1  ·  ");
        assertThat(g1).contains("status: running", "created by: the runtime");
        assertThat(g1).anyMatch(l -> l.startsWith("where: "));
    }

    @Test
    void aSimulatedGcWorkerIsMarkedAsTheRuntimesOwnAndAUserGoroutineIsNot() {
        dev.curtain.engine.program.Program p = dev.curtain.engine.program.Program.ofMain(List.of(
                dev.curtain.engine.program.Ops.loop(1024, dev.curtain.engine.program.Ops.compute("2us"),
                        dev.curtain.engine.program.Ops.allocate(8))));
        Recording gc = Simulator.run(p, dev.curtain.engine.SimulationOptions.defaults().withRuntimeBackground(true));
        SchedState end = gc.finalState();
        int worker = -1;
        for (int g = 1; g < end.goroutines().size(); g++) {
            if (end.goroutines().function(g).equals("runtime.gcBgMarkWorker")) {
                worker = g;
                break;
            }
        }
        assertThat(worker).as("a GC cycle made a mark worker").isPositive();
        assertThat(SelectionText.describe(end, Entity.g(worker)))
                .contains("the runtime's own goroutine (runtime.gcBgMarkWorker)", "waiting for: GC worker (idle)");
        assertThat(SelectionText.describe(end, Entity.g(1))).noneMatch(l -> l.startsWith("the runtime's own"));
    }

    @Test
    void aProcessorAndAThreadSayWhatTheyHoldAndRun() {
        List<String> p0 = SelectionText.describe(running, Entity.p(0));
        assertThat(p0.get(0)).isEqualTo("P0");
        assertThat(p0).contains("owned by: M0", "local run queue: " + running.processor(0).runqSize() + " of 256");
        List<String> m0 = SelectionText.describe(running, Entity.m(0));
        assertThat(m0).contains("holds: P0", "running: G1", "cloned from: (the process)",
                "properties: same as the process");
    }

    @Test
    void onlyWhatTheStateHoldsExists() {
        SchedState start = rec.stateAt(0);
        assertThat(SelectionText.exists(running, Entity.g(1))).isTrue();
        assertThat(SelectionText.exists(running, Entity.m(running.threads().size()))).isFalse();
        assertThat(SelectionText.exists(start, Entity.g(2))).isFalse();
    }

    @Test
    void theHistoryHoldsEveryEventOfTheEntityAndStopsAtTheLimit() {
        List<Event> g2 = SelectionText.history(rec, Entity.g(2), Integer.MAX_VALUE);
        assertThat(g2).isNotEmpty().allMatch(e -> e.g() == 2
                || (e instanceof Event.GoroutineCreated c && c.parent() == 2));
        long all = rec.events().stream().filter(e -> e.g() == 2).count();
        assertThat(g2).hasSizeGreaterThanOrEqualTo((int) all);
        assertThat(SelectionText.history(rec, Entity.g(2), 3)).hasSize(3).isEqualTo(g2.subList(0, 3));
    }
}
