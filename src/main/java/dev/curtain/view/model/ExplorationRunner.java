package dev.curtain.view.model;

import dev.curtain.engine.SimulationOptions;
import dev.curtain.scenario.Exploration;
import dev.curtain.scenario.Scenario;

/**
 * Runs a scenario over many seeds somewhere that suits the caller: the app counts in a background thread and calls
 * back on the FX thread; tests count on the spot. Each run is the engine's own, single-threaded and deterministic
 * for its seed; only the counting is moved off the window's thread.
 */
public interface ExplorationRunner {
    /** What a caller hears while seeds are counted, on its UI thread. */
    interface Listener {
        /** {@code done} of {@code total} runs are counted. */
        void progress(int done, int total);

        /**
         * Counting stopped: all the runs were counted, or it was cancelled after {@link Exploration.Counter#runs()}
         * of them; the counter is the caller's now (nothing touches it any more).
         */
        void finished(Exploration.Counter counted, boolean cancelled);

        /** A run failed (the engine refused the scenario under these options). */
        void failed(Throwable error);
    }

    /** Stops a count between two runs. */
    @FunctionalInterface
    interface Cancel {
        void cancel();
    }

    /** Counts {@code runs} runs of {@code scenario} under {@code options} with seeds {@code first}, {@code first+1}, …. */
    Cancel explore(Scenario scenario, SimulationOptions options, long first, int runs, Listener listener);

    /** Counts on the calling thread, reporting progress after every run: for tests. */
    static ExplorationRunner direct() {
        return (scenario, options, first, runs, listener) -> {
            Exploration.Counter counter = new Exploration.Counter(scenario, options);
            try {
                for (int i = 0; i < runs; i++) {
                    counter.run(first + i);
                    listener.progress(i + 1, runs);
                }
            } catch (RuntimeException e) {
                listener.failed(e);
                return () -> { };
            }
            listener.finished(counter, false);
            return () -> { };
        };
    }
}
