package dev.curtain.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The local run queue's label and count stay inside their lane: two stages side by side (the comparison at 1280x720)
 * cut "local run queue 0" at the lane's edge, so a narrow lane says "run queue" or "runq".
 */
class RunqLabelTest {
    /** About 6 px a character, as the 11 px sans the stage uses. */
    private static final ToDoubleFunction<String> WIDTH = t -> 6.0 * t.length();

    @Test
    void aLaneWithRoomSaysLocalRunQueue() {
        assertThat(StageRenderer.runqLabel(200, WIDTH)).isEqualTo("local run queue");
    }

    @Test
    void aNarrowLaneSaysLessAndTheCountStillFits() {
        // "local run queue" (90) and "256" (18) need 108: at 100 the label shortens
        assertThat(StageRenderer.runqLabel(100, WIDTH)).isEqualTo("run queue");
        assertThat(StageRenderer.runqLabel(60, WIDTH)).isEqualTo("runq");
        assertThat(StageRenderer.runqLabel(10, WIDTH)).as("the shortest is the floor").isEqualTo("runq");
    }
}
