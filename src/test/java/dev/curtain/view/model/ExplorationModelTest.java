package dev.curtain.view.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.app.ShippedLessons;
import dev.curtain.engine.SimulationOptions;
import dev.curtain.scenario.Exploration;
import dev.curtain.scenario.Exploration.Section;
import dev.curtain.scenario.Scenario;
import dev.curtain.scenario.ScenarioFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Explore panel's model without a toolkit: what it lists, and that it lists what the command line counts. */
class ExplorationModelTest {
    private static final String FILE = "scenarios/05-setns-without-lock.json";
    private final Scenario setns = ScenarioFiles.load(Path.of(FILE)).orThrow();

    @Test
    void itListsTheSameSharesAsTheCommandLineForTheSameSeeds() {
        ExplorationModel m = new ExplorationModel(ExplorationRunner.direct());
        m.start(setns);
        assertThat(m.runningProperty().get()).isFalse();
        assertThat(m.progressProperty().get()).isEqualTo(1.0);
        assertThat(CliExplore.tallies(m.rows())).containsExactlyInAnyOrderElementsOf(
                CliExplore.tallies(FILE, "--runs", String.valueOf(ExplorationModel.DEFAULT_RUNS)));
        long seed = setns.options().seed();
        assertThat(m.statusProperty().get()).contains("20 runs", "seeds " + seed + "–" + (seed + 19));
    }

    @Test
    void observationsComeFirstAndEachRowNamesASeedWhereItHappenedAndOneWhereNot() {
        ExplorationModel m = new ExplorationModel(ExplorationRunner.direct());
        m.start(setns);
        assertThat(m.rows().get(0).section()).isEqualTo(Section.OBSERVATIONS);
        assertThat(m.rows()).extracting(ExploreRow::section).containsSubsequence(Section.OBSERVATIONS,
                Section.THREADS_EVER, Section.THREADS_AT_END, Section.OUTCOMES);
        for (ExploreRow r : m.rows()) {
            assertThat(r.seedWhere()).as(r.what()).isNotNull();
            assertThat(r.seedWhereNot() == null).as(r.what()).isEqualTo(r.runs() == r.total());
        }
        ExploreRow sometimes = m.rows().stream().filter(r -> r.seedWhereNot() != null).findFirst().orElseThrow();
        assertThat(sometimes.share()).isNotIn("0%", "100%");
        assertThat(sometimes.count()).isEqualTo(sometimes.runs() + " of 20");
    }

    /** A runner that holds the count until the test says how it ends, as a background one would. */
    private static final class HeldRunner implements ExplorationRunner {
        Listener listener;
        boolean cancelled;
        Scenario scenario;
        SimulationOptions options;
        long first;
        int runs;

        @Override
        public Cancel explore(Scenario s, SimulationOptions o, long first, int runs, Listener l) {
            this.scenario = s;
            this.options = o;
            this.first = first;
            this.runs = runs;
            listener = l;
            cancelled = false;
            return () -> cancelled = true;
        }

        Exploration.Counter count(int n) {
            Exploration.Counter c = new Exploration.Counter(scenario, options);
            for (int i = 0; i < n; i++) {
                c.run(first + i);
            }
            return c;
        }
    }

    @Test
    void aCancelStopsTheCountAndKeepsWhatWasCounted() {
        HeldRunner held = new HeldRunner();
        ExplorationModel m = new ExplorationModel(held);
        m.runsProperty().set(50);
        m.start(setns);
        assertThat(held.runs).isEqualTo(50);
        assertThat(held.first).isEqualTo(setns.options().seed());
        held.listener.progress(3, 50);
        assertThat(m.statusProperty().get()).isEqualTo("Running 3 of 50…");
        assertThat(m.progressProperty().get()).isEqualTo(0.06);
        m.cancel();
        assertThat(held.cancelled).isTrue();
        held.listener.finished(held.count(3), true);
        assertThat(m.runningProperty().get()).isFalse();
        assertThat(m.rows()).isNotEmpty().allMatch(r -> r.total() == 3);
        assertThat(m.statusProperty().get()).startsWith("Cancelled after 3 of 50 runs");
    }

    @Test
    void aSupersededCountIsIgnoredAndAnotherProgramDropsTheRows() {
        HeldRunner held = new HeldRunner();
        ExplorationModel m = new ExplorationModel(held);
        m.start(setns);
        ExplorationRunner.Listener first = held.listener;
        Exploration.Counter firstCount = held.count(2);
        m.start(setns.withOptions(setns.options().withSeed(100)));
        assertThat(held.cancelled).as("starting again stops nothing of the new count").isFalse();
        first.finished(firstCount, false);
        assertThat(m.rows()).as("the first count was superseded").isEmpty();
        assertThat(m.runningProperty().get()).isTrue();
        held.listener.finished(held.count(4), false);
        assertThat(m.rows()).isNotEmpty();
        m.showing(setns.withOptions(setns.options().withSeed(7)));
        assertThat(m.rows()).as("the same program under another seed keeps its rows").isNotEmpty();
        m.showing(ShippedLessons.first());
        assertThat(m.rows()).isEmpty();
        assertThat(m.statusProperty().get()).startsWith("Runs the open scenario over");
    }

    @Test
    void aFailedRunSaysSo() {
        ExplorationModel m = new ExplorationModel((s, o, f, n, l) -> {
            l.failed(new IllegalStateException("no such thread"));
            return () -> { };
        });
        m.start(setns);
        assertThat(m.runningProperty().get()).isFalse();
        assertThat(m.statusProperty().get()).isEqualTo("The runs failed: no such thread");
        assertThat(new ArrayList<>(m.rows())).isEqualTo(List.of());
    }
}
