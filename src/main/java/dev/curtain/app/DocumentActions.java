package dev.curtain.app;

import dev.curtain.engine.GoVersion;
import dev.curtain.importer.ImportResult;
import dev.curtain.importer.LogImport;
import dev.curtain.scenario.Scenario;
import dev.curtain.view.model.ViewerModel;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.concurrent.Task;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.dialog.ProgressDialog;

/**
 * What the File menu, the toolbar's open button and lesson picker, drag and drop and the option pickers ask of the
 * window: open a scenario file or a recorded run, show a lesson (side by side when it contrasts versions),
 * re-simulate under other options or another seed, compare, quit. Every way in asks about unsaved cues first.
 */
final class DocumentActions {
    private final Stage stage;
    private final ViewerModel model;
    private final WindowModel window;
    private final ScenarioOpener opener;
    private final RecentFiles recent;
    private final Authoring authoring;
    private final Duration tween;

    DocumentActions(Stage stage, ViewerModel model, WindowModel window, ScenarioOpener opener, RecentFiles recent,
                    Authoring authoring, Duration tween) {
        this.stage = stage;
        this.model = model;
        this.window = window;
        this.opener = opener;
        this.recent = recent;
        this.authoring = authoring;
        this.tween = tween;
        // a scenario on show has no generations to open
        model.importedProperty().addListener((o, a, b) -> {
            if (!b) {
                shownTrace = null;
                traceGenerations.set(0);
            }
        });
    }

    /**
     * Opens a scenario file, or a schedtrace log (told apart by content); on errors, lists them all and keeps the
     * current scenario.
     */
    void open(Path file) {
        if (!authoring.confirmDiscard()) {
            return;
        }
        if (LogImport.looksLikeImport(file)) {
            openLog(file);
            return;
        }
        ScenarioOpener.Result r;
        try {
            r = opener.open(file);
        } catch (RuntimeException e) {
            ErrorDialogs.exception(stage, e);
            return;
        }
        if (!r.ok()) {
            ErrorDialogs.openErrors(stage, file, r.errors());
            return;
        }
        recent.add(file);
        show(r.scenario());
        authoring.opened(file);
    }

    /** The Go trace on show and how many generations it has (0: the run on show is not a trace). */
    private Path shownTrace;
    private final ReadOnlyIntegerWrapper traceGenerations = new ReadOnlyIntegerWrapper(this, "traceGenerations");

    /** How many generations the Go trace on show has; 0 when the run on show is not one. */
    ReadOnlyIntegerProperty traceGenerationsProperty() {
        return traceGenerations.getReadOnlyProperty();
    }

    /**
     * File → Open Part of Trace…: the Go trace on show again, from the generation the user picks (a long trace's
     * recording holds about its first second).
     */
    void chooseTracePart() {
        int n = traceGenerations.get();
        if (shownTrace == null || n < 2) {
            return;
        }
        List<Integer> choices = new java.util.ArrayList<>();
        for (int g = 1; g <= n; g++) {
            choices.add(g);
        }
        javafx.scene.control.ChoiceDialog<Integer> d = new javafx.scene.control.ChoiceDialog<>(2, choices);
        d.initOwner(stage);
        d.setTitle("Open part of a trace");
        d.setHeaderText(shownTrace.getFileName() + " has " + n + " generations (about one a second)");
        d.setContentText("Start at generation:");
        d.getDialogPane().setId("trace-part-dialog");
        d.showAndWait().ifPresent(g -> openTracePart(g));
    }

    /** The Go trace on show again, its recording starting at generation {@code g}. */
    void openTracePart(int g) {
        if (shownTrace != null && authoring.confirmDiscard()) {
            openLog(shownTrace, g);
        }
    }

    /** Imports a schedtrace log in the background with a progress dialog (cancel stops it), then shows it. */
    private void openLog(Path file) {
        openLog(file, 1);
    }

    private void openLog(Path file, int fromGeneration) {
        Task<ImportResult> task = LogOpening.task(file, fromGeneration);
        task.setOnSucceeded(e -> {
            ImportResult r = task.getValue();
            if (r.isRefused()) {
                ErrorDialogs.openErrors(stage, file, List.of(r.refusal()));
                return;
            }
            shownTrace = ImportResult.GO_TRACE.equals(r.source()) ? file : null;
            traceGenerations.set(r.generationCount());
            recent.add(file);
            model.openRecording(LogOpening.describe(file, r), r.recording(), LogOpening.openingIndex(r),
                    r.facts());
            authoring.openedLog();
        });
        task.setOnFailed(e -> {
            if (!(task.getException() instanceof CancellationException)) {
                ErrorDialogs.exception(stage, task.getException());
            }
        });
        ProgressDialog progress = new ProgressDialog(task);
        progress.initOwner(stage);
        progress.setTitle("Opening a recorded run");
        progress.setHeaderText("Replaying " + file.getFileName());
        Thread worker = new Thread(task, "curtain-import");
        worker.setDaemon(true);
        worker.start();
    }

    /** File → Open… and the toolbar's open button. */
    void chooseFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a scenario");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Curtain scenarios", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = fc.showOpenDialog(stage);
        if (f != null) {
            open(f.toPath());
        }
    }

    /** Simulates and shows a scenario (a lesson, or one just read from a file). */
    void show(Scenario s) {
        authoring.opened(null);
        model.open(s, err -> ErrorDialogs.exception(stage, err));
    }

    /** The lesson picker's choice: shown, and side by side too when the lesson contrasts versions. */
    void openLesson(Scenario s) {
        if (!authoring.confirmDiscard()) {
            return;
        }
        show(s);
        if (!s.compare().isEmpty()) {
            // a lesson that contrasts versions opens side by side too, as its author meant it to be seen
            compare(s);
        }
    }

    /**
     * Opens the side-by-side view on the current scenario: under the two versions its file compares (a lesson's
     * {@code compare} list), else under its own version and the next profile. Null when there is nothing to
     * compare (no scenario, or a replayed log, which is not re-simulated).
     */
    CompareWindow compare() {
        Scenario s = model.getScenario();
        if (s == null || model.importedProperty().get()) {
            return null;
        }
        return compare(s);
    }

    /** The side-by-side view on {@code s}, beside the main window, in the window's theme and text size. */
    private CompareWindow compare(Scenario s) {
        model.playback().pause();
        CompareWindow w = new CompareWindow(stage, model.runner(), window.themeProperty(), window.textSizeProperty(),
                tween);
        GoVersion[] v = CompareWindow.versionsFor(s);
        w.show(s, v[0], v[1]);
        return w;
    }

    /** The version and GOMAXPROCS pickers: re-simulates and stays near the same point. */
    void changeOptions(GoVersion v, int procs) {
        if (v == null || model.getScenario() == null) {
            return;
        }
        model.changeOptions(v, procs, err -> ErrorDialogs.exception(stage, err));
    }

    /**
     * The toolbar's seed, View → Next Seed and the Explore panel's "open a run": re-runs with {@code seed} and stays
     * near the same point, as an option change does.
     */
    void changeSeed(long seed) {
        if (model.getScenario() == null) {
            return;
        }
        model.changeSeed(seed, err -> ErrorDialogs.exception(stage, err));
    }

    /** View → Next Seed: another run of the same program, the seed after the one on screen. */
    void nextSeed() {
        changeSeed(window.getSeed() + 1);
    }

    /** File → Quit, after asking about unsaved cues. */
    void quit() {
        if (authoring.confirmDiscard()) {
            stage.close();
        }
    }

    /** Export draws a simulated run again off screen; a replayed log is not re-simulated, so it is not offered. */
    BooleanBinding nothingToExport() {
        return model.scenarioProperty().isNull().or(model.importedProperty());
    }
}
