package dev.curtain.view.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.app.ShippedLessons;
import dev.curtain.engine.Recording;
import dev.curtain.engine.Simulator;
import dev.curtain.engine.state.SchedState;
import dev.curtain.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** Folding forward and seeking give exactly the engine's state at the index. */
class ShownStateTest {
    private final Scenario lesson = ShippedLessons.first();
    private final Recording rec = Simulator.run(lesson.program(), lesson.options());

    private static void assertSame(SchedState shown, SchedState expected) {
        assertThat(shown.eventCount()).isEqualTo(expected.eventCount());
        assertThat(shown.timeNs()).isEqualTo(expected.timeNs());
        assertThat(shown.threads()).hasSameSizeAs(expected.threads());
        for (int m = 0; m < expected.threads().size(); m++) {
            assertThat(shown.thread(m).state()).isEqualTo(expected.thread(m).state());
            assertThat(shown.thread(m).p()).isEqualTo(expected.thread(m).p());
            assertThat(shown.thread(m).curg()).isEqualTo(expected.thread(m).curg());
        }
        for (int g = 1; g < expected.goroutines().size(); g++) {
            assertThat(shown.goroutines().status(g)).isEqualTo(expected.goroutines().status(g));
            assertThat(shown.goroutines().place(g)).isEqualTo(expected.goroutines().place(g));
        }
    }

    @Test
    void steppingForwardOneAtATimeMatchesTheEngineAndLeavesTheShownStateAlone() {
        SchedState shown = ShownState.at(rec, null, 0);
        for (int i = 1; i <= rec.size(); i++) {
            SchedState before = shown;
            shown = ShownState.at(rec, before, i);
            assertThat(shown).isNotSameAs(before);
            assertThat(before.eventCount()).isEqualTo(i - 1);
            assertSame(shown, rec.stateAt(i));
        }
    }

    @Test
    void jumpsBackAndFarAheadAreSeeks() {
        SchedState mid = ShownState.at(rec, null, rec.size() / 2);
        assertSame(ShownState.at(rec, mid, 1), rec.stateAt(1));
        SchedState start = ShownState.at(rec, null, 0);
        int far = Math.min(rec.size(), ShownState.FOLD_AHEAD + 5);
        assertSame(ShownState.at(rec, start, far), rec.stateAt(far));
        assertSame(ShownState.at(rec, mid, rec.size() / 2), rec.stateAt(rec.size() / 2));
    }
}
