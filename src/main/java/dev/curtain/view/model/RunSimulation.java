package dev.curtain.view.model;

import dev.curtain.engine.Recording;
import dev.curtain.scenario.Scenario;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Runs the engine for the window: one request at a time counts. Each request supersedes the ones before it, so a
 * slow run the user has already moved past (another version picked while it ran) never replaces a newer one, and
 * {@link #busyProperty} says whether the run that counts is still under way.
 */
final class RunSimulation {
    private final SimulationRunner runner;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    /** Bumped by every request, so a superseded run's callbacks can tell they no longer count. */
    private int generation;

    RunSimulation(SimulationRunner runner) {
        this.runner = runner;
    }

    SimulationRunner runner() {
        return runner;
    }

    /** True while the request that counts runs. */
    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Simulates {@code s}; {@code then} or {@code onFailure} is called only if no later request came first. */
    void run(Scenario s, Consumer<Recording> then, Consumer<Throwable> onFailure) {
        int mine = ++generation;
        busy.set(true);
        runner.simulate(s, rec -> {
            if (mine != generation) {
                return;
            }
            busy.set(false);
            then.accept(rec);
        }, err -> {
            if (mine != generation) {
                return;
            }
            busy.set(false);
            onFailure.accept(err);
        });
    }

    /** Drops the request under way: a recording that needs no simulation (a replayed log) is shown instead. */
    void supersede() {
        ++generation;
        busy.set(false);
    }
}
