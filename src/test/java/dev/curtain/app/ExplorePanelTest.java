package dev.curtain.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.Recording;
import dev.curtain.engine.Simulator;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.state.SchedState;
import dev.curtain.engine.state.ThreadState;
import dev.curtain.render.ThreadActivity;
import dev.curtain.scenario.Scenario;
import dev.curtain.scenario.ScenarioFiles;
import dev.curtain.view.ThreadBox;
import dev.curtain.view.model.CliExplore;
import dev.curtain.view.model.ExploreRow;
import dev.curtain.view.model.ViewerModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Explore panel in the window, headless: it counts lesson 5 over 20 seeds in the background and lists what the
 * command line lists for the same seeds, a cancel stops it, and opening a seed shows that run, seed in the toolbar.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorePanelTest {
    private static final String FILE = "scenarios/05-setns-without-lock.json";
    private final Scenario setns = ScenarioFiles.load(Path.of(FILE)).orThrow();
    private MainWindow window;
    private ViewerModel model;

    @Start
    void start(Stage stage) {
        window = WindowHarness.open(stage, ScenarioOpener.files(), 1600, 960);
        model = window.model();
    }

    private void openPanelOnLesson5(FxRobot robot) {
        robot.interact(() -> window.show(setns));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.X).release(KeyCode.X, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#explore-panel").query().isVisible()).as("Ctrl+Shift+X shows the panel").isTrue();
    }

    private static void waitUntil(BooleanSupplier done) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, done::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean running() {
        return window.exploration().runningProperty().get();
    }

    /** Each drawn row of the table as the user reads it: "SECTION: share what", from the cells' own text. */
    private static List<String> shownRows(TableView<ExploreRow> table) {
        List<String> out = new ArrayList<>();
        for (Node n : table.lookupAll(".table-row-cell")) {
            TableRow<?> row = (TableRow<?>) n;
            if (row.isEmpty() || row.getItem() == null || !row.isVisible()) {
                continue;
            }
            ExploreRow item = (ExploreRow) row.getItem();
            String share = null;
            String what = null;
            for (Node c : row.lookupAll(".table-cell")) {
                TableCell<?, ?> cell = (TableCell<?, ?>) c;
                String id = cell.getTableColumn().getId();
                if ("explore-col-share".equals(id)) {
                    share = cell.getText();
                } else if ("explore-col-what".equals(id)) {
                    VBox box = (VBox) cell.getGraphic();
                    what = ((Text) box.getChildren().get(1)).getText();
                    assertThat(((Labeled) box.getChildren().get(0)).getText()).as("the row says what kind it is")
                            .isEqualTo(item.kind());
                }
            }
            out.add(item.section() + ": " + share + " " + what);
        }
        return out;
    }

    @Test
    void twentySeedsOfLesson5ListWhatTheCommandLineCountsForTheSameSeeds(FxRobot robot) throws Exception {
        openPanelOnLesson5(robot);
        robot.clickOn("#explore-run");
        waitUntil(() -> !running());
        TableView<ExploreRow> table = robot.lookup("#explore-table").queryTableView();
        robot.interact(() -> Screenshots.save(window.scene(), "explore-panel-lesson-5"));
        List<String> cli = CliExplore.tallies(FILE, "--runs", "20");
        assertThat(CliExplore.tallies(table.getItems())).containsExactlyInAnyOrderElementsOf(cli);
        List<String> shown = shownRows(table);
        assertThat(shown).hasSizeGreaterThanOrEqualTo(Math.min(6, cli.size()));
        assertThat(cli).containsAll(shown);
        assertThat(shown).anyMatch(r -> !r.contains(": 100% ") && !r.contains(": 0% "));
        long seed = setns.options().seed();
        assertThat(robot.lookup("#explore-status").queryAs(Label.class).getText())
                .contains("20 runs", "seeds " + seed + "–" + (seed + 19));
        assertThat(robot.lookup("#explore-progress").query().isVisible()).isFalse();
    }

    @Test
    void cancelStopsTheRunsAndKeepsWhatWasCounted(FxRobot robot) throws Exception {
        openPanelOnLesson5(robot);
        Spinner<Integer> runs = robot.lookup("#explore-runs").query();
        robot.interact(() -> runs.getValueFactory().setValue(10_000));
        robot.clickOn("#explore-run");
        waitUntil(() -> window.exploration().progressProperty().get() > 0);
        assertThat(robot.lookup("#explore-progress").query().isVisible()).isTrue();
        robot.interact(() -> Screenshots.save(window.scene(), "explore-panel-running"));
        assertThat(robot.lookup("#explore-run").queryButton().isDisabled()).isTrue();
        robot.clickOn("#explore-cancel");
        waitUntil(() -> !running());
        String status = robot.lookup("#explore-status").queryAs(Label.class).getText();
        assertThat(status).startsWith("Cancelled after").contains("of 10,000 runs");
        TableView<ExploreRow> table = robot.lookup("#explore-table").queryTableView();
        assertThat(table.getItems()).isNotEmpty();
        int counted = table.getItems().get(0).total();
        assertThat(counted).isBetween(1, 9_999);
        assertThat(status).contains(String.format("Cancelled after %,d of", counted));
        assertThat(robot.lookup("#explore-run").queryButton().isDisabled()).isFalse();
    }

    @Test
    void openingASeedWhereItDidNotHappenShowsThatRunWithItsSeedInTheToolbar(FxRobot robot) throws Exception {
        openPanelOnLesson5(robot);
        robot.interact(() -> model.playback().toEnd());
        robot.clickOn("#explore-run");
        waitUntil(() -> !running());
        TableView<ExploreRow> table = robot.lookup("#explore-table").queryTableView();
        ExploreRow sometimes = table.getItems().stream()
                .filter(r -> r.section() == dev.curtain.scenario.Exploration.Section.OBSERVATIONS
                        && r.seedWhereNot() != null)
                .findFirst().orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(sometimes));
        Button whereNot = robot.lookup("#explore-open-where-not").queryButton();
        assertThat(whereNot.getText()).contains("seed " + sometimes.seedWhereNot());
        robot.clickOn(whereNot);
        WaitForAsyncUtils.waitForFxEvents();

        long seed = sometimes.seedWhereNot();
        assertThat(model.getScenario().options().seed()).isEqualTo(seed);
        Spinner<Long> toolbarSeed = robot.lookup("#seed").query();
        assertThat(toolbarSeed.getEditor().getText()).isEqualTo(Long.toString(seed));
        assertThat(window.windowModel().getSeed()).isEqualTo(seed);
        // re-anchored like an option change: at the end it stays at the end
        assertThat(model.playback().getIndex()).isEqualTo(model.playback().getSize());

        Recording expected = Simulator.run(setns.program(), setns.options().withSeed(seed));
        assertThat(model.recording().size()).isEqualTo(expected.size());
        assertThat(expected.events().stream().filter(e -> e instanceof Event.ObservationMade).count())
                .isPositive();
        SchedState end = expected.stateAt(expected.size());
        for (ThreadState t : end.threads()) {
            if (t.alive()) {
                ThreadBox box = window.stageView().threadBox(t.id());
                assertThat(box.isVisible()).as("M%d on stage", t.id()).isTrue();
                assertThat(box.activity()).as("M%d activity", t.id())
                        .isEqualTo(ThreadActivity.of(t, end.gomaxprocs()));
                assertThat(box.getPseudoClassStates().contains(ThreadBox.DIVERGED)).as("M%d red", t.id())
                        .isEqualTo(!end.diverged(t.id()).isEmpty());
            }
        }
        // the panel still lists the twenty runs it counted
        assertThat(table.getItems()).contains(sometimes);
    }

    @Test
    void theToolbarsSeedArrowRunsTheNextSeedAndTheMenuFollows(FxRobot robot) {
        robot.interact(() -> window.show(setns));
        long seed = setns.options().seed();
        Spinner<Long> toolbarSeed = robot.lookup("#seed").query();
        robot.interact(() -> toolbarSeed.increment());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.getScenario().options().seed()).isEqualTo(seed + 1);
        assertThat(window.windowModel().getSeed()).isEqualTo(seed + 1);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.getScenario().options().seed()).isEqualTo(seed + 2);
        assertThat(toolbarSeed.getEditor().getText()).isEqualTo(Long.toString(seed + 2));
    }
}
