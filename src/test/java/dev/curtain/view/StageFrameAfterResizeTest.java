package dev.curtain.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.GoVersion;
import dev.curtain.scenario.Scenario;
import dev.curtain.scenario.ScenarioFiles;
import dev.curtain.view.model.EventExplainer;
import dev.curtain.view.model.SimulationRunner;
import dev.curtain.view.model.ViewerModel;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A stage above a caption, as in the comparison: a jump to a cue whose caption takes more lines shrinks the stage,
 * and the frame that paints the jump comes before the scene's layout in that pulse. Its pictures must still be
 * those of the stage at its new size (a box pictured against the old layout lost a strip of itself when the
 * snapshot laid the scene out under it, as lesson 12's idle M0 did in a 1280x720 comparison).
 */
@ExtendWith(ApplicationExtension.class)
class StageFrameAfterResizeTest {
    private static final int W = 628;
    private static final int H = 620;
    private static final String SHORT = "One line.";
    private static final String LONG = "UnlockOSThread without restoring the priority: the niced thread goes back to"
            + " the pool, and the next handler that lands on it runs at nice 10, on every Go version.";
    private ViewerModel played;
    private ViewerModel cut;
    private StageView playedView;
    private StageView cutView;
    private Label playedCaption;
    private Label cutCaption;
    private long now = 1_000_000_000L;

    @Start
    void start(Stage stage) {
        played = new ViewerModel(SimulationRunner.direct(), EventExplainer.standard());
        cut = new ViewerModel(SimulationRunner.direct(), EventExplainer.standard());
        playedView = new StageView(played, Duration.millis(300));
        cutView = new StageView(cut, Duration.ZERO);
        playedCaption = caption();
        cutCaption = caption();
        window(playedView, playedCaption);
        window(cutView, cutCaption);
    }

    private static Label caption() {
        Label l = new Label(SHORT);
        l.setWrapText(true);
        l.setStyle("-fx-font-size: 28px;");
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static void window(StageView v, Label caption) {
        v.yieldHeightToTheCaption();
        VBox column = new VBox(v, caption);
        VBox.setVgrow(v, Priority.ALWAYS);
        Scene scene = new Scene(column, W, H);
        scene.getStylesheets().add(StageView.class.getResource("/dev/curtain/app/curtain.css").toExternalForm());
        scene.getRoot().getStyleClass().addAll("curtain", "theme-light", "text-100");
        Stage window = new Stage();
        window.setScene(scene);
        window.show();
    }

    private void frames(int n) {
        for (int i = 0; i < n; i++) {
            now += 16_666_667L;
            playedView.frame(now);
        }
    }

    @Test
    void aJumpThatShrinksTheStagePaintsTheStageAtItsNewSize(FxRobot robot) {
        robot.interact(() -> {
            for (ViewerModel m : new ViewerModel[] {played, cut}) {
                Scenario lesson = ScenarioFiles.loadResource("12-priority-leak.json").orThrow();
                // the comparison's left run, as a lecturer opens it
                m.open(lesson.withOptions(lesson.options().withVersion(GoVersion.parse("1.9"))), e -> {
                    throw new AssertionError(e);
                });
                m.playback().seek(0);
            }
            frames(40);
        });
        int checked = 0;
        for (int k = 0; k < 3; k++) {
            boolean[] jumped = new boolean[1];
            int kk = k;
            String text = k % 2 == 1 ? LONG : SHORT;
            robot.interact(() -> {
                // the caption changes with the cue, before the stage hears of the jump
                playedCaption.setText(text);
                cutCaption.setText(text);
                jumped[0] = played.nextCue();
                cut.playback().seek(played.playback().getIndex());
                // the pulse's timer runs before its layout: the jump's frames come first, and the move ends
                frames(40);
                if (!jumped[0]) {
                    return;
                }
                assertThat(playedView.boxesMovedWhilePictured()).as("box pictures the scene's layout moved").isZero();
                WritableImage b = snapshot(cutView);
                WritableImage a = snapshot(playedView);
                assertThat(playedView.getHeight()).isEqualTo(cutView.getHeight());
                int differ = StageRepaintTest.differing(a, b);
                if (differ > 0) {
                    StageRepaintTest.save(a, "target/resized-played.png");
                    StageRepaintTest.save(b, "target/resized-cut.png");
                }
                assertThat(differ).as("cue jump %d: pixels that differ from a stage cut to it at that size", kk)
                        .isZero();
            });
            if (!jumped[0]) {
                break;
            }
            checked++;
        }
        assertThat(checked).isPositive();
    }

    private static WritableImage snapshot(StageView v) {
        SnapshotParameters p = new SnapshotParameters();
        p.setViewport(new Rectangle2D(0, 0, v.getWidth(), v.getHeight()));
        return v.snapshot(p, null);
    }
}
