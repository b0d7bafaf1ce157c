package dev.curtain.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window whose stage is given another scene (a second window in the same stage, as every test here does) is no
 * longer drawn: drawing it styled a scene that no window shows, and each of its nodes warned that it found none of
 * the stylesheet's looked-up colours.
 */
@ExtendWith(ApplicationExtension.class)
class SceneReplacementTest {
    private static final Logger CSS = Logger.getLogger("javafx.css");
    private MainWindow first;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        first = WindowHarness.open(stage, ScenarioOpener.files(), 1600, 960);
    }

    @Test
    void replacingTheWindowsSceneStylesNothingThatIsNoLongerShown(FxRobot robot) {
        robot.interact(() -> first.model().playback().seek(first.model().playback().getSize() / 2));
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler collect = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level before = CSS.getLevel();
        CSS.setLevel(Level.WARNING);
        CSS.addHandler(collect);
        try {
            MainWindow[] second = new MainWindow[1];
            robot.interact(() -> second[0] = WindowHarness.open(stage, ScenarioOpener.files(), 1600, 960));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(stage.getScene()).isSameAs(second[0].scene());
            assertThat(first.scene().getWindow()).isNull();
        } finally {
            CSS.removeHandler(collect);
            CSS.setLevel(before);
        }
        assertThat(warnings).isEmpty();
    }
}
