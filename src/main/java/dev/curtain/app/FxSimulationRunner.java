package dev.curtain.app;

import dev.curtain.engine.Recording;
import dev.curtain.engine.Simulator;
import dev.curtain.scenario.Scenario;
import dev.curtain.view.model.SimulationRunner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Simulates in a background {@link Task} so a large scenario never freezes the window; the result comes back on
 * the FX thread through the task's success or failure handler.
 */
public final class FxSimulationRunner implements SimulationRunner {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "curtain-simulation");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void simulate(Scenario scenario, Consumer<Recording> done, Consumer<Throwable> failed) {
        Task<Recording> task = new Task<>() {
            @Override
            protected Recording call() {
                return Simulator.run(scenario.program(), scenario.options());
            }
        };
        task.setOnSucceeded(e -> done.accept(task.getValue()));
        task.setOnFailed(e -> failed.accept(task.getException()));
        executor.execute(task);
    }

    public void shutdown() {
        executor.shutdownNow();
    }
}
