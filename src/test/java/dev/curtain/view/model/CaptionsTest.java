package dev.curtain.view.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.app.ShippedLessons;
import dev.curtain.engine.Recording;
import dev.curtain.engine.Simulator;
import dev.curtain.scenario.CueMatch;
import dev.curtain.scenario.CuePoint;
import dev.curtain.scenario.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the caption bar says before, at and between cues, without a model. */
class CaptionsTest {
    private final Scenario lesson = ShippedLessons.first();
    private final Recording rec = Simulator.run(lesson.program(), lesson.options());
    private final Captions captions = new Captions((log, index) -> "explained " + index);
    private final RunCues cues = RunCues.resolve(rec, List.of(
            new CuePoint("go", CueMatch.ofEvent("GoroutineCreated", 1), "a new goroutine", "", false,
                    List.of("G2", "not-an-entity", "M0")),
            new CuePoint("never", CueMatch.ofEvent("GoroutineCreated", 9_999), "unreached", "", false, List.of())));
    private final int cueAt = cues.indices()[0];

    private void showAt(int i) {
        captions.show(i, i > 0 ? rec.event(i - 1) : null, cues, lesson, rec);
    }

    @Test
    void beforeTheFirstEventItSaysHowToBegin() {
        showAt(0);
        assertThat(captions.captionProperty().get()).isEqualTo(lesson.title() + ": press → or Space to begin.");
        assertThat(captions.atCueProperty().get()).isFalse();
    }

    @Test
    void atACueItShowsTheAuthorsCaptionItsPlaceAndItsHighlights() {
        showAt(cueAt);
        assertThat(captions.captionProperty().get()).isEqualTo("a new goroutine");
        assertThat(captions.atCueProperty().get()).isTrue();
        assertThat(captions.cueLabelProperty().get()).isEqualTo("cue 1 of 2");
        assertThat(captions.highlightedProperty().get()).containsExactlyInAnyOrder(Entity.g(2), Entity.m(0));
    }

    @Test
    void elsewhereItExplainsTheLastEventAndClearsTheCuesMarks() {
        showAt(cueAt);
        showAt(cueAt + 1);
        assertThat(captions.captionProperty().get()).isEqualTo("explained " + cueAt);
        assertThat(captions.atCueProperty().get()).isFalse();
        assertThat(captions.cueLabelProperty().get()).isEmpty();
        assertThat(captions.highlightedProperty().get()).isEmpty();
    }
}
