package dev.curtain.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.Recording;
import dev.curtain.engine.Simulator;
import dev.curtain.engine.state.Property;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadState;
import dev.curtain.render.StageGeometry;
import dev.curtain.scenario.Scenario;
import dev.curtain.view.InspectorView;
import dev.curtain.view.ThreadBox;
import dev.curtain.view.model.Playback;
import dev.curtain.view.model.ViewerModel;
import java.nio.file.Path;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole window, headless: every control and key, step back, divergence, bad files. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static final Path BROKEN = Path.of("broken.json");
    private static final List<String> ERRORS = List.of("broken.json:3:14: unknown op \"sleepp\"",
            "broken.json:9:5: cue \"x\" matches no event kind \"Foo\"; the kinds are GoroutineCreated, GoroutineStarted,"
                    + " GoroutineParked, ThreadCloned, ThreadParked, ThreadExited, ProcessorRetaken and 24 more");

    private MainWindow window;
    private ViewerModel model;
    private Playback pb;

    @Start
    void start(Stage stage) {
        ScenarioOpener opener = file -> file.equals(BROKEN) ? ScenarioOpener.Result.failed(ERRORS)
                : ScenarioOpener.Result.of(TestScenarios.setnsOnLockedThread());
        window = WindowHarness.open(stage, opener, 1600, 960);
        model = window.model();
        pb = model.playback();
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != window.scene().getWindow() && w instanceof Stage s
                        && s.getScene().getRoot() instanceof DialogPane) {
                    s.close();
                }
            }
        });
    }

    /**
     * Lesson 11 is a Go 1.16 file, simulated with the Go 1.14 profile: the picker says "Go 1.16", as the file does,
     * its tooltip names the profile, and showing it re-simulates nothing.
     */
    @Test
    void thePickerShowsTheLessonsOwnReleaseAndTheProfileItRunsWith(FxRobot robot) {
        Scenario lesson = new ShippedLessons().lessons().stream()
                .filter(l -> l.options().version().equals(dev.curtain.engine.GoVersion.parse("1.16")))
                .findFirst().orElseThrow();
        robot.interact(() -> window.show(lesson));
        ComboBox<dev.curtain.engine.GoVersion> version = robot.lookup("#version-picker").queryComboBox();
        assertThat(version.getConverter().toString(version.getValue())).isEqualTo("Go 1.16");
        assertThat(version.getTooltip().getText()).contains("Go 1.14 profile");
        assertThat(model.versionProperty().get()).isEqualTo(dev.curtain.engine.GoVersion.parse("1.16"));
    }

    @Test
    void aLessonOpensOnItsTitleCardAndTheFirstKeyBegins(FxRobot robot) {
        robot.interact(() -> window.show(ShippedLessons.first()));
        assertThat(pb.getIndex()).isZero();
        assertThat(robot.lookup("#lesson-card").query().isVisible()).isTrue();
        assertThat(robot.lookup("#lesson-card-title").queryAs(Label.class).getText())
                .isEqualTo(ShippedLessons.first().title());
        assertThat(robot.lookup("#lesson-card-description").queryAs(Label.class).getText())
                .isEqualTo(ShippedLessons.first().description());
        assertThat(robot.lookup("#lesson-card-hint").queryAs(Label.class).getText()).contains("→").contains("Space");
        robot.type(javafx.scene.input.KeyCode.RIGHT);
        assertThat(pb.getIndex()).isEqualTo(1);
        assertThat(robot.lookup("#lesson-card").query().isVisible()).isFalse();
        robot.type(javafx.scene.input.KeyCode.HOME);
        assertThat(robot.lookup("#lesson-card").query().isVisible()).isTrue();
    }

    @Test
    void theGuideExplainsTheStageAndAnyKeyDismissesItWithoutStepping(FxRobot robot) {
        int before = pb.getIndex();
        robot.interact(() -> window.showGuide());
        assertThat(robot.lookup("#stage-guide").query().isVisible()).isTrue();
        assertThat(robot.lookup(".guide-what").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(t -> t.startsWith("G ")).anyMatch(t -> t.startsWith("P ")).anyMatch(t -> t.startsWith("M "))
                .contains("Global run queue", "In a system call", "Idle threads", "Locked to their G");
        robot.type(javafx.scene.input.KeyCode.RIGHT);
        assertThat(robot.lookup("#stage-guide").query().isVisible()).isFalse();
        assertThat(pb.getIndex()).isEqualTo(before);
        robot.type(javafx.scene.input.KeyCode.F1);
        assertThat(robot.lookup("#stage-guide").query().isVisible()).isTrue();
        robot.clickOn("#guide-close");
        assertThat(robot.lookup("#stage-guide").query().isVisible()).isFalse();
    }

    @Test
    void helpHasTheGuideTheShortcutsAndAnAboutWithTheVersion(FxRobot robot) {
        javafx.scene.control.MenuBar bar = robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.Menu help = bar.getMenus().stream().filter(m -> m.getText().equals("Help"))
                .findFirst().orElseThrow();
        assertThat(help.getItems()).filteredOn(i -> i.getText() != null).extracting(i -> i.getText())
                .containsExactly("How to Read the Stage", "Keyboard Shortcuts", "About Curtain");
        assertThat(help.getItems()).noneMatch(javafx.scene.control.MenuItem::isDisable);
        assertThat(HelpDialogs.SHORTCUTS).extracting(k -> k[0])
                .contains("Space", "Right, PageDown", "Left, PageUp", "F5", "Ctrl+K", "F1");
        robot.interact(() -> help.getItems().stream().filter(i -> "About Curtain".equals(i.getText()))
                .findFirst().orElseThrow().fire());
        DialogPane about = Window.getWindows().stream().filter(w -> w instanceof Stage && w.isShowing()
                && w.getScene().getRoot() instanceof DialogPane).map(w -> (DialogPane) w.getScene().getRoot())
                .findFirst().orElseThrow();
        assertThat(about.getHeaderText()).startsWith("Curtain ").isNotEqualTo("Curtain ");
    }

    @Test
    void opensTheDefaultLessonReadyToPlay(FxRobot robot) {
        assertThat(robot.lookup("#caption").queryAs(Label.class).getText()).isNotBlank();
        assertThat(((Stage) window.scene().getWindow()).getTitle()).isEqualTo(ShippedLessons.first().title() + " — Curtain");
        assertThat(pb.isPlaying()).isFalse();
        assertThat(pb.getIndex()).isPositive();
        assertThat(window.stageView().threadBox(0)).isNotNull();
        assertThat(window.stageView().threadBox(0).isVisible()).isTrue();
        assertThat(robot.lookup("#thread-table").queryTableView().getItems()).isNotEmpty();
        assertThat(robot.lookup("#source").queryListView().getItems()).isNotEmpty();
        assertThat(robot.lookup("#event-log").queryListView().getItems()).hasSize(pb.getSize());
    }

    @Test
    void toolbarButtonsStepPlayAndRestart(FxRobot robot) {
        int start = pb.getIndex();
        robot.clickOn("#step-forward");
        assertThat(pb.getIndex()).isEqualTo(start + 1);
        robot.clickOn("#step-back");
        assertThat(pb.getIndex()).isEqualTo(start);
        robot.clickOn("#play");
        assertThat(pb.isPlaying()).isTrue();
        robot.clickOn("#play");
        assertThat(pb.isPlaying()).isFalse();
        robot.clickOn("#restart");
        assertThat(pb.getIndex()).isZero();
    }

    @Test
    void keyboardDrivesPlaybackLikeAClicker(FxRobot robot) {
        int start = pb.getIndex();
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.PAGE_DOWN);
        assertThat(pb.getIndex()).isEqualTo(start + 2);
        robot.type(KeyCode.LEFT);
        assertThat(pb.getIndex()).isEqualTo(start + 1);
        robot.type(KeyCode.PAGE_UP);
        assertThat(pb.getIndex()).isEqualTo(start);
        robot.type(KeyCode.END);
        assertThat(pb.getIndex()).isEqualTo(pb.getSize());
        robot.type(KeyCode.HOME);
        assertThat(pb.getIndex()).isZero();
        robot.type(KeyCode.SPACE);
        assertThat(pb.isPlaying()).isTrue();
        robot.type(KeyCode.SPACE);
        assertThat(pb.isPlaying()).isFalse();
        robot.type(KeyCode.ADD);
        assertThat(pb.getSpeed()).isEqualTo(2);
        robot.type(KeyCode.MINUS);
        robot.type(KeyCode.SUBTRACT);
        assertThat(pb.getSpeed()).isEqualTo(0.5);
    }

    @Test
    void speedPickerSetsPlaybackSpeed(FxRobot robot) {
        robot.interact(() -> robot.lookup("#speed").<Double>queryComboBox().setValue(4.0));
        robot.interact(() -> robot.lookup("#speed").<Double>queryComboBox().getOnAction().handle(null));
        assertThat(pb.getSpeed()).isEqualTo(4);
    }

    @Test
    void draggingTheTimelineSeeks(FxRobot robot) {
        Node t = robot.lookup("#timeline").query();
        robot.moveTo(t).moveBy(-t.getBoundsInLocal().getWidth() / 2 + 14, 0).press(javafx.scene.input.MouseButton.PRIMARY)
                .moveBy(t.getBoundsInLocal().getWidth() - 28, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        assertThat(pb.getIndex()).isEqualTo(pb.getSize());
        robot.moveTo(t).clickOn(javafx.scene.input.MouseButton.PRIMARY);
        assertThat(pb.getIndex()).isBetween(pb.getSize() / 2 - 2, pb.getSize() / 2 + 2);
    }

    @Test
    void clickingALogRowSeeksThere(FxRobot robot) {
        ListView<?> log = robot.lookup("#event-log").queryListView();
        robot.interact(() -> log.scrollTo(0));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListCell<dev.curtain.engine.event.Event> row =
                robot.lookup("#event-log .log-row").nth(2).queryAs(javafx.scene.control.ListCell.class);
        int seq = row.getItem().seq();
        robot.clickOn(row, javafx.scene.input.MouseButton.PRIMARY);
        assertThat(pb.getIndex()).isEqualTo(seq + 1);
    }

    @Test
    void stepBackShowsExactlyTheEnginesState(FxRobot robot) {
        Scenario s = model.getScenario();
        Recording rec = Simulator.run(s.program(), s.options());
        for (int i = 0; i < 12; i++) {
            robot.type(KeyCode.RIGHT);
        }
        for (int i = 0; i < 5; i++) {
            robot.type(KeyCode.LEFT);
        }
        int at = pb.getIndex();
        SchedState expected = rec.stateAt(at);
        StageGeometry geo = window.stageView().geometry();
        for (ThreadState t : expected.threads()) {
            ThreadBox box = window.stageView().threadBox(t.id());
            if (t.alive()) {
                assertThat(box.isVisible()).as("M%d on stage", t.id()).isTrue();
                assertThat(box.getPseudoClassStates()).as("M%d state", t.id())
                        .contains(PseudoClass.getPseudoClass(t.state().key()));
                assertThat(box.getLayoutX()).isEqualTo(geo.mBox[t.id()].x());
            }
        }
        for (int g = 1; g < expected.goroutines().size(); g++) {
            assertThat(model.getState().goroutines().place(g)).isEqualTo(expected.goroutines().place(g));
        }
        assertThat(robot.lookup("#thread-table").queryTableView().getItems()).hasSize(expected.threads().size());
    }

    @Test
    void aDivergedPropertyTurnsItsCellAndBadgeRed(FxRobot robot) {
        robot.interact(() -> window.open(Path.of("setns.json")));
        robot.interact(() -> model.nextCue());
        WaitForAsyncUtils.waitForFxEvents();
        ThreadBox m0 = window.stageView().threadBox(0);
        PseudoClass diverged = PseudoClass.getPseudoClass("diverged");
        assertThat(m0.getPseudoClassStates()).contains(diverged);
        assertThat(m0.badge(Property.NETNS).getPseudoClassStates()).contains(diverged);
        assertThat(m0.badge(Property.UID).getPseudoClassStates()).doesNotContain(diverged);
        TableCell<?, ?> netns = robot.lookup(".property-netns").match(n -> n instanceof TableCell<?, ?> c
                && c.getTableRow() != null && c.getTableRow().getIndex() == 0).queryAs(TableCell.class);
        assertThat(netns.getText()).isEqualTo("container");
        assertThat(netns.getPseudoClassStates()).contains(InspectorView.DIVERGED);
        TableCell<?, ?> uid = robot.lookup(".property-uid").match(n -> n instanceof TableCell<?, ?> c
                && c.getTableRow() != null && c.getTableRow().getIndex() == 0).queryAs(TableCell.class);
        assertThat(uid.getPseudoClassStates()).doesNotContain(InspectorView.DIVERGED);
    }

    @Test
    void aDivergedPropertysColumnComesRightAfterTheStateAndGoesBackWhenNoThreadDiffers(FxRobot robot) {
        // in a narrow panel the table scrolls sideways: the red column must not sit out of sight at its end
        robot.interact(() -> window.open(Path.of("setns.json")));
        TableView<?> table = robot.lookup("#thread-table").queryTableView();
        assertThat(table.getColumns().get(2).getId()).isEqualTo("col-uid");
        robot.interact(() -> model.nextCue());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getColumns().get(2).getId()).isEqualTo("col-netns");
        assertThat(table.getColumns().get(3).getId()).as("the rest keep their order").isEqualTo("col-uid");
        assertThat(table.getColumns()).hasSize(2 + Property.values().length);
        robot.interact(() -> pb.seek(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getColumns().get(2).getId()).isEqualTo("col-uid");
    }

    @Test
    void aBrokenFileListsEveryErrorAndKeepsTheScenario(FxRobot robot) {
        Scenario before = model.getScenario();
        int at = pb.getIndex();
        robot.interact(() -> window.open(BROKEN));
        DialogPane pane = robot.lookup(".open-errors-dialog").queryAs(DialogPane.class);
        ListView<String> list = robot.from(pane).lookup("#error-list").queryListView();
        assertThat(list.getItems()).containsExactlyElementsOf(ERRORS);
        // every error shown whole: wrapped, never cut or behind a sideways scrollbar
        robot.interact(() -> {
            pane.applyCss();
            pane.layout();
        });
        List<javafx.scene.text.Text> shown = robot.from(list).lookup(".error-cell .text")
                .queryAllAs(javafx.scene.text.Text.class).stream().filter(t -> !t.getText().isEmpty()).toList();
        assertThat(shown).extracting(javafx.scene.text.Text::getText).containsExactlyInAnyOrderElementsOf(ERRORS);
        java.util.Set<Node> bars = robot.from(list).lookup(".scroll-bar").queryAll();
        assertThat(bars.stream().filter(b -> b instanceof ScrollBar sb
                && sb.getOrientation() == javafx.geometry.Orientation.HORIZONTAL)).noneMatch(Node::isVisible);
        assertThat(pane.getHeaderText()).contains("2 errors");
        assertThat(model.getScenario()).isSameAs(before);
        assertThat(pb.getIndex()).isEqualTo(at);
    }

    @Test
    void anOpenedFileGoesIntoTheRecentMenu(FxRobot robot) {
        robot.interact(() -> window.open(Path.of("setns.json")));
        assertThat(model.getScenario().title()).isEqualTo("setns on a locked thread");
        assertThat(window.recentMenu().getItems()).anyMatch(i -> i.getText() != null
                && i.getText().startsWith("setns.json"));
    }

    @Test
    void aSchedtraceLogOpensAsAReplayWithReadOnlyPickers(FxRobot robot) throws Exception {
        Path log = Path.of("src/test/resources/schedtrace/syscalls-p2-detail.log");
        robot.interact(() -> window.open(log));
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> model.importedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.getScenario().title()).isEqualTo("syscalls-p2-detail.log");
        assertThat(model.getState().gomaxprocs()).isEqualTo(2);
        assertThat(robot.lookup("#version-picker").queryComboBox().isDisabled()).isTrue();
        assertThat(robot.lookup("#gomaxprocs").query().isDisabled()).isTrue();
        javafx.scene.control.MenuButton export = robot.lookup("#export").queryAs(javafx.scene.control.MenuButton.class);
        assertThat(export.getItems()).as("a replay is not re-simulated, but its trace can be written")
                .extracting(javafx.scene.control.MenuItem::isDisable).containsExactly(true, true, false);
        assertThat(model.cueIndicesProperty().get()).as("one timeline marker per SCHED block").isNotEmpty();
        assertThat(window.recentMenu().getItems()).anyMatch(i -> i.getText() != null
                && i.getText().startsWith("syscalls-p2-detail.log"));
        robot.interact(() -> window.open(Path.of("setns.json")));
        assertThat(model.importedProperty().get()).isFalse();
        assertThat(robot.lookup("#version-picker").queryComboBox().isDisabled()).isFalse();
    }

    @Test
    void aGoExecutionTraceOpensAsAReplayOfItsOwnVersionAndProcs(FxRobot robot) throws Exception {
        Path trace = Path.of("src/test/resources/gotrace/chan-go1.23.trace");
        robot.interact(() -> window.open(trace));
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> model.importedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.getScenario().title()).isEqualTo("chan-go1.23.trace");
        assertThat(model.getScenario().description()).contains("Go 1.23 execution trace");
        assertThat(model.getState().gomaxprocs()).isEqualTo(4);
        assertThat(robot.lookup("#version-picker").queryComboBox().isDisabled()).isTrue();
        assertThat(robot.lookup("#gomaxprocs").query().isDisabled()).isTrue();
    }

    @Test
    void anUncaughtExceptionShowsADialogAndTheWindowLives(FxRobot robot) {
        robot.interact(() -> CurtainApp.installCrashDialog(window));
        robot.interact(() -> Thread.getDefaultUncaughtExceptionHandler()
                .uncaughtException(Thread.currentThread(), new IllegalStateException("test failure")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".exception-dialog").tryQuery()).isPresent();
        assertThat(window.scene().getWindow().isShowing()).isTrue();
        robot.interact(() -> Thread.setDefaultUncaughtExceptionHandler(null));
    }

    @Test
    void changingVersionAndGomaxprocsResimulates(FxRobot robot) {
        robot.interact(() -> robot.lookup("#version-picker").<dev.curtain.engine.GoVersion>queryComboBox()
                .setValue(dev.curtain.engine.GoVersion.GO_1_9));
        robot.interact(() -> robot.lookup("#version-picker").<dev.curtain.engine.GoVersion>queryComboBox()
                .getOnAction().handle(null));
        assertThat(model.getState().version()).isEqualTo("1.9");
        robot.clickOn("#gomaxprocs .increment-arrow-button");
        assertThat(model.getState().gomaxprocs()).isEqualTo(2);
        assertThat(model.getState().version()).isEqualTo("1.9");
        assertThat(window.stageView().geometry().lanes).hasSize(2);
        assertThat(robot.lookup("#lesson-picker").queryComboBox().getValue()).isNotNull();
        // opening another scenario moves the pickers without re-simulating it under the old settings
        robot.interact(() -> window.open(Path.of("setns.json")));
        robot.interact(() -> model.playback().seek(ViewerModel.openingIndex(model.recording())));
        assertThat(model.getState().gomaxprocs()).isEqualTo(2);
        assertThat(model.getState().version()).isEqualTo("1.10");
        assertThat(model.getScenario().options().version().toString()).isEqualTo("1.10");
    }

    @Test
    void clickingATokenSelectsTheGoroutine(FxRobot robot) {
        StageGeometry geo = window.stageView().geometry();
        Node stage = robot.lookup("#stage").query();
        var b = stage.localToScreen(stage.getBoundsInLocal());
        robot.clickOn(b.getMinX() + geo.gx[1], b.getMinY() + geo.gy[1]);
        assertThat(model.selectionProperty().get()).hasToString("G1");
        assertThat(robot.lookup("#selection-title").queryAs(Label.class).getText()).startsWith("G1");
        robot.clickOn(window.stageView().threadBox(0), javafx.scene.input.MouseButton.PRIMARY);
        assertThat(model.selectionProperty().get()).hasToString("M0");
    }

    @Test
    void theLastStepsThreadIsHighlightedAfterEachStep(FxRobot robot) {
        for (int i = 0; i < 10; i++) {
            robot.type(KeyCode.RIGHT);
            var last = model.lastEventProperty().get();
            for (int m = 0; m < model.getState().threads().size(); m++) {
                ThreadBox box = window.stageView().threadBox(m);
                if (box != null && box.isVisible()) {
                    assertThat(box.getPseudoClassStates().contains(ThreadBox.CHANGED))
                            .as("M%d after %s", m, last).isEqualTo(last.m() == m
                                    || last instanceof dev.curtain.engine.event.Event.ThreadCloned c && c.creator() == m);
                }
            }
        }
    }

    @Test
    void themesAndTextSizesSwitchTheRootStyle(FxRobot robot) {
        robot.interact(() -> window.setTheme(Theme.PROJECTOR));
        assertThat(window.scene().getRoot().getStyleClass()).contains("theme-projector");
        assertThat(window.stageView().paletteProperty().get().name()).isEqualTo("projector");
        robot.interact(() -> window.setTextSize(150));
        assertThat(window.scene().getRoot().getStyleClass()).contains("text-150").doesNotContain("text-100");
    }
}
