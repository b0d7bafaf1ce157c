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
        window = WindowHarness.open(stage, ScenarioOpener.files(), 1920, 1080);
    }

    @Test
    void everyLessonAtItsFirstCueInEveryThemeAndSize(FxRobot robot) throws Exception {
        // The larger size first, for every lesson, then the smaller: the window only ever shrinks. Monocle's headless
        // screen keeps a shrunk window's pixel buffer with a shorter limit and, when the window grows again, fails to
        // upload a frame ("Too small int buffer size"), which prints a stack trace into the test log.
        for (int[] size : new int[][] {{1920, 1080}, {1280, 720}}) {
            robot.interact(() -> {
                window.setTheme(Theme.LIGHT);
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            for (Scenario lesson : new ShippedLessons().lessons()) {
                String slug = lesson.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("^-|-$", "");
                robot.interact(() -> window.show(lesson));
                robot.interact(() -> {
                    window.model().playback().restart();
                    window.model().nextCue();
                });
                assertThat(window.model().atCueProperty().get()).isTrue();
                for (Theme theme : Theme.values()) {
                    robot.interact(() -> window.setTheme(theme));
                    Path[] file = new Path[1];
                    String name = slug + "-" + theme.palette().name() + "-" + size[0] + "x" + size[1];
                    robot.interact(() -> file[0] = Screenshots.save(window.scene(), name));
                    assertShowsAStage(file[0], theme, name);
                }
                if (size[0] == 1920) {
                    robot.interact(() -> window.setTheme(Theme.LIGHT));
                    robot.interact(() -> Screenshots.save(window.scene(), slug));
                    // font scaling for a large room: projector theme, text at 150%
                    robot.interact(() -> {
                        window.setTheme(Theme.PROJECTOR);
                        window.setTextSize(150);
                    });
                    robot.interact(() -> Screenshots.save(window.scene(), slug + "-projector-text150-1920x1080"));
                    robot.interact(() -> {
                        window.setTheme(Theme.LIGHT);
                        window.setTextSize(100);
                    });
                }
            }
        }
    }

    @Test
    void everyCueOfTheDefaultLesson(FxRobot robot) throws Exception {
        robot.interact(() -> window.model().playback().restart());
        int n = 0;
        while (true) {
            boolean[] more = new boolean[1];
            robot.interact(() -> more[0] = window.model().nextCue());
            if (!more[0]) {
                break;
            }
            n++;
            int cue = n;
            Path[] file = new Path[1];
            robot.interact(() -> file[0] = Screenshots.save(window.scene(), "hello-goroutine-cue-" + cue));
            assertShowsAStage(file[0], Theme.LIGHT, "cue " + cue);
        }
        assertThat(n).isEqualTo(ShippedLessons.first().cues().size());
    }

    /**
     * The picture shows a drawn stage, not just a file: much of it is the theme's stage background, its text colour
     * draws labels, and a running or runnable goroutine's colour is there (every cue shows at least one goroutine).
     */
    private static void assertShowsAStage(Path png, Theme theme, String what) throws java.io.IOException {
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        dev.curtain.render.Palette p = theme.palette();
        long all = (long) img.getWidth() * img.getHeight();
        assertThat((double) dev.curtain.export.FramePixels.near(img, p.background(), 6) / all).as(what)
                .isGreaterThan(0.05);
        assertThat(dev.curtain.export.FramePixels.near(img, p.text(), 40)).as(what).isGreaterThan(500);
        assertThat(dev.curtain.export.FramePixels.near(img, p.running(), 30)
                + dev.curtain.export.FramePixels.near(img, p.runnable(), 30)
                + dev.curtain.export.FramePixels.near(img, p.waiting(), 30)
                + dev.curtain.export.FramePixels.near(img, p.syscall(), 30)).as(what + ": goroutines").isGreaterThan(100);
    }

    @Test
    void aDivergedThreadAndAScaleRun(FxRobot robot) {
        robot.interact(() -> window.show(TestScenarios.setnsOnLockedThread()));
        robot.interact(() -> {
            window.model().playback().restart();
            window.model().nextCue();
            window.model().playback().stepForward();
        });
        robot.interact(() -> Screenshots.save(window.scene(), "diverged-setns"));
        robot.interact(() -> window.show(TestScenarios.crowd(10_000, 64)));
        robot.interact(() -> window.model().playback().seek(window.model().playback().getSize() / 3));
        robot.interact(() -> Screenshots.save(window.scene(), "scale-64p-10000g"));
        robot.interact(() -> stage.setWidth(1280));
        robot.interact(() -> stage.setHeight(720));
        robot.interact(() -> Screenshots.save(window.scene(), "scale-64p-10000g-1280x720"));
    }

    @Test
    void aMoveHalfWay(FxRobot robot) {
        dev.curtain.view.model.ViewerModel model = new dev.curtain.view.model.ViewerModel(
                dev.curtain.view.model.SimulationRunner.direct(), dev.curtain.view.model.EventExplainer.standard());
        robot.interact(() -> {
            model.open(new ShippedLessons().defaultLesson(), e -> {
            });
            dev.curtain.view.StageView view = new dev.curtain.view.StageView(model, javafx.util.Duration.millis(500));
            javafx.scene.Scene scene = new javafx.scene.Scene(view, 1400, 760);
            scene.getStylesheets().add(MainWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
            scene.getRoot().getStyleClass().addAll("theme-light", "text-100");
            model.playback().seek(model.cueIndicesProperty().get()[3] - 1);
            view.snapshot(null, null);
            model.playback().stepForward();
            view.paintAt(0.5);
            Screenshots.save(view, "move-half-way-clone");
            model.playback().seek(model.cueIndicesProperty().get()[4] - 1);
            view.snapshot(null, null);
            model.playback().stepForward();
            view.paintAt(0.45);
            Screenshots.save(view, "move-half-way-to-global-queue");
        });
    }
}
