package dev.curtain.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.curtain.engine.GoVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Looking things up in an exploration report cannot quietly read a reworded observation as "never". */
class ExplorationTest {
    private static final Exploration.Tally CLEAN = new Exploration.Tally("openSocket probe on a clean thread", 4, 4);
    private static final Exploration.Tally DIRTY =
            new Exploration.Tally("openSocket probe on a thread with netns=container", 1, 4);
    private static final Exploration.Report REPORT = new Exploration.Report(List.of(1L, 2L, 3L, 4L), List.of(),
            List.of(CLEAN, DIRTY), List.of(), List.of());

    @Test
    void findMatchesTheWholeDescriptionOnly() {
        assertThat(REPORT.find(REPORT.observations(), "openSocket probe on a clean thread")).isEqualTo(CLEAN);
        assertThatThrownBy(() -> REPORT.find(REPORT.observations(), "probe on a clean thread"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing is described as \"probe on a clean thread\" in 4 runs")
                .hasMessageContaining("\"openSocket probe on a clean thread\"");
    }

    @Test
    void findFailsLoudlyWhenTheListIsEmpty() {
        assertThatThrownBy(() -> REPORT.find(REPORT.threadsAtEnd(), "netns=container"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the list holds nothing");
    }

    @Test
    void startingWithGivesEveryTallyOfTheSubjectAndFailsWhenTheSubjectIsGone() {
        assertThat(REPORT.startingWith(REPORT.observations(), "openSocket probe on ")).containsExactly(CLEAN, DIRTY);
        assertThatThrownBy(() -> REPORT.startingWith(REPORT.observations(), "openSocket prober on "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing starts with");
    }

    @Test
    void aRealExplorationDescribesObservationsAsTheLessonTestsSpellThem() {
        Scenario s = ScenarioFiles.loadResource("09-locked-goroutine-exits.json").orThrow();
        Exploration.Report r = Exploration.explore(s, s.options().withVersion(GoVersion.GO_1_9), 1, 5);
        assertThat(r.seeds()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(r.find(r.outcomes(), "completed").runs()).isEqualTo(5);
        assertThat(r.find(r.observations(), "openSocket configure eth0 on a thread with netns=container").fraction())
                .isEqualTo(1.0);
        assertThat(r.find(r.threadsAtEnd(), "netns=container").percent()).isEqualTo("100%");
    }
}
