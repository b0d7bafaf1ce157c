package dev.curtain.view.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.app.ShippedLessons;
import dev.curtain.app.TestScenarios;
import dev.curtain.engine.Recording;
import dev.curtain.engine.Simulator;
import dev.curtain.engine.state.Property;
import dev.curtain.engine.state.SchedState;
import dev.curtain.scenario.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inspector's thread table for a state, without a model. */
class ThreadRowsTest {
    private final Scenario s = TestScenarios.setnsOnLockedThread();
    private final Recording rec = Simulator.run(s.program(), s.options());

    @Test
    void oneRowPerThreadInMOrderWithTheDivergedPropertyMarked() {
        SchedState end = rec.stateAt(rec.size());
        List<ThreadRow> rows = ThreadRows.of(end);
        assertThat(rows).hasSize(end.threads().size());
        for (int m = 0; m < rows.size(); m++) {
            assertThat(rows.get(m).m()).isEqualTo(m);
            assertThat(rows.get(m).alive()).isEqualTo(end.thread(m).alive());
            assertThat(rows.get(m).diverged()).isEqualTo(end.diverged(m));
        }
        assertThat(rows.get(0).isDiverged(Property.NETNS)).isTrue();
        assertThat(rows.get(0).value(Property.NETNS)).isEqualTo("container");
    }

    @Test
    void anExitedThreadKeepsItsRow() {
        Scenario lockedExits = new ShippedLessons().lessons().stream()
                .filter(l -> l.title().toLowerCase(java.util.Locale.ROOT).contains("exits")).findFirst().orElseThrow();
        Recording run = Simulator.run(lockedExits.program(), lockedExits.options());
        SchedState end = run.stateAt(run.size());
        int exited = -1;
        for (int m = 0; m < end.threads().size(); m++) {
            if (!end.thread(m).alive()) {
                exited = m;
            }
        }
        assertThat(exited).as("lesson 9: the locked goroutine's thread exits with it").isNotNegative();
        assertThat(ThreadRows.of(end).get(exited).alive()).isFalse();
    }
}
