package dev.curtain.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.GoVersion;
import dev.curtain.render.Palette;
import dev.curtain.scenario.Scenario;
import dev.curtain.scenario.ScenarioFiles;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An export's caption shows every line of its text: a long caption on a narrow frame wraps to three lines, and the
 * stage above it gives up the room (it used to be the caption bar, squeezed to its minimum, its lines cut).
 */
class ExportCaptionTest {
    @BeforeAll
    static void toolkit() throws Exception {
        // started the way TestFX starts it, so UI tests that run later in this JVM find it as they expect
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aThreeLineCaptionOnANarrowFrameKeepsEveryLine() throws Exception {
        Scenario lesson12 = ScenarioFiles.loadResource("12-priority-leak.json").orThrow();
        Scenario on19 = lesson12.withOptions(lesson12.options().withVersion(GoVersion.parse("1.9")));
        AtomicReference<double[]> heights = new AtomicReference<>();
        AtomicReference<String> text = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
            ExportScene scene = new ExportScene(on19, 640, 560, Palette.LIGHT);
            scene.model().nextCue();
            scene.model().nextCue();
            scene.scene().getRoot().applyCss();
            scene.scene().getRoot().layout();
            Region bar = (Region) scene.scene().lookup("#caption-bar");
            Label caption = (Label) scene.scene().lookup("#caption");
            text.set(caption.getText());
            heights.set(new double[] {bar.getHeight(), caption.prefHeight(caption.getWidth()),
                bar.getInsets().getTop() + bar.getInsets().getBottom()});
        }).get();
        assertThat(text.get()).startsWith("UnlockOSThread without restoring");
        double[] h = heights.get();
        assertThat(h[0]).as("the bar against the caption's lines and the bar's padding").isGreaterThanOrEqualTo(h[1] + h[2] - 0.5);
    }
}
