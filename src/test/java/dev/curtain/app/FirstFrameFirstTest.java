package dev.curtain.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.scenario.Scenario;
import dev.curtain.view.model.EventExplainer;
import dev.curtain.view.model.SimulationRunner;
import dev.curtain.view.model.ViewerModel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.prefs.Preferences;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's start: the first frame shows the stage with the default lesson, and what it does not show (the menus,
 * the toolbar with lessons 2 to 15, the inspector, source and event log) is built just after it, not before.
 */
@ExtendWith(ApplicationExtension.class)
class FirstFrameFirstTest {
    private MainWindow window;
    private Stage stage;
    private final AtomicBoolean completeAtStart = new AtomicBoolean(true);
    private final AtomicBoolean toolbarAtStart = new AtomicBoolean(true);

    @Start
    void start(Stage primary) {
        // a stage of its own, shown for the first time as the app's is (the primary stage may still be showing
        // another test's window)
        primary.hide();
        stage = new Stage();
        ViewerModel model = new ViewerModel(SimulationRunner.direct(), EventExplainer.standard());
        window = new MainWindow(stage, model, new ShippedLessons(), ScenarioOpener.files(),
                new RecentFiles(Preferences.userRoot().node("dev/curtain/test-first-frame")), Duration.ZERO, true);
        window.show(new ShippedLessons().defaultLesson());
        stage.setWidth(1280);
        stage.setHeight(720);
        stage.show();
        completeAtStart.set(window.panelsComplete());
        toolbarAtStart.set(stage.getScene().lookup("#toolbar") != null || window.lessonPicker() != null);
    }

    private ComboBox<Scenario> picker() {
        return window.lessonPicker();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> stage.close());
    }

    @Test
    void theInspectorSourceLogAndOtherLessonsComeRightAfterTheFirstFrame(FxRobot robot) throws Exception {
        assertThat(completeAtStart.get()).as("built before the first frame").isFalse();
        assertThat(toolbarAtStart.get()).as("the toolbar and its lesson list built before the first frame").isFalse();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.panelsComplete());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.stageView().geometry()).isNotNull();
        assertThat(robot.lookup("#thread-table").tryQuery()).isPresent();
        assertThat(robot.lookup("#event-log").tryQuery()).isPresent();
        assertThat(robot.lookup("#toolbar").tryQuery()).isPresent();
        assertThat(robot.lookup(".menu-bar").tryQuery()).isPresent();
        assertThat(robot.lookup(".source-view").queryAll()).anyMatch(n -> n instanceof dev.curtain.view.SourceView);
        assertThat(picker().getItems()).hasSize(new ShippedLessons().lessons().size());
        assertThat(picker().getValue().title()).isEqualTo(window.model().getScenario().title());
        // built after the run was on the stage, the toolbar starts from it
        ComboBox<?> version = robot.lookup("#version-picker").queryAs(ComboBox.class);
        assertThat(version.getValue()).isEqualTo(window.model().versionProperty().get());
        javafx.scene.control.Spinner<?> procs = robot.lookup("#gomaxprocs").queryAs(javafx.scene.control.Spinner.class);
        assertThat(procs.getValue()).isEqualTo(window.model().gomaxprocsProperty().get());
        // the views built late show the state on screen, as if they had been there from the start
        robot.interact(() -> window.model().playback().seek(ViewerModel.openingIndex(window.model().recording())));
        assertThat(window.model().threads()).isNotEmpty();
        javafx.scene.control.TableView<?> table = robot.lookup("#thread-table").queryAs(javafx.scene.control.TableView.class);
        assertThat(table.getItems()).hasSameSizeAs(window.model().threads());
    }
}
