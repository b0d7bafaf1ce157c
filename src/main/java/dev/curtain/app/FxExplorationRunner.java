package dev.curtain.app;

import dev.curtain.engine.SimulationOptions;
import dev.curtain.scenario.Exploration;
import dev.curtain.scenario.Scenario;
import dev.curtain.view.model.ExplorationRunner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/**
 * Counts the Explore panel's runs on a background thread of its own, one engine run after another (each the
 * engine's single-threaded, deterministic run for its seed), and reports back on the FX thread. Progress is
 * coalesced: however fast runs finish, the FX thread gets at most one progress update queued at a time. A cancel
 * takes effect between two runs, and what was counted until then is reported as finished-by-cancel.
 */
final class FxExplorationRunner implements ExplorationRunner {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "curtain-explore");
        t.setDaemon(true);
        return t;
    });

    @Override
    public Cancel explore(Scenario scenario, SimulationOptions options, long first, int runs, Listener listener) {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean progressQueued = new AtomicBoolean();
        executor.execute(() -> {
            Exploration.Counter counter = new Exploration.Counter(scenario, options);
            try {
                for (int i = 0; i < runs && !cancelled.get(); i++) {
                    counter.run(first + i);
                    done.set(i + 1);
                    if (!progressQueued.getAndSet(true)) {
                        Platform.runLater(() -> {
                            progressQueued.set(false);
                            listener.progress(done.get(), runs);
                        });
                    }
                }
            } catch (RuntimeException e) {
                Platform.runLater(() -> listener.failed(e));
                return;
            }
            boolean stopped = counter.runs() < runs;
            Platform.runLater(() -> listener.finished(counter, stopped));
        });
        return () -> cancelled.set(true);
    }

    void shutdown() {
        executor.shutdownNow();
    }
}
