package dev.curtain.view.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.app.ShippedLessons;
import dev.curtain.engine.Recording;
import dev.curtain.engine.Simulator;
import dev.curtain.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Another seed re-runs the same program and stays near the same point, as an option change does. */
class ViewerModelSeedTest {
    private final List<Throwable> failures = new ArrayList<>();
    private final ViewerModel model = new ViewerModel(SimulationRunner.direct(), EventExplainer.standard());

    @Test
    void anotherSeedShowsThatSeedsRunAtTheSameCue() {
        Scenario lesson = ShippedLessons.first();
        model.open(lesson, failures::add);
        int cue3 = model.cueIndicesProperty().get()[2];
        model.playback().seek(cue3);
        long seed = lesson.options().seed() + 5;
        model.changeSeed(seed, failures::add);
        assertThat(failures).isEmpty();
        assertThat(model.getScenario().options().seed()).isEqualTo(seed);
        assertThat(model.getScenario().program()).isSameAs(lesson.program());
        Recording expected = Simulator.run(lesson.program(), lesson.options().withSeed(seed));
        assertThat(model.recording().size()).isEqualTo(expected.size());
        assertThat(model.playback().getIndex()).isEqualTo(model.cueIndicesProperty().get()[2]);
        assertThat(model.cueLabelProperty().get()).isEqualTo("cue 3 of " + lesson.cues().size());
    }

    @Test
    void theSameSeedRunsNothing() {
        Scenario lesson = ShippedLessons.first();
        int[] runs = {0};
        ViewerModel counting = new ViewerModel((s, done, failed) -> {
            runs[0]++;
            SimulationRunner.direct().simulate(s, done, failed);
        }, EventExplainer.standard());
        counting.open(lesson, failures::add);
        counting.changeSeed(lesson.options().seed(), failures::add);
        assertThat(runs[0]).isEqualTo(1);
        counting.changeSeed(lesson.options().seed() + 1, failures::add);
        assertThat(runs[0]).isEqualTo(2);
    }

    @Test
    void aReplayedRunHasNoSeedToChange() {
        Scenario lesson = ShippedLessons.first();
        Recording rec = Simulator.run(lesson.program(), lesson.options());
        model.openRecording(lesson, rec, 0);
        model.changeSeed(lesson.options().seed() + 1, failures::add);
        assertThat(model.recording()).isSameAs(rec);
        assertThat(model.getScenario().options().seed()).isEqualTo(lesson.options().seed());
    }
}
