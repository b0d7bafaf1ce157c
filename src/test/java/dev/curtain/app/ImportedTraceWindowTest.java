package dev.curtain.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.engine.Recording;
import dev.curtain.engine.event.Event;
import dev.curtain.engine.event.Event.GoroutineParked;
import dev.curtain.importer.ImportFacts;
import dev.curtain.importer.ImportResult;
import dev.curtain.importer.KeyframeMark;
import dev.curtain.importer.LogImport;
import dev.curtain.importer.ProgressListener;
import dev.curtain.view.EventDetailsView;
import dev.curtain.view.model.ImportedRun;
import dev.curtain.view.model.ViewerModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real Go 1.23 trace in the window, headless at 1280x720: the step on show has its stack in the inspector, the
 * stage and the panels name goroutines and threads by the trace's own ids, what the import made up is marked as
 * inferred, and the version picker says the trace's release.
 */
@ExtendWith(ApplicationExtension.class)
class ImportedTraceWindowTest {
    private static final Path TRACE = Path.of("src/test/resources/gotrace/mixed-go1.23.trace");
    private static final Path LOG = Path.of("src/test/resources/schedtrace/syscalls-go123-p2-detail.log");
    /**
     * What Go 1.23's {@code go tool trace -d=1} printed for goroutine 23's first block in that trace, its files'
     * folders shortened (those of the machine that captured it): stacks are compared by function, file and line.
     */
    private static final Path GO_PRINTED = Path.of("src/test/resources/gotrace/mixed-go1.23.g23-block.txt");

    private MainWindow window;
    private ViewerModel model;

    @Start
    void start(Stage stage) {
        window = WindowHarness.open(stage, file -> ScenarioOpener.Result.of(TestScenarios.setnsOnLockedThread()),
                1280, 720);
        model = window.model();
    }

    private ImportResult open(FxRobot robot, Path file) throws IOException {
        ImportResult r = LogImport.read(file, ProgressListener.NONE);
        robot.interact(() -> model.openRecording(ImportedRun.describe(file, r), r.recording(), r.openingIndex(),
                r.facts()));
        return r;
    }

    /** The first step where goroutine 23 (a worker of channels()) blocks on its channel. */
    private static int workerBlocks(ImportResult r) {
        Recording rec = r.recording();
        for (int i = 0; i < rec.size(); i++) {
            Event e = rec.event(i);
            if (e instanceof GoroutineParked && r.facts().goid(e.g()) == 23) {
                return i;
            }
        }
        throw new AssertionError("goroutine 23 never blocks in " + TRACE);
    }

    /** The stack Go printed for that event ("\tfn @ 0xpc", "\t\tfile:line"), as the inspector prints it. */
    private static String goPrintedStack() throws IOException {
        List<String> lines = Files.readAllLines(GO_PRINTED);
        StringBuilder out = new StringBuilder();
        for (String l : lines.subList(lines.indexOf("TransitionStack=") + 1, lines.size())) {
            if (l.startsWith("\t\t")) {
                out.append("\n\t").append(l.substring(2));
            } else if (l.startsWith("\t")) {
                out.append(out.length() == 0 ? "" : "\n").append(l.substring(1, l.indexOf(" @ ")));
            }
        }
        return out.toString();
    }

    /** A stack with each frame's file reduced to its name and line (chan.go:494): folders differ between machines. */
    private static String fileNames(String stack) {
        return stack.replaceAll("(?m)^\t.*/([^/]+:\\d+)$", "\t$1");
    }

    @Test
    void theStepChosenInTheEventLogShowsTheStackTheTraceRecorded(FxRobot robot) throws IOException {
        ImportResult r = open(robot, TRACE);
        int i = workerBlocks(r);
        robot.interact(() -> model.seekToEvent(i));
        ListView<?> log = robot.lookup("#event-log").queryAs(ListView.class);
        assertThat(log.getSelectionModel().getSelectedIndex()).isEqualTo(i);
        String stack = robot.lookup("#event-stack").queryAs(TextArea.class).getText();
        assertThat(stack).isEqualTo(r.traceStacks().at(i));
        assertThat(fileNames(stack)).isEqualTo(fileNames(goPrintedStack()));
        assertThat(stack).startsWith("runtime.chanrecv2\n").contains("main.channels.func1\n");
        EventDetailsView details = robot.lookup("#event-details").queryAs(EventDetailsView.class);
        assertThat(details.isVisible()).isTrue();
        assertThat(details.stackText()).isEqualTo(stack);
        assertThat(robot.lookup("#event-details-origin").queryAs(Label.class).getText()).startsWith("observed");
        robot.interact(() -> Screenshots.save(window.scene(), "trace-stack-1280x720"));

    }

    @Test
    void tokensBoxesAndTextCarryTheTracesOwnIds(FxRobot robot) throws IOException {
        ImportResult r = open(robot, TRACE);
        int i = workerBlocks(r);
        robot.interact(() -> model.seekToEvent(i));
        ImportFacts f = r.facts();
        Event e = r.recording().event(i);
        long goid = f.goid(e.g());
        assertThat(goid).isNotEqualTo(e.g()).as("the trace's goids are not the engine's dense ids");
        assertThat(model.describe(e)).startsWith("G" + goid + " ").doesNotContain("goroutine " + goid + " (");
        Label name = robot.lookup("#thread-M" + e.m() + " .thread-name").queryAs(Label.class);
        assertThat(name.getText()).isEqualTo("tid " + r.threads().get(e.m()).m());
        // the version the trace was written by, read-only
        ComboBox<?> version = robot.lookup("#version-picker").queryAs(ComboBox.class);
        assertThat(version.getValue()).hasToString("1.23");
        assertThat(version.isDisabled()).isTrue();
    }

    @Test
    void aStepTheTraceDoesNotRecordIsMarkedInferredOnStageAndInTheLog(FxRobot robot) throws IOException {
        ImportResult r = open(robot, TRACE);
        Recording rec = r.recording();
        int unblock = -1;
        for (int k = r.openingIndex(); k < rec.size() && unblock < 0; k++) {
            if (rec.event(k) instanceof Event.GoroutineReadied) {
                unblock = k;
            }
        }
        int at = unblock;
        robot.interact(() -> model.seekToEvent(at));
        assertThat(model.describe(rec.event(at))).endsWith("(inferred: run queue assumed)");
        Label note = robot.lookup("#stage-note").queryAs(Label.class);
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).startsWith("inferred: ").contains("run queue");
        assertThat(robot.lookup("#legend-inferred").query().isVisible()).isTrue();
        assertThat(robot.lookup("#event-details-origin").queryAs(Label.class).getText())
                .startsWith("inferred: ");
        robot.interact(() -> Screenshots.save(window.scene(), "trace-inferred-1280x720"));
    }

    @Test
    void aGo123SchedtraceLogShowsItsOwnIdsItsVersionAndWhatWasFilledIn(FxRobot robot) throws IOException {
        ImportResult r = open(robot, LOG);
        ImportFacts f = r.facts();
        // a block that moves something (the next one has another end), so it is not shared with the blocks after
        KeyframeMark block = r.keyframes().stream().skip(2)
                .filter(k -> k.endIndex() - k.eventIndex() > 2).findFirst().orElseThrow();
        robot.interact(() -> model.playback().seek(block.endIndex()));
        Label note = robot.lookup("#stage-note").queryAs(Label.class);
        assertThat(note.getText()).startsWith("observed: as printed at SCHED " + block.timeMs() + "ms");
        assertThat(robot.lookup("#legend-inferred").query().isVisible()).isTrue();
        robot.interact(() -> model.playback().seek(block.endIndex() - 1));
        assertThat(note.getText()).startsWith("inferred: filled in after SCHED ");
        Event last = r.recording().event(block.endIndex() - 2);
        assertThat(model.describe(last)).endsWith("(inferred: filled in between SCHED blocks)");
        // the log's goids, not the engine's: goroutine 18 is G18
        for (int g = 1; g < r.recording().finalState().goroutines().size(); g++) {
            if (f.goid(g) == 18) {
                int engine = g;
                assertThat(engine).isNotEqualTo(18);
                robot.interact(() -> model.select(dev.curtain.view.model.Entity.g(engine)));
                assertThat(robot.lookup("#selection-title").queryAs(Label.class).getText()).startsWith("G18 ");
            }
        }
        ComboBox<?> version = robot.lookup("#version-picker").queryAs(ComboBox.class);
        assertThat(version.getValue()).hasToString("1.22");
        assertThat(version.getTooltip().getText()).contains("or later");
        robot.interact(() -> Screenshots.save(window.scene(), "schedtrace-go123-1280x720"));
    }

    @Test
    void aLaterPartOfTheTraceOpensFromTheFileMenu(FxRobot robot) throws Exception {
        Path ticker = Path.of("src/test/resources/gotrace/ticker-go1.23.trace");
        robot.interact(() -> window.open(ticker));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.importedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        MenuItem part = robot.lookup("#menu-bar").queryAs(MenuBar.class).getMenus().get(0).getItems().stream()
                .filter(i -> "trace-part-menu".equals(i.getId())).findFirst().orElseThrow();
        assertThat(part.isDisable()).as("three generations to choose from").isFalse();
        // the dialog is modal: fired later, answered once it is up
        javafx.application.Platform.runLater(part::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#trace-part-dialog").tryQuery()
                .isPresent());
        DialogPane pane = robot.lookup("#trace-part-dialog").queryAs(DialogPane.class);
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.OK)).fire());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> model.getScenario().description().contains("shown from generation 2"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.facts().isImport()).isTrue();
        assertThat(model.recording().event(0).timeNs()).isPositive();
        robot.interact(() -> window.show(ShippedLessons.first()));
        assertThat(part.isDisable()).as("a lesson has no generations").isTrue();
    }

    @Test
    void aScenarioShowsNoneOfIt(FxRobot robot) throws IOException {
        open(robot, TRACE);
        robot.interact(() -> {
            window.show(ShippedLessons.first());
            model.playback().seek(ViewerModel.openingIndex(model.recording()));
        });
        assertThat(robot.lookup("#event-details").query().isVisible()).isFalse();
        assertThat(robot.lookup("#stage-note").query().isVisible()).isFalse();
        assertThat(robot.lookup("#legend-inferred").query().isVisible()).isFalse();
        assertThat(robot.lookup("#thread-M0 .thread-name").queryAs(Label.class).getText()).isEqualTo("M0");
    }
}
