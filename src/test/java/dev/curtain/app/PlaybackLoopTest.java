package dev.curtain.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.view.model.EventExplainer;
import dev.curtain.view.model.SimulationRunner;
import dev.curtain.view.model.ViewerModel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** The real animation timer drives playback and the moves between places, as in the app. */
@ExtendWith(ApplicationExtension.class)
class PlaybackLoopTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        ViewerModel model = new ViewerModel(SimulationRunner.direct(), EventExplainer.standard());
        window = new MainWindow(stage, model, new ShippedLessons(), ScenarioOpener.files(),
                new RecentFiles(Preferences.userRoot().node("dev/curtain/test-loop")), Duration.millis(300));
        window.show(new ShippedLessons().defaultLesson());
        stage.show();
        stage.requestFocus();
        window.start();
    }

    @Stop
    void stop() {
        window.stop();
    }

    @Test
    void playingAdvancesByItselfAndAnimatesEachMove(FxRobot robot) throws Exception {
        int start = window.model().playback().getIndex();
        AtomicBoolean sawAMove = new AtomicBoolean();
        robot.interact(() -> {
            window.model().playback().speedProperty().set(8);
            window.model().playback().indexProperty().addListener((o, a, b) -> {
                if (window.stageView().isAnimating()) {
                    sawAMove.set(true);
                }
            });
            window.model().playback().play();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().playback().getIndex() >= start + 3);
        assertThat(sawAMove).isTrue();
        // it stops by itself at the first cue that pauses
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.model().playback().isPlaying());
        assertThat(window.model().atCueProperty().get()).isTrue();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !window.stageView().isAnimating());
    }
}
