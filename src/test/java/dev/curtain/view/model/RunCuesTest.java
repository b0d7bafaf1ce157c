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

/** Where cues fall in a run, and what playback and the presenter ask of them, without a model. */
class RunCuesTest {
    private final Scenario lesson = ShippedLessons.first();
    private final Recording rec = Simulator.run(lesson.program(), lesson.options());

    private static CuePoint cue(String id, CueMatch match, boolean pause) {
        return new CuePoint(id, match, id + " caption", "", pause, List.of());
    }

    /** Two cues on the first GoroutineCreated, one on the second, and one that no event matches. */
    private final RunCues cues = RunCues.resolve(rec, List.of(
            cue("later", CueMatch.ofEvent("GoroutineCreated", 2), false),
            cue("first", CueMatch.ofEvent("GoroutineCreated", 1), true),
            cue("twin", CueMatch.ofEvent("GoroutineCreated", 1), false),
            cue("never", CueMatch.ofEvent("GoroutineCreated", 9_999), true)));
    private final int[] at = cues.indices();

    @Test
    void eachCueShowsAfterItsEventAndAnUnmatchedOneNowhere() {
        assertThat(at[1]).isEqualTo(at[2]).isPositive();
        assertThat(at[0]).as("the second go statement comes a few events later").isGreaterThan(at[1] + 1);
        assertThat(at[3]).isEqualTo(-1);
        assertThat(rec.event(at[1] - 1).getClass().getSimpleName()).isEqualTo("GoroutineCreated");
    }

    @Test
    void theCurrentCueIsTheLastOnePassedAndTheLaterOfTwinsOnOneIndex() {
        assertThat(cues.currentAt(at[1] - 1)).isEqualTo(-1);
        assertThat(cues.currentAt(at[1])).isEqualTo(2);
        assertThat(cues.currentAt(at[0] - 1)).isEqualTo(2);
        assertThat(cues.currentAt(rec.size())).isEqualTo(0);
    }

    @Test
    void theCaptionShownAtAnIndexIsTheFirstCueInTheFilesOrder() {
        assertThat(cues.shownAt(at[1])).isEqualTo(1);
        assertThat(cues.shownAt(at[0])).isEqualTo(0);
        assertThat(cues.shownAt(at[1] + 1)).isEqualTo(-1);
        assertThat(cues.shownAt(-1)).as("an unmatched cue's -1 is no index").isEqualTo(-1);
    }

    @Test
    void theNextCueLiesStrictlyAhead() {
        assertThat(cues.nextAfter(0)).isEqualTo(at[1]);
        assertThat(cues.nextAfter(at[1])).isEqualTo(at[0]);
        assertThat(cues.nextAfter(at[0])).isEqualTo(-1);
    }

    @Test
    void playbackPausesWhereAnyCueOnTheIndexAsksTo() {
        assertThat(cues.pausesAt(at[1])).isTrue();
        assertThat(cues.pausesAt(at[0])).isFalse();
        assertThat(cues.pausesAt(-1)).as("the unmatched pausing cue pauses nowhere").isFalse();
    }

    @Test
    void theAnchorsCueIdIsOnlyForStandingExactlyAtIt() {
        assertThat(cues.idExactlyAt(at[1])).isEqualTo("twin");
        assertThat(cues.idExactlyAt(at[1] + 1)).isNull();
        assertThat(cues.idExactlyAt(at[0])).isEqualTo("later");
    }

    @Test
    void indicesAreACopy() {
        cues.indices()[0] = 12345;
        assertThat(cues.indices()[0]).isEqualTo(at[0]);
    }
}
