package dev.curtain.view.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.app.ShippedLessons;
import dev.curtain.engine.Recording;
import dev.curtain.engine.Simulator;
import dev.curtain.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Only the latest request to run the engine counts, whatever order the runs finish in. */
class RunSimulationTest {
    private final Scenario lesson = ShippedLessons.first();
    private final Recording rec = Simulator.run(lesson.program(), lesson.options());

    /** A runner that holds each request until the test finishes it, as a background run would. */
    private static final class HeldRuns implements SimulationRunner {
        final List<Consumer<Recording>> done = new ArrayList<>();
        final List<Consumer<Throwable>> failed = new ArrayList<>();

        @Override
        public void simulate(Scenario scenario, Consumer<Recording> d, Consumer<Throwable> f) {
            done.add(d);
            failed.add(f);
        }
    }

    private final HeldRuns held = new HeldRuns();
    private final RunSimulation simulation = new RunSimulation(held);
    private final List<String> seen = new ArrayList<>();

    @Test
    void busyWhileTheRequestRunsAndNotOnceItIsDone() {
        simulation.run(lesson, r -> seen.add("first"), e -> seen.add("failed"));
        assertThat(simulation.busyProperty().get()).isTrue();
        held.done.get(0).accept(rec);
        assertThat(simulation.busyProperty().get()).isFalse();
        assertThat(seen).containsExactly("first");
    }

    @Test
    void aSupersededRunThatFinishesLateIsDropped() {
        simulation.run(lesson, r -> seen.add("first"), e -> seen.add("first failed"));
        simulation.run(lesson, r -> seen.add("second"), e -> seen.add("second failed"));
        held.done.get(1).accept(rec);
        held.done.get(0).accept(rec);
        held.failed.get(0).accept(new IllegalStateException("late"));
        assertThat(seen).containsExactly("second");
    }

    @Test
    void aLateRunDoesNotClearBusyForTheOneThatCounts() {
        simulation.run(lesson, r -> seen.add("first"), e -> { });
        simulation.run(lesson, r -> seen.add("second"), e -> { });
        held.done.get(0).accept(rec);
        assertThat(simulation.busyProperty().get()).isTrue();
        assertThat(seen).isEmpty();
    }

    @Test
    void aFailureReachesOnlyItsOwnRequestsHandler() {
        List<Throwable> errors = new ArrayList<>();
        simulation.run(lesson, r -> seen.add("done"), errors::add);
        IllegalStateException boom = new IllegalStateException("boom");
        held.failed.get(0).accept(boom);
        assertThat(errors).containsExactly(boom);
        assertThat(seen).isEmpty();
        assertThat(simulation.busyProperty().get()).isFalse();
    }

    @Test
    void supersedingDropsTheRunUnderWay() {
        simulation.run(lesson, r -> seen.add("simulated"), e -> seen.add("failed"));
        simulation.supersede();
        assertThat(simulation.busyProperty().get()).isFalse();
        held.done.get(0).accept(rec);
        assertThat(seen).isEmpty();
    }
}
