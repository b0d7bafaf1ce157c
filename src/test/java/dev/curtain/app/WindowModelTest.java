package dev.curtain.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.curtain.scenario.Scenario;
import dev.curtain.scenario.ViewHints;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The window's own state, without a toolkit: what the menus, toolbar, presenter mode and compare window bind to. */
class WindowModelTest {
    private final SimpleObjectProperty<Scenario> scenario = new SimpleObjectProperty<>();
    private final WindowModel window = new WindowModel(scenario);

    @Test
    void presentingTurnsTheDefaultLightThemeIntoTheProjectorsAndLargeTextThenPutsBothBack() {
        window.startPresenting();
        assertThat(window.isPresenting()).isTrue();
        assertThat(window.getTheme()).isEqualTo(Theme.PROJECTOR);
        assertThat(window.getTextSize()).isEqualTo(WindowModel.PRESENTING_TEXT_SIZE);
        window.stopPresenting();
        assertThat(window.isPresenting()).isFalse();
        assertThat(window.getTheme()).isEqualTo(Theme.LIGHT);
        assertThat(window.getTextSize()).isEqualTo(100);
    }

    @Test
    void aThemeAndATextSizeTheSpeakerChoseForTheRoomStayWhilePresenting() {
        window.setTheme(Theme.DARK);
        window.setTextSize(200);
        window.startPresenting();
        assertThat(window.getTheme()).isEqualTo(Theme.DARK);
        assertThat(window.getTextSize()).isEqualTo(200);
        window.stopPresenting();
        assertThat(window.getTheme()).isEqualTo(Theme.DARK);
    }

    @Test
    void presentingHidesTheChromeAndPanelsWithoutChangingWhatTheUserChose() {
        window.panelsShownProperty().set(false);
        assertThat(window.inspectorVisibleProperty().get()).isTrue();
        assertThat(window.panelsVisibleProperty().get()).isFalse();
        window.startPresenting();
        assertThat(window.chromeVisibleProperty().get()).isFalse();
        assertThat(window.inspectorVisibleProperty().get()).isFalse();
        assertThat(window.inspectorShownProperty().get()).as("View → Inspector stays ticked").isTrue();
        window.stopPresenting();
        assertThat(window.chromeVisibleProperty().get()).isTrue();
        assertThat(window.inspectorVisibleProperty().get()).isTrue();
        assertThat(window.panelsVisibleProperty().get()).as("hidden before, hidden after").isFalse();
    }

    @Test
    void largerAndSmallerTextStepThroughTheOfferedSizesAndStopAtTheEnds() {
        window.smallerText();
        assertThat(window.getTextSize()).isEqualTo(100);
        for (int expected : new int[] {125, 150, 200, 200}) {
            window.largerText();
            assertThat(window.getTextSize()).isEqualTo(expected);
        }
        window.smallerText();
        assertThat(window.getTextSize()).isEqualTo(150);
        assertThatThrownBy(() -> window.setTextSize(175)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("175");
        assertThat(window.getTextSize()).isEqualTo(150);
    }

    @Test
    void aScenarioThatAsksForAThemeGetsIt() {
        Scenario lesson = ShippedLessons.first();
        scenario.set(new Scenario(lesson.title(), lesson.description(), lesson.author(), lesson.options(),
                lesson.program(), lesson.source(), lesson.cues(), lesson.compare(), new ViewHints("dark", List.of())));
        assertThat(window.getTheme()).isEqualTo(Theme.DARK);
        scenario.set(lesson);
        assertThat(window.getTheme()).as("no hint: the viewer's choice stays").isEqualTo(Theme.DARK);
    }

    @Test
    void theTitleNamesTheScenarioAndStarsUnsavedChanges() {
        assertThat(window.titleProperty().get()).isEqualTo("Curtain");
        Scenario lesson = ShippedLessons.first();
        scenario.set(lesson);
        window.documentAt(Path.of("lesson.json"));
        assertThat(window.titleProperty().get()).isEqualTo(lesson.title() + " — Curtain");
        window.changed();
        assertThat(window.isDirty()).isTrue();
        assertThat(window.titleProperty().get()).isEqualTo("* " + lesson.title() + " — Curtain");
        window.documentAt(Path.of("saved.json"));
        assertThat(window.isDirty()).isFalse();
        assertThat(window.getFile()).isEqualTo(Path.of("saved.json"));
    }

    @Test
    void theSeedIsTheRunsOnScreenWhoeverChangedIt() {
        Scenario lesson = ShippedLessons.first();
        scenario.set(lesson);
        assertThat(window.getSeed()).isEqualTo(lesson.options().seed());
        scenario.set(lesson.withOptions(lesson.options().withSeed(41)));
        assertThat(window.seedProperty().get()).isEqualTo(41);
    }

    @Test
    void anotherSeedOfTheSameLessonKeepsTheThemeTheViewerChose() {
        Scenario lesson = ShippedLessons.first();
        Scenario dark = new Scenario(lesson.title(), lesson.description(), lesson.author(), lesson.options(),
                lesson.program(), lesson.source(), lesson.cues(), lesson.compare(), new ViewHints("dark", List.of()));
        scenario.set(dark);
        assertThat(window.getTheme()).isEqualTo(Theme.DARK);
        window.setTheme(Theme.LIGHT);
        scenario.set(dark.withOptions(dark.options().withSeed(9)));
        assertThat(window.getTheme()).as("the same program under another seed").isEqualTo(Theme.LIGHT);
    }

    @Test
    void theExplorePanelIsOutOfTheWindowWhilePresentingAndBackAfter() {
        window.exploreShownProperty().set(true);
        assertThat(window.exploreVisibleProperty().get()).isTrue();
        window.startPresenting();
        assertThat(window.exploreVisibleProperty().get()).isFalse();
        assertThat(window.exploreShownProperty().get()).as("the viewer's choice stays").isTrue();
        window.stopPresenting();
        assertThat(window.exploreVisibleProperty().get()).isTrue();
    }
}
