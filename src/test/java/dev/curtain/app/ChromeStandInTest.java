package dev.curtain.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.view.model.EventExplainer;
import dev.curtain.view.model.SimulationRunner;
import dev.curtain.view.model.ViewerModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ToolBar;
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
 * The first frame has blank bars where the menus and toolbar will be (they come just after it): the stage is where
 * it will stay, at every text size and in every theme, so nothing on it jumps when the real bars arrive.
 */
@ExtendWith(ApplicationExtension.class)
class ChromeStandInTest {
    private final List<Stage> stages = new ArrayList<>();

    @Start
    void start(Stage primary) {
        primary.hide();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> stages.forEach(Stage::close));
    }

    @Test
    void theStageStaysWhereTheFirstFrameDrewItWhenTheMenusAndToolbarArrive(FxRobot robot) throws Exception {
        List<String> moved = new ArrayList<>();
        for (Theme theme : Theme.values()) {
            for (int size : MainWindow.TEXT_SIZES) {
                Bounds[] first = new Bounds[1];
                MainWindow[] w = new MainWindow[1];
                robot.interact(() -> {
                    Stage stage = new Stage();
                    stages.add(stage);
                    ViewerModel model = new ViewerModel(SimulationRunner.direct(), EventExplainer.standard());
                    w[0] = new MainWindow(stage, model, new ShippedLessons(), ScenarioOpener.files(),
                            new RecentFiles(Preferences.userRoot().node("dev/curtain/test-stand-in")), Duration.ZERO,
                            true);
                    w[0].setTheme(theme);
                    w[0].setTextSize(size);
                    w[0].show(new ShippedLessons().defaultLesson());
                    w[0].scene().addPostLayoutPulseListener(() -> {
                        if (first[0] == null && w[0].stageView().geometry() != null
                                && w[0].scene().lookup("#chrome-stand-in") != null) {
                            first[0] = stageBounds(w[0]);
                        }
                    });
                    stage.setWidth(1280);
                    stage.setHeight(720);
                    stage.show();
                });
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> w[0].panelsComplete());
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(first[0]).as("a first frame with the stand-in").isNotNull();
                assertThat(w[0].scene().lookup("#chrome-stand-in")).as("the stand-in replaced").isNull();
                Bounds after = stageBounds(w[0]);
                MenuBar menus = (MenuBar) w[0].scene().lookup(".menu-bar");
                ToolBar tools = (ToolBar) w[0].scene().lookup("#toolbar");
                if (!after.equals(first[0])) {
                    moved.add(theme + " " + size + "%: stage at " + first[0].getMinY() + " then " + after.getMinY()
                            + " (menus " + menus.getHeight() + ", toolbar " + tools.getHeight() + ")");
                }
                robot.interact(() -> stages.get(stages.size() - 1).close());
            }
        }
        assertThat(moved).isEmpty();
    }

    private static Bounds stageBounds(MainWindow w) {
        Node n = w.stageView();
        return n.localToScene(n.getLayoutBounds());
    }
}
