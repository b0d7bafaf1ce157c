package dev.curtain.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.curtain.cli.Main;
import dev.curtain.scenario.CuePoint;
import dev.curtain.scenario.LoadResult;
import dev.curtain.scenario.ScenarioFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Edit → Cue at This Event and File → Save: valid files, a backup, no harm on failure, unsaved-changes prompts. */
@ExtendWith(ApplicationExtension.class)
class AuthoringTest {
    private static final Path LESSON1 = Path.of("scenarios", "01-hello-goroutine.json");
    private MainWindow window;
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = WindowHarness.open(stage, ScenarioOpener.files(), 1600, 960);
    }

    private Path openCopy(FxRobot robot) throws IOException {
        Path file = dir.resolve("lesson.json");
        Files.copy(LESSON1, file);
        robot.interact(() -> window.open(file));
        return file;
    }

    private static CuePoint cue(String id, String caption) {
        // the match is the authoring code's to choose; this one is replaced by putCueHere's caller in the app
        return new CuePoint(id, dev.curtain.scenario.CueMatch.ofEvent("GoroutineCreated", 1), caption,
                "say this slowly", true, List.of("G1", "M0"));
    }

    @Test
    void aCueAddedAtAnEventSavesAsAValidFileThatRoundTripsWithTheOldOneKeptAsABackup(FxRobot robot)
            throws Exception {
        Path file = openCopy(robot);
        byte[] before = Files.readAllBytes(file);
        int cuesBefore = window.model().getScenario().cues().size();
        AtomicReference<String> matched = new AtomicReference<>();
        robot.interact(() -> {
            window.model().playback().seek(3);
            int index = window.model().playback().getIndex() - 1;
            var match = dev.curtain.view.model.CueAuthoring.matchFor(window.model().events(), index);
            window.authoring().putCueHere(new CuePoint("my-cue", match, "Here it begins.", "say this slowly", true,
                    List.of("M0")));
            matched.set(match.event());
        });
        assertThat(window.authoring().isDirty()).isTrue();
        assertThat(stage.getTitle()).startsWith("* ");
        assertThat(window.model().playback().getIndex()).isEqualTo(3);
        assertThat(window.model().atCueProperty().get()).isTrue();
        assertThat(window.model().captionProperty().get()).isEqualTo("Here it begins.");

        robot.interact(() -> {
            try {
                window.authoring().saveTo(file);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(window.authoring().isDirty()).isFalse();
        assertThat(Files.readAllBytes(Authoring.backupOf(file))).isEqualTo(before);
        LoadResult back = ScenarioFiles.load(file);
        assertThat(back.ok()).as(back.errors().toString()).isTrue();
        assertThat(back.scenario().cues()).hasSize(cuesBefore + 1);
        assertThat(back.scenario().cues()).anyMatch(c -> c.id().equals("my-cue") && c.pause()
                && c.notes().equals("say this slowly") && c.match().event().equals(matched.get()));
        assertThat(ScenarioFiles.toJson(back.scenario())).isEqualTo(Files.readString(file));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "validate", file.toString()))
                .as(err.toString()).isZero();
    }

    @Test
    void editingTheCueAtAnEventReplacesItRatherThanAddingOne(FxRobot robot) throws Exception {
        openCopy(robot);
        int cuesBefore = window.model().getScenario().cues().size();
        robot.interact(() -> {
            window.model().nextCue();
            int c = window.model().currentCue();
            CuePoint old = window.model().getScenario().cues().get(c);
            window.authoring().putCueHere(new CuePoint(old.id(), old.match(), "A new caption.", old.notes(),
                    old.pause(), old.highlight()));
        });
        assertThat(window.model().getScenario().cues()).hasSize(cuesBefore);
        assertThat(window.model().captionProperty().get()).isEqualTo("A new caption.");
    }

    @Test
    void aFailedSaveLeavesTheOldFileIntactAndTheChangesUnsaved(FxRobot robot) throws Exception {
        Path file = openCopy(robot);
        byte[] before = Files.readAllBytes(file);
        robot.interact(() -> {
            window.model().playback().seek(3);
            window.authoring().putCueHere(cue("x", "changed"));
        });
        // the backup cannot be written (a folder with something in it stands where it goes), so nothing is
        Files.createDirectories(Authoring.backupOf(file).resolve("in-the-way"));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        robot.interact(() -> {
            try {
                window.authoring().saveTo(file);
            } catch (IOException | RuntimeException e) {
                failure.set(e);
            }
        });
        assertThat(failure.get()).isInstanceOf(IOException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(window.authoring().isDirty()).isTrue();
        // a scenario the file format cannot hold is refused before the disk is touched
        assertThatThrownBy(() -> ScenarioFiles.save(window.model().getScenario().withCues(List.of(cue("a", "one"),
                cue("a", "two"))), file)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void unsavedChangesAreAskedAboutBeforeOpeningAnotherScenarioOrClosing(FxRobot robot) throws Exception {
        Path file = openCopy(robot);
        robot.interact(() -> {
            window.model().playback().seek(3);
            window.authoring().putCueHere(cue("x", "changed"));
        });
        String title = window.model().getScenario().title();
        List<String> asked = new java.util.ArrayList<>();
        robot.interact(() -> {
            window.authoring().setPrompt(t -> {
                asked.add(t);
                return Authoring.Choice.CANCEL;
            });
            window.open(LESSON1);
        });
        assertThat(asked).containsExactly("1. Hello, goroutine");
        assertThat(window.authoring().isDirty()).isTrue();
        assertThat(window.authoring().fileProperty().get()).isEqualTo(file);
        robot.interact(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThat(stage.isShowing()).isTrue();
        assertThat(asked).containsExactly(title, title);

        robot.interact(() -> {
            window.authoring().setPrompt(t -> Authoring.Choice.SAVE);
            window.open(LESSON1);
        });
        assertThat(window.authoring().fileProperty().get()).isEqualTo(LESSON1);
        assertThat(window.model().getScenario().title()).isEqualTo("1. Hello, goroutine");
        assertThat(ScenarioFiles.load(file).scenario().cues()).anyMatch(c -> c.id().equals("x"));
    }

    @Test
    void dontSaveDiscardsTheChangesAndLeavesTheFileAsItWas(FxRobot robot) throws Exception {
        Path file = openCopy(robot);
        byte[] before = Files.readAllBytes(file);
        robot.interact(() -> {
            window.model().playback().seek(3);
            window.authoring().putCueHere(cue("x", "changed"));
        });
        assertThat(window.authoring().isDirty()).isTrue();
        Path other = Path.of("scenarios", "02-gomaxprocs-bounds-ps-not-ms.json");
        robot.interact(() -> {
            window.authoring().setPrompt(t -> Authoring.Choice.DISCARD);
            window.open(other);
        });
        assertThat(window.model().getScenario().title())
                .isEqualTo(ScenarioFiles.load(other).scenario().title()).isNotEqualTo("1. Hello, goroutine");
        assertThat(window.authoring().isDirty()).isFalse();
        assertThat(window.authoring().fileProperty().get()).isEqualTo(other);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.exists(Authoring.backupOf(file))).isFalse();
    }

    @Test
    void aReadOnlyFileIsAskedAboutAndADeclinedSaveLeavesItAlone(FxRobot robot) throws Exception {
        Path file = openCopy(robot);
        byte[] before = Files.readAllBytes(file);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        robot.interact(() -> {
            window.model().playback().seek(3);
            window.authoring().putCueHere(cue("x", "changed"));
        });
        List<Path> asked = new java.util.ArrayList<>();
        AtomicReference<Boolean> saved = new AtomicReference<>();
        robot.interact(() -> {
            window.authoring().setOverwritePrompt(f -> {
                asked.add(f);
                return false;
            });
            saved.set(window.authoring().save());
        });
        assertThat(saved.get()).isFalse();
        assertThat(asked).containsExactly(file.toAbsolutePath());
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(window.authoring().isDirty()).isTrue();
        robot.interact(() -> {
            window.authoring().setOverwritePrompt(f -> true);
            saved.set(window.authoring().save());
        });
        assertThat(saved.get()).isTrue();
        assertThat(ScenarioFiles.load(file).scenario().cues()).anyMatch(c -> c.id().equals("x"));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("r--r--r--");
    }

    @Test
    void dontSaveThenOpeningALogNeverWritesTheLogOverTheScenarioFile(FxRobot robot) throws Exception {
        Path file = openCopy(robot);
        robot.interact(() -> {
            window.model().playback().seek(3);
            window.authoring().putCueHere(cue("x", "changed"));
        });
        byte[] before = Files.readAllBytes(file);
        List<String> asked = new java.util.ArrayList<>();
        Path log = Path.of(getClass().getResource("/schedtrace/channels-p1-summary.log").toURI());
        robot.interact(() -> {
            window.authoring().setPrompt(t -> {
                asked.add(t);
                return Authoring.Choice.DISCARD;
            });
            window.open(log);
        });
        org.testfx.util.WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                () -> window.model().importedProperty().get());
        assertThat(asked).containsExactly("1. Hello, goroutine");
        // Nothing of the log can be saved, so nothing is unsaved: closing asks nothing and writes nothing.
        assertThat(window.authoring().isDirty()).isFalse();
        robot.interact(() -> {
            window.authoring().setPrompt(t -> {
                asked.add(t);
                return Authoring.Choice.SAVE;
            });
            stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
        });
        assertThat(asked).hasSize(1);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(window.authoring().save()).as("a log is not a scenario to save").isFalse();
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void theCueEditorRefusesWhatWouldNotMakeAValidFile(FxRobot robot) {
        AtomicReference<CueEditorDialog> d = new AtomicReference<>();
        robot.interact(() -> {
            CueEditorDialog dialog = new CueEditorDialog(stage, "M0 on P0 runs G1", null, "goroutine-started-1",
                    dev.curtain.scenario.CueMatch.ofEvent("GoroutineStarted", 1));
            d.set(dialog);
            dialog.show();
        });
        CueEditorDialog dialog = d.get();
        assertThat(dialog.valid()).isFalse();
        robot.interact(() -> {
            dialog.caption.setText("main starts on M0.");
            dialog.notes.setText("Point at the runnext slot.");
            dialog.highlight.setText("G1 M0");
            dialog.pause.setSelected(true);
        });
        assertThat(dialog.valid()).isTrue();
        robot.interact(() -> Screenshots.save(dialog.getDialogPane().getScene(), "cue-editor"));
        robot.interact(() -> dialog.highlight.setText("G1 X9"));
        assertThat(dialog.valid()).isFalse();
        robot.interact(() -> dialog.id.setText("has space"));
        robot.interact(() -> dialog.highlight.setText("G1"));
        assertThat(dialog.valid()).isFalse();
        robot.interact(() -> {
            dialog.id.setText("main-starts");
            assertThat(dialog.cue(dev.curtain.scenario.CueMatch.ofEvent("GoroutineStarted", 1)).highlight())
                    .containsExactly("G1");
            dialog.close();
        });
    }
}
