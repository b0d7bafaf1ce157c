package dev.curtain.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.GoVersion;
import dev.curtain.view.model.EventExplainer;
import dev.curtain.view.model.ViewerModel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The app's runner simulates in a background task and hands the result back on the FX thread. */
@ExtendWith(ApplicationExtension.class)
class BackgroundSimulationTest {

    @Test
    void reSimulatingRunsInATaskAndLandsNearTheSamePoint(FxRobot robot) throws Exception {
        FxSimulationRunner runner = new FxSimulationRunner();
        AtomicReference<ViewerModel> model = new AtomicReference<>();
        robot.interact(() -> {
            model.set(new ViewerModel(runner, EventExplainer.standard()));
            model.get().open(ShippedLessons.first(), e -> {
                throw new AssertionError(e);
            });
            assertThat(model.get().busyProperty().get()).isTrue();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.get().busyProperty().get());
        robot.interact(() -> {
            model.get().playback().seek(model.get().cueIndicesProperty().get()[4]);
            model.get().changeOptions(GoVersion.GO_1_26, 1, e -> {
                throw new AssertionError(e);
            });
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.get().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.get().getState().version()).isEqualTo("1.26");
        assertThat(model.get().cueLabelProperty().get()).isEqualTo("cue 5 of " + ShippedLessons.first().cues().size());
        runner.shutdown();
    }
}
