package dev.curtain.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Saves a picture of every lesson at its first cue under target/screenshots, in each theme and at the two
 * sizes the product must be crisp at, so a person can look at what the audience will see.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = WindowHarness.open(stage, ScenarioOpener.notYetAvailable(), 1920, 1080);
    }

    @Test
    void everyLessonAtItsFirstCueInEveryThemeAndSize(FxRobot robot) throws Exception {
        for (Scenario lesson : new BuiltInLessons().lessons()) {
            String slug = lesson.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("^-|-$", "");
            robot.interact(() -> window.show(lesson));
            robot.interact(() -> {
                window.model().playback().restart();
                window.model().nextCue();
            });
            assertThat(window.model().atCueProperty().get()).isTrue();
            for (int[] size : new int[][] {{1920, 1080}, {1280, 720}}) {
                for (Theme theme : Theme.values()) {
                    robot.interact(() -> {
                        stage.setWidth(size[0]);
                        stage.setHeight(size[1]);
                        window.setTheme(theme);
                    });
                    Path[] file = new Path[1];
                    String name = slug + "-" + theme.palette().name() + "-" + size[0] + "x" + size[1];
                    robot.interact(() -> file[0] = Screenshots.save(window.scene(), name));
                    assertThat(Files.size(file[0])).isPositive();
                }
            }
            robot.interact(() -> {
                window.setTheme(Theme.LIGHT);
                stage.setWidth(1920);
                stage.setHeight(1080);
            });
            robot.interact(() -> Screenshots.save(window.scene(), slug));
        }
    }
}
