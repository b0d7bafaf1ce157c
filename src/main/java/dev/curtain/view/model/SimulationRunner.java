package dev.curtain.view.model;

import dev.curtain.engine.Recording;
import dev.curtain.scenario.Scenario;
import java.util.function.Consumer;

/**
 * Runs a scenario through the engine somewhere that suits the caller: the app runs it in a background task and
 * calls back on the FX thread; tests run it on the spot.
 */
public interface SimulationRunner {
    /** Simulates {@code scenario}; exactly one of the callbacks is called, on the caller's UI thread. */
    void simulate(Scenario scenario, Consumer<Recording> done, Consumer<Throwable> failed);

    /** Simulates on the calling thread: for tests and the benchmark. */
    static SimulationRunner direct() {
        return (scenario, done, failed) -> {
            Recording r;
            try {
                r = dev.curtain.engine.Simulator.run(scenario.program(), scenario.options());
            } catch (RuntimeException e) {
                failed.accept(e);
                return;
            }
            done.accept(r);
        };
    }
}
