package dev.curtain.view.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.app.ShippedLessons;
import dev.curtain.app.TestScenarios;
import dev.curtain.engine.GoVersion;
import dev.curtain.engine.Recording;
import dev.curtain.engine.Simulator;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.state.Property;
import dev.curtain.engine.state.SchedState;
import dev.curtain.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The window's model, without a toolkit. */
class ViewerModelTest {
    private final List<Throwable> failures = new ArrayList<>();
    private final ViewerModel model = new ViewerModel(SimulationRunner.direct(), EventExplainer.standard());

    private void open(Scenario s) {
        model.open(s, failures::add);
        assertThat(failures).isEmpty();
    }

    @Test
    void opensAtTheStartWithHowToBeginThenMainRunsAtTheOpeningIndex() {
        open(ShippedLessons.first());
        assertThat(model.playback().getIndex()).isZero();
        assertThat(model.captionProperty().get()).isEqualTo(ShippedLessons.first().title()
                + ": press → or Space to begin.");
        model.playback().seek(ViewerModel.openingIndex(model.recording()));
        SchedState s = model.getState();
        assertThat(s.goroutines().status(1).key()).isEqualTo("running");
        assertThat(model.threads()).isNotEmpty();
        assertThat(model.sourceLines()).contains("func hello() {");
        assertThat(model.events()).hasSize(model.playback().getSize());
    }

    @Test
    void everyIndexShowsExactlyTheEnginesStateThere() {
        Scenario s = ShippedLessons.first();
        open(s);
        Recording rec = Simulator.run(s.program(), s.options());
        for (int i = 0; i < 20; i++) {
            model.playback().stepForward();
        }
        model.playback().stepBack();
        model.playback().stepBack();
        int at = model.playback().getIndex();
        SchedState expected = rec.stateAt(at);
        SchedState shown = model.getState();
        assertThat(shown.eventCount()).isEqualTo(at);
        for (int m = 0; m < expected.threads().size(); m++) {
            assertThat(shown.thread(m).state()).isEqualTo(expected.thread(m).state());
            assertThat(shown.thread(m).p()).isEqualTo(expected.thread(m).p());
        }
        for (int g = 1; g < expected.goroutines().size(); g++) {
            assertThat(shown.goroutines().place(g)).isEqualTo(expected.goroutines().place(g));
        }
        assertThat(model.threads()).hasSize(expected.threads().size());
    }

    /**
     * The stage reads the next step early, in a move's idle frames: stepping onto it then shows exactly what a seek
     * to that index shows (state, thread rows, status line), at every step of a lesson.
     */
    @Test
    void aStepReadEarlyShowsWhatASeekThereShows() {
        Scenario s = ShippedLessons.first();
        open(s);
        ViewerModel seeking = new ViewerModel(SimulationRunner.direct(), EventExplainer.standard());
        seeking.open(s, e -> {
            throw new AssertionError(e);
        });
        for (int i = 1; i <= model.playback().getSize(); i++) {
            SchedState early = model.upcomingState();
            model.playback().stepForward();
            seeking.playback().seek(i);
            assertThat(model.getState()).as("step %d", i).isSameAs(early);
            assertThat(model.getState().eventCount()).isEqualTo(seeking.getState().eventCount());
            assertThat(model.threads()).as("rows at %d", i).isEqualTo(seeking.threads());
            assertThat(model.statusProperty().get()).isEqualTo(seeking.statusProperty().get());
            assertThat(model.captionProperty().get()).as("caption at %d", i)
                    .isEqualTo(seeking.captionProperty().get());
            assertThat(model.activeLinesProperty().get()).as("source lines at %d", i)
                    .isEqualTo(seeking.activeLinesProperty().get());
        }
        assertThat(model.upcomingState()).isNull();
    }

    @Test
    void showsTheAuthorsCaptionAtACueAndAnExplanationElsewhere() {
        open(ShippedLessons.first());
        int cue = model.cueIndicesProperty().get()[0];
        model.playback().seek(cue);
        assertThat(model.atCueProperty().get()).isTrue();
        assertThat(model.captionProperty().get()).startsWith("go hello()");
        assertThat(model.cueLabelProperty().get()).isEqualTo("cue 1 of " + ShippedLessons.first().cues().size());
        model.playback().seek(cue + 1);
        assertThat(model.atCueProperty().get()).isFalse();
        assertThat(model.captionProperty().get()).isNotBlank();
    }

    @Test
    void everyCueOfTheDefaultLessonIsReached() {
        open(ShippedLessons.first());
        assertThat(java.util.Arrays.stream(model.cueIndicesProperty().get()).boxed()).allMatch(i -> i > 0);
    }

    @Test
    void playbackPausesAtEachCue() {
        open(ShippedLessons.first());
        model.playback().restart();
        model.playback().speedProperty().set(8);
        model.playback().play();
        long t = 0;
        while (model.playback().isPlaying() && t < 10_000) {
            model.playback().tick(t++ * 16_666_667L);
        }
        assertThat(model.playback().getIndex()).isEqualTo(model.cueIndicesProperty().get()[0]);
    }

    @Test
    void aDivergedPropertyIsMarkedOnItsRow() {
        open(TestScenarios.setnsOnLockedThread());
        model.playback().seek(model.cueIndicesProperty().get()[0]);
        ThreadRow m0 = model.threads().get(0);
        assertThat(m0.isDiverged(Property.NETNS)).isTrue();
        assertThat(m0.value(Property.NETNS)).isEqualTo("container");
        assertThat(m0.isDiverged(Property.UID)).isFalse();
        assertThat(model.divergenceIndicesProperty().get()).isNotEmpty();
    }

    @Test
    void changingTheVersionStaysAtTheSameCue() {
        open(ShippedLessons.first());
        int cue3 = model.cueIndicesProperty().get()[2];
        model.playback().seek(cue3);
        model.changeOptions(GoVersion.GO_1_10, 1, failures::add);
        assertThat(failures).isEmpty();
        assertThat(model.versionProperty().get()).isEqualTo(GoVersion.GO_1_10);
        assertThat(model.playback().getIndex()).isEqualTo(model.cueIndicesProperty().get()[2]);
        assertThat(model.cueLabelProperty().get()).isEqualTo("cue 3 of " + ShippedLessons.first().cues().size());
    }

    @Test
    void changingGomaxprocsStaysNearTheSameTime() {
        open(ShippedLessons.first());
        model.playback().toEnd();
        model.changeOptions(GoVersion.GO_1_14, 4, failures::add);
        assertThat(model.getState().gomaxprocs()).isEqualTo(4);
        assertThat(model.playback().getIndex()).isEqualTo(model.playback().getSize());
    }

    @Test
    void selectingAGoroutineShowsItsStateAndHistory() {
        open(ShippedLessons.first());
        model.playback().toEnd();
        model.select(Entity.g(2));
        assertThat(model.selectionTitleProperty().get()).isEqualTo("G2  ·  hello");
        assertThat(model.selectionDetails()).contains("status: dead");
        assertThat(model.selectionHistory()).extracting(e -> e.fn().goName())
                .contains("newproc", "entersyscall", "exitsyscall0", "goexit0");
        Event syscall = model.selectionHistory().stream()
                .filter(e -> e instanceof Event.SyscallEntered).findFirst().orElseThrow();
        model.seekToEvent(syscall.seq());
        assertThat(model.getState().goroutines().status(2).key()).isEqualTo("syscall");
    }

    @Test
    void theLastEventsEntitiesAreMarkedChanged() {
        open(ShippedLessons.first());
        model.playback().seek(model.cueIndicesProperty().get()[3]);
        assertThat(model.lastEventProperty().get()).isInstanceOf(Event.ProcessorRetaken.class);
        assertThat(model.changedProperty().get()).contains(Entity.p(0), Entity.m(0));
    }

    @Test
    void theRunningGoroutinesLineIsActive() {
        open(ShippedLessons.first());
        // the first moment a goroutine runs on a line of the source: the pane must mark that line with its id
        for (int i = 0; i <= model.playback().getSize(); i++) {
            model.playback().seek(i);
            var st = model.getState();
            for (var t : st.threads()) {
                int g = t.curg();
                if (g > 0 && st.goroutines().line(g) > 0
                        && st.goroutines().status(g) == dev.curtain.engine.state.GStatus.RUNNING) {
                    assertThat(model.activeLinesProperty().get()).containsEntry(st.goroutines().line(g), "G" + g);
                    return;
                }
            }
        }
        throw new AssertionError("no goroutine ever ran on a source line");
    }

    @Test
    void aFailedSimulationKeepsTheCurrentScenario() {
        open(ShippedLessons.first());
        Scenario before = model.getScenario();
        ViewerModel failing = new ViewerModel((s, done, failed) -> failed.accept(new IllegalStateException("boom")),
                EventExplainer.standard());
        failing.open(before, failures::add);
        assertThat(failures).hasSize(1);
        assertThat(model.getScenario()).isSameAs(before);
    }

    @Test
    void entitiesParseAsTheTalkWritesThem() {
        assertThat(Entity.parse("G3")).isEqualTo(Entity.g(3));
        assertThat(Entity.parse("m12")).isEqualTo(Entity.m(12));
        assertThat(Entity.parse("X1")).isNull();
        assertThat(Entity.p(2)).hasToString("P2");
    }
}
