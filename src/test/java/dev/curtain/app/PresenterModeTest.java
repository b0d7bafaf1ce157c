package dev.curtain.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.view.model.EventExplainer;
import dev.curtain.view.model.Playback;
import dev.curtain.view.model.SimulationRunner;
import dev.curtain.view.model.ViewerModel;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** View → Present: full screen without chrome, clicker keys, blanking, cue pauses and the speaker's notes. */
@ExtendWith(ApplicationExtension.class)
class PresenterModeTest {
    private MainWindow window;
    private Stage stage;
    private Playback pb;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ViewerModel model = new ViewerModel(SimulationRunner.direct(), EventExplainer.standard());
        window = new MainWindow(stage, model, new ShippedLessons(), ScenarioOpener.files(),
                new RecentFiles(Preferences.userRoot().node("dev/curtain/test-present")), Duration.millis(200));
        window.show(new ShippedLessons().defaultLesson());
        stage.setWidth(1600);
        stage.setHeight(960);
        stage.show();
        stage.requestFocus();
        window.start();
        pb = model.playback();
    }

    @Stop
    void stop() {
        window.stop();
    }

    /** Whether the node is in the window and it and all its parents are visible. */
    private boolean shown(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> {
            if (n.getScene() != window.scene()) {
                return false;
            }
            for (Node p = n; p != null; p = p.getParent()) {
                if (!p.isVisible()) {
                    return false;
                }
            }
            return true;
        }).orElse(false);
    }

    @Test
    void f5PresentsWithoutChromeInTheProjectorThemeAndEscBringsItAllBack(FxRobot robot) {
        assertThat(shown(robot, "#menu-bar")).isTrue();
        robot.press(KeyCode.F5).release(KeyCode.F5);
        assertThat(window.presenter().isActive()).isTrue();
        assertThat(stage.isFullScreen()).isTrue();
        assertThat(shown(robot, "#menu-bar")).isFalse();
        assertThat(shown(robot, "#toolbar")).isFalse();
        assertThat(shown(robot, "#thread-table")).isFalse();
        assertThat(shown(robot, "#event-log")).isFalse();
        assertThat(shown(robot, "#stage")).isTrue();
        assertThat(shown(robot, "#caption")).isTrue();
        assertThat(window.theme()).isEqualTo(Theme.PROJECTOR);
        assertThat(window.textSize()).isEqualTo(PresenterMode.TEXT_SIZE);
        robot.interact(() -> Screenshots.save(window.scene(), "presenter-mode"));

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertThat(window.presenter().isActive()).isFalse();
        assertThat(stage.isFullScreen()).isFalse();
        assertThat(shown(robot, "#menu-bar")).isTrue();
        assertThat(shown(robot, "#thread-table")).isTrue();
        assertThat(window.theme()).isEqualTo(Theme.LIGHT);
        assertThat(window.textSize()).isEqualTo(100);
    }

    /** The View menu's radio item with this id: whether it is the selected one. */
    private boolean menuSelected(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        for (Menu m : bar.getMenus()) {
            for (MenuItem i : m.getItems()) {
                if (i instanceof Menu sub) {
                    for (MenuItem j : sub.getItems()) {
                        if (id.equals(j.getId())) {
                            return ((RadioMenuItem) j).isSelected();
                        }
                    }
                }
            }
        }
        throw new AssertionError("no menu item " + id);
    }

    @Test
    void whilePresentingTheThemeAndTextSizeMenusShowWhatTheWindowShows(FxRobot robot) {
        assertThat(menuSelected(robot, "theme-light")).isTrue();
        assertThat(menuSelected(robot, "text-size-100")).isTrue();
        robot.press(KeyCode.F5).release(KeyCode.F5);
        assertThat(menuSelected(robot, "theme-projector")).isTrue();
        assertThat(menuSelected(robot, "theme-light")).isFalse();
        assertThat(menuSelected(robot, "text-size-150")).isTrue();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertThat(menuSelected(robot, "theme-light")).isTrue();
        assertThat(menuSelected(robot, "text-size-100")).isTrue();
        // Ctrl+= (View → Larger Text) moves the menu's tick too, and so does a theme set from anywhere
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        assertThat(window.textSize()).isEqualTo(125);
        assertThat(menuSelected(robot, "text-size-125")).isTrue();
        assertThat(window.scene().getRoot().getStyleClass()).contains("text-125").doesNotContain("text-100");
        robot.interact(() -> window.windowModel().setTheme(Theme.DARK));
        assertThat(menuSelected(robot, "theme-dark")).isTrue();
        assertThat(window.scene().getRoot().getStyleClass()).contains("theme-dark").doesNotContain("theme-light");
        assertThat(window.stageView().paletteProperty().get()).isEqualTo(Theme.DARK.palette());
    }

    @Test
    void panelsTheSpeakerHidBeforePresentingStayHiddenAfterwards(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        assertThat(shown(robot, "#thread-table")).isFalse();
        assertThat(shown(robot, "#event-log")).isFalse();
        double stageWidth = robot.lookup("#stage").query().getBoundsInLocal().getWidth();
        assertThat(stageWidth).as("the stage takes the inspector's room").isGreaterThan(stage.getWidth() * 0.9);
        robot.press(KeyCode.F5).release(KeyCode.F5);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertThat(shown(robot, "#menu-bar")).isTrue();
        assertThat(shown(robot, "#thread-table")).isFalse();
        assertThat(shown(robot, "#event-log")).isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        assertThat(shown(robot, "#thread-table")).isTrue();
        assertThat(shown(robot, "#event-log")).isTrue();
    }

    @Test
    void aClickerStepsAndBBlanksTheScreen(FxRobot robot) {
        robot.clickOn("#present");
        int at = pb.getIndex();
        robot.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
        assertThat(pb.getIndex()).isEqualTo(at + 1);
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        assertThat(pb.getIndex()).isEqualTo(at + 2);
        robot.press(KeyCode.PAGE_UP).release(KeyCode.PAGE_UP);
        robot.press(KeyCode.LEFT).release(KeyCode.LEFT);
        assertThat(pb.getIndex()).isEqualTo(at);
        robot.press(KeyCode.B).release(KeyCode.B);
        assertThat(window.presenter().isBlanked()).isTrue();
        assertThat(shown(robot, "#stage")).isFalse();
        assertThat(shown(robot, "#caption")).isFalse();
        robot.press(KeyCode.B).release(KeyCode.B);
        assertThat(shown(robot, "#stage")).isTrue();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    void theNotesClockShowsTimeSinceTheTalkBeganAndTheTimeOfDay() {
        assertThat(SpeakerNotesWindow.clockText(java.time.Duration.ofSeconds(754), java.time.LocalTime.of(14, 7)))
                .isEqualTo("12:34 presenting  ·  14:07");
    }

    @Test
    void spacePlaysUntilACueThatPausesAndTheNotesWindowFollows(FxRobot robot) throws Exception {
        robot.press(KeyCode.F5).release(KeyCode.F5);
        // one screen (as here): the notes wait for N, or the full-screen stage would hide them
        assertThat(javafx.stage.Screen.getScreens()).hasSize(1);
        assertThat(window.presenter().notesWindow().isShowing()).isFalse();
        robot.press(KeyCode.N).release(KeyCode.N);
        assertThat(window.presenter().notesWindow().isShowing()).isTrue();
        assertThat(window.presenter().notesWindow().clockText()).matches("0:0\\d presenting  ·  \\d\\d:\\d\\d");
        robot.interact(() -> pb.speedProperty().set(8));
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !pb.isPlaying());
        WaitForAsyncUtils.waitForFxEvents();
        // lesson 1's first pausing cue, "go": its caption on the big screen, its notes on the speaker's
        assertThat(window.model().atCueProperty().get()).isTrue();
        assertThat(robot.lookup("#caption").queryAs(Label.class).getText()).startsWith("go hello(): newproc");
        assertThat(robot.lookup("#notes-text").queryAs(Label.class).getText())
                .startsWith("Nothing runs G2 yet");
        assertThat(robot.lookup("#notes-next").queryAs(Label.class).getText())
                .isEqualTo("Next: main sleeps, so M0 picks G2 from runnext and runs it.");
        robot.interact(() -> {
            Screenshots.save(robot.lookup("#speaker-notes").query().getScene(), "speaker-notes");
            Screenshots.save(window.scene(), "presenter-at-cue");
        });
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertThat(robot.lookup("#speaker-notes").tryQuery()).isEmpty();
    }
}
