package dev.curtain.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class FramePlanTest {

    @Test
    void eachEventHoldsOneBeatAndItsMoveTakesTheFirstPartOfIt() {
        FramePlan plan = FramePlan.of(10, 12, 30, Set.of());
        // three indices, 27 frames (0.9 s) each
        assertThat(plan.size()).isEqualTo(81);
        assertThat(plan.seconds()).isEqualTo(2.7);
        assertThat(plan.frames().get(0)).isEqualTo(new FramePlan.Frame(10, 1));
        FramePlan.Frame firstOfMove = plan.frames().get(27);
        assertThat(firstOfMove.index()).isEqualTo(11);
        assertThat(firstOfMove.progress()).isEqualTo(1 / 16.0);
        // the move (0.52 s = 16 frames) has landed by its 16th frame and stays landed
        assertThat(plan.frames().get(27 + 15).progress()).isEqualTo(1);
        assertThat(plan.frames().get(80)).isEqualTo(new FramePlan.Frame(12, 1));
    }

    @Test
    void aPausingCueHoldsItsFrameLonger() {
        FramePlan plan = FramePlan.of(0, 1, 10, Set.of(1));
        assertThat(plan.size()).isEqualTo(9 + 9 + 25);
        assertThat(plan.frames().subList(9, plan.size())).allMatch(f -> f.index() == 1);
    }

    @Test
    void aRangeThatEndsBeforeItStartsOrAnAbsurdRateIsRefused() {
        assertThatThrownBy(() -> FramePlan.of(5, 4, 30, Set.of())).hasMessageContaining("before it starts");
        assertThatThrownBy(() -> FramePlan.of(0, 4, 0, Set.of())).hasMessageContaining("frame rate");
        assertThatThrownBy(() -> FramePlan.of(0, 1_000_000, 30, Set.of())).hasMessageContaining("shorter range");
    }
}
