package dev.curtain.view.model;

import dev.curtain.engine.SimulationOptions;
import dev.curtain.scenario.Exploration;
import dev.curtain.scenario.Scenario;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Explore panel's model, "what could happen": runs the open scenario over N seeds (in the background, through
 * an {@link ExplorationRunner}) and lists, for each observation, each divergence and each outcome, the share of
 * runs in which it happened, with a seed where it did and one where it did not. The counting is
 * {@link Exploration.Counter}'s, the same as {@code ./curtain explore}'s, so both give the same shares for the
 * same seeds.
 */
public final class ExplorationModel {
    /** As many runs as {@code ./curtain explore} takes. */
    public static final int MAX_RUNS = Exploration.MAX_RUNS;
    /** Enough to tell "always" from "sometimes" in a lecture, and quick. */
    public static final int DEFAULT_RUNS = 20;

    private final ExplorationRunner runner;
    private final IntegerProperty runs = new SimpleIntegerProperty(this, "runs", DEFAULT_RUNS);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObservableList<ExploreRow> rows = FXCollections.observableArrayList();
    private ExplorationRunner.Cancel cancel = () -> { };
    /** Bumped by every start and reset, so a superseded count's callbacks can tell they no longer count. */
    private int generation;
    /** The scenario the rows are about (its program: a seed or option change keeps it), or null. */
    private Object about;

    public ExplorationModel(ExplorationRunner runner) {
        this.runner = runner;
        status.set(idleText());
        runs.addListener((o, a, b) -> {
            if (!running.get() && rows.isEmpty()) {
                status.set(idleText());
            }
        });
    }

    /** How many seeds a run explores, 1 to {@link #MAX_RUNS}. */
    public IntegerProperty runsProperty() { return runs; }
    /** True while runs are counted. */
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** How far the count is, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    /** One line: what was run (version, GOMAXPROCS, seeds) or how far it is. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** One row per thing that happened in some run: observations, divergences, what was left at the end, outcomes. */
    public ObservableList<ExploreRow> rows() { return rows; }

    /**
     * Runs {@code scenario} under its own options over {@link #runsProperty} seeds starting at its seed (what
     * {@code ./curtain explore FILE --runs N --seed S} counts), replacing what the panel showed.
     */
    public void start(Scenario scenario) {
        if (scenario == null) {
            return;
        }
        cancel.cancel();
        int mine = ++generation;
        int n = Math.max(1, Math.min(MAX_RUNS, runs.get()));
        SimulationOptions o = scenario.options();
        about = scenario.program();
        rows.clear();
        running.set(true);
        progress.set(0);
        status.set(String.format(Locale.ROOT, "Running 0 of %,d…", n));
        cancel = runner.explore(scenario, o, o.seed(), n, new ExplorationRunner.Listener() {
            @Override
            public void progress(int done, int total) {
                if (mine == generation) {
                    progress.set(done / (double) total);
                    status.set(String.format(Locale.ROOT, "Running %,d of %,d…", done, total));
                }
            }

            @Override
            public void finished(Exploration.Counter counted, boolean cancelled) {
                if (mine == generation) {
                    running.set(false);
                    rows.setAll(ExploreRow.of(counted));
                    status.set(describe(scenario, o, counted, n, cancelled));
                }
            }

            @Override
            public void failed(Throwable error) {
                if (mine == generation) {
                    running.set(false);
                    status.set("The runs failed: " + error.getMessage());
                }
            }
        });
    }

    /** Stops the count between two runs; what was counted so far stays listed. */
    public void cancel() {
        if (running.get()) {
            cancel.cancel();
        }
    }

    /**
     * The window shows {@code scenario} now: rows about another program (another file or lesson) are dropped and a
     * count for it stops; rows about the same program under another seed or option stay, since their status says
     * what they were counted under.
     */
    public void showing(Scenario scenario) {
        if (about != null && (scenario == null || scenario.program() != about)) {
            cancel.cancel();
            ++generation;
            about = null;
            rows.clear();
            running.set(false);
            progress.set(0);
            status.set(idleText());
        }
    }

    private String idleText() {
        return String.format(Locale.ROOT, "Runs the open scenario over %,d seeds and counts what happened.",
                runs.get());
    }

    private static String describe(Scenario s, SimulationOptions o, Exploration.Counter c, int asked,
                                   boolean cancelled) {
        int done = c.runs();
        String seeds = done == 0 ? "no seeds" : done == 1 ? "seed " + o.seed()
                : "seeds " + o.seed() + "–" + (o.seed() + done - 1);
        String what = String.format(Locale.ROOT, "Go %s, GOMAXPROCS=%d, %s", o.version(), o.gomaxprocs(), seeds);
        return cancelled
                ? String.format(Locale.ROOT, "Cancelled after %,d of %,d runs (%s)", done, asked, what)
                : String.format(Locale.ROOT, "%,d runs of %s (%s)", done, s.title(), what);
    }
}
