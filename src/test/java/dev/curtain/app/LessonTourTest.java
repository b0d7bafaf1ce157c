package dev.curtain.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Walks every lesson from its title card through each of its cues at the two sizes a lecture needs (a 1920x1080
 * screen and a 1280x720 projector), as a lecturer clicking through would, and checks what the room reads: the
 * title card at the start, and at each cue its caption, whole, in the caption bar. The pictures land in
 * target/screenshots (tour-*) for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class LessonTourTest {
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = WindowHarness.open(stage, ScenarioOpener.files(), 1920, 1080);
    }

    @Test
    void everyLessonOpensOnItsTitleCardAndShowsEachCaptionWholeAtBothSizes(FxRobot robot) {
        List<String> faults = new ArrayList<>();
        int shots = 0;
        for (int[] size : new int[][] {{1920, 1080}, {1280, 720}}) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            for (Scenario lesson : new ShippedLessons().lessons()) {
                String slug = String.format(Locale.ROOT, "tour-%s-%dx%d",
                        lesson.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                                .replaceAll("^-|-$", ""), size[0], size[1]);
                robot.interact(() -> window.show(lesson));
                Node card = robot.lookup("#lesson-card").query();
                Label title = robot.lookup("#lesson-card-title").queryAs(Label.class);
                if (!card.isVisible() || !lesson.title().equals(title.getText())) {
                    faults.add(lesson.title() + ": does not open on its title card");
                }
                robot.interact(() -> Screenshots.save(window.scene(), slug + "-0-start"));
                shots++;
                for (int cue = 1; ; cue++) {
                    boolean[] more = new boolean[1];
                    robot.interact(() -> more[0] = window.model().nextCue());
                    if (!more[0]) {
                        break;
                    }
                    int c = cue;
                    // the picture first: taking it lays the window out, as a frame on screen would be
                    robot.interact(() -> Screenshots.save(window.scene(), slug + "-" + c));
                    shots++;
                    Label caption = robot.lookup("#caption").queryAs(Label.class);
                    String expected = captionAt(lesson, window.model().cueIndicesProperty().get(),
                            window.model().playback().getIndex());
                    if (!caption.getText().equals(expected)) {
                        faults.add(lesson.title() + " cue " + cue + ": caption bar reads '" + caption.getText() + "'");
                    } else if (isCut(caption)) {
                        faults.add(lesson.title() + " cue " + cue + " at " + size[0] + ": caption is cut");
                    }
                    if (card.isVisible()) {
                        faults.add(lesson.title() + " cue " + cue + ": the title card still covers the stage");
                    }
                }
            }
        }
        assertThat(faults).isEmpty();
        assertThat(shots).isGreaterThan(2 * 15 * 2);
    }

    /** The caption of the cue that lands on {@code index} (cues resolve in event order, not file order). */
    private static String captionAt(Scenario lesson, int[] cueIndices, int index) {
        for (int i = 0; i < cueIndices.length; i++) {
            if (cueIndices[i] == index) {
                return lesson.cues().get(i).caption();
            }
        }
        return "(no cue at " + index + ")";
    }

    /** Whether the label shows less than its text (an ellipsis, or lines below its bottom). */
    private static boolean isCut(Label l) {
        javafx.scene.text.Text shown = (javafx.scene.text.Text) l.lookup(".text");
        return shown != null && !shown.getText().equals(l.getText());
    }
}
