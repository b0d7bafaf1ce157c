package dev.curtain.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToolBar;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Larger Text on a 1280x720 projector: every toolbar control is on the bar, whole and not blank, or in the bar's
 * overflow menu; the labels shorten before anything overflows.
 */
@ExtendWith(ApplicationExtension.class)
class ToolbarAtLargeTextTest {
    private static final List<String> CONTROLS = List.of("open", "lesson-picker", "version-picker",
            "gomaxprocs-label", "gomaxprocs", "seed-label", "seed", "restart", "step-back", "play", "step-forward", "speed", "compare",
            "export", "present", "status");

    private MainWindow window;
    private Stage stage;
    private ToolBar bar;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = WindowHarness.open(stage, ScenarioOpener.files(), 1280, 720);
    }

    private void at(FxRobot robot, int width, int height, int textSize) {
        robot.interact(() -> {
            // at the screen's corner: a window reaching past the headless screen's edge overflows its buffer
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
            window.setTextSize(textSize);
        });
        // the bar fits itself after the CSS pass the change starts, then sorts its overflow in the next layout
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            window.scene().getRoot().applyCss();
            window.scene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.scene().getRoot().layout());
        bar = robot.lookup("#toolbar").queryAs(ToolBar.class);
    }

    private Node item(String id) {
        return bar.getItems().stream().filter(n -> id.equals(n.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no toolbar item " + id));
    }

    /** On the bar (not in the overflow menu), inside the window. */
    private boolean onTheBar(Node n) {
        if (n.getScene() != window.scene() || !n.isVisible()) {
            return false;
        }
        Bounds b = n.localToScene(n.getLayoutBounds());
        return b.getMaxX() <= window.scene().getWidth() + 0.5;
    }

    /** Whole: as wide as it asks to be; a label shows its whole text, a picker and the spinner a value. */
    private static void assertWhole(Node n, String where) {
        String id = n.getId();
        if (n instanceof Control c) {
            // the lesson picker takes a share of the bar and cuts a long title short (its list shows it whole)
            double least = "lesson-picker".equals(id) ? c.getMinWidth() : c.prefWidth(-1);
            assertThat(c.getWidth()).as("%s: %s is squeezed", where, id).isGreaterThanOrEqualTo(least - 0.5);
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            Text shown = (Text) l.lookup(".text");
            assertThat(shown.getText()).as("%s: %s is cut", where, id).isEqualTo(l.getText());
        }
        if (n instanceof ComboBox<?> c) {
            assertThat(c.getValue()).as("%s: %s is blank", where, id).isNotNull();
        }
        if (n instanceof Spinner<?> s) {
            assertThat(s.getEditor().getText()).as("%s: %s is blank", where, id).isNotBlank();
            assertThat(s.getEditor().getWidth()).as("%s: %s's number has no room", where, id)
                    .isGreaterThan(s.getEditor().getFont().getSize());
        }
    }

    @Test
    void atEveryTextSizeAndScreenEveryControlIsWholeOnTheBarOrInItsOverflowMenu(FxRobot robot) {
        for (int[] screen : new int[][] {{1920, 1080}, {1280, 720}}) {
            for (int size : WindowModel.TEXT_SIZES) {
                at(robot, screen[0], screen[1], size);
                String where = screen[0] + "x" + screen[1] + " at " + size + "%";
                robot.interact(() -> Screenshots.save(window.scene(), "toolbar-" + screen[0] + "x" + screen[1]
                        + "-text" + size));
                List<String> overflowed = CONTROLS.stream().filter(id -> !onTheBar(item(id))).toList();
                for (String id : CONTROLS) {
                    if (!overflowed.contains(id)) {
                        assertWhole(item(id), where);
                    }
                }
                assertThat(onTheBar(item("status"))).as("%s: the event counter stays on the bar", where).isTrue();
                if (size == 100) {
                    assertThat(overflowed).as(where).isEmpty();
                    assertThat(((Labeled) item("gomaxprocs-label")).getText()).isEqualTo(MainToolBar.PROCS_LABEL);
                }
                if (!overflowed.isEmpty()) {
                    // the overflow menu holds the rest, whole, a click away
                    Node more = bar.lookup(".tool-bar-overflow-button");
                    assertThat(more).isNotNull();
                    assertThat(more.isVisible()).as(where).isTrue();
                    robot.clickOn(more);
                    WaitForAsyncUtils.waitForFxEvents();
                    for (String id : overflowed) {
                        Node n = item(id);
                        assertThat(n.getScene()).as("%s: %s in the overflow menu", where, id).isNotNull();
                        assertThat(n.getScene().getWindow().isShowing()).isTrue();
                        assertWhole(n, where + " (overflow menu)");
                    }
                    robot.interact(() -> Screenshots.save(window.scene(), "toolbar-" + screen[0] + "x" + screen[1]
                            + "-text" + size + "-overflow"));
                    robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
                    WaitForAsyncUtils.waitForFxEvents();
                }
            }
        }
    }

    /**
     * The stage keeps below the toolbar at every text size (at 200% on a 1280x720 projector its least height once
     * pushed it up under the bar), and the inspector's parts do not run over each other (it scrolls instead).
     */
    @Test
    void atEveryTextSizeAndScreenTheStageIsBelowTheToolbarAndTheInspectorsPartsApart(FxRobot robot) {
        for (int[] screen : new int[][] {{1920, 1080}, {1280, 720}}) {
            for (int size : WindowModel.TEXT_SIZES) {
                at(robot, screen[0], screen[1], size);
                String where = screen[0] + "x" + screen[1] + " at " + size + "%";
                Bounds stageView = scene(window.stageView());
                assertThat(stageView.getMinY()).as("%s: the stage's top", where)
                        .isGreaterThanOrEqualTo(scene(bar).getMaxY() - 0.5);
                assertThat(stageView.getHeight()).as("%s: the stage's height", where).isGreaterThan(100);
                Node table = robot.lookup("#thread-table").query();
                Node legend = robot.lookup(".inspector-legend").query();
                assertThat(scene(legend).getMinY()).as("%s: the inspector's legend under its table", where)
                        .isGreaterThanOrEqualTo(scene(table).getMaxY() - 0.5);
            }
        }
    }

    private static Bounds scene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }
}
