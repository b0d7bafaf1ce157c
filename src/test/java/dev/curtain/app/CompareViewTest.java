package dev.curtain.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.GoVersion;
import dev.curtain.scenario.Scenario;
import dev.curtain.view.model.CompareModel;
import dev.curtain.view.model.ViewerModel;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Two Go versions side by side: opened from the window, kept in step, differences marked on both timelines. */
@ExtendWith(ApplicationExtension.class)
class CompareViewTest {
    private MainWindow window;
    private CompareWindow compare;

    @Start
    void start(Stage stage) {
        window = WindowHarness.open(stage, file -> ScenarioOpener.Result.of(TestScenarios.setnsOnLockedThread()),
                1600, 960);
        Scenario lesson9 = new ShippedLessons().lessons().get(8);
        window.show(lesson9);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> Window.getWindows().stream().filter(w -> w != window.scene().getWindow())
                .filter(w -> w instanceof Stage).toList().forEach(w -> ((Stage) w).close()));
    }

    private CompareModel open(FxRobot robot) {
        AtomicReference<CompareWindow> w = new AtomicReference<>();
        robot.interact(() -> w.set(window.compare()));
        compare = w.get();
        return compare.model();
    }

    private static String cueId(ViewerModel m) {
        int c = m.currentCue();
        return c < 0 ? null : m.getScenario().cues().get(c).id();
    }

    @Test
    void theComparisonFillsTheScreenItsMainWindowIsOn(FxRobot robot) {
        // a 1600x900 window would spill off a 1280x720 projector: it takes the screen's visible bounds instead
        open(robot);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Stage s = compare.stage();
        assertThat(s.getX()).isEqualTo(screen.getMinX());
        assertThat(s.getY()).isEqualTo(screen.getMinY());
        assertThat(s.getWidth()).isEqualTo(screen.getWidth());
        assertThat(s.getHeight()).isEqualTo(screen.getHeight());
    }

    @Test
    void aLongCaptionOnAHalfWidthSideShowsEveryLineWhole(FxRobot robot) {
        // lesson 12's second cue wraps to three lines on each side of a 1280x720 comparison
        Scenario lesson12 = new ShippedLessons().lessons().get(11);
        robot.interact(() -> window.show(lesson12));
        CompareModel m = open(robot);
        robot.interact(() -> {
            compare.stage().setWidth(1280);
            compare.stage().setHeight(720);
        });
        robot.interact(() -> {
            m.nextCue();
            m.nextCue();
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (String side : new String[] {"#compare-left-caption", "#compare-right-caption"}) {
            Label text = robot.lookup(side + " .caption").queryAs(Label.class);
            javafx.scene.layout.Region bar = robot.lookup(side).queryAs(javafx.scene.layout.Region.class);
            assertThat(text.getText()).startsWith("UnlockOSThread without restoring");
            double needed = text.prefHeight(text.getWidth());
            assertThat(text.getHeight()).as("%s: the label's height against what its lines need", side)
                    .isGreaterThanOrEqualTo(needed - 0.5);
            assertThat(bar.getHeight()).as("%s: the bar holds the label", side)
                    .isGreaterThanOrEqualTo(needed + bar.getInsets().getTop() + bar.getInsets().getBottom() - 0.5);
        }
    }

    @Test
    void theComparisonFollowsTheMainWindowsThemeAndTextSize(FxRobot robot) {
        open(robot);
        javafx.scene.Parent root = compare.stage().getScene().getRoot();
        assertThat(root.getStyleClass()).contains("theme-light", "text-100");
        robot.interact(() -> {
            window.windowModel().setTheme(Theme.PROJECTOR);
            window.windowModel().largerText();
        });
        assertThat(root.getStyleClass()).contains("theme-projector", "text-125").doesNotContain("theme-light",
                "text-100");
        dev.curtain.view.StageView left = robot.lookup("#compare-left-stage").queryAs(dev.curtain.view.StageView.class);
        assertThat(left.paletteProperty().get()).isEqualTo(Theme.PROJECTOR.palette());
        assertThat(left.fontScaleProperty().get()).isEqualTo(1.25);
        assertThat(compare.leftTimeline().paletteProperty().get()).isEqualTo(Theme.PROJECTOR.palette());
        // closed, it lets go of the main window's model: a later change reaches it no more
        robot.interact(() -> compare.stage().close());
        robot.interact(() -> window.windowModel().setTheme(Theme.DARK));
        assertThat(root.getStyleClass()).contains("theme-projector");
    }

    @Test
    void aLessonThatComparesVersionsOpensUnderItsTwoVersionsWithTheirDifferencesMarked(FxRobot robot) {
        CompareModel m = open(robot);
        assertThat(m.left().versionProperty().get()).isEqualTo(GoVersion.GO_1_9);
        assertThat(m.right().versionProperty().get()).isEqualTo(GoVersion.GO_1_14);
        // 1.14 (like every version from 1.10) asks the template thread for clean threads and terminates the thread
        // a locked goroutine exits on; 1.9 does neither: each place the runs part ways is marked once, where it starts
        dev.curtain.engine.Recording right = m.right().recording();
        int askTemplate = -1;
        int exit = -1;
        for (int i = 0; i < right.size(); i++) {
            dev.curtain.engine.event.Event e = right.event(i);
            if (askTemplate < 0 && e.fn() == dev.curtain.engine.event.RuntimeFunction.TEMPLATE_THREAD) {
                askTemplate = i + 1;
            }
            if (exit < 0 && e instanceof dev.curtain.engine.event.Event.ThreadExited) {
                exit = i + 1;
            }
        }
        int[] marks = m.rightDifferencesProperty().get();
        assertThat(marks).contains(askTemplate);
        int exitAt = exit;
        assertThat(java.util.Arrays.stream(marks).filter(i -> i <= exitAt && i > exitAt - 4))
                .as("the stretch around M's exit is marked").isNotEmpty();
        assertThat(marks.length).as("a marker per place they part, not per event").isLessThan(6);
        assertThat(m.leftDifferencesProperty().get()).isNotEmpty().doesNotContain(0, 1);
        assertThat(compare.leftTimeline().differencesProperty().get()).isEqualTo(m.leftDifferencesProperty().get());
        assertThat(compare.rightTimeline().differencesProperty().get()).isEqualTo(m.rightDifferencesProperty().get());
        robot.interact(() -> {
            while (m.nextCue()) {
                if (cueId(m.left()) != null && cueId(m.left()).contains("exit")) {
                    break;
                }
            }
            Screenshots.save(compare.stage().getScene(), "compare-1.9-1.14");
        });
    }

    @Test
    void whereTheTwoCaptionsDifferBothBarsAreMarkedAndEachCaptionIsWhole(FxRobot robot) {
        CompareModel m = open(robot);
        int[] same = new int[1];
        int[] differ = new int[1];
        robot.interact(() -> {
            m.restart();
            do {
                Label l = robot.lookup("#compare-left-caption .caption").queryAs(Label.class);
                Label r = robot.lookup("#compare-right-caption .caption").queryAs(Label.class);
                compare.stage().getScene().getRoot().applyCss();
                compare.stage().getScene().getRoot().layout();
                boolean d = !l.getText().equals(r.getText());
                javafx.css.PseudoClass mark = CompareWindow.CAPTIONS_DIFFER;
                assertThat(compare.captionsDiffer()).isEqualTo(d);
                assertThat(robot.lookup("#compare-left-caption").query().getPseudoClassStates().contains(mark))
                        .as("left bar marked at '%s' / '%s'", l.getText(), r.getText()).isEqualTo(d);
                assertThat(robot.lookup("#compare-right-caption").query().getPseudoClassStates().contains(mark))
                        .isEqualTo(d);
                for (Label c : List.of(l, r)) {
                    javafx.scene.text.Text shown = (javafx.scene.text.Text) c.lookup(".text");
                    assertThat(shown.getText()).as("caption shown whole").isEqualTo(c.getText());
                }
                (d ? differ : same)[0]++;
                m.stepForward();
            } while (m.left().playback().getIndex() < 120);
        });
        assertThat(differ[0]).as("steps whose captions differ between 1.9 and 1.10").isPositive();
        assertThat(same[0] + differ[0]).isGreaterThan(2);
    }

    @Test
    void byCueTheRightRunIsAtTheSameCueAsTheLeft(FxRobot robot) {
        CompareModel m = open(robot);
        robot.interact(() -> {
            m.restart();
            int checked = 0;
            while (m.nextCue()) {
                String id = cueId(m.left());
                int[] right = m.right().cueIndicesProperty().get();
                int c = m.right().getScenario().cues().stream().map(q -> q.id()).toList().indexOf(id);
                if (c >= 0 && right[c] >= 0) {
                    assertThat(m.right().playback().getIndex()).as("cue " + id).isEqualTo(right[c]);
                    checked++;
                }
            }
            assertThat(checked).isPositive();
        });
    }

    @Test
    void byTimeTheRightRunShowsItsLastEventAtOrBeforeTheLeftsTime(FxRobot robot) {
        CompareModel m = open(robot);
        robot.interact(() -> {
            m.syncProperty().unbind();
            m.syncProperty().set(CompareModel.Sync.TIME);
            m.restart();
            for (int i = 0; i < 25; i++) {
                m.stepForward();
                int li = m.left().playback().getIndex();
                long t = m.left().events().get(li - 1).timeNs();
                int ri = m.right().playback().getIndex();
                if (ri > 0) {
                    assertThat(m.right().events().get(ri - 1).timeNs()).isLessThanOrEqualTo(t);
                }
                if (ri < m.right().events().size()) {
                    assertThat(m.right().events().get(ri).timeNs()).isGreaterThan(t);
                }
            }
        });
    }

    @Test
    void pickingALessonThatComparesVersionsFromThePickerOpensTheSideBySideView(FxRobot robot) {
        Scenario lesson7 = new ShippedLessons().lessons().get(6);
        assertThat(lesson7.compare()).isNotEmpty();
        robot.interact(() -> robot.lookup("#lesson-picker").<Scenario>queryComboBox().getItems().stream()
                .filter(l -> l.title().equals(lesson7.title())).findFirst()
                .ifPresent(l -> robot.lookup("#lesson-picker").<Scenario>queryComboBox().setValue(l)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Window.getWindows().stream().filter(w -> w != window.scene().getWindow())
                .filter(w -> w instanceof Stage st && st.getTitle() != null && st.getTitle().contains(lesson7.title())))
                .as("a second window shows the lesson side by side").isNotEmpty();
    }
}
